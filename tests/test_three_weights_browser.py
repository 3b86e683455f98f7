"""Real browser: the Three weights page's 3-D scenes render, turn by dragging, and redraw.

Same harness as tests/test_browser.py (tests/browser/: `streamlit run` in the
background, Debian's Chromium through Playwright), with software WebGL (SwiftShader):
the 3-D scenes are WebGL, and headless Chromium without a GPU has none otherwise.
Screenshots go to tests/artifacts/ (git-ignored), for a person to look at.
"""

from __future__ import annotations

import re

import pytest

from tests.browser.artifacts import ARTIFACTS
from tests.browser.chromium import WEBGL_ARGS

pytestmark = pytest.mark.browser
PLOTS = ".js-plotly-plot"
SCENE_INDICES = """() => [...document.querySelectorAll('.js-plotly-plot')]
    .map((p, i) => (p._fullLayout && p._fullLayout.scene ? i : -1)).filter(i => i >= 0)"""
CAMERA = """(index) => {
    const plots = [...document.querySelectorAll('.js-plotly-plot')]
        .filter(p => p._fullLayout.scene);
    return plots[index]._fullLayout.scene.camera.eye;
}"""
TITLES = """() => [...document.querySelectorAll('.js-plotly-plot')]
    .filter(p => p._fullLayout.scene).map(p => p._fullLayout.title.text)"""


@pytest.fixture(scope="module")
def chromium_args():
    """This module's browser draws WebGL in software (the shared ``browser`` fixture)."""
    return WEBGL_ARGS


def _open(browser, url: str, width: int, height: int):
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(url)
    page.wait_for_function(f"() => ({SCENE_INDICES})().length >= 3", timeout=120_000)
    page.wait_for_timeout(1500)  # let WebGL draw
    for selector in ('[data-testid="stException"]', '[data-testid="stAlertContentError"]'):
        assert page.locator(selector).count() == 0, page.locator(selector).first.inner_text()
    return page


def _scene(page, k: int):
    """The k-th 3-D scene of the page (a Playwright locator)."""
    return page.locator(PLOTS).nth(page.evaluate(SCENE_INDICES)[k])


def _drag(page, locator, dx: float, dy: float) -> None:
    box = locator.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] * 0.45
    page.mouse.move(x, y)
    page.mouse.down()
    for step in range(1, 11):
        page.mouse.move(x + dx * step / 10, y + dy * step / 10)
    page.mouse.up()
    page.wait_for_timeout(500)


def test_a_scene_turns_when_dragged_and_redraws_when_a_slider_moves(base_url, browser):
    page = _open(browser, f"{base_url}/three_weights", 1440, 900)
    first = _scene(page, 0)
    first.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "three_weights_1440.png"))
    before = page.evaluate(CAMERA, 0)
    assert before == pytest.approx({"x": 0.5, "y": -1.22, "z": 0.68})
    _drag(page, first, 160, 40)
    turned = page.evaluate(CAMERA, 0)
    assert turned != pytest.approx(before, abs=1e-3), "dragging did not turn the scene"
    assert page.evaluate(CAMERA, 1) == pytest.approx(before)  # the others stay put
    page.screenshot(path=str(ARTIFACTS / "three_weights_1440_turned.png"))

    budget = page.locator('[data-testid="stSlider"]').filter(has_text="Budget t").first
    budget.get_by_role("slider").focus()
    page.keyboard.press("ArrowRight")  # t = 1.00 -> 1.05
    page.wait_for_function("() => location.search.includes('t=1.05')", timeout=30_000)
    page.wait_for_timeout(1500)
    # (Streamlit's theme wraps a title in <b> once per update; stale copies may linger.)
    titles = {re.sub(r"</?b>", "", title) for title in page.evaluate(TITLES)}
    assert {title.split("<br>")[0] for title in titles} == {
        "L1 octahedron",
        "L2 sphere",
        "Group lasso double cone",
    }, titles
    page.close()


def test_the_page_projects_at_1280_by_720(base_url, browser):
    page = _open(browser, f"{base_url}/three_weights?present=true", 1280, 720)
    first = _scene(page, 0)
    first.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    page.screenshot(path=str(ARTIFACTS / "three_weights_1280_present.png"))
    box = first.bounding_box()
    assert box["height"] <= 450 + 1 and box["width"] > 500  # two scenes side by side
    _scene(page, 2).scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    page.screenshot(path=str(ARTIFACTS / "three_weights_1280_present_group.png"))
    page.close()
