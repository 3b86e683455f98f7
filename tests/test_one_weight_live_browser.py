"""Real browser: the One weight page's live charts, a and λ dragged with a mouse and the keys.

As tests/test_live_figure_browser.py for the main page: ``streamlit run`` in the
background and Debian's Chromium through Playwright; every wait is for a state
(a URL holding a value, Python's words on the page, the script idle). Reruns
are counted where the charts send them (``window.__sparsityLab.stats.commits``).
"""

from __future__ import annotations

import json
import urllib.parse

import pytest
from playwright.sync_api import expect

from lessons import one_weight as lesson
from solvers.shrinkage import one_weight_solution
from tests.browser.artifacts import ARTIFACTS

pytestmark = pytest.mark.browser

CHART = "[data-testid=one-weight-figure]"


def idle(page) -> None:
    page.wait_for_function(
        "() => document.querySelector('[data-test-script-state]')"
        "?.getAttribute('data-test-script-state') === 'notRunning'",
        timeout=30_000,
    )


def open_page(browser, url: str, width: int = 1280, height: int = 900):
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(f"{url}/one_weight")
    page.wait_for_function(
        "() => (window.__sparsityLab?.oneWeight?.figures ?? []).filter(f => f.data).length >= 5",
        timeout=60_000,
    )
    idle(page)
    return page


def frame(page) -> None:
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def commits(page) -> int:
    return page.evaluate("() => window.__sparsityLab.stats.commits")


def shared_view(page) -> dict[str, float]:
    """The view every chart shows (as floats: JSON gives 2 for the double 2.0)."""
    view = page.evaluate("() => ({ ...window.__sparsityLab.oneWeight.view })")
    return {key: float(value) for key, value in view.items()}


def chart(page, panel: str):
    return page.locator(f".st-key-ow_{panel} {CHART}")


def title(page, panel: str) -> str:
    return chart(page, panel).locator("svg.ow-svg").get_attribute("data-title")


def legend(page, panel: str) -> list[str]:
    texts = chart(page, panel).locator(".ow-legend g[visibility=visible] text")
    return texts.evaluate_all("nodes => nodes.map((n) => n.textContent)")


def handle_centre(page, panel: str, kind: str) -> tuple[float, float]:
    """The handle's centre on the screen (scrolled into view first)."""
    hit = chart(page, panel).locator(f".ow-handle[data-handle={kind}] .lf-hit")
    hit.scroll_into_view_if_needed()
    box = hit.bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def pixels_per_unit(page, panel: str) -> float:
    """Screen pixels per unit of the chart's x axis, from its own transform."""
    return page.evaluate(
        """panel => {
          const f = window.__sparsityLab.oneWeight.figures.find(g => g.data?.panel === panel
            && g.root.isConnected);
          const t = f.transforms.main;
          return (t.x(1) - t.x(0)) * f.refs.svg.getScreenCTM().a;
        }""",
        panel,
    )


def query(page) -> dict[str, str]:
    return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(page.url).query))


def slider_value(page, label: str) -> float:
    slider = page.locator('[data-testid="stSlider"]').filter(has_text=label).first
    return float(slider.get_by_role("slider").input_value())


def settled(page, want: dict[str, str]) -> None:
    """The release's rerun has finished: the URL holds ``want`` and Python's words say a, λ."""
    page.wait_for_function(
        """want => {
          const q = new URLSearchParams(window.location.search);
          return Object.entries(want).every(([k, v]) => q.get(k) === v);
        }""",
        arg=want,
        timeout=30_000,
    )
    a = float(want.get("a", "0.8"))
    lam = float(want.get("lam", "1"))
    expect(page.get_by_text(f"Here a = {a:g} and λ = {lam:g}")).to_have_count(1, timeout=30_000)
    idle(page)


