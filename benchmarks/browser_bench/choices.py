"""The other controls a student presses: toggles, radios, select boxes and pill rows.

Each is found by Streamlit's test id, visible on the page now (not in a closed expander,
not the page toolbar's Presentation switch and figure format, which every page shares),
and pressed from the keyboard so that the press is timed from its keydown as a slider's is:

- a toggle: Space on its switch;
- a radio row: the arrow key that moves to the next option (back at the end);
- a select box: ArrowDown opens its menu, an arrow moves to the next option, and the
  timed key is the Enter that chooses it;
- a pill row: Enter on the pill after the last one pressed (a row of presets resets to
  none after each press, so every press changes the state).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from .presses import Interaction, timed_key, wait_idle

# The page toolbar (ui.frame): on every page alike, measured with the first page only.
_TOOLBAR = ".st-key-page_toolbar"
KINDS = {
    "toggle": '[data-testid="stCheckbox"]:has([role="switch"]), [data-testid="stToggle"]',
    "radio": '[data-testid="stRadio"]',
    "select": '[data-testid="stSelectbox"]',
    "pills": '[data-testid="stButtonGroup"]',
}


def _visible(page, selector: str) -> list:
    return [
        c
        for c in page.locator(f"[data-testid='stMain'] {selector}").all()
        if c.is_visible() and not c.evaluate(f"(el) => !!el.closest('{_TOOLBAR}')")
    ]


def _label(container) -> str:
    text = container.locator('[data-testid="stWidgetLabel"]').first
    return (text.inner_text() if text.count() else container.inner_text()).strip().split("\n")[0]


def _press_toggle(page, index: int, _state: dict) -> Interaction:
    switch = _visible(page, KINDS["toggle"])[index].locator("input").first
    switch.focus()
    return timed_key(page, " ")


def _press_radio(page, index: int, state: dict) -> Interaction:
    group = _visible(page, KINDS["radio"])[index]
    options = group.locator('input[type="radio"]')
    count = options.count()
    checked = next((i for i in range(count) if options.nth(i).is_checked()), 0)
    step = state.setdefault("step", 1)
    if not 0 <= checked + step < count:
        state["step"] = step = -step
    options.nth(checked).focus()
    return timed_key(page, "ArrowDown" if step > 0 else "ArrowUp")


def _press_select(page, index: int, state: dict) -> Interaction:
    box = _visible(page, KINDS["select"])[index]
    field = box.locator("input").first
    field.focus()
    page.keyboard.press("ArrowDown")  # opens the menu on the current option
    menu = page.locator('[role="listbox"] [role="option"]')
    menu.first.wait_for(timeout=10_000)
    count = menu.count()
    current = next(
        (i for i in range(count) if menu.nth(i).get_attribute("aria-selected") == "true"), 0
    )
    step = state.setdefault("step", 1)
    if not 0 <= current + step < count:
        state["step"] = step = -step
    page.keyboard.press("ArrowDown" if step > 0 else "ArrowUp")
    return timed_key(page, "Enter")


def _press_pills(page, index: int, state: dict) -> Interaction:
    row = _visible(page, KINDS["pills"])[index]
    pills = row.locator("button")
    state["next"] = (state.get("next", -1) + 1) % pills.count()
    pills.nth(state["next"]).focus()
    return timed_key(page, "Enter")


_PRESS: dict[str, Callable[[object, int, dict], Interaction]] = {
    "toggle": _press_toggle,
    "radio": _press_radio,
    "select": _press_select,
    "pills": _press_pills,
}


def choice_controls(page) -> list[tuple[str, Callable[[], Interaction]]]:
    """(label, press) for every visible toggle, radio row, select box and pill row.

    A press that opens a page's other controls (a region's select adds its sliders) is
    still one press; the index of a control is read again at each press, so controls
    that appear or go do not shift the others' measurements out of place.
    """
    wait_idle(page)
    controls = []
    for kind, selector in KINDS.items():
        for index, container in enumerate(_visible(page, selector)):
            label = f"{kind}: {_label(container)}"
            state: dict = {}
            press = _PRESS[kind]
            controls.append((label, lambda p=press, i=index, s=state: _shown(p(page, i, s))))
    return controls


def _shown(run: Interaction) -> Interaction:
    """A choice may change only words or tables: then the new state shows when the run ends."""
    if run.first is None and run.idle is not None:
        return replace(run, first=run.idle, last=run.idle)
    return run
