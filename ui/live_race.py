"""The Training page's race as a live figure, and its way back to the start sliders.

The browser side is ``live/race/main.js`` (loaded through ``ui.live_modules``);
its data is ``lessons.training.race_payload``. On a release (pointerup or
keyup) the browser calls ``setStateValue("start", {"w1_0": .., "w2_0": .., "seq": ..})``
once; the on-change callback runs before the script and writes the start
sliders' keys, read as a link's values are (``ui.url_values.parse_number``:
clamped, snapped). The script then draws the sliders, the URL, the tables and
the figure from them.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from lessons.training import START, release_start
from ui.live_modules import LIVE, live_component
from ui.url_values import parse_number

__all__ = ["APPLIED", "ENTRY", "KEY", "STATE", "apply_release", "live_race"]

ENTRY = "race/main.js"
KEY = "live_race"
STATE = "start"
APPLIED = "_live_race_applied"  # the seq stamp of the last release written to the sliders

_CSS = "\n".join(
    (LIVE / folder / "style.css").read_text(encoding="utf-8") for folder in ("figure", "race")
)
_race = live_component("sparsity_live_race", ENTRY, _CSS)


def apply_release(key: str = KEY) -> None:
    """The released start into the sliders' keys, once per release (its ``seq`` stamp).

    The on-change callback, and called by the page before its sliders exist
    (which applies a state set through ``st.session_state[key]``, as AppTest
    does). A release already applied is left alone, so that a later slider
    move is not undone; an unreadable value is dropped.
    """
    value = st.session_state.get(key)
    state = value.get(STATE) if isinstance(value, dict) else None
    if not isinstance(state, dict) or state.get("seq") == st.session_state.get(APPLIED):
        return
    st.session_state[APPLIED] = state.get("seq")
    specs = {spec.key: spec for spec in START}
    for name, raw in release_start(state).items():
        spec = specs[name]
        reading = parse_number(str(raw), spec.low, spec.high, spec.step)
        if reading.value is not None:
            st.session_state[name] = reading.value


def live_race(payload: dict, *, key: str = KEY) -> None:
    """Mount the race with ``payload`` (``lessons.training.race_payload``); the page
    frame has mounted the live modules it loads from."""
    _race(key=key, data=payload, default={STATE: None}, on_start_change=partial(apply_release, key))
