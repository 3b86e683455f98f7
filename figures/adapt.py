"""How a figure adapts to a projector (larger type, thicker lines) or to a dark page.

The pages call ``adapt_figure`` on every figure they show (``ui.frame``); the
colours come from ``figures.style``, whose ``DARK_VARIANT`` maps each palette
colour that lacks contrast on a dark page to the one drawn there.
"""

from __future__ import annotations

import plotly.graph_objects as go

from figures.raster import recolour_png
from figures.style import (
    CONTOUR,
    DARK_GRID,
    DARK_INK,
    DARK_PAPER,
    DARK_VARIANT,
    PRESENT_CONTOUR,
    PRESENT_HEIGHT,
)
from figures.titles import stack_title, wrap_title

__all__ = ["adapt_figure"]

# What changes so that the back row of a lecture hall can read it.
_PRESENT_FONT = 1.45
_PRESENT_LINE = 1.8
_PRESENT_MARKER = 1.5
# More entries than this, in larger type, take several rows under a half-width figure
# (five rows covered the tour's L2 panel at 1280 x 720): the legend goes.
_PRESENT_MAX_LEGEND = 3
# Characters per title line when projected: about half a 1280 px screen in 22 px type.
_PRESENT_TITLE_CHARS = 48


def adapt_figure(
    figure: go.Figure, presenting: bool = False, dark: bool = False, full_width: bool = False
) -> go.Figure:
    """The figure for projection (larger type, thicker lines) and/or a dark page.

    Projected, title lines longer than about half a 1280 px screen are broken
    (Plotly does not wrap titles), unless ``full_width`` says that the figure
    has the whole width.

    On a dark page every colour of the figure (lines, markers, fills, text,
    error bars, annotations, shapes, the raster of an image) that lacks
    contrast there is replaced by its ``DARK_VARIANT``. Returns ``figure``
    itself when nothing changes; otherwise a new figure, so that a cached
    figure is never altered.
    """
    if not presenting and not dark:
        return figure
    spec = figure.to_dict()
    layout = spec.setdefault("layout", {})
    layout.pop("template", None)  # the default template returns on construction
    for name in ("xaxis", "yaxis"):
        layout.setdefault(name, {})
    if presenting:
        _present(spec["data"], layout, 2 * _PRESENT_TITLE_CHARS if full_width else None)
    if dark:
        _darken(spec)
    return go.Figure(spec)


def _axes(layout: dict) -> list[dict]:
    return [value for name, value in layout.items() if name.startswith(("xaxis", "yaxis"))]


def _present(traces: list[dict], layout: dict, title_chars: int | None = None) -> None:
    height = layout.get("height")
    if height and height > PRESENT_HEIGHT:
        layout["height"] = PRESENT_HEIGHT
        margin = layout.setdefault("margin", {})
        entries = sum(1 for t in traces if t.get("name") and t.get("showlegend") is not False)
        if entries > _PRESENT_MAX_LEGEND:
            layout["showlegend"] = False  # a long legend would take the plot's height
            margin["b"] = 70
        else:  # a short one fits on one row under the axis
            legend = layout.setdefault("legend", {})
            legend.update(orientation="h", yref="container", y=0.0, yanchor="bottom")
            margin["b"] = 110
    font = layout.setdefault("font", {})
    font["size"] = font.get("size", 13) * _PRESENT_FONT
    title = layout.get("title", {})
    if title.get("font", {}).get("size"):
        title["font"]["size"] *= _PRESENT_FONT
    if title.get("text"):  # Plotly never wraps a title: a long line in larger type is cut
        title["text"] = wrap_title(title["text"], title_chars or _PRESENT_TITLE_CHARS)
    stacked = title.get("yref") == "paper"  # above panels' titles (figures.titles)
    if "<br>" in title.get("text", "") and not stacked:  # two lines of larger type need room
        margin = layout.setdefault("margin", {})
        lines = title["text"].count("<br>") + 1
        size = title.get("font", {}).get("size", font["size"])
        margin["t"] = max(margin.get("t", 80) * 1.25, 24 + 1.3 * size * lines)
    margin = layout.get("margin", {})
    if margin.get("autoexpand") is False and "l" in margin:
        margin["l"] *= 1.3  # a fixed margin holds the larger tick labels ("−0.5") too
    legend_font = layout.setdefault("legend", {}).setdefault("font", {})
    legend_font["size"] = legend_font.get("size", font["size"] / _PRESENT_FONT) * _PRESENT_FONT
    for axis in _axes(layout):
        title_font = axis.setdefault("title", {}).setdefault("font", {})
        title_font["size"] = title_font.get("size", 13) * _PRESENT_FONT
        tick_font = axis.setdefault("tickfont", {})
        tick_font["size"] = tick_font.get("size", 12) * _PRESENT_FONT
    for annotation in layout.get("annotations", []):
        annotation_font = annotation.setdefault("font", {})
        annotation_font["size"] = annotation_font.get("size", 13) * _PRESENT_FONT
    if stacked:  # the larger title above the larger panel titles
        stack_title(layout)
    for trace in traces:
        if trace.get("type", "scatter") in ("scatter", "scattergl"):
            line = trace.setdefault("line", {})
            line["width"] = line.get("width", 2.0) * _PRESENT_LINE
            if line.get("color") == CONTOUR:
                line["color"] = PRESENT_CONTOUR
        marker = trace.get("marker", {})
        if isinstance(marker.get("size"), int | float):
            marker["size"] *= _PRESENT_MARKER


def _dark(colour):
    if isinstance(colour, str):
        return DARK_VARIANT.get(colour, colour)
    if isinstance(colour, list | tuple):
        return [_dark(c) for c in colour]
    return colour  # numbers (a colour scale's values) and arrays of them


def _recolour(node: dict | list) -> None:
    """Replace every palette colour inside a figure's dict by its dark variant, in place."""
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for key, value in items:
        if isinstance(value, dict):
            _recolour(value)
        elif key == "colorscale" and isinstance(value, list | tuple):
            node[key] = [[stop, _dark(c)] for stop, c in value]
        elif isinstance(key, str) and "color" in key:
            node[key] = _dark(value)
        elif key == "source" and isinstance(value, str) and value.startswith("data:image/png"):
            node[key] = recolour_png(value, DARK_VARIANT)
        elif isinstance(value, list):
            _recolour(value)


def _darken(spec: dict) -> None:
    _recolour(spec)
    layout = spec["layout"]
    layout["paper_bgcolor"] = layout["plot_bgcolor"] = DARK_PAPER
    layout.setdefault("font", {}).setdefault("color", DARK_INK)
    for axis in _axes(layout):
        axis.setdefault("gridcolor", DARK_GRID)
        axis.setdefault("zerolinecolor", DARK_INK)
        axis.setdefault("linecolor", DARK_INK)
