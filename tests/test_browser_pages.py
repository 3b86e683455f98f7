"""Every page in a real browser: loads cleanly, draws its charts, answers the keyboard,
fits the screen (desktop, projector, phone) without overlapping or clipped text.

The pages are tests.browser.layout.PAGE_PATHS; each page's main figure is defined
there too (MAIN_FIGURES). The read-only checks share one fresh load per page and size
(the `measured` fixture); screenshots of each load land in tests/artifacts/.

A check that a page fails today is marked xfail(strict=True) in KNOWN_DEFECTS, naming
the defect: fix the page and the test turns XPASS (a failure) until the mark goes.
"""

from __future__ import annotations

import contextlib
import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.layout import (
    DESKTOP_SIZES,
    MIN_TOUCH_PX,
    MIN_VISIBLE_PART_PX,
    PAGE_PATHS,
    PHONE_SIZES,
    describe,
    inside_fraction,
    page_name,
)

pytestmark = pytest.mark.browser

LAYOUT_SIZES = ((1440, 900), (390, 844))
# The sliders are the same with fewer random problems; 1,000 instead of 100,000 keeps
# each of the page's seven reruns to seconds on a loaded 2-core machine.
SLIDER_QUERY = {"how_often": "?n=1%2C000"}

# (check, page path, "WxH") -> the defect, as measured when the mark was set (Streamlit
# 1.67, Chromium 156). Fix the page and the case XPASSes, which fails: remove its entry.
KNOWN_DEFECTS: dict[tuple[str, str, str], str] = {
    # Found when the figures' own texts were first measured (the titles branch):
    ("present_figure_text", "three_weights", "1280x720"): "landing bars: the two-line y tick "
    "labels on each other and on the title",
    ("present_figure_text", "real_data", "1280x720"): "zero counts and CV: the y-axis title, "
    "taller than the plot, reaches the title",
    ("present_figure_text", "training", "1280x720"): "zeros and diabetes race: title on the "
    "y-axis title; the threshold sweep's y ticks on each other",
}


def cases(check: str, sizes) -> list:
    """Every page at every size, with the known defects of `check` marked xfail(strict)."""
    params = []
    for path in PAGE_PATHS:
        for width, height in sizes:
            size = f"{width}x{height}"
            reason = KNOWN_DEFECTS.get((check, path, size))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            params.append(
                pytest.param(path, width, height, marks=marks, id=f"{page_name(path)}-{size}")
            )
    return params


PAGES = [pytest.param(path, id=page_name(path)) for path in PAGE_PATHS]


# --- loads cleanly, draws every chart ------------------------------------------------


@pytest.mark.parametrize(("path", "width", "height"), cases("loads", [(1440, 900)]))
def test_page_loads_without_an_error(measured, path, width, height):
    load = measured.get(path, width, height)
    assert not load.data["errors"], f"Streamlit error elements: {load.data['errors']}"
    text = load.data["bodyText"]
    for marker in ("Traceback (most recent call last)", 'File "/'):
        assert marker not in text, f"{marker!r} on the page:\n{text[:2000]}"
    # An exception's name and message (ValueError: ...), not a word such as "Error:" that
    # a page may use as a label.
    shown_exception = re.search(r"\b\w+(Error|Exception): ", text)
    assert not shown_exception, f"{shown_exception.group()!r} on the page:\n{text[:2000]}"
    assert load.data["charts"], "the page shows no chart"


@pytest.mark.parametrize(("path", "width", "height"), cases("charts", [(1440, 900)]))
def test_every_chart_draws_something(measured, path, width, height):
    load = measured.get(path, width, height)
    empty = [
        chart
        for chart in load.data["charts"]
        if chart["traces"] == 0
        or chart["marks"] == 0
        or chart["box"]["w"] < 50
        or chart["box"]["h"] < 50
        or chart["images"] < chart["layoutImages"]  # an image chart without its image
    ]
    assert not empty, "charts drawn empty:\n" + describe(empty)


# --- the keyboard --------------------------------------------------------------------


