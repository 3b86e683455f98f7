"""Every figure the app draws is legible on a white page and on a dark one, in one palette.

Contrast is WCAG 2.x contrast ratio, ``(L1 + 0.05) / (L2 + 0.05)`` of the relative
luminances ``L = 0.2126 R + 0.7152 G + 0.0722 B`` of the linearised sRGB channels
(``c / 12.92`` up to 0.04045, else ``((c + 0.055) / 1.055) ** 2.4``).

Thresholds, and why:

- Lines, markers, error bars and text: at least 3:1 against the page. WCAG 2.1
  success criterion 1.4.11 (non-text contrast) asks 3:1 of the graphical objects
  needed to understand content, and 1.4.3 asks 3:1 of large text; a figure's
  labels are drawn at 13 px and up and projected, where contrast only drops.
- Translucent fills (regions, cones, dead zones, bars with an outline, map cells):
  composited over the page first (as the browser does), then at least 1.5:1. A
  fill is never the only carrier of its shape (its outline, or the legend's
  outlined swatch, is held to 3:1); it must only stay visible as an area, and
  1.5:1 is about where a tint still reads on a washed-out projector while staying
  pale enough for the contours drawn across it.
- A marker's outline or a bar's hatching in exactly the page colour is a halo
  (a cut-out separating it from what lies beneath), not a mark: it is exempt.
"""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path

import numpy as np
import plotly.graph_objects as go
import pytest
from PIL import Image

import figures.style as style
from figures.adapt import adapt_figure
from figures.style import DARK_PAPER, REGION_STYLES
from geometry.regions import REGION_KINDS
from tests.figure_gallery import gallery

FIGURES = Path(__file__).resolve().parents[1] / "figures"
STROKE, FILL = 3.0, 1.5
NAMED = {"white": (255, 255, 255, 1.0), "black": (0, 0, 0, 1.0)}
PLOTLY_DEFAULT_ERROR_BARS = "#444"


# --- WCAG contrast, written from the definition -----------------------------------------
def parse(colour: str) -> tuple[float, float, float, float]:
    """``'#rrggbb'``, ``'#rgb'``, ``'rgb(r, g, b)'``, ``'rgba(r, g, b, a)'`` or a name -> RGBA."""
    colour = colour.strip().lower()
    if colour in NAMED:
        return NAMED[colour]
    if re.fullmatch(r"#[0-9a-f]{6}", colour):
        return (*(int(colour[i : i + 2], 16) for i in (1, 3, 5)), 1.0)
    if re.fullmatch(r"#[0-9a-f]{3}", colour):
        return (*(17 * int(c, 16) for c in colour[1:]), 1.0)
    match = re.fullmatch(r"rgba?\(([^)]*)\)", colour)
    assert match, f"unreadable colour {colour!r}"
    parts = [float(p) for p in match.group(1).split(",")]
    return (*parts[:3], parts[3] if len(parts) == 4 else 1.0)


def over(colour: str, background: str, opacity: float = 1.0) -> tuple[float, float, float]:
    """The colour the eye sees: composited over the background with its alpha and opacity."""
    *rgb, alpha = parse(colour)
    *bg, _ = parse(background)
    a = alpha * opacity
    return tuple(a * c + (1 - a) * b for c, b in zip(rgb, bg, strict=True))


def luminance(rgb: tuple[float, float, float]) -> float:
    def linear(c: float) -> float:
        c /= 255.0
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(colour: str, background: str, opacity: float = 1.0) -> float:
    light, dark = sorted(
        (luminance(over(colour, background, opacity)), luminance(over(background, background)))
    )[::-1]
    return (light + 0.05) / (dark + 0.05)


def test_the_contrast_function_matches_published_values():
    assert contrast("#000000", "white") == pytest.approx(21.0)
    assert contrast("#777777", "white") == pytest.approx(4.48, abs=0.01)  # the classic 4.5 edge
    assert contrast("#F0E442", "#ffffff") < 1.5  # Okabe-Ito yellow: never a line on white
    assert contrast("rgba(0, 0, 0, 0.5)", "white") == pytest.approx(
        contrast("#808080", "white"), rel=0.01
    )


# --- what a figure paints, with the role of each colour --------------------------------
def _mode(trace: dict) -> str:
    if "mode" in trace:
        return trace["mode"]
    points = len(trace.get("x") if trace.get("x") is not None else trace.get("y", []))
    return "lines+markers" if points < 20 else "lines"  # Plotly's default


def _each(colour) -> list[str]:
    if colour is None:
        return []
    if isinstance(colour, str):
        return [colour]
    return [c for c in colour if isinstance(c, str)]


