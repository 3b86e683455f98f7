"""Real browser: the live figure's handles, dragged with a mouse and a finger, Play, keys, looks.

`streamlit run` in the background and Debian's Chromium driven by Playwright,
the session's server and the module's browser (tests/browser/fixtures.py, as
tests/test_browser.py): without Chromium they skip on a developer's machine and
fail under CI.

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
from playwright.sync_api import expect

from geometry import QuadraticLoss
from geometry.regions import REGION_KINDS
from lessons.constraint_regions.presets import PAGE_DEFAULTS
from lessons.words import badge_text
from solvers import solve_constrained
from tests.browser.artifacts import ARTIFACTS

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
    """Releases the live figure sent to Python (each starts one rerun).

    Counted where they are sent, not from the script-state attribute: a fast
    rerun can go from running to not running within one React commit, and
    then a watcher of that attribute never sees it run. That the rerun
    happened is shown by Python's answer on the page (the release checks).
    """
    return page.evaluate("() => window.__sparsityLab.stats.commits")


def script_runs(page) -> int:
    """Script runs seen from the script-state attribute (a lower bound: see ``reruns``)."""
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
    """Wait for the rerun a release starts: the URL holds ``expected``, the panel shows
    Python's answer, the script is idle."""
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
    # The URL changes, and the script can look idle, just before the release's rerun
    # starts: wait for the panel to show Python's answer to the released view, then for
    # the rerun to finish (each wait fails if it never happens).
    expect(page.locator(".lf-panel[data-side=left]")).to_have_attribute(
        "data-status", "python", timeout=30_000
    )
    idle(page)


def slider_value(page, label: str, index: int = 0) -> float:
    slider = page.locator('[data-testid="stSlider"]').filter(has_text=label).nth(index)
    return float(slider.get_by_role("slider").input_value())


def test_dragging_the_centre_with_the_mouse_updates_live_and_commits_once(base_url, browser):
    page = open_live(browser, f"{base_url}/{EDGE}")
    assert badge(page, "left") == "no exact zeros: not sparse"  # the edge hit
    start = view(page)
    scale = pixels_per_unit(page, "left")
    x0, y0 = handle_box(page, "left", "centre")
    before, runs_before = reruns(page), script_runs(page)
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
    assert script_runs(page) <= runs_before + 1
    assert slider_value(page, "ŵ1") == state["c1"] and slider_value(page, "ŵ2") == state["c2"]
    # Python's readout, the live readout and Python's solution agree.
    assert page.locator(".lf-panel[data-side=left]").get_attribute("data-status") == "python"
    assert readout(page, "left").startswith(f"w = {python_w_text(page, 0)}")
    assert readout(page, "right").startswith(f"w = {python_w_text(page, 1)}")
    assert live_w(page, "left") == [float(x) for x in exact.w]
    page.screenshot(path=str(ARTIFACTS / "live_centre_drag.png"))
    page.close()


def drag(page, start, end, steps=8, check=None):
    """A mouse drag from ``start`` to ``end`` (pixels) in ``steps`` moves, each drawn."""
    page.mouse.move(*start)
    page.mouse.down()
    seen = []
    for k in range(1, steps + 1):
        f = k / steps
        page.mouse.move(start[0] + f * (end[0] - start[0]), start[1] + f * (end[1] - start[1]))
        frame(page)
        seen.append((readout(page, "left"), readout(page, "right")))
        if check:
            check()
    return seen


def assert_live_matches_python(page) -> dict[str, float]:
    """The figure's state of the moment, solved by Python, is what both panels show."""
    state = view(page)
    for side, kind in (("left", "l1"), ("right", "l2")):
        exact = python_solution(state, kind, side)
        shown = live_w(page, side)
        assert np.allclose(shown, exact.w, rtol=0, atol=1e-12), (side, shown, exact.w)
        assert [i for i, x in enumerate(shown) if x == 0.0] == list(exact.zeros)
    return state


def assert_python_agrees_after_release(page, state: dict[str, float], keys) -> None:
    settled_after_release(page, {key: state[key] for key in keys})
    assert view(page) == state
    for index, side in enumerate(("left", "right")):
        assert readout(page, side).startswith(f"w = {python_w_text(page, index)}")


def test_the_budget_and_shape_handles(base_url, browser):
    page = open_live(browser, base_url)
    scale = pixels_per_unit(page, "left")
    before = reruns(page)
    start = handle_box(page, "left", "budget")
    seen = drag(page, start, (start[0] + 0.82 * scale, start[1] + 6))  # t: 1 -> about 1.8
    state = assert_live_matches_python(page)
    assert len({left for left, _ in seen}) >= 5 and len({right for _, right in seen}) == 1
    assert 1.7 <= state["left_t"] <= 1.9 and state["right_t"] == 1.0
    assert badge(page, "left") == badge_text(python_solution(state, "l1", "left"))
    page.mouse.up()
    assert_python_agrees_after_release(page, state, ["left_t"])
    assert slider_value(page, "Budget t", 0) == state["left_t"]
    assert reruns(page) == before + 1

    # The shape: turn the long axis from -30° towards +45° and stretch it.
    centre = handle_box(page, "left", "centre")
    grip = handle_box(page, "left", "shape")
    length = math.hypot(grip[0] - centre[0], grip[1] - centre[1])
    target = (
        centre[0] + 1.4 * length * math.cos(math.radians(45)),
        centre[1] - 1.4 * length * math.sin(math.radians(45)),
    )
    seen = drag(page, grip, target, steps=10)
    state = assert_live_matches_python(page)
    assert len(set(seen)) >= 6
    assert state["angle"] == 45.0 and 7.0 <= state["cond"] <= 9.0, state
    page.mouse.up()
    assert_python_agrees_after_release(page, state, ["cond", "angle"])
    assert slider_value(page, "Condition number") == state["cond"]
    assert slider_value(page, "Rotation") == state["angle"]
    assert reruns(page) == before + 2
    page.close()


