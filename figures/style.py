"""One palette and one set of sizes for every figure.

Okabe–Ito colours (safe for the common colour-vision deficiencies); the
regions also differ in line dash and marker shape, so nothing relies on
colour alone.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import plotly.graph_objects as go

from geometry import ElasticNetBall, NormBall

INK = "#222222"
CONTOUR = "#8c8c8c"
GRID = "#e6e6e6"
AXIS_HIGHLIGHT = "#009E73"  # bluish green: "this weight is exactly zero"
CONE = "rgba(0, 158, 115, 0.22)"  # the normal cone, same hue as the zero highlight
FONT_FAMILY = "Source Sans Pro, Helvetica, Arial, sans-serif"


@dataclass(frozen=True)
class RegionStyle:
    """How one constraint region is drawn and named."""

    colour: str
    fill: str
    dash: str
    marker: str
    shape_name: str
    norm_text: str


def _style(
    colour: str, alpha_fill: str, dash: str, marker: str, shape: str, norm: str
) -> RegionStyle:
    return RegionStyle(colour, alpha_fill, dash, marker, shape, norm)


L1_STYLE = _style("#0072B2", "rgba(0, 114, 178, 0.16)", "solid", "diamond", "diamond", "‖w‖₁")
L2_STYLE = _style("#D55E00", "rgba(213, 94, 0, 0.16)", "dash", "circle", "circle", "‖w‖₂")


def region_style(region: NormBall | ElasticNetBall) -> RegionStyle:
    """The style (colour, dash, marker, names) for a region."""
    if isinstance(region, ElasticNetBall):
        return _style(
            "#56B4E9",
            "rgba(86, 180, 233, 0.20)",
            "dashdot",
            "star",
            "elastic-net region",
            "a‖w‖₁ + (1−a)‖w‖₂²",
        )
    p = region.p
    if p == 1.0:
        return L1_STYLE
    if p == 2.0:
        return L2_STYLE
    if math.isinf(p):
        return _style("#CC79A7", "rgba(204, 121, 167, 0.16)", "dot", "square", "square", "‖w‖∞")
    shape = "star" if p < 1.0 else ("rounded diamond" if p < 2.0 else "rounded square")
    return _style(
        "#E69F00", "rgba(230, 159, 0, 0.18)", "longdash", "triangle-up", shape, f"‖w‖_{p:g}"
    )


def base_layout(title: str, height: int, **extra) -> dict:
    """The layout every chart starts from: white, left title, legend in its own bottom band."""
    return {
        "height": height,
        "margin": {"l": 60, "r": 15, "t": 60, "b": 95},
        "title": {"text": title, "font": {"size": 16}, "x": 0.0, "xanchor": "left"},
        "font": {"family": FONT_FAMILY, "color": INK, "size": 13},
        "plot_bgcolor": "white",
        "paper_bgcolor": "white",
        # Under the x-axis title, in its own band: never over the axis labels.
        "legend": {
            "orientation": "h",
            "yref": "container",
            "yanchor": "bottom",
            "y": 0.0,
            "x": 0.0,
        },
        **extra,
    }


def axis_style(title: str, **extra) -> dict:
    """A gridded axis with a strong zero line (zero is what the lessons are about)."""
    return {
        "title": {"text": title},
        "gridcolor": GRID,
        "zeroline": True,
        "zerolinecolor": INK,
        "zerolinewidth": 1.5,
        **extra,
    }


# Presentation mode: what changes so that the back row of a lecture hall can read it.
_PRESENT_FONT = 1.45
_PRESENT_LINE = 1.8
_PRESENT_MARKER = 1.5
# Taller figures are cut to this so that title, badge and figure fit a 1280 x 720
# projector; their legend band goes (the title states the conclusion).
PRESENT_HEIGHT = 450
PRESENT_CONTOUR = "#555555"
_PRESENT_MAX_LEGEND = 5
# A dark page: the figures follow, unless they are wanted white (for slides).
DARK_PAPER = "#0E1117"
DARK_INK = "#F2F2F2"
DARK_GRID = "#3A3F4B"


def chart_config(name: str, export_format: str = "png") -> dict:
    """Plotly's config for one chart: no logo; the camera button downloads PNG or SVG."""
    if export_format not in ("png", "svg"):
        raise ValueError(f"export_format must be 'png' or 'svg', got {export_format!r}")
    return {
        "displaylogo": False,
        "toImageButtonOptions": {
            "format": export_format,
            "filename": f"sparsity-lab-{name}",
            "scale": 2,  # sharp on a projector or a slide
        },
    }