def paints(figure: go.Figure) -> list[tuple[str, str, str, float]]:
    """(where, colour, "stroke" | "fill" | "halo-or-stroke", opacity) for every mark drawn."""
    spec = figure.to_dict()
    layout = spec["layout"]
    ink = layout.get("font", {}).get("color")
    paper = layout.get("paper_bgcolor")
    found = []

    def add(where, colours, role, opacity=1.0):
        for colour in _each(colours):
            found.append((where, colour, role, opacity))

    for k, trace in enumerate(spec["data"]):
        name = f"trace {k} ({trace.get('name', trace.get('type'))})"
        opacity = trace.get("opacity", 1.0)
        line, marker = trace.get("line", {}), trace.get("marker", {})
        if trace.get("type", "scatter") == "scatter":
            mode = _mode(trace)
            if "lines" in mode and line.get("width", 2) > 0:
                assert line.get("color"), f"{name}: a line in Plotly's default colour"
                add(f"{name} line", line["color"], "stroke", opacity)
            if "markers" in mode:
                colour = marker.get("color", line.get("color"))
                assert colour is not None or marker.get("line", {}).get("color"), name
                # A swatch outlined in a real colour (not a halo) is read as an area.
                outline = marker.get("line", {})
                outlined = outline.get("width", 0) > 0 and outline.get("color") != paper
                role = "fill" if outlined else "stroke"
                add(f"{name} marker", colour, role, opacity * marker.get("opacity", 1.0))
            if "text" in mode:
                add(f"{name} text", trace.get("textfont", {}).get("color", ink), "stroke")
            if trace.get("fill") not in (None, "none"):
                assert trace.get("fillcolor"), f"{name}: a fill in Plotly's default colour"
                add(f"{name} fill", trace["fillcolor"], "fill", opacity)
        elif trace["type"] == "bar":
            outlined = marker.get("line", {}).get("width", 0) > 0
            add(f"{name} bar", marker.get("color"), "fill" if outlined else "stroke", opacity)
            fg = marker.get("pattern", {}).get("fgcolor")
            add(f"{name} hatching", fg, "halo-or-stroke", opacity)
        if marker.get("line", {}).get("width", 0) > 0:
            add(f"{name} marker outline", marker["line"].get("color"), "halo-or-stroke", opacity)
        for bars in ("error_x", "error_y"):
            if trace.get(bars, {}).get("array") is not None:
                colour = trace[bars].get("color", PLOTLY_DEFAULT_ERROR_BARS)
                add(f"{name} {bars}", colour, "stroke", opacity)
    add("layout font", ink, "stroke")
    add("title", layout.get("title", {}).get("font", {}).get("color"), "stroke")
    for k, annotation in enumerate(layout.get("annotations", [])):
        add(f"annotation {k}", annotation.get("font", {}).get("color", ink), "stroke")
    for k, shape in enumerate(layout.get("shapes", [])):
        add(f"shape {k} line", shape.get("line", {}).get("color"), "stroke")
        add(f"shape {k} fill", shape.get("fillcolor"), "fill")
    for name, axis in layout.items():
        if name.startswith(("xaxis", "yaxis")) and axis.get("zeroline", True):
            add(f"{name} zero line", axis.get("zerolinecolor"), "stroke")
    for k, image in enumerate(layout.get("images", [])):
        add(f"image {k} raster", raster_colours(image["source"]), "fill")
    return found


def raster_colours(source: str) -> list[str]:
    """The colours of a PNG data URI (decoded here, independently of figures.raster)."""
    image = Image.open(io.BytesIO(base64.b64decode(source.split(",", 1)[1]))).convert("RGB")
    return ["#{:02x}{:02x}{:02x}".format(*rgb) for _, rgb in image.getcolors(1 << 16)]


@pytest.fixture(scope="module")
def figures() -> dict[str, go.Figure]:
    return gallery()


def _failures(figure: go.Figure, background: str) -> list[str]:
    failures = []
    for where, colour, role, opacity in paints(figure):
        if role == "halo-or-stroke" and over(colour, background) == over(background, background):
            continue  # a halo in the page's own colour
        need = FILL if role == "fill" else STROKE
        ratio = contrast(colour, background, opacity)
        if ratio < need:
            failures.append(f"{where}: {colour} at {ratio:.2f}:1 (needs {need})")
    return failures


@pytest.mark.parametrize(
    ("dark", "presenting", "background"),
    [(False, False, "white"), (True, False, DARK_PAPER), (True, True, DARK_PAPER)],
    ids=["white page", "dark page", "dark page, projected"],
)
def test_every_colour_of_every_figure_has_contrast_against_its_page(
    figures, dark, presenting, background
):
    problems = {}
    for name, figure in figures.items():
        shown = adapt_figure(figure, presenting=presenting, dark=dark)
        assert shown.layout.paper_bgcolor == shown.layout.plot_bgcolor
        assert over(shown.layout.paper_bgcolor, "white") == over(background, "white")
        if failures := _failures(shown, background):
            problems[name] = failures
    assert not problems, problems