def test_dragging_a_moves_every_chart_live_and_commits_once(base_url, browser):
    page = open_page(browser, base_url)
    assert title(page, "problem_l1") == "w* = 0 exactly"  # a = 0.8 inside |a| <= 1
    x0, y0 = handle_centre(page, "shrinkage", "a")
    scale = pixels_per_unit(page, "shrinkage")
    before = commits(page)
    page.mouse.move(x0, y0)
    page.mouse.down()
    markers, views = [], []
    steps = 12
    for k in range(1, steps + 1):  # a: 0.8 -> 2.0, out of the dead zone at a = λ = 1
        page.mouse.move(x0 + k / steps * 1.2 * scale, y0)
        frame(page)
        markers.append(legend(page, "shrinkage")[-1])  # the dragged chart's own marker
        views.append(shared_view(page)["a"])
        assert commits(page) == before, "nothing reaches Python while the handle moves"
    assert len(set(views)) >= 8, views  # the chart followed the hand
    a = shared_view(page)["a"]
    assert abs(a - 2.0) <= 0.05 and round(a / 0.05) * 0.05 == pytest.approx(a, abs=1e-12)
    lasso = float(one_weight_solution(a, 1.0, "l1"))
    assert markers[0].endswith("w* = 0") and len(set(markers)) >= 8
    assert markers[-1] == f"lasso at your a = {a:g}: w* = {lasso:.4g}"  # Python's words
    page.mouse.up()
    # Every chart follows (one scrolled away is redrawn at the release at the latest).
    assert title(page, "problem_l1") == f"w* = {lasso:.3g}, not zero"
    assert f"minimiser w* = {lasso:.4g}" in legend(page, "problem_l1")
    assert f"a = {a:g}" in legend(page, "problem_l2")
    assert f"posterior under the Laplace prior, data a = {a:g}" in legend(page, "posterior")
    settled(page, {"a": repr(a)})
    assert commits(page) == before + 1, "one rerun per drag"
    assert slider_value(page, "Data's pull a") == a
    # Python's badge and the browser's chart say the same number.
    assert page.get_by_text(f"L1: w* = {lasso:.4g}", exact=True).count() == 1
    assert title(page, "problem_l1") == f"w* = {lasso:.3g}, not zero"
    page.screenshot(path=str(ARTIFACTS / "one_weight_live_drag.png"))
    page.close()


def test_the_arrow_keys_move_lambda_one_step_and_python_follows(base_url, browser):
    page = open_page(browser, base_url)
    before = commits(page)
    handle = chart(page, "problem_l1").locator(".ow-handle[data-handle=lam]")
    handle.focus()
    page.keyboard.down("ArrowUp")
    frame(page)
    assert shared_view(page)["lam"] == 1.05  # drawn at once, before any rerun
    assert commits(page) == before
    page.keyboard.up("ArrowUp")
    settled(page, {"lam": "1.05"})
    assert commits(page) == before + 1
    assert slider_value(page, "Penalty weight λ") == 1.05
    assert title(page, "problem_l1") == "w* = 0 exactly"  # a = 0.8 still inside
    assert page.get_by_text("L2: w* = 0.2581: shrunk, not zero").count() == 1
    assert "L1 subgradient at 0: [−λ, λ] = [-1.05, 1.05]" in legend(page, "penalties")
    page.close()


def test_a_finger_drags_lambda_on_the_posterior(base_url, browser):
    page = browser.new_page(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page.goto(f"{base_url}/one_weight")
    page.wait_for_function(
        "() => (window.__sparsityLab?.oneWeight?.figures ?? []).filter(f => f.data).length >= 5",
        timeout=60_000,
    )
    idle(page)
    x, y = handle_centre(page, "posterior", "lam")
    before = commits(page)
    # A finger: pointer events of type touch on the handle, moving up by 36 px.
    chart(page, "posterior").locator(".ow-handle[data-handle=lam] .lf-hit").evaluate(
        """async (hit, [x, y]) => {
          const ev = (type, dy) => hit.dispatchEvent(new PointerEvent(type, { bubbles: true,
            composed: true, pointerId: 3, pointerType: "touch", isPrimary: true, clientX: x,
            clientY: y + dy }));
          const frame = () => new Promise((r) => requestAnimationFrame(r));
          ev("pointerdown", 0);
          for (let k = 1; k <= 6; k += 1) { ev("pointermove", -6 * k); await frame(); }
          ev("pointerup", -36);
        }""",
        [x, y],
    )
    lam = shared_view(page)["lam"]
    assert lam > 1.0
    settled(page, {"lam": repr(lam)})
    assert commits(page) == before + 1
    assert slider_value(page, "Penalty weight λ") == lam
    answers = lesson.answers(0.8, lam)
    assert f"posterior mean = {answers.mean:.4g}" in legend(page, "posterior")
    page.screenshot(path=str(ARTIFACTS / "one_weight_live_touch.png"))
    page.close()


def test_the_charts_state_is_json_the_tests_can_read(base_url, browser):
    page = open_page(browser, base_url)
    shown = json.loads(chart(page, "shrinkage").get_attribute("data-view"))
    assert shown == {"a": 0.8, "lam": 1.0, "ratio": 0.5}
    page.close()
