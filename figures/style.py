"""One palette (with its dark variants), one region style table, the shared layouts.

Every colour a figure uses is defined here once, with its variant for a dark
page where it lacks contrast there. The hues are Okabe–Ito (safe for the
common colour-vision deficiencies); orange and sky blue are darkened for a
white page, where the originals reach only about 2.3:1 (WCAG asks 3:1 of
lines and markers), and come back in their original brightness on a dark
page. Okabe–Ito yellow is only ever a fill. The regions also differ in line
dash, marker shape and bar hatching, so nothing relies on colour alone.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from figures.titles import phone_title
from geometry.regions import Region, kind_of

__all__ = [
    "AXIS_HIGHLIGHT",
    "BAR_GREY",
    "BLUE",
    "CONE",
    "CONTOUR",
    "DARK_GRID",
    "DARK_INK",
    "DARK_PAPER",
    "DARK_VARIANT",
    "FILL_ALPHA",
    "FONT_FAMILY",
    "GREEN",
    "GREY",
    "GRID",
    "INK",
    "OCHRE",
    "OLIVE",
    "PALE_GREEN",
    "PALE_GREY",
    "PAPER",
    "PRESENT_CONTOUR",
    "PRESENT_HEIGHT",
    "PURPLE",
    "REGION_STYLES",
    "SKY",
    "VERMILLION",
    "YELLOW",
    "RegionStyle",
    "axis_style",
    "base_layout",
    "chart_config",
    "region_style",
    "translucent",
]

# --- the palette ------------------------------------------------------------------------
PAPER = "white"  # also the halo around markers and the hatching of bars
INK = "#222222"
GREY = "#8c8c8c"  # loss contours; "nothing special here"
CONTOUR = GREY
GRID = "#e6e6e6"
BLUE = "#0072B2"  # L1
VERMILLION = "#D55E00"  # L2
GREEN = "#009E73"  # "this weight is exactly zero"
AXIS_HIGHLIGHT = GREEN
PURPLE = "#CC79A7"  # the square; best subset (L0)
OCHRE = "#B97F00"  # Okabe-Ito orange #E69F00 darkened to 3.4:1 on white: Lp
SKY = "#3A8FC7"  # Okabe-Ito sky blue #56B4E9 darkened to 3.5:1 on white: elastic net
OLIVE = "#8F8200"  # the map's yellow, dark enough for small dots: "inside"
BAR_GREY = "#BBBBBB"  # OLS bars (outlined in GREY)
# Only as fills (the catchment map's cells): too pale for lines. Okabe-Ito
# yellow #F0E442 is deepened to reach 1.5:1 on white even as a fill.
YELLOW = "#E6D000"
PALE_GREEN = "#78CDB4"
PALE_GREY = "#D0D0D0"
FILL_ALPHA = 0.4  # translucent fills reach 1.5:1 against the page, light or dark
FONT_FAMILY = "Source Sans Pro, Helvetica, Arial, sans-serif"


def translucent(colour: str, alpha: float = FILL_ALPHA) -> str:
    """``'#rrggbb'`` as ``'rgba(r, g, b, alpha)'``."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r}, {g}, {b}, {alpha:g})"


CONE = translucent(GREEN, 0.35)  # the normal cone and the dead zone

# Presentation mode (figures.adapt): taller figures are cut to this so that title,
# badge and figure fit a 1280 x 720 projector; their legend band goes.
PRESENT_HEIGHT = 450
PRESENT_CONTOUR = "#555555"  # pale greys wash out on a projector
# A dark page: the figures follow, unless they are wanted white (for slides).
DARK_PAPER = "#0E1117"
DARK_INK = "#F2F2F2"
DARK_GRID = "#3A3F4B"
_DARK_OPAQUE = {
    PAPER: DARK_PAPER,
    INK: DARK_INK,
    GRID: DARK_GRID,
    OCHRE: "#E69F00",
    SKY: "#56B4E9",
    BAR_GREY: "#6B7080",
    PRESENT_CONTOUR: "#B0B0B0",
    YELLOW: "#7A7320",
    PALE_GREEN: "#2C7A66",
    PALE_GREY: DARK_GRID,
}
_FILLED = (BLUE, VERMILLION, GREEN, PURPLE, OCHRE, SKY, BAR_GREY)
DARK_VARIANT: dict[str, str] = {
    **_DARK_OPAQUE,
    **{translucent(c): translucent(_DARK_OPAQUE.get(c, c)) for c in _FILLED},
    CONE: translucent(GREEN, 0.4),
}
"""Each palette colour that lacks contrast on ``DARK_PAPER`` -> the colour drawn there."""


