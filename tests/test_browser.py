"""Real browser: `streamlit run` in the background, Debian's Chromium driven by Playwright.

Playwright cannot download its own browser here, so it drives /usr/bin/chromium.
Without a browser these tests skip on a developer's machine, but fail under CI
(CI=true), where .ci/run installs Chromium: a browser test that CI never runs
would be a defect.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "tests" / "artifacts"  # git-ignored
CHROMIUM_ARGS = [
    "--no-sandbox",  # we run as root in CI
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.browser


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path:
        return path
    if os.environ.get("CI"):
        pytest.fail("CI=true but no chromium on PATH: .ci/run must install Debian's chromium")
    pytest.skip("no chromium on this machine (apt-get install chromium)")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _start_server() -> tuple[subprocess.Popen, str]:
    port = _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--server.address",
            "127.0.0.1",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            output = process.stdout.read().decode(errors="replace") if process.stdout else ""
            pytest.fail(f"streamlit did not start:\n{output}")
        time.sleep(0.3)
    return process, url


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
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


def _open(browser, url: str, width: int, height: int):
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(url)
    page.wait_for_selector(".js-plotly-plot >> nth=1", timeout=60_000)
    page.wait_for_timeout(500)  # let Plotly finish its first layout
    return page


def _assert_no_error(page) -> None:
    for selector in ('[data-testid="stException"]', '[data-testid="stAlertContentError"]'):
        assert page.locator(selector).count() == 0, page.locator(selector).first.inner_text()


def test_page_loads_and_a_slider_moved_by_keyboard_changes_the_readout(server, browser):
    page = _open(browser, server, 1280, 900)
    _assert_no_error(page)
    assert page.get_by_text("L1: w1 = 0 exactly: sparse").count() == 1
    assert page.locator("table").first.get_by_text("(0, 1)", exact=True).count() == 1

    budget = page.locator('[data-testid="stSlider"]').filter(has_text="Budget t").first
    budget.get_by_role("slider").focus()
    page.keyboard.press("ArrowRight")  # one step: t = 1.00 -> 1.05

    page.locator("table").first.get_by_text("(0, 1.05)", exact=True).wait_for(timeout=15_000)
    assert "left_t=1.05" in page.url  # the control's value is kept in the URL
    _assert_no_error(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "constraint_regions_1280.png"), full_page=True)
    page.close()


def test_a_shared_link_opens_the_same_view(server, browser):
    page = _open(
        browser, f"{server}/?c1=2.5&c2=-0.5&cond=1&angle=0&left_t=1.2&right_t=1.2", 1280, 720
    )
    _assert_no_error(page)
    assert page.get_by_text("L1: w2 = 0 exactly: sparse").count() == 1
    assert page.locator("table").first.get_by_text("(1.2, 0)", exact=True).count() == 1
    page.screenshot(path=str(ARTIFACTS / "constraint_regions_link_1280x720.png"))
    page.close()


def test_on_a_narrow_screen_the_panels_stack(server, browser):
    page = _open(browser, server, 420, 1600)
    charts = page.locator(".js-plotly-plot")
    first, second = charts.nth(0).bounding_box(), charts.nth(1).bounding_box()
    assert second["y"] >= first["y"] + first["height"] - 1  # below, not beside
    assert abs(second["x"] - first["x"]) < 5
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "constraint_regions_narrow.png"), full_page=True)
    page.close()


def test_switching_to_the_penalty_form_keeps_the_picture(server, browser):
    page = _open(browser, server, 1280, 1000)
    table = page.locator("table").first
    assert table.get_by_text("(0, 1)", exact=True).count() == 1
    page.get_by_text("Penalty", exact=True).click()
    # The penalty weight appears, set to the corner's KKT multiplier, and the URL says so.
    page.locator('[data-testid="stSlider"]').filter(has_text="Penalty weight λ").first.wait_for(
        timeout=15_000
    )
    page.wait_for_function("() => window.location.search.includes('mode=Penalty')", timeout=15_000)
    assert table.get_by_text("(0, 1)", exact=True).count() == 1  # the same solution
    assert table.get_by_text("4.549", exact=True).count() == 1  # lambda, now the weight
    _assert_no_error(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "constraint_regions_penalty.png"))
    page.close()


def test_one_weight_page_and_its_dead_zone(server, browser):
    page = _open(browser, f"{server}/one_weight", 1280, 1000)
    _assert_no_error(page)
    assert page.get_by_text("L1: w* = 0 exactly: |a| ≤ λ").count() == 1
    pull = page.locator('[data-testid="stSlider"]').filter(has_text="Data's pull a").first
    pull.get_by_role("slider").focus()
    for _ in range(5):  # a: 0.80 -> 1.05, out of the dead zone |a| <= 1
        page.keyboard.press("ArrowRight")
    page.get_by_text("L1: w* = 0.05").wait_for(timeout=15_000)
    assert "a=1.05" in page.url
    _assert_no_error(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "one_weight_1280.png"))
    page.close()


def test_a_deep_link_to_a_cold_server_still_gets_the_router(browser):
    # Streamlit runs pages/x.py directly (legacy pages/ mode) when a fresh
    # server's first request is a deep link; the page must hand over to app.py.
    process, url = _start_server()
    try:
        page = _open(browser, f"{url}/one_weight?lam=2", 1280, 720)
        _assert_no_error(page)
        navigation = page.locator('[data-testid="stTopNavLink"], [data-testid="stNavLink"]')
        assert navigation.count() == 5
        labels = sorted(text.splitlines()[-1] for text in navigation.all_inner_texts())
        # (after each icon's name)
        assert labels == ["Check yourself", "Constraint regions", "How often", "One weight", "Tour"]
        assert page.locator('[data-testid="stSidebarNav"]').count() == 0  # no raw file list
        assert page.get_by_text("One weight: why the L1 optimum sticks at zero").count() == 1
        assert "lam=2" in page.url
        page.close()
    finally:
        _stop(process)


def test_how_often_counts_exact_zeros_and_draws_the_map(server, browser):
    page = _open(browser, f"{server}/how_often?n=1%2C000&spread=3.0", 1280, 720)
    page.get_by_text("exactly none").wait_for(timeout=60_000)
    _assert_no_error(page)
    page.screenshot(path=str(ARTIFACTS / "how_often_1280x720.png"))
    first = page.get_by_text("problems have an exact zero").first.inner_text()
    assert "of 1,000 problems" in first
    # The catchment maps arrive as images inside the Plotly charts.
    page.locator(".js-plotly-plot image").first.wait_for(state="attached", timeout=30_000)
    assert page.locator(".js-plotly-plot image").count() >= 2

    budget = page.locator('[data-testid="stSlider"]').filter(has_text="Budget t").first
    budget.get_by_role("slider").focus()
    page.keyboard.press("ArrowRight")  # t = 1.00 -> 1.25
    page.wait_for_function("() => window.location.search.includes('t=1.25')", timeout=30_000)
    odds = page.get_by_text("problems have an exact zero").first
    deadline = time.monotonic() + 30
    while odds.inner_text() == first:  # a larger budget: a new share
        assert time.monotonic() < deadline, "the odds did not change with the budget"
        page.wait_for_timeout(200)
    _assert_no_error(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 4200})
    page.wait_for_timeout(1500)
    page.screenshot(path=str(ARTIFACTS / "how_often_full.png"))
    page.close()


def test_a_preset_link_opens_its_state_and_the_copy_link_gives_it_back(server, browser):
    from pages.common import PRESETS

    query = urllib.parse.urlencode(PRESETS["correlated"].query())
    page = _open(browser, f"{server}/?{query}", 1280, 900)
    _assert_no_error(page)
    page.get_by_text("Correlated features.", exact=False).first.wait_for(timeout=15_000)
    assert page.get_by_text("L1: w2 = 0 exactly: sparse").count() == 1
    page.get_by_role("button", name="Copy link").click()
    # The popover's code block (the page also lists every preset link in one).
    codes = page.locator('[data-testid="stCode"]').filter(has_not_text="Corner hit:")
    codes.first.wait_for(timeout=15_000)
    shared = codes.first.inner_text().strip()

    def values(text: str) -> dict[str, object]:
        def number_or_text(value: str) -> object:
            try:
                return float(value)
            except ValueError:
                return value

        return {key: number_or_text(value) for key, value in urllib.parse.parse_qsl(text)}

    assert values(urllib.parse.urlsplit(shared).query) == values(query)
    page.close()


def test_presentation_mode_at_1280x720(server, browser):
    page = _open(browser, f"{server}/?present=true", 1280, 720)
    _assert_no_error(page)
    # The sidebar starts folded away and both panels sit side by side on screen.
    assert page.locator('[data-testid="stSidebar"][aria-expanded="true"]').count() == 0
    charts = page.locator(".js-plotly-plot")
    first, second = charts.nth(0).bounding_box(), charts.nth(1).bounding_box()
    assert abs(first["y"] - second["y"]) < 2 and second["x"] > first["x"] + first["width"] - 1
    assert first["y"] + 0.85 * first["height"] <= 720  # the plot area is on screen
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "presentation_1280x720.png"))
    page.close()


def test_the_tour_steps_forward_in_the_browser(server, browser):
    page = _open(browser, f"{server}/tour", 1280, 900)
    _assert_no_error(page)
    page.get_by_role("button", name="Next").click()
    page.wait_for_function("() => window.location.search.includes('step=')", timeout=15_000)
    page.get_by_text("2. One weight: the pull of each penalty").first.wait_for(timeout=15_000)
    _assert_no_error(page)
    page.screenshot(path=str(ARTIFACTS / "tour_step2.png"))
    page.close()


def test_a_dark_page_gets_dark_figures_unless_white_ones_are_asked_for(server, browser):
    from figures.style import DARK_PAPER

    for query, paper in (("", DARK_PAPER), ("?export=PNG%2C%20white%20(slides)", "white")):
        page = browser.new_page(viewport={"width": 1280, "height": 900}, color_scheme="dark")
        page.goto(f"{server}/{query}")
        page.wait_for_selector(".js-plotly-plot >> nth=1", timeout=60_000)
        page.wait_for_timeout(500)
        _assert_no_error(page)
        colour = page.evaluate(
            "() => document.querySelector('.js-plotly-plot').layout.paper_bgcolor"
        )
        assert colour == paper
        if not query:
            page.screenshot(path=str(ARTIFACTS / "constraint_regions_dark.png"))
        page.close()
