"""Rasters with a palette: a grid of codes as a PNG, and the same PNG in other colours.

A palette PNG stores each pixel as an index into a short colour table, so a
figure drawn for a white page is recoloured for a dark one by rewriting that
table alone (``recolour_png``), without knowing what the pixels mean.
"""

from __future__ import annotations

import base64
import io

import numpy as np
from PIL import Image

__all__ = ["codes_png", "recolour_png"]

_PREFIX = "data:image/png;base64,"


def _hex(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def _encode(image: Image.Image) -> str:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=6)
    return _PREFIX + base64.b64encode(buffer.getvalue()).decode("ascii")


def codes_png(codes: np.ndarray, colours: dict[int, str]) -> str:
    """A grid of small non-negative integer codes (rows top to bottom) as a palette PNG data URI.

    Parameters
    ----------
    codes : ndarray of int, shape (rows, cols)
        One code per pixel.
    colours : dict
        ``'#rrggbb'`` for each code that occurs.
    """
    table = np.zeros((max(colours) + 1, 3), dtype=np.uint8)
    for code, colour in colours.items():
        table[code] = _hex(colour)
    image = Image.fromarray(np.asarray(codes, dtype=np.uint8))  # mode "L"
    image.putpalette(table.ravel().tolist())  # ...which makes it a palette image
    return _encode(image)


def recolour_png(source: str, mapping: dict[str, str]) -> str:
    """The palette PNG ``source`` with each ``'#rrggbb'`` colour in ``mapping`` replaced.

    Other images, and colours not in ``mapping``, are left as they are.
    """
    if not source.startswith(_PREFIX):
        return source
    image = Image.open(io.BytesIO(base64.b64decode(source[len(_PREFIX) :])))
    if image.mode != "P":
        return source
    lookup = {
        _hex(k): _hex(v) for k, v in mapping.items() if k.startswith("#") and v.startswith("#")
    }
    table = image.getpalette()
    for start in range(0, len(table), 3):
        old = tuple(table[start : start + 3])
        table[start : start + 3] = lookup.get(old, old)
    image.putpalette(table)
    return _encode(image)