# --- the regions ------------------------------------------------------------------------
@dataclass(frozen=True)
class RegionStyle:
    """How one kind of region is drawn and named.

    Attributes
    ----------
    colour, fill : str
        Line and marker colour; translucent fill.
    dash, marker, pattern : str
        Plotly line dash, marker symbol and bar hatching (pattern shape).
    shape_name : str
        What the region looks like, in words ("diamond").
    norm_text : str
        The measure the budget bounds ("‖w‖₁").
    """

    colour: str
    fill: str
    dash: str
    marker: str
    pattern: str
    shape_name: str
    norm_text: str


REGION_STYLES: dict[str, RegionStyle] = {
    "l1": RegionStyle(BLUE, translucent(BLUE), "solid", "diamond", "", "diamond", "‖w‖₁"),
    "l2": RegionStyle(VERMILLION, translucent(VERMILLION), "dash", "circle", "/", "circle", "‖w‖₂"),
    "linf": RegionStyle(PURPLE, translucent(PURPLE), "dot", "square", "+", "square", "‖w‖∞"),
    "lp": RegionStyle(OCHRE, translucent(OCHRE), "longdash", "triangle-up", ".", "", ""),
    "elasticnet": RegionStyle(
        SKY,
        translucent(SKY),
        "dashdot",
        "star",
        "x",
        "elastic-net region",
        "α‖w‖₁ + (1−α)‖w‖₂²",
    ),
}
"""The one style table, keyed by the region-kind slug of ``geometry.regions``."""


def region_style(region: Region) -> RegionStyle:
    """The style of ``region``'s kind; for Lp the shape and norm of its own p."""
    style = REGION_STYLES[kind_of(region)]
    if style.shape_name:
        return style
    p = region.p
    shape = "star" if p < 1.0 else ("rounded diamond" if p < 2.0 else "rounded square")
    return replace(style, shape_name=shape, norm_text=f"‖w‖_{p:g}")


# --- layouts ----------------------------------------------------------------------------
_PLOTLY_TOP = 100  # Plotly's top margin where a layout names none


def base_layout(title: str, height: int, **extra) -> dict:
    """The layout every chart starts from: white, left title, legend in its own bottom band.

    The title is wrapped to fit a phone's figure (``figures.titles``); the top
    margin (60 px, or the ``t`` of a ``margin`` passed in ``extra``) grows where
    its lines need more.
    """
    text, top = phone_title(title)
    margin = extra.pop("margin", None) or {"l": 60, "r": 15, "t": 60, "b": 95}
    margin = {**margin, "t": max(margin.get("t", _PLOTLY_TOP), top)}
    return {
        "height": height,
        "margin": margin,
        "title": {"text": text, "font": {"size": 16}, "x": 0.0, "xanchor": "left"},
        "font": {"family": FONT_FAMILY, "color": INK, "size": 13},
        "plot_bgcolor": PAPER,
        "paper_bgcolor": PAPER,
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


def chart_config(name: str, export_format: str = "png") -> dict:
    """Plotly's config for one chart: no logo; the camera button downloads PNG or SVG."""
    if export_format not in ("png", "svg"):
        raise ValueError(f"export_format must be 'png' or 'svg', got {export_format!r}")
    return {
        "displaylogo": False,
        # No figure here is a selection: the mode bar keeps zoom, pan, reset and the camera.
        "modeBarButtonsToRemove": ["lasso2d", "select2d", "sendChartToCloud"],
        "showSendToCloud": False,
        "toImageButtonOptions": {
            "format": export_format,
            "filename": f"sparsity-lab-{name}",
            "scale": 2,  # sharp on a projector or a slide
        },
    }