def test_the_regression_paths_seventh_feature_is_legible_on_a_dark_page(figures):
    # The bug: only ink-coloured traces were recoloured, and this line was "#000000".
    dark = adapt_figure(figures["regression"], dark=True)
    seventh = next(t for t in dark.data if t.name == "s3")
    assert contrast(seventh.line.color, DARK_PAPER) >= STROKE


def test_lines_over_the_catchment_raster_stand_out_from_every_cell(figures):
    for dark, background in ((False, "white"), (True, DARK_PAPER)):
        shown = adapt_figure(figures["map_l1"], dark=dark)
        cells = raster_colours(shown.layout.images[0].source)
        assert len(cells) == 4
        edges = next(t for t in shown.data if t.name.startswith("exact catchments"))
        for cell in cells:
            assert contrast(edges.line.color, cell) >= STROKE, (dark, cell)
            assert contrast(cell, background) >= FILL, (dark, cell)
        if dark:  # the raster itself was recoloured: no bright cells on a dark page
            assert max(luminance(over(c, background)) for c in cells) < 0.3


def test_dark_adaptation_leaves_the_cached_figure_alone(figures):
    figure = figures["constraint_l1"]
    before = figure.to_json()
    adapt_figure(figure, presenting=True, dark=True)
    assert figure.to_json() == before


# --- one palette, one region table --------------------------------------------------------
def _palette() -> set[str]:
    colours = {
        value
        for name, value in vars(style).items()
        if name.isupper() and isinstance(value, str) and (value.startswith(("#", "rgb")))
    }
    colours |= {style.PAPER} | set(style.DARK_VARIANT.values())
    for region in REGION_STYLES.values():
        colours |= {region.colour, region.fill}
    return colours


def test_every_colour_a_figure_uses_comes_from_the_palette(figures):
    palette = _palette()
    for name, figure in figures.items():
        for shown in (figure, adapt_figure(figure, dark=True)):
            for where, colour, _, _ in paints(shown):
                if where.startswith("image"):
                    continue  # raster pixels, checked against their table below
                assert colour in palette, f"{name}, {where}: {colour} is not in figures.style"


def test_no_module_but_style_types_a_colour():
    literal = re.compile(r"""["'](#[0-9a-fA-F]{3,8}|rgba?\()""")
    for path in FIGURES.glob("*.py"):
        if path.name != "style.py":
            assert not literal.search(path.read_text()), path.name


def test_the_region_style_table_is_keyed_by_the_region_kinds():
    assert set(REGION_STYLES) == set(REGION_KINDS)
    # Colour, dash, marker and hatching each tell the kinds apart on their own.
    for field in ("colour", "dash", "marker", "pattern"):
        values = [getattr(s, field) for s in REGION_STYLES.values()]
        assert len(set(values)) == len(values), field
    assert not hasattr(style, "_style")  # the dead helper is gone


def test_dark_variants_keep_the_regions_apart():
    dark = [style.DARK_VARIANT.get(s.colour, s.colour) for s in REGION_STYLES.values()]
    assert len(set(dark)) == len(dark)
    for colour in dark:
        assert contrast(colour, DARK_PAPER) >= STROKE


# --- layering: figures draw, studies compute -------------------------------------------
def test_figures_draw_and_never_solve_nor_touch_streamlit():
    for path in FIGURES.glob("*.py"):
        text = path.read_text()
        assert "streamlit" not in text, path.name
        for line in re.findall(r"^from solvers[.\w]* import .*$", text, flags=re.M):
            assert line == "from solvers import Solution", (path.name, line)
        assert len(text.splitlines()) <= 300, path.name


def test_the_new_studies_never_import_plotly_or_streamlit():
    studies = FIGURES.parent / "studies"
    for name in ("budget_path.py", "catchment_map.py", "one_weight.py"):
        text = (studies / name).read_text()
        assert "plotly" not in text and "streamlit" not in text, name


def test_presentation_and_dark_together_scale_and_recolour_once(figures):
    figure = figures["constraint_l2"]
    both = adapt_figure(figure, presenting=True, dark=True)
    contours = next(t for t in both.data if t.name == "loss contours")
    assert contours.line.color == style.DARK_VARIANT[style.PRESENT_CONTOUR]
    assert contours.line.width == pytest.approx(1.3 * 1.8)
    assert np.isclose(both.layout.font.size, 14 * 1.45)