@pytest.mark.parametrize("path", PAGES)
def test_every_slider_moves_by_keyboard_and_the_page_answers(app, path):
    page = app.open(path + SLIDER_QUERY.get(path, ""), 1440, 900)
    sliders = page.page.locator('[data-testid="stSlider"]')
    moved = []
    for index in range(sliders.count()):
        slider = sliders.nth(index)
        slider.scroll_into_view_if_needed()
        thumb = slider.get_by_role("slider")
        key = slider.evaluate(
            "e => [...e.closest('[data-testid=\"stElementContainer\"]').classList]"
            ".find(c => c.startsWith('st-key-')).slice(7)"
        )
        at_max = thumb.get_attribute("value") == thumb.get_attribute("max")
        page.settle(page.runs())  # the previous move's page fully drawn before the next
        before_value, before_query, before = thumb.input_value(), page.query(), page.signature()
        # Locator.press focuses the thumb right before the key: a figure drawn meanwhile
        # (the live figure mounting) cannot take the key.
        key_name = "ArrowLeft" if at_max else "ArrowRight"
        page.rerun(lambda thumb=thumb, key_name=key_name: thumb.press(key_name))
        after_value, after_query, after = thumb.input_value(), page.query(), page.signature()
        assert after_value != before_value, f"slider {key!r} did not move"
        assert after_query.get(key) != before_query.get(key), (
            f"slider {key!r}: the URL did not follow ({before_query} -> {after_query})"
        )
        assert after != before, f"slider {key!r}: neither a chart nor a text changed"
        moved.append(key)
    page.assert_no_error()
    if path != "tour":  # the tour is stepped with buttons and a select box
        assert moved, "no slider found on the page"


# Every other kind of control, operated as a keyboard user does (focus, then the keys
# the widget answers to). One control of each kind a page has, the page's own before
# the toolbar's (Presentation, figure format), which are tested on the first page.
FRAME_KEYS = ("present", "export")
_CONTROL_KINDS = {
    "toggle": '[data-testid="stCheckbox"] input[role="switch"]',
    "radio": '[data-testid="stRadio"] input[type="radio"]',
    "select box": '[data-testid="stSelectbox"] input[role="combobox"]',
    # one choice: role radio and aria-checked; several: aria-pressed
    "pills": '[data-testid="stButtonGroup"] button:is([aria-checked], [aria-pressed])',
}


def _key_of(locator) -> str:
    return locator.evaluate(
        "e => ([...e.closest('[data-testid=\"stElementContainer\"]').classList]"
        ".find(c => c.startsWith('st-key-')) || '').slice(7)"
    )


def _first_control(page, kind: str, path: str):
    """(key, locator) of the page's first visible, enabled control of this kind."""
    candidates = page.page.locator(_CONTROL_KINDS[kind])
    found = []
    for index in range(candidates.count()):
        control = candidates.nth(index)
        if control.is_disabled() or not control.locator("xpath=..").is_visible():
            continue
        found.append((_key_of(control), control))
    own = [(key, c) for key, c in found if key not in FRAME_KEYS]
    return (own or (found if path == "" else []) or [(None, None)])[0]


def _operate(page, kind: str, key: str, control) -> None:
    """Change the control with the keyboard, and wait for the page's new run."""
    box = page.page.locator(f".st-key-{key}")
    box.scroll_into_view_if_needed()
    if kind == "toggle":
        control.focus()
        page.rerun(lambda: page.page.keyboard.press("Space"))
        return
    if kind == "radio":
        checked = box.locator("input:checked")
        if checked.count():  # the arrow keys move the choice
            checked.focus()
            page.rerun(lambda: page.page.keyboard.press("ArrowDown"))
        else:  # nothing chosen yet (a question): Space chooses the focused option
            box.locator("input").first.focus()
            page.rerun(lambda: page.page.keyboard.press("Space"))
        return
    if kind == "select box":
        options = page.page.locator('[role="listbox"] [role="option"]')
        # ArrowDown opens the list on the current option. A late re-render of the page
        # (3-D scenes still drawing) can replace the focused input: then focus again.
        for _attempt in range(3):
            control.press("ArrowDown")
            with contextlib.suppress(PlaywrightTimeout):
                options.first.wait_for(timeout=10_000)
                break
        else:
            raise AssertionError(f"select box {key!r}: ArrowDown never opened its list")
        on_last = options.last.get_attribute("aria-selected") == "true"
        page.page.keyboard.press("ArrowUp" if on_last else "ArrowDown")
        page.rerun(lambda: page.page.keyboard.press("Enter"))
        return
    # pills: Space on one that is not chosen chooses it (the last: a page's first
    # preset may be the view it opens with)
    box.locator('button:is([aria-checked="false"], [aria-pressed="false"])').last.focus()
    page.rerun(lambda: page.page.keyboard.press("Space"))


