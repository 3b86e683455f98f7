"""One palette and one set of sizes for every figure.

Okabe–Ito colours (safe for the common colour-vision deficiencies); L1 and L2
also differ in marker shape and line dash, so nothing relies on colour alone.
"""

from __future__ import annotations

from dataclasses import dataclass

INK = "#222222"
CONTOUR = "#8c8c8c"
GRID = "#e6e6e6"
AXIS_HIGHLIGHT = "#009E73"  # bluish green: "this weight is exactly zero"
FONT_FAMILY = "Source Sans Pro, Helvetica, Arial, sans-serif"


@dataclass(frozen=True)
class RegionStyle:
    """How one constraint region is drawn."""

    colour: str
    fill: str
    dash: str
    marker: str
    shape_name: str
    norm_text: str


L1_STYLE = RegionStyle(
    colour="#0072B2",
    fill="rgba(0, 114, 178, 0.16)",
    dash="solid",
    marker="diamond",
    shape_name="diamond",
    norm_text="‖w‖₁",
)
L2_STYLE = RegionStyle(
    colour="#D55E00",
    fill="rgba(213, 94, 0, 0.16)",
    dash="dash",
    marker="circle",
    shape_name="circle",
    norm_text="‖w‖₂",
)


def region_style(p: float) -> RegionStyle:
    """The style for a NormBall of exponent ``p`` (p = 1 or 2 so far)."""
    return L1_STYLE if p == 1.0 else L2_STYLE
