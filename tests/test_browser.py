"""Real browser: `streamlit run` in the background, Debian's Chromium driven by Playwright.

Playwright cannot download its own browser here, so it drives /usr/bin/chromium.
Without a browser these tests skip on a developer's machine, but fail under CI
(CI=true), where .ci/run installs Chromium: a browser test that CI never runs
would be a defect. The server, the browser, the waits and the console checks are
shared with the other browser tests (tests/browser/, its fixtures registered in
tests/conftest.py): one server for the session, one browser for the module, a context
of its own for each page.
"""

from __future__ import annotations

import re
import urllib.parse

import pytest
from playwright.sync_api import expect

from ui.registry import PAGES

pytestmark = pytest.mark.browser


def _table_cell(page, text: str):
    return page.locator("table").first.get_by_text(text, exact=True)


def test_page_loads_and_a_slider_moved_by_keyboard_changes_the_readout(app):
    view = app.open("", 1280, 900)
    page = view.page
    view.assert_no_error()
    assert page.get_by_text("L1: w1 = 0 exactly: sparse").count() == 1
    assert _table_cell(page, "(0, 1)").count() == 1

    budget = page.locator('[data-testid="stSlider"]').filter(has_text="Budget t").first
    # Locator.press focuses the thumb right before the key (focus() then a bare key press
    # once lost the key in CI while the page was still drawing) and the page is settled first.
    view.settle(view.runs())
    view.rerun(lambda: budget.get_by_role("slider").press("ArrowRight"))  # t = 1.00 -> 1.05

    assert _table_cell(page, "(0, 1.05)").count() == 1
    assert "left_t=1.05" in page.url  # the control's value is kept in the URL
    view.assert_no_error()
    view.screenshot("constraint_regions_1280")


def test_a_shared_link_opens_the_same_view(app):
    view = app.open("?c1=2.5&c2=-0.5&cond=1&angle=0&left_t=1.2&right_t=1.2", 1280, 720)
    view.assert_no_error()
    assert view.page.get_by_text("L1: w2 = 0 exactly: sparse").count() == 1
    assert _table_cell(view.page, "(1.2, 0)").count() == 1
    view.screenshot("constraint_regions_link_1280x720")


def test_on_a_narrow_screen_the_panels_stack(app):
    view = app.open("?plotly=true", 420, 1600)  # the panels' Plotly copies shown
    charts = view.page.locator(".js-plotly-plot")
    first, second = charts.nth(0).bounding_box(), charts.nth(1).bounding_box()
    assert second["y"] >= first["y"] + first["height"] - 1  # below, not beside
    assert abs(second["x"] - first["x"]) < 5
    view.screenshot("constraint_regions_narrow")


def test_switching_to_the_penalty_form_keeps_the_picture(app):
    view = app.open("", 1280, 1000)
    page = view.page
    table = page.locator("table").first
    assert table.get_by_text("(0, 1)", exact=True).count() == 1
    view.rerun(lambda: page.get_by_text("Penalty", exact=True).click())
    # The penalty weight appears, set to the corner's KKT multiplier, and the URL says so.
    assert page.locator('[data-testid="stSlider"]').filter(has_text="Penalty weight λ").count()
    assert "mode=penalty" in page.url
    assert table.get_by_text("(0, 1)", exact=True).count() == 1  # the same solution
    assert table.get_by_text("4.549", exact=True).count() == 1  # lambda, now the weight
    view.assert_no_error()
    view.screenshot("constraint_regions_penalty")


def test_one_weight_page_and_its_dead_zone(app):
    view = app.open("one_weight", 1280, 1000)
    page = view.page
    view.assert_no_error()
    assert page.get_by_text("L1: w* = 0 exactly: |a| ≤ λ").count() == 1
    pull = page.locator('[data-testid="stSlider"]').filter(has_text="Data's pull a").first
    thumb = pull.get_by_role("slider")
    for _ in range(5):  # a: 0.80 -> 1.05, out of the dead zone |a| <= 1
        view.settle(view.runs())
        view.rerun(lambda: thumb.press("ArrowRight"))
    assert thumb.input_value() == "1.05"
    assert page.get_by_text("L1: w* = 0.05").count() == 1
    assert "a=1.05" in page.url
    view.assert_no_error()
    view.screenshot("one_weight_1280")


