"""Real browser on the Training page: the animation plays and scrubs in the browser, screenshots.

The session's server and the module's Chromium, as in ``tests/test_browser.py``
(tests/browser/fixtures.py: Debian's Chromium driven by Playwright; skipped without
it, failed under CI).
Screenshots go to tests/artifacts/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

import pytest

from tests.browser.artifacts import ARTIFACTS

pytestmark = pytest.mark.browser

# The moving markers of the race figure: the last point of each optimiser in the trace "now".
HEADS = """() => {
  const gd = document.querySelectorAll('.js-plotly-plot')[0];
  const now = gd._fullData.find(t => t.name === 'now');  // decoded arrays
  const heads = Array.from(now.text).filter(t => !t.endsWith(', earlier')).length;
  const x = Array.from(now.x).slice(-heads), y = Array.from(now.y).slice(-heads);
  return x.map((v, i) => [v, y[i]]);
}"""
CURRENT = """() => document.querySelectorAll('.js-plotly-plot')[0]
  .querySelector('.slider-container .slider-label').textContent"""


def _open(browser, url: str, width: int, height: int):
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(url)
    page.wait_for_selector(".js-plotly-plot >> nth=3", timeout=90_000)
    page.wait_for_timeout(800)  # let Plotly finish its first layout
    for selector in ('[data-testid="stException"]', '[data-testid="stAlertContentError"]'):
        assert page.locator(selector).count() == 0, page.locator(selector).first.inner_text()
    return page


def test_the_race_plays_and_scrubs_in_the_browser(base_url, browser):
    page = _open(browser, f"{base_url}/training", 1440, 900)
    race = page.locator(".js-plotly-plot").first
    race.scroll_into_view_if_needed()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "training_1440x900.png"))
    page.locator(".js-plotly-plot").nth(2).scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "training_diabetes_1440x900.png"))
    race.scroll_into_view_if_needed()
    final = page.evaluate(HEADS)
    assert len(final) == 6  # the optimisers shown by default
    assert page.evaluate(CURRENT).strip() == "iteration 200"

    race.locator(".updatemenu-button").first.click()  # ▶ play: from iteration 0
    page.wait_for_timeout(600)
    playing = page.evaluate(HEADS)
    assert playing != final
    race.locator(".updatemenu-button").nth(1).click()  # ❚❚ pause
    page.wait_for_timeout(300)
    paused = page.evaluate(CURRENT)

    # Scrub: drag the slider's grip to the left end, then a third of the way along.
    rail = race.locator(".slider-rail-rect").first.bounding_box()
    grip = race.locator(".slider-grip-rect").first.bounding_box()
    y = rail["y"] + rail["height"] / 2
    page.mouse.move(grip["x"] + grip["width"] / 2, grip["y"] + grip["height"] / 2)
    page.mouse.down()
    page.mouse.move(rail["x"] + 2, y, steps=8)
    page.mouse.up()
    page.wait_for_timeout(300)
    assert page.evaluate(CURRENT).strip() == "iteration 0"
    start = page.evaluate(HEADS)
    assert all(point == pytest.approx([2.5, -1.5]) for point in start)
    page.mouse.move(rail["x"] + 2, y)
    page.mouse.down()
    page.mouse.move(rail["x"] + rail["width"] / 3, y, steps=8)
    page.mouse.up()
    page.wait_for_timeout(300)
    scrubbed = page.evaluate(HEADS)
    assert scrubbed != start and scrubbed != final
    assert page.evaluate(CURRENT) != paused or paused.strip() == "iteration 0"
    page.screenshot(path=str(ARTIFACTS / "training_scrubbed.png"))
    page.close()


def test_presentation_fits_a_projector(base_url, browser):
    page = _open(browser, f"{base_url}/training?present=true", 1280, 720)
    page.locator(".js-plotly-plot").first.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "training_present_1280x720.png"))
    page.locator(".js-plotly-plot").nth(1).scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "training_present_zeros_1280x720.png"))
    page.locator("table").first.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "training_present_table_1280x720.png"))
    box = page.locator(".js-plotly-plot").first.bounding_box()
    assert box["height"] <= 720
    page.close()