def _state(kind: str, box, control) -> str:
    """What the control shows: on or off, the option chosen, the pills pressed."""
    if kind == "toggle":
        return str(control.is_checked())
    if kind == "radio":
        return str(box.locator("input").evaluate_all("es => es.map((e) => e.checked)"))
    if kind == "select box":
        return control.input_value()  # the chosen option's text
    return str(
        [
            (b.get_attribute("aria-checked"), b.get_attribute("aria-pressed"))
            for b in box.locator("button").all()
        ]
    )


@pytest.mark.parametrize("path", PAGES)
def test_toggles_radios_select_boxes_and_pills_work_by_keyboard(app, path):
    page = app.open(path + SLIDER_QUERY.get(path, ""), 1440, 900)
    operated = []
    for kind in _CONTROL_KINDS:
        key, control = _first_control(page, kind, path)
        if control is None:
            continue
        box = page.page.locator(f".st-key-{key}")
        before_query, before = page.query(), page.signature()
        before_state = _state(kind, box, control)
        _operate(page, kind, key, control)
        after_state = _state(kind, box, control)
        after_query, after = page.query(), page.signature()
        if kind == "pills" and after_state == before_state:
            # Presets: a one-shot choice that the page applies, then clears; the link
            # holds the preset's values.
            assert after_query != before_query, f"pills {key!r}: the preset did not apply"
        else:
            assert after_state != before_state, f"{kind} {key!r}: the keys did not change it"
        assert after_query != before_query or after != before, (
            f"{kind} {key!r}: neither the link nor the page changed"
        )
        operated.append(kind)
    page.assert_no_error()
    assert operated, "no control other than sliders found on the page"


# --- layout: overlaps, clipping, sideways scroll, screenshots --------------------------


@pytest.mark.parametrize(("path", "width", "height"), cases("overlap", LAYOUT_SIZES))
def test_no_two_text_boxes_overlap(measured, path, width, height):
    load = measured.get(path, width, height)
    assert load.data["textBoxes"] > 5, "no text found in the main area"
    overlaps = load.data["overlaps"]
    assert not overlaps, f"{len(overlaps)} overlapping text boxes:\n" + describe(overlaps)


@pytest.mark.parametrize(("path", "width", "height"), cases("clipped", LAYOUT_SIZES))
def test_no_text_is_clipped(measured, path, width, height):
    load = measured.get(path, width, height)
    clipped = load.data["clipped"]
    assert not clipped, f"{len(clipped)} clipped texts:\n" + describe(clipped)


@pytest.mark.parametrize(("path", "width", "height"), cases("present_layout", [(1280, 720)]))
def test_presenting_no_text_overlaps_or_is_clipped(measured, path, width, height):
    """Projected (larger type, legends moved or gone), at a projector's 1280 x 720."""
    load = measured.get(path, width, height, present=True)
    problems = load.data["overlaps"] + load.data["clipped"]
    assert not problems, f"{len(problems)} overlapping or clipped texts:\n" + describe(problems)


@pytest.mark.parametrize(("path", "width", "height"), cases("figure_text", LAYOUT_SIZES))
def test_no_two_texts_of_a_figure_overlap(measured, path, width, height):
    """A figure's title, panel titles, axis titles, tick labels and legend entries."""
    overlaps = measured.get(path, width, height).data["figureOverlaps"]
    assert not overlaps, f"{len(overlaps)} overlapping figure texts:\n" + describe(overlaps)


