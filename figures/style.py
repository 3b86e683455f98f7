"""One palette and one set of sizes for every figure.

Okabe–Ito colours (safe for the common colour-vision deficiencies); the
regions also differ in line dash and marker shape, so nothing relies on
colour alone.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

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