def test_a_deep_link_to_a_cold_server_still_gets_the_router(cold_server, app):
    # (cold_server first: fixtures end in reverse, so the page closes before its server.)
    # Streamlit runs pages/x.py directly (legacy pages/ mode) when a fresh
    # server's first request is a deep link; the page must hand over to app.py.
    view = app.open("one_weight?lam=2", 1280, 720, base_url=cold_server.url)
    page = view.page
    view.assert_no_error()
    navigation = page.locator('[data-testid="stTopNavLink"], [data-testid="stNavLink"]')
    assert navigation.count() == len(PAGES)
    labels = sorted(text.splitlines()[-1] for text in navigation.all_inner_texts())
    # (after each icon's name)
    assert labels == sorted(page.title for page in PAGES)
    assert page.locator('[data-testid="stSidebarNav"]').count() == 0  # no raw file list
    assert page.get_by_text("One weight: why the L1 optimum sticks at zero").count() == 1
    assert "lam=2" in page.url
    view.close()


def test_how_often_counts_exact_zeros_and_draws_the_map(app):
    view = app.open("how_often?n=1%2C000&spread=3.0", 1280, 720)
    page = view.page
    assert page.get_by_text("exactly none").count() >= 1
    view.assert_no_error()
    view.screenshot("how_often_1280x720_link")
    first = page.get_by_text("problems have an exact zero").first.inner_text()
    assert "of 1,000 problems" in first
    # The catchment maps arrive as images inside the Plotly charts (drawn: the page settled).
    assert page.locator(".js-plotly-plot image").count() >= 2

    budget = page.locator('[data-testid="stSlider"]').filter(has_text="Budget t").first
    view.settle(view.runs())
    view.rerun(lambda: budget.get_by_role("slider").press("ArrowRight"))  # t = 1.00 -> 1.25
    assert "t=1.25" in urllib.parse.urlsplit(page.url).query
    odds = page.get_by_text("problems have an exact zero").first
    # The run for t = 1.25 is finished and drawn: a larger budget, a new share.
    assert odds.inner_text() != first, "the odds did not change with the budget"
    view.assert_no_error()
    view.resize(1280, 4200)
    view.screenshot("how_often_full")


def test_a_preset_link_opens_its_state_and_the_copy_link_gives_it_back(app):
    from lessons.constraint_regions.presets import PRESETS

    query = urllib.parse.urlencode(PRESETS["correlated"].query())
    view = app.open(f"?{query}", 1280, 900)
    page = view.page
    view.assert_no_error()
    assert page.get_by_text("Correlated features.", exact=False).count() >= 1
    assert page.get_by_text("L1: w2 = 0 exactly: sparse").count() == 1
    view.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.get_by_role("button", name="Copy link").click()
    field = page.get_by_role("textbox", name="Link to this view")
    expect(field).to_be_visible()
    shared = field.input_value()
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == shared
    expect(page.locator(".sl-share-message")).to_have_text(re.compile("^Copied"))

    def values(text: str) -> dict[str, object]:
        def number_or_text(value: str) -> object:
            try:
                return float(value)
            except ValueError:
                return value

        return {key: number_or_text(value) for key, value in urllib.parse.parse_qsl(text)}

    assert urllib.parse.urlsplit(shared).path == "/"
    assert values(urllib.parse.urlsplit(shared).query) == values(query)
    # The open field follows the address bar: a control moved after the press is in it.
    centre = page.locator('[data-testid="stSlider"]').filter(has_text="ŵ1").first
    view.rerun(lambda: centre.get_by_role("slider").press("ArrowRight"))
    moved = page.url.split("#")[0]
    assert values(urllib.parse.urlsplit(moved).query) != values(query)
    expect(field).to_have_value(moved)
    page.keyboard.press("Escape")
    expect(field).to_be_hidden()


