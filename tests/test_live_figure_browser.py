"""Real browser: the live figure's handles, dragged with a mouse and a finger, Play, keys, looks.

`streamlit run` in the background and Debian's Chromium driven by Playwright,
as in tests/test_browser.py (whose server and browser helpers these tests
share): without Chromium they skip on a developer's machine and fail under CI.

Every wait is for a state (a readout that changed, a URL that holds a value,
Streamlit's script state back to idle), never a fixed sleep. Reruns are
counted in the page: Streamlit marks its app root with
``data-test-script-state="running"`` while the script runs, and a
MutationObserver counts those transitions.
"""

from __future__ import annotations

import json
import math
import urllib.parse

import numpy as np
import pytest

from geometry import QuadraticLoss
from geometry.regions import REGION_KINDS
from lessons.presets import PAGE_DEFAULTS
from solvers import solve_constrained
from tests.test_browser import ARTIFACTS, CHROMIUM_ARGS, _chromium, _start_server, _stop

pytestmark = pytest.mark.browser

EDGE = "?c1=1.5&c2=1.3&cond=1&angle=0"  # the edge-hit preset: the L1 optimum on an edge
RERUN_COUNTER = """() => {
  if (window.__reruns) return;
  window.__reruns = { started: 0 };
  const root = document.querySelector('[data-test-script-state]');
  let last = root.getAttribute('data-test-script-state');
  new MutationObserver(() => {
    const now = root.getAttribute('data-test-script-state');
    if (now === 'running' && last !== 'running') window.__reruns.started += 1;
    last = now;
  }).observe(root, { attributes: true, attributeFilter: ['data-test-script-state'] });
}"""


@pytest.fixture(scope="module")
def server():
    process, url = _start_server()
    yield url
    _stop(process)


@pytest.fixture(scope="module")
def browser():
    executable = _chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def idle(page) -> None:
    """Wait until Streamlit's script is not running (a rerun has finished)."""
    page.wait_for_function(
        "() => document.querySelector('[data-test-script-state]')"
        "?.getAttribute('data-test-script-state') === 'notRunning'",
        timeout=30_000,
    )


def open_live(browser, url: str, width: int = 1280, height: int = 900, **options):
    page = browser.new_page(viewport={"width": width, "height": height}, **options)
    page.goto(url)
    page.wait_for_selector(".lf-panel[data-side=right] [data-role=readout]", timeout=60_000)
    idle(page)
    page.evaluate(RERUN_COUNTER)
    return page


def frame(page) -> None:
    """Wait for two animation frames: a drag's update has been drawn."""
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def readout(page, side: str) -> str:
    return page.locator(f".lf-panel[data-side={side}] [data-role=readout]").inner_text()


def live_w(page, side: str) -> list[float]:
    return json.loads(
        page.locator(f".lf-panel[data-side={side}] [data-role=readout]").get_attribute("data-w")
    )


def badge(page, side: str) -> str:
    return page.locator(f".lf-panel[data-side={side}] [data-role=badge]").inner_text()


def view(page) -> dict[str, float]:
    return json.loads(page.locator(".lf-root").get_attribute("data-view"))


def reruns(page) -> int:
    return page.evaluate("() => window.__reruns.started")


def handle_box(page, side: str, kind: str) -> tuple[float, float]:
    box = page.locator(f".lf-panel[data-side={side}] .lf-handle-{kind} .lf-hit").bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def pixels_per_unit(page, side: str) -> float:
    """Screen pixels per unit of w: from the budget handle (at t, 0) and the centre (c1, c2)."""
    state = view(page)
    bx, by = handle_box(page, side, "budget")
    cx, cy = handle_box(page, side, "centre")
    intercept = state[f"{side}_t"]  # L1 / L2: the region meets the w1 axis at t
    return math.hypot(cx - bx, cy - by) / math.hypot(state["c1"] - intercept, state["c2"])


