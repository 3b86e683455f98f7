"""Real browser on the Training page: the live race plays and scrubs in the browser, screenshots.

The session's server and the module's Chromium, as in ``tests/test_browser.py``
(tests/browser/fixtures.py: Debian's Chromium driven by Playwright; skipped without
it, failed under CI). The race is drawn by ``live/race/`` (tests/browser/race.py
reads it); its drag and keys are tested in tests/test_live_race_browser.py.
Screenshots go to tests/artifacts/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

import pytest

from lessons.training import DEFAULT_SHOWN
from tests.browser.artifacts import ARTIFACTS
from tests.browser.race import RACE, commits, ends, frame, iteration_text, open_race

pytestmark = pytest.mark.browser


def test_the_race_plays_and_scrubs_in_the_browser(base_url, browser):
    page = open_race(browser, f"{base_url}/training", 1440, 900)
    race = page.locator(RACE)
    race.scroll_into_view_if_needed()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "training_1440x900.png"))
    page.locator(".js-plotly-plot").nth(1).scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "training_diabetes_1440x900.png"))
    race.scroll_into_view_if_needed()
    final = ends(page)
    assert list(final) == list(DEFAULT_SHOWN) and len(final) == 6  # the optimisers shown
    assert race.locator("path.race-marker").count() == 6  # one marker each
    assert iteration_text(page) == "iteration 200 of 200"
    sent = commits(page)

    race.locator("[data-role=play]").click()  # ▶ play: from iteration 0
    page.wait_for_function("() => window.__sparsityLab.race.playing !== null")
    frame(page)
    page.wait_for_function(
        "() => { const k = window.__sparsityLab.race.k; return k > 0 && k < 200; }"
    )
    playing = ends(page)
    assert playing != final
    race.locator("[data-role=play]").click()  # ❚❚ pause
    frame(page)
    paused = iteration_text(page)
    assert page.evaluate("() => window.__sparsityLab.race.playing") is None
    frame(page)
    assert iteration_text(page) == paused != "iteration 200 of 200"  # it stays paused

    # Scrub: drag the scrubber's thumb to the left end, then a third of the way along.
    rail = race.locator(".race-scrub input").bounding_box()
    y = rail["y"] + rail["height"] / 2
    page.mouse.move(rail["x"] + rail["width"] - 4, y)
    page.mouse.down()
    page.mouse.move(rail["x"] + 1, y, steps=8)
    page.mouse.up()
    frame(page)
    assert iteration_text(page) == "iteration 0 of 200"
    start = ends(page)
    assert all(point == pytest.approx([2.5, -1.5]) for point in start.values())
    page.mouse.move(rail["x"] + 1, y)
    page.mouse.down()
    page.mouse.move(rail["x"] + rail["width"] / 3, y, steps=8)
    page.mouse.up()
    frame(page)
    scrubbed = ends(page)
    assert scrubbed != start and scrubbed != final
    k = int(iteration_text(page).split()[1])
    assert 40 <= k <= 90, k  # about a third of 200 (the thumb's width aside)
    assert commits(page) == sent, "Play and the scrubber never reach Python"
    page.screenshot(path=str(ARTIFACTS / "training_scrubbed.png"))
    page.close()


def test_presentation_fits_a_projector(base_url, browser):
    page = open_race(browser, f"{base_url}/training?present=true", 1280, 720)
    race = page.locator(RACE)
    race.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "training_present_1280x720.png"))
    page.locator(".js-plotly-plot").first.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "training_present_zeros_1280x720.png"))
    page.locator("table").first.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "training_present_table_1280x720.png"))
    box = race.bounding_box()  # the figure with its toolbar (Play, the scrubber)
    assert box["height"] <= 720
    assert race.locator("svg").first.bounding_box()["width"] >= 1000  # the screen's width
    page.close()
