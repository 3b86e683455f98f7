"""The main page's live figure as a Streamlit component, and its way back to the sliders.

The browser side is ``live/figure/main.js``, loaded through ``ui.live_modules``
(the page frame mounts the modules; they travel once per session; this component's data,
``lessons.constraint_regions.live_payload``, is all that changes from one
rerun to the next).

The way back: on a release (pointerup or keyup) the browser calls
``setStateValue("view", {...})`` once. The ``on_view_change`` callback runs
before the script, the one moment Streamlit lets a widget's session-state
value be set, and writes the sliders' keys (validated, clamped and snapped as
a link's values are). The script then draws the sliders, the URL, the tables
and the figure from those values.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from lessons.constraint_regions import (
    CENTRE,
    CONDITION,
    ROTATION,
    panel_sliders,
    release_values,
)
from lessons.controls import Slider
from ui.live_modules import LIVE, live_component
from ui.url_values import parse_number

__all__ = ["APPLIED", "ENTRY", "KEY", "STATE", "apply_release", "live_figure", "slider_specs"]

ENTRY = "figure/main.js"
KEY = "live_figure"
STATE = "view"
APPLIED = "_live_figure_applied"  # the seq stamp of the last release written to the sliders

_figure = live_component(
    "sparsity_live_figure", ENTRY, (LIVE / "figure" / "style.css").read_text(encoding="utf-8")
)


def slider_specs(budget_sides: tuple[str, ...]) -> dict[str, Slider]:
    """The sliders a release may set, by key."""
    specs = {spec.key: spec for spec in (*CENTRE, CONDITION, ROTATION)}
    for side in budget_sides:
        budget = panel_sliders(side)["budget"]
        specs[budget.key] = budget
    return specs


def apply_release(key: str, budget_sides: tuple[str, ...]) -> None:
    """The released state into the sliders' keys, once per release (its ``seq`` stamp).

    The component's on-change callback: it runs before the script, so that the
    sliders are created with these values. The page also calls it before its
    sliders exist, which applies a state set through ``st.session_state[key]``
    (AppTest) the same way; a release already applied is left alone, so a
    later slider move is not undone. Each value is read as a link's value is:
    unreadable ones are dropped, others clamped to the slider's range and
    snapped to its step.
    """
    value = st.session_state.get(key)
    view = value.get(STATE) if isinstance(value, dict) else None
    if not isinstance(view, dict) or view.get("seq") == st.session_state.get(APPLIED):
        return
    st.session_state[APPLIED] = view.get("seq")
    specs = slider_specs(budget_sides)
    for name, raw in release_values(view, budget_sides).items():
        spec = specs[name]
        reading = parse_number(str(raw), spec.low, spec.high, spec.step)
        if reading.value is not None:
            st.session_state[name] = reading.value


def live_figure(payload: dict, *, budget_sides: tuple[str, ...], key: str = KEY) -> None:
    """Mount the live figure with ``payload`` (``lessons.constraint_regions.live_payload``).

    Parameters
    ----------
    payload : dict
        What the browser draws.
    budget_sides : tuple of str
        The panels whose budget handle a release may move (those in constraint form).
    key : str
        The component's key; its state is ``st.session_state[key]["view"]``.
    """
    _figure(
        key=key,
        data=payload,
        default={STATE: None},
        on_view_change=partial(apply_release, key, budget_sides),
    )
