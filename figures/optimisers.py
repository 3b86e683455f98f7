"""How each optimiser is drawn, the same in every training figure; its path as drawn (shared by
the race figure and its frames); and how a long run is thinned."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from figures.style import BLUE, INK, OCHRE, OLIVE, PURPLE, SKY, VERMILLION

__all__ = ["OPTIMISER_STYLES", "OptimiserStyle", "PathData", "thin"]


@dataclass(frozen=True)
class OptimiserStyle:
    """How one optimiser is drawn: colour, line dash and marker each carry its identity."""

    colour: str
    dash: str
    marker: str


# Warm colours step along a subgradient; cool ones (and ink) know the kink at 0.
OPTIMISER_STYLES: dict[str, OptimiserStyle] = {
    "subgradient": OptimiserStyle(VERMILLION, "dash", "circle"),
    "subgradient_sqrt": OptimiserStyle(OCHRE, "longdash", "triangle-up"),
    "sgd": OptimiserStyle(PURPLE, "dot", "square"),
    "adam": OptimiserStyle(OLIVE, "dashdot", "x"),
    "ista": OptimiserStyle(BLUE, "solid", "diamond"),
    "fista": OptimiserStyle(SKY, "longdashdot", "star"),
    "cd": OptimiserStyle(INK, "solid", "cross"),
}


@dataclass(frozen=True)
class PathData:
    """One optimiser's iterates as the race figure draws them.

    Attributes
    ----------
    slug, name : str
        Its key in ``OPTIMISER_STYLES`` and its legend entry.
    points : ndarray, shape (k + 1, 2)
        Every iterate, start included.
    """

    slug: str
    name: str
    points: np.ndarray


def thin(count: int, most: int) -> np.ndarray:
    """At most about ``most`` indices of ``range(count)``: all early ones, then evenly spaced."""
    if count <= most:
        return np.arange(count)
    early = np.arange(most // 4)
    rest = np.linspace(most // 4, count - 1, most - most // 4).round().astype(int)
    return np.unique(np.concatenate([early, rest]))