def python_solution(state: dict[str, float], kind: str, side: str):
    loss = QuadraticLoss.from_shape(
        (state["c1"], state["c2"]), eigenvalues=(1.0, state["cond"]), angle_deg=state["angle"]
    )
    return solve_constrained(loss, REGION_KINDS[kind].make(state[f"{side}_t"]))


def python_w_text(page, index: int) -> str:
    rows = page.locator('[data-testid="stMarkdownContainer"] table').nth(index).locator("tbody tr")
    return rows.nth(0).locator("td").nth(1).inner_text()


def query(page) -> dict[str, str]:
    return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(page.url).query))


def settled_after_release(page, expected: dict[str, float]) -> None:
    """Wait for the rerun a release starts: the URL holds ``expected``, the script is idle."""
    want = {
        key: None if value == PAGE_DEFAULTS[key] else repr(float(value))
        for key, value in expected.items()
    }
    page.wait_for_function(
        """want => {
          const q = new URLSearchParams(window.location.search);
          return Object.entries(want).every(([k, v]) => q.get(k) === v);
        }""",
        arg=want,
        timeout=30_000,
    )
    idle(page)


def slider_value(page, label: str, index: int = 0) -> float:
    slider = page.locator('[data-testid="stSlider"]').filter(has_text=label).nth(index)
    return float(slider.get_by_role("slider").input_value())


def test_dragging_the_centre_with_the_mouse_updates_live_and_commits_once(server, browser):
    page = open_live(browser, f"{server}/{EDGE}")
    assert badge(page, "left") == "no exact zeros: not sparse"  # the edge hit
    start = view(page)
    scale = pixels_per_unit(page, "left")
    x0, y0 = handle_box(page, "left", "centre")
    before = reruns(page)
    page.mouse.move(x0, y0)
    page.mouse.down()
    seen, badges = [], []
    target = (0.4, 2.4)  # ŵ near the w2 axis: the diamond's corner (0, 1) catches it
    steps = 12
    for k in range(1, steps + 1):
        f = k / steps
        c1 = start["c1"] + f * (target[0] - start["c1"])
        c2 = start["c2"] + f * (target[1] - start["c2"])
        page.mouse.move(x0 + (c1 - start["c1"]) * scale, y0 - (c2 - start["c2"]) * scale)
        frame(page)
        seen.append(readout(page, "left"))
        badges.append(badge(page, "left"))
        assert page.locator(".lf-panel[data-side=left]").get_attribute("data-status") == "live"
    assert reruns(page) == before, "nothing reaches Python while the handle moves"
    assert len(set(seen)) >= 6, seen  # the readout followed the drag
    assert badges[0] == "no exact zeros: not sparse"
    assert badges[-1] == "w1 = 0 exactly: sparse"
    # Each frame's verdict is the exact solver's, for the state the figure shows.
    state = view(page)
    exact = python_solution(state, "l1", "left")
    assert exact.zeros == (0,) and live_w(page, "left") == [0.0, float(exact.w[1])]
    right = python_solution(state, "l2", "right")
    assert np.allclose(live_w(page, "right"), right.w, rtol=0, atol=1e-12)
    assert not right.zeros

    page.mouse.up()
    settled_after_release(page, {"c1": state["c1"], "c2": state["c2"]})
    assert reruns(page) == before + 1, "one rerun per drag"
    assert slider_value(page, "ŵ1") == state["c1"] and slider_value(page, "ŵ2") == state["c2"]
    # Python's readout, the live readout and Python's solution agree.
    assert page.locator(".lf-panel[data-side=left]").get_attribute("data-status") == "python"
    assert readout(page, "left").startswith(f"w = {python_w_text(page, 0)}")
    assert readout(page, "right").startswith(f"w = {python_w_text(page, 1)}")
    assert live_w(page, "left") == [float(x) for x in exact.w]
    page.screenshot(path=str(ARTIFACTS / "live_centre_drag.png"))
    page.close()