def adapt_figure(figure: go.Figure, presenting: bool = False, dark: bool = False) -> go.Figure:
    """The figure for projection (larger type, thicker lines) and/or a dark page.

    Returns ``figure`` itself when nothing changes; otherwise a copy, so that a
    cached figure is never altered.
    """
    if not presenting and not dark:
        return figure
    adapted = go.Figure(figure)
    layout = adapted.layout
    if presenting:
        if layout.height and layout.height > PRESENT_HEIGHT:
            layout.height = PRESENT_HEIGHT
            entries = sum(1 for t in adapted.data if t.name and t.showlegend is not False)
            if entries > _PRESENT_MAX_LEGEND:
                # A long legend would take the plot's height: the title says it.
                layout.showlegend = False
                layout.margin.b = 70
            else:
                # A short one fits on one row under the axis.
                layout.legend.orientation = "h"
                layout.legend.yref = "container"
                layout.legend.y = 0.0
                layout.legend.yanchor = "bottom"
                layout.margin.b = 110
        _scale_fonts(layout, _PRESENT_FONT)
        for trace in adapted.data:
            line = getattr(trace, "line", None)
            if line is not None and "width" in line:
                line.width = (line.width if line.width is not None else 2.0) * _PRESENT_LINE
            if line is not None and "color" in line and line.color == CONTOUR:
                line.color = PRESENT_CONTOUR  # pale greys wash out on a projector
            marker = getattr(trace, "marker", None)
            if marker is not None and "size" in marker and isinstance(marker.size, int | float):
                marker.size = marker.size * _PRESENT_MARKER
        for annotation in layout.annotations:
            annotation.font.size = (annotation.font.size or 13) * _PRESENT_FONT
    if dark:
        layout.paper_bgcolor = DARK_PAPER
        layout.plot_bgcolor = DARK_PAPER
        layout.font.color = DARK_INK
        for axis in _axes(layout):
            axis.gridcolor = DARK_GRID
            axis.zerolinecolor = DARK_INK
            axis.linecolor = DARK_INK
        for trace in adapted.data:
            line = getattr(trace, "line", None)
            if line is not None and "color" in line and line.color == INK:
                line.color = DARK_INK
            marker = getattr(trace, "marker", None)
            if marker is not None and "color" in marker and marker.color == INK:
                marker.color = DARK_INK
            for bars in (getattr(trace, "error_x", None), getattr(trace, "error_y", None)):
                if bars is not None and bars.color == INK:
                    bars.color = DARK_INK
            textfont = getattr(trace, "textfont", None)
            if textfont is not None and textfont.color in (None, INK):
                textfont.color = DARK_INK
        for annotation in layout.annotations:
            if annotation.font.color in (None, INK):
                annotation.font.color = DARK_INK
    return adapted


def _axes(layout) -> list:
    return [layout[name] for name in layout if name.startswith(("xaxis", "yaxis"))]


def _scale_fonts(layout, factor: float) -> None:
    layout.font.size = (layout.font.size or 13) * factor
    if layout.title.font.size:
        layout.title.font.size *= factor
    layout.legend.font.size = (layout.legend.font.size or layout.font.size / factor) * factor
    for axis in _axes(layout):
        axis.title.font.size = (axis.title.font.size or 13) * factor
        axis.tickfont.size = (axis.tickfont.size or 12) * factor
