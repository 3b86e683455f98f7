"""Real browser: Training's race start dragged with a mouse and a finger, moved with the keys.

The session's server and the module's Chromium (tests/browser/fixtures.py). While
the start moves, the browser runs every optimiser again on each animation frame
(live/race/); only the release reaches Python, once: the URL, the start sliders,
Python's table and Python's iterates then equal what the browser drew. Every wait
is for a state, never a fixed sleep.
"""

from __future__ import annotations

import urllib.parse

import numpy as np
import pytest

from lessons import training
from lessons.training import DEFAULT_SHOWN, START, RaceSettings
from tests.browser.artifacts import ARTIFACTS
from tests.browser.race import RACE, commits, ends, frame, idle, open_race, race_start, stats

pytestmark = pytest.mark.browser

# Script runs seen from Streamlit's script-state attribute (a lower bound: a fast rerun
# can go running -> notRunning inside one React commit; the commits count each release).
RERUN_COUNTER = """() => {
  window.__reruns = { started: 0 };
  const root = document.querySelector('[data-test-script-state]');
  let last = root.getAttribute('data-test-script-state');
  new MutationObserver(() => {
    const now = root.getAttribute('data-test-script-state');
    if (now === 'running' && last !== 'running') window.__reruns.started += 1;
    last = now;
  }).observe(root, { attributes: true, attributeFilter: ['data-test-script-state'] });
}"""
TABLE_ROWS = """() => [...document.querySelector('[data-testid="stTable"] table')
  .querySelectorAll('tbody tr')].map(tr => [...tr.children].map(c => c.innerText.trim()))"""
DEFAULT = tuple(spec.default for spec in START)


def open_page(browser, base_url: str, **options):
    page = open_race(browser, f"{base_url}/training", **options)
    page.evaluate(RERUN_COUNTER)
    page.locator(RACE).scroll_into_view_if_needed()
    return page


def handle_centre(page) -> tuple[float, float]:
    box = page.locator(f"{RACE} .race-start .lf-hit").bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def scale(page) -> float:
    """Screen pixels per unit of w (the race is drawn with equal scale on both axes)."""
    return page.evaluate("() => window.__sparsityLab.race.transform.scale")


def snapped(value: float) -> float:
    return round(round(value * 10) / 10, 10)


def slider_value(page, label: str) -> float:
    slider = page.locator('[data-testid="stSlider"]').filter(has_text=label).first
    return float(slider.get_by_role("slider").input_value())


def settled_after_release(page, start: list[float]) -> None:
    """Wait for the release's rerun: the URL holds the start, the script is idle and the
    race shows Python's data for it."""
    want = {
        spec.key: None if value == spec.default else repr(float(value))
        for spec, value in zip(START, start, strict=True)
    }
    page.wait_for_function(
        """want => {
          const q = new URLSearchParams(window.location.search);
          return Object.entries(want).every(([k, v]) => q.get(k) === v);
        }""",
        arg=want,
        timeout=30_000,
    )
    page.wait_for_function(
        "s => window.__sparsityLab.race.data.controls.start.every((v, i) => v === s[i])",
        arg=[float(v) for v in start],
        timeout=30_000,
    )
    idle(page)


def assert_python_agrees(page, start: list[float]) -> None:
    """The URL, the sliders, Python's table and Python's iterates equal the browser's state."""
    assert race_start(page) == start
    query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(page.url).query))
    for spec, value in zip(START, start, strict=True):
        assert float(query.get(spec.key, spec.default)) == value
        assert slider_value(page, spec.label) == value
    race = training.lesson_race(RaceSettings(start=(start[0], start[1])))
    expected = [list(row.values()) for row in training.race_table(race, DEFAULT_SHOWN)]
    assert page.evaluate(TABLE_ROWS) == expected
    for slug, end in ends(page).items():  # the browser's last iterates are Python's
        assert np.allclose(end, race.runs[slug][-1], rtol=1e-9, atol=1e-12), slug
        assert [i for i, x in enumerate(end) if x == 0.0] == [
            i for i, x in enumerate(race.runs[slug][-1]) if x == 0.0
        ], slug