@pytest.mark.parametrize(("path", "width", "height"), cases("present_figure_text", [(1280, 720)]))
def test_presenting_no_two_texts_of_a_figure_overlap(measured, path, width, height):
    overlaps = measured.get(path, width, height, present=True).data["figureOverlaps"]
    assert not overlaps, f"{len(overlaps)} overlapping figure texts:\n" + describe(overlaps)


# A figure of panels side by side, in a Tour step: its title (three lines on a phone) stands
# above the panels' titles, which stand clear of each other, as do the axes' titles.
@pytest.mark.parametrize(
    ("width", "height", "present"),
    [(1280, 720, False), (1280, 720, True), (390, 844, False), (360, 640, False)],
)
def test_the_tour_regression_figure_keeps_its_texts_apart(measured, width, height, present):
    load = measured.get("tour?step=regression", width, height, present=present)
    assert load.data["charts"] and all(chart["marks"] > 0 for chart in load.data["charts"])
    overlaps = load.data["figureOverlaps"] + load.data["overlaps"]
    assert not overlaps, f"{len(overlaps)} overlapping texts:\n" + describe(overlaps)


@pytest.mark.parametrize(("path", "width", "height"), cases("sideways", PHONE_SIZES))
def test_a_phone_never_scrolls_sideways(measured, path, width, height):
    load = measured.get(path, width, height)
    data = load.data
    assert data["docScrollWidth"] <= width, f"the document is {data['docScrollWidth']} px wide"
    assert data["mainScrollWidth"] <= data["mainClientWidth"], (
        f"the main area scrolls sideways: {data['mainScrollWidth']} > {data['mainClientWidth']}"
    )
    assert not data["beyond"], "wider than the screen:\n" + describe(data["beyond"])


@pytest.mark.parametrize(("path", "width", "height"), cases("screenshots", LAYOUT_SIZES))
def test_screenshots_are_saved(measured, path, width, height):
    from PIL import Image

    load = measured.get(path, width, height)
    first = load.screenshots[0]
    scale = 2 if load.mobile else 1  # phones are drawn at device pixel ratio 2
    with Image.open(first) as image:
        assert image.size == (width * scale, height * scale)
    assert any(shot.name.endswith("_whole.png") for shot in load.screenshots)


# --- the first screen (issue 17) -------------------------------------------------------


@pytest.mark.parametrize(("path", "width", "height"), cases("half", DESKTOP_SIZES))
def test_the_main_figure_is_at_least_half_on_the_first_screen(measured, path, width, height):
    load = measured.get(path, width, height)
    figures = load.main_figures()
    assert figures, f"main figure not found among {[c['key'] for c in load.data['charts']]}"
    for chart in figures:
        share, _ = inside_fraction(chart["box"], width, height)
        assert share >= 0.5, (
            f"{chart['key']}: {share:.0%} inside the first screen (top at "
            f"{chart['box']['y']:.0f} px, {chart['box']['h']:.0f} px tall)"
        )


@pytest.mark.parametrize(("path", "width", "height"), cases("present", DESKTOP_SIZES))
def test_presenting_the_main_figure_is_whole_on_the_first_screen(measured, path, width, height):
    load = measured.get(path, width, height, present=True)
    figures = load.main_figures()
    assert figures, f"main figure not found among {[c['key'] for c in load.data['charts']]}"
    for chart in figures:
        share, _ = inside_fraction(chart["box"], width, height)
        bottom = chart["box"]["y"] + chart["box"]["h"]
        assert share >= 0.999, (
            f"{chart['key']}: {share:.0%} inside the first screen (bottom at {bottom:.0f} px "
            f"of {height})"
        )


@pytest.mark.parametrize(("path", "width", "height"), cases("phone_figure", PHONE_SIZES))
def test_a_phone_first_screen_shows_part_of_the_main_figure(measured, path, width, height):
    load = measured.get(path, width, height)
    figures = load.main_figures()
    assert figures, f"main figure not found among {[c['key'] for c in load.data['charts']]}"
    chart = figures[0]
    _, visible = inside_fraction(chart["box"], width, height)
    assert visible >= MIN_VISIBLE_PART_PX, (
        f"{chart['key']}: {visible:.0f} px of it on the first screen (top at "
        f"{chart['box']['y']:.0f} px of {height})"
    )