def test_a_finger_drags_the_centre(base_url, browser):
    page = open_live(browser, f"{base_url}/{EDGE}", has_touch=True)
    session = page.context.new_cdp_session(page)
    scale = pixels_per_unit(page, "left")
    x0, y0 = handle_box(page, "left", "centre")
    pointer_types = page.evaluate(
        """() => { const seen = window.__pointerTypes = [];
          for (const type of ['pointerdown', 'pointermove', 'pointerup', 'pointercancel'])
            document.addEventListener(type, e => seen.push(`${e.pointerType}:${e.type}`), true);
        }"""
    )
    del pointer_types
    before = reruns(page)

    def touch(kind, x, y):
        points = [] if kind == "touchEnd" else [{"x": x, "y": y, "id": 1}]
        session.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

    touch("touchStart", x0, y0)
    seen = []
    for k in range(1, 9):  # ŵ: (1.5, 1.3) -> (0.3, 2.5)
        touch("touchMove", x0 - k * 0.15 * scale, y0 - k * 0.15 * scale)
        frame(page)
        seen.append(readout(page, "left"))
    state = assert_live_matches_python(page)
    touch("touchEnd", 0, 0)
    types = page.evaluate("() => window.__pointerTypes")
    assert "touch:pointermove" in types, types
    assert len(set(seen)) >= 5 and badge(page, "left") == "w1 = 0 exactly: sparse"
    assert_python_agrees_after_release(page, state, ["c1", "c2"])
    assert reruns(page) == before + 1
    page.close()


def test_the_arrow_keys_move_a_focused_handle(base_url, browser):
    page = open_live(browser, base_url)
    handle = page.locator(".lf-panel[data-side=left] .lf-handle-centre")
    handle.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowDown")
    settled_after_release(page, {"c1": 1.05, "c2": 1.95})  # (1, 2) + one step right, one down
    assert slider_value(page, "ŵ1") == 1.05 and slider_value(page, "ŵ2") == 1.95
    assert readout(page, "left").startswith(f"w = {python_w_text(page, 0)}")
    page.close()


def test_play_traces_both_paths_in_the_browser(base_url, browser):
    page = open_live(browser, base_url)
    before = reruns(page)
    page.locator("[data-role=play]").click()
    badges = set()
    page.wait_for_function("() => window.__sparsityLab.figure.playing !== null")
    while page.evaluate("() => window.__sparsityLab.figure.playing !== null"):
        frame(page)
        badges.add(badge(page, "right"))
    paths = page.evaluate("() => window.__sparsityLab.figure.paths")
    l1, l2 = paths["left"], paths["right"]
    assert len(l1) > 30 and len(l2) > 30  # one exact solution per animation frame
    first = next(i for i, w in enumerate(l1) if w[0] == 0)
    assert 0 < first < len(l1) - 1 and all(w[0] == 0 for w in l1[first:])  # reaches, stays
    assert all(w[0] != 0 and w[1] != 0 for w in l2[:-1]) and l2[-1] == [0, 0]  # 0 only at t = 0
    # At t = 3 ŵ = (1, 2) fits the disc; then the disc binds: the badge followed the budget.
    assert {"inside the region: no zeros, no shrinkage", "no exact zeros: not sparse"} <= badges
    assert reruns(page) == before, "Play runs in the browser alone"
    assert view(page)["left_t"] == 1.0  # the budget is back where the slider is
    assert (
        page.locator(".lf-panel[data-side=left] .lf-path").get_attribute("visibility") == "visible"
    )
    page.screenshot(path=str(ARTIFACTS / "live_play.png"))
    page.close()


@pytest.mark.parametrize(
    ("width", "height", "scheme", "query"),
    [
        (1280, 720, "light", "?present=true"),
        (1280, 720, "dark", "?present=true"),
        (1440, 900, "light", ""),
        (1440, 900, "dark", "?left_region=elasticnet&right_region=lp&right_p=0.5"),
    ],
)
def test_screenshots(base_url, browser, width, height, scheme, query):
    page = open_live(browser, f"{base_url}/{query}", width, height, color_scheme=scheme)
    paper = page.locator(".lf-panel[data-side=left] .lf-bg").get_attribute("fill")
    assert paper == ("#0E1117" if scheme == "dark" else "white")
    page.locator(".lf-root").scroll_into_view_if_needed()
    ARTIFACTS.mkdir(exist_ok=True)
    name = f"live_{width}x{height}_{scheme}{'_present' if 'present' in query else ''}.png"
    page.screenshot(path=str(ARTIFACTS / name))
    svg = page.evaluate(
        """() => new XMLSerializer().serializeToString(
          window.__sparsityLab.figure.panels[0].refs.svg)"""
    )
    assert svg.startswith("<svg") and "lf-title" in svg
    page.close()


def test_the_figure_downloads_as_svg_and_png(base_url, browser, tmp_path):
    page = open_live(browser, base_url)
    with page.expect_download() as svg_download:
        page.locator("[data-role=svg]").click()
    svg = svg_download.value
    assert svg.suggested_filename == "sparsity-lab-constraint-regions.svg"
    svg.save_as(tmp_path / "figure.svg")
    text = (tmp_path / "figure.svg").read_text()
    assert text.startswith("<svg") and "corner on the w2 axis" in text
    assert "lf-hit" not in text  # the handles stay on the page
    with page.expect_download() as png_download:
        page.locator("[data-role=png]").click()
    png = png_download.value
    png.save_as(tmp_path / "figure.png")
    assert png.suggested_filename.endswith(".png")
    assert (tmp_path / "figure.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    page.close()