def test_dragging_the_start_with_the_mouse_runs_the_race_live_and_commits_once(base_url, browser):
    page = open_page(browser, base_url)
    assert race_start(page) == list(DEFAULT)
    px = scale(page)
    x0, y0 = handle_centre(page)
    sent, runs = commits(page), page.evaluate("() => window.__reruns.started")
    frames = stats(page)["frames"]
    target = (-1.0, 2.0)  # from (2.5, -1.5), across the w1 axis's kink
    steps = 12
    page.mouse.move(x0, y0)
    page.mouse.down()
    seen_starts, seen_ends = [], []
    for k in range(1, steps + 1):
        f = k / steps
        page.mouse.move(
            x0 + f * (target[0] - DEFAULT[0]) * px, y0 - f * (target[1] - DEFAULT[1]) * px
        )
        frame(page)
        seen_starts.append(tuple(race_start(page)))
        seen_ends.append(str(ends(page)))
        assert commits(page) == sent, "nothing reaches Python while the start moves"
    drawn = stats(page)["frames"] - frames
    assert drawn >= steps // 2, drawn  # redrawn on the animation frames of the drag
    assert len(set(seen_starts)) >= steps // 2 and len(set(seen_ends)) >= steps // 2
    start = race_start(page)
    assert start == pytest.approx(list(target), abs=0.1 + 1e-9)
    assert start == [snapped(v) for v in start]  # on the sliders' grid, as a link is read
    page.mouse.up()
    assert commits(page) == sent + 1
    settled_after_release(page, start)
    assert commits(page) == sent + 1, "one rerun per drag"
    assert page.evaluate("() => window.__reruns.started") <= runs + 1
    assert_python_agrees(page, start)
    page.screenshot(path=str(ARTIFACTS / "live_race_drag.png"))
    page.close()


def test_a_finger_drags_the_start(base_url, browser):
    page = open_page(browser, base_url, has_touch=True)
    session = page.context.new_cdp_session(page)
    px = scale(page)
    x0, y0 = handle_centre(page)
    page.evaluate(
        """() => { const seen = window.__pointerTypes = [];
          for (const type of ['pointerdown', 'pointermove', 'pointerup'])
            document.addEventListener(type, e => seen.push(`${e.pointerType}:${e.type}`), true);
        }"""
    )
    sent, frames = commits(page), stats(page)["frames"]
    scroll = page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollTop")

    def touch(kind, x=0.0, y=0.0):
        points = [] if kind == "touchEnd" else [{"x": x, "y": y, "id": 1}]
        session.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

    touch("touchStart", x0, y0)
    seen = []
    for k in range(1, 9):  # the start: (2.5, -1.5) -> about (0.9, 0.1), up and to the left
        touch("touchMove", x0 - k * 0.2 * px, y0 - k * 0.2 * px)
        frame(page)
        seen.append(tuple(race_start(page)))
    assert commits(page) == sent
    start = race_start(page)
    touch("touchEnd")
    types = page.evaluate("() => window.__pointerTypes")
    assert "touch:pointermove" in types, types
    assert stats(page)["frames"] - frames >= 4 and len(set(seen)) >= 5
    assert start == pytest.approx([0.9, 0.1], abs=0.1 + 1e-9)
    # The finger moved the start, not the page.
    assert page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollTop") == scroll
    settled_after_release(page, start)
    assert commits(page) == sent + 1, "one rerun per drag"
    assert_python_agrees(page, start)
    page.close()


def test_the_arrow_keys_move_the_focused_start(base_url, browser):
    page = open_page(browser, base_url)
    handle = page.locator(f"{RACE} .race-start")
    handle.focus()
    sent, updates = commits(page), stats(page)["updates"]
    # Held down: three keydowns (the key's repeat), one keyup: one release.
    for _ in range(3):
        page.keyboard.down("ArrowLeft")
    assert race_start(page) == [2.2, -1.5] and stats(page)["updates"] == updates + 3
    assert commits(page) == sent, "nothing reaches Python while the key is down"
    page.keyboard.up("ArrowLeft")
    assert commits(page) == sent + 1
    settled_after_release(page, [2.2, -1.5])
    assert_python_agrees(page, [2.2, -1.5])
    handle.focus()
    page.keyboard.press("ArrowUp")
    settled_after_release(page, [2.2, -1.4])
    assert commits(page) == sent + 2  # one release per press
    assert_python_agrees(page, [2.2, -1.4])
    page.close()