@pytest.mark.parametrize(("path", "width", "height"), cases("phone_half", PHONE_SIZES[:1]))
def test_a_phone_first_screen_shows_at_least_half_of_the_first_figure(
    measured, path, width, height
):
    # The figure is the first thing a phone shows (issue 33): at 390 x 844, at least half of
    # the first figure (the live figure's first panel, or the page's main chart).
    load = measured.get(path, width, height)
    figure = load.first_figure()
    assert figure, f"no figure found among {[c['key'] for c in load.data['charts']]}"
    share, _ = inside_fraction(figure["box"], width, height)
    assert share >= 0.5, (
        f"{figure['key']}: {share:.0%} inside the first screen (top at "
        f"{figure['box']['y']:.0f} px, {figure['box']['h']:.0f} px tall)"
    )


@pytest.mark.parametrize(("path", "width", "height"), cases("touch", PHONE_SIZES))
def test_touch_targets_are_large_enough_on_a_phone(measured, path, width, height):
    load = measured.get(path, width, height)
    targets = load.targets()
    assert targets, "no touch target found"
    small = [t for t in targets if min(t["w"], t["h"]) < MIN_TOUCH_PX]
    kinds = sorted({t["kind"] for t in small})
    assert not small, (
        f"{len(small)} of {len(targets)} targets under {MIN_TOUCH_PX} px ({', '.join(kinds)}):\n"
        + describe(small)
    )


# --- the console, over every load above ------------------------------------------------


def test_the_console_logged_no_errors_in_any_load(measured):
    """Runs last in this module: every page at every size measured above (at least 1440x900)."""
    for path in PAGE_PATHS:
        measured.get(path, 1440, 900)
    errors = [str(e) for load in measured.loads() for e in load.console if not e.allowed()]
    assert not errors, "console errors:\n" + "\n".join(errors)


# --- the checks themselves -------------------------------------------------------------


def test_the_layout_checks_see_a_broken_layout(app):
    """The measurements find what they look for: break a page on purpose and look."""
    view = app.open("questions", 1440, 900)
    clean = view.measure()
    assert not clean["overlaps"] and not clean["clipped"] and not clean["beyond"]
    view.page.evaluate(
        """() => {
          const main = document.querySelector('[data-testid="stMain"]');
          const intro = [...main.querySelectorAll('p')].find(
            (p) => p.textContent.startsWith('Choose an answer'));
          intro.style.cssText = 'position: relative; top: -60px';  // onto the title
          const caption = [...main.querySelectorAll('[data-testid="stHeading"] h3')][1];
          caption.parentElement.style.cssText = 'overflow: hidden; height: 12px';
          const wide = document.createElement('p');  // a line that cannot wrap
          wide.textContent = 'a line much wider than any screen '.repeat(60);
          wide.style.cssText = 'white-space: nowrap';
          intro.parentElement.append(wide);
        }"""
    )
    # A figure's x-axis title drawn twice, on itself.
    view.page.evaluate(
        """() => {
          const title = document.querySelector('.js-plotly-plot text.xtitle');
          title.parentElement.append(title.cloneNode(true));
        }"""
    )
    broken = view.measure()
    assert not clean["figureOverlaps"]
    assert any(o["a"].startswith("xtitle") for o in broken["figureOverlaps"]), broken
    title = "Check yourself: four common confusions"
    assert any(title in (o["a"] + o["b"]) for o in broken["overlaps"]), broken["overlaps"]
    assert any(c["text"].startswith("2. Does plain") for c in broken["clipped"]), broken["clipped"]
    assert any(b["right"] > 3000 for b in broken["beyond"]), broken["beyond"]
    assert broken["mainScrollWidth"] > broken["mainClientWidth"]


def test_the_server_writes_its_output_to_a_log_file_not_a_pipe(streamlit_server):
    # A pipe that nobody reads holds 64 KiB; then the server blocks on its next log line.
    assert streamlit_server.process.stdout is None
    assert "You can now view your Streamlit app" in streamlit_server.log_path.read_text()
