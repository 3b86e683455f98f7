"""One palette, one region style table, and how a figure adapts to a projector or a dark page.

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

import plotly.graph_objects as go

from figures.raster import recolour_png
from geometry.regions import Region, kind_of

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

# Presentation mode: what changes so that the back row of a lecture hall can read it.
_PRESENT_FONT = 1.45
_PRESENT_LINE = 1.8
_PRESENT_MARKER = 1.5
# Taller figures are cut to this so that title, badge and figure fit a 1280 x 720
# projector; their legend band goes (the title states the conclusion).
PRESENT_HEIGHT = 450
PRESENT_CONTOUR = "#555555"  # pale greys wash out on a projector
# More entries than this, in larger type, take several rows under a half-width figure
# (five rows covered the tour's L2 panel at 1280 x 720): the legend goes.
_PRESENT_MAX_LEGEND = 3
# Characters per title line when projected: about half a 1280 px screen in 22 px type.
_PRESENT_TITLE_CHARS = 48
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
def base_layout(title: str, height: int, **extra) -> dict:
    """The layout every chart starts from: white, left title, legend in its own bottom band."""
    return {
        "height": height,
        "margin": {"l": 60, "r": 15, "t": 60, "b": 95},
        "title": {"text": title, "font": {"size": 16}, "x": 0.0, "xanchor": "left"},
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
        "toImageButtonOptions": {
            "format": export_format,
            "filename": f"sparsity-lab-{name}",
            "scale": 2,  # sharp on a projector or a slide
        },
    }


# --- adapting a figure ------------------------------------------------------------------
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


def wrap_title(text: str, limit: int) -> str:
    """``text`` with every line of more than ``limit`` characters broken at spaces ("<br>").

    Lines holding markup other than "<br>" stay as they are (a break inside a tag
    would show the tag).
    """
    lines = []
    for line in text.split("<br>"):
        if len(line) <= limit or "<" in line:
            lines.append(line)
            continue
        current = ""
        for word in line.split(" "):
            if current and len(current) + 1 + len(word) > limit:
                lines.append(current)
                current = word
            else:
                current = f"{current} {word}" if current else word
        lines.append(current)
    return "<br>".join(lines)


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
    if "<br>" in title.get("text", ""):  # two lines of larger type need the room
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