def test_the_copy_link_follows_a_question_that_reran_alone(app):
    # Each Check-yourself question is a fragment: its slider reruns only its own block,
    # not the toolbar. The link still carries the new value (the browser reads it from
    # the address bar when the button is pressed).
    view = app.open("questions", 1280, 900)
    page = view.page
    view.context.grant_permissions(["clipboard-read", "clipboard-write"])
    units = page.locator('[data-testid="stSlider"]').filter(has_text="Units: w_new").first
    units.scroll_into_view_if_needed()
    view.settle(view.runs())
    view.rerun(lambda: units.get_by_role("slider").press("ArrowRight"))  # s = 5.0 -> 5.1
    assert view.query() == {"q3_units": "5.1"}
    page.get_by_role("button", name="Copy link").click()
    field = page.get_by_role("textbox", name="Link to this view")
    expect(field).to_have_value(page.url.split("#")[0])
    assert urllib.parse.urlsplit(field.input_value()).path == "/questions"
    assert dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(field.input_value()).query)) == {
        "q3_units": "5.1"
    }
    assert page.evaluate("() => navigator.clipboard.readText()") == field.input_value()
    view.assert_no_error()


@pytest.mark.parametrize(("path", "first"), [("", "Corner hit"), ("three_weights", "Vertex hit")])
def test_the_listed_preset_links_name_their_page_once(app, path, first):
    # Built in Python from the browser's address (st.context.url), which with
    # st.navigation still holds the page's path: it must not be repeated.
    view = app.open(path, 1280, 900)
    page = view.page
    page.get_by_text("Links to every preset").click()
    item = page.locator("li").filter(has_text=f"{first}:")
    expect(item).to_be_visible()
    links = page.locator("li code").all_inner_texts()
    assert len(links) >= 5
    for link in links:
        assert urllib.parse.urlsplit(link).netloc == urllib.parse.urlsplit(page.url).netloc
        assert urllib.parse.urlsplit(link).path == f"/{path}"
    view.assert_no_error()


def test_presentation_mode_at_1280x720(app):
    view = app.open("?present=true", 1280, 720)
    page = view.page
    view.assert_no_error()
    # The sidebar starts folded away and both panels sit side by side on screen.
    # (Streamlit 1.67 marks the sidebar with data-collapsed; it has no aria-expanded,
    # so the selector this test used before matched nothing even with the sidebar open.)
    assert page.locator('[data-testid="stSidebar"][data-collapsed="true"]').count() == 1
    assert page.locator('[data-testid="stSidebar"][data-collapsed="false"]').count() == 0
    # The panels are the live figure's (the Plotly copies wait in a closed expander).
    panels = page.locator(".lf-svg")
    first, second = panels.nth(0).bounding_box(), panels.nth(1).bounding_box()
    assert abs(first["y"] - second["y"]) < 2 and second["x"] > first["x"] + first["width"] - 1
    assert first["y"] + first["height"] <= 720  # both panels whole on the screen
    view.screenshot("presentation_1280x720")


def test_the_tour_steps_forward_in_the_browser(app):
    view = app.open("tour", 1280, 900)
    page = view.page
    view.assert_no_error()
    view.rerun(lambda: page.get_by_role("button", name="Next").click())
    assert "step=" in page.url
    assert page.get_by_text("2. One weight: the pull of each penalty").count() >= 1
    view.assert_no_error()
    view.screenshot("tour_step2")


def test_a_dark_page_gets_dark_figures_unless_white_ones_are_asked_for(app):
    from figures.style import DARK_PAPER

    for query, paper in (("", DARK_PAPER), ("?export=PNG%2C%20white%20(slides)", "white")):
        view = app.open(query, 1280, 900, color_scheme="dark")
        view.assert_no_error()
        colour = view.page.evaluate(
            "() => document.querySelector('.js-plotly-plot').layout.paper_bgcolor"
        )
        assert colour == paper
        if not query:
            view.screenshot("constraint_regions_dark")
        view.close()
