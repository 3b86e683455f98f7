"""One interaction, timed in the page: a slider's arrow key or a button's Enter (sync and async).

``open_page`` opens a tab and waits until a chart is drawn and the run is over;
``press_slider`` / ``press_button`` press one key and return an ``Interaction``, its
times in ms from the keydown. The ``a``-prefixed functions do the same with
Playwright's async API (``load.py``'s students).
"""

from __future__ import annotations

from dataclasses import dataclass

from .in_page import AWAIT_WATCH, CHART, IDLE, INSTALL_WATCH, SLIDER, SLIDER_STATE

GRACE_MS = 3000  # after the run ends, how long to wait for a chart that may not change


@dataclass
class Interaction:
    """One keypress on a slider, in ms from the keydown (None: never seen)."""

    running: float | None  # the script state became "running"
    idle: float | None  # ... and back to "notRunning"
    first: float | None  # the first chart whose data changed
    last: float | None  # the last chart that changed in the same update
    charts: int  # how many charts changed
    collapsed: bool = False  # the run was too short for React to draw "running" at all
    busy: float = 0.0  # the browser's main thread in long tasks (> 50 ms) meanwhile

    @property
    def ok(self) -> bool:
        return self.idle is not None and self.first is not None

    @property
    def total(self) -> float | None:
        """Keypress to the chart showing the new state: rerun done AND a chart changed."""
        return max(self.idle, self.first) if self.ok else None

    @property
    def server(self) -> float | None:
        """Keypress to notRunning: the widget message, the rerun, the deltas."""
        return self.idle

    @property
    def render(self) -> float | None:
        """notRunning to the chart changing (0 when the chart changed before the run ended)."""
        return max(0.0, self.first - self.idle) if self.ok else None


def interaction_from(result: dict) -> Interaction:
    return Interaction(
        result["running"],
        result["idle"],
        result["first"],
        result["last"],
        result["charts"],
        result["collapsed"],
        result.get("busy", 0.0),
    )


# ---------------------------------------------------------------- a slider keypress (sync)


def wait_idle(page, timeout_ms: float = 60_000) -> None:
    """Wait until Streamlit's script has finished its run."""
    page.wait_for_selector(IDLE, timeout=timeout_ms)


def open_page(context, url: str, timeout_ms: float = 90_000, before_goto=None):
    """A new tab on ``url``, waited until a chart is drawn and the run is over.

    ``before_goto(page)``, if given, runs on the new tab before it navigates (to watch
    its traffic from the first frame).
    """
    page = context.new_page()
    if before_goto is not None:
        before_goto(page)
    page.goto(url, timeout=timeout_ms)
    # The first visible chart: a page's first chart in the DOM may be in a closed expander.
    page.locator(CHART).filter(visible=True).first.wait_for(timeout=timeout_ms)
    wait_idle(page, timeout_ms)
    page.wait_for_timeout(300)  # late reruns (the router hand-over, URL writes)
    wait_idle(page, timeout_ms)
    return page


def visible_sliders(page) -> list:
    """The slider thumbs a student can reach now (not in a closed expander or tab)."""
    containers = page.locator('[data-testid="stSlider"]').all()  # SLIDER lies inside each
    return [c.locator(SLIDER).first for c in containers if c.is_visible()]


def slider_state(thumb) -> dict:
    return thumb.evaluate(SLIDER_STATE)


def press_slider(page, index: int, direction: dict, timeout_ms: float = 30_000) -> Interaction:
    """Focus visible slider ``index``, press one arrow key, time the update.

    ``direction`` holds {"key": "ArrowRight"|"ArrowLeft"} for this slider; it turns
    round at either end of the slider's range, so that every press changes the value.
    """
    thumb = visible_sliders(page)[index]
    state = slider_state(thumb)
    if direction["key"] == "ArrowRight" and state["value"] >= state["max"]:
        direction["key"] = "ArrowLeft"
    elif direction["key"] == "ArrowLeft" and state["value"] <= state["min"]:
        direction["key"] = "ArrowRight"
    thumb.focus()
    return timed_key(page, direction["key"], timeout_ms)


def press_button(page, labels: tuple[str, str], direction: dict, timeout_ms: float = 30_000):
    """For a page without sliders (the tour): Enter on its "Next" button, "Back" at the end."""
    forward, backward = labels
    name = direction.setdefault("button", forward)
    button = page.get_by_role("button", name=name, exact=True)
    if button.is_disabled():
        direction["button"] = name = backward if name == forward else forward
        button = page.get_by_role("button", name=name, exact=True)
    button.focus()
    return timed_key(page, "Enter", timeout_ms)


def timed_key(page, key: str, timeout_ms: float = 30_000) -> Interaction:
    """Press ``key`` on whatever has the focus and time the update it causes."""
    page.evaluate(INSTALL_WATCH)
    page.keyboard.press(key)
    result = page.evaluate(AWAIT_WATCH, [timeout_ms, GRACE_MS])
    wait_idle(page, 60_000)  # whatever happened, the next press starts from a quiet page
    return interaction_from(result)


# ---------------------------------------------------------------- the same, with the async API


async def aopen_page(context, url: str, timeout_ms: float = 180_000):
    """``open_page`` for Playwright's async API."""
    page = await context.new_page()
    await page.goto(url, timeout=timeout_ms)
    await page.locator(CHART).filter(visible=True).first.wait_for(timeout=timeout_ms)
    await page.wait_for_selector(IDLE, timeout=timeout_ms)
    await page.wait_for_timeout(300)
    await page.wait_for_selector(IDLE, timeout=timeout_ms)
    return page


async def avisible_sliders(page) -> list:
    containers = await page.locator('[data-testid="stSlider"]').all()
    return [c.locator(SLIDER).first for c in containers if await c.is_visible()]


async def apress_slider(page, index: int, direction: dict, timeout_ms: float = 60_000):
    """``press_slider`` for Playwright's async API."""
    thumb = (await avisible_sliders(page))[index]
    state = await thumb.evaluate(SLIDER_STATE)
    if direction["key"] == "ArrowRight" and state["value"] >= state["max"]:
        direction["key"] = "ArrowLeft"
    elif direction["key"] == "ArrowLeft" and state["value"] <= state["min"]:
        direction["key"] = "ArrowRight"
    await thumb.focus()
    await page.evaluate(INSTALL_WATCH)
    await page.keyboard.press(direction["key"])
    result = await page.evaluate(AWAIT_WATCH, [timeout_ms, GRACE_MS])
    await page.wait_for_selector(IDLE, timeout=120_000)
    return interaction_from(result)
