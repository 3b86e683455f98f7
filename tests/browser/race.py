"""The Training page's live race in a real browser: what the tests read from it.

The race draws into the shadow root of its component (Playwright's locators
pierce it); its root element ``[data-testid=live-race]`` carries the state
of the moment: ``data-start`` (the start drawn) and ``data-ends`` (each shown
optimiser's iterate at the iteration shown, by slug). ``window.__sparsityLab``
holds the figure (``.race``) and the live counters (``.stats``: ``commits``,
the releases sent to Python, each one rerun; ``frames``, the drag's redraws).
"""

from __future__ import annotations

import json

__all__ = [
    "RACE",
    "commits",
    "ends",
    "frame",
    "idle",
    "iteration_text",
    "open_race",
    "race_start",
    "stats",
]

RACE = "[data-testid=live-race]"


def idle(page, timeout: float = 60_000) -> None:
    """Wait until Streamlit's script is not running (a rerun has finished)."""
    page.wait_for_function(
        "() => document.querySelector('[data-test-script-state]')"
        "?.getAttribute('data-test-script-state') === 'notRunning'",
        timeout=timeout,
    )


def frame(page) -> None:
    """Wait for two animation frames: an update has been drawn."""
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def open_race(browser, url: str, width: int = 1280, height: int = 900, **options):
    """A new page on ``url`` once the race is drawn, the Plotly charts are up and the
    script is idle; no error on the page."""
    page = browser.new_page(viewport={"width": width, "height": height}, **options)
    page.goto(url)
    page.wait_for_selector(f"{RACE} [data-slug]", timeout=90_000)
    page.wait_for_selector(".js-plotly-plot >> nth=2", timeout=90_000)
    idle(page)
    for selector in ('[data-testid="stException"]', '[data-testid="stAlertContentError"]'):
        assert page.locator(selector).count() == 0, page.locator(selector).first.inner_text()
    return page


def ends(page) -> dict[str, list[float]]:
    """Each shown optimiser's iterate at the iteration shown, by slug."""
    return json.loads(page.locator(RACE).get_attribute("data-ends"))


def race_start(page) -> list[float]:
    """The start the race is drawn from."""
    return json.loads(page.locator(RACE).get_attribute("data-start"))


def iteration_text(page) -> str:
    """The scrubber's label, "iteration k of K"."""
    return page.locator(f"{RACE} .race-scrub span").inner_text().strip()


def stats(page) -> dict:
    return page.evaluate("() => ({...window.__sparsityLab.stats})")


def commits(page) -> int:
    """Releases the race sent to Python (each starts one rerun)."""
    return page.evaluate("() => window.__sparsityLab.stats.commits")
