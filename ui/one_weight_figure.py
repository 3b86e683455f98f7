"""The One weight page's live charts as Streamlit components, and their way back to the sliders.

The browser side is ``live/one_weight/main.js``, loaded through
``ui.live_modules`` (the modules travel once per session, mounted by the
page frame); each chart is one
keyed component whose data (``lessons.one_weight.live_payload``) is all that
changes from one rerun to the next. The charts share one view in the
browser: a drag on any of them moves them all.

The way back, as on the main page (``ui.live_figure``): a release calls
``setStateValue("view", {...})`` once; the chart's on-change callback runs
before the script and writes the sliders' keys, validated, clamped and
snapped as a link's values are.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from lessons.one_weight import release_values, slider_specs
from ui.live_modules import LIVE, live_component
from ui.url_values import parse_number

__all__ = ["ENTRY", "STATE", "apply_release", "chart_key", "one_weight_figure"]

ENTRY = "one_weight/main.js"
STATE = "view"
_CSS = "\n".join(
    (LIVE / folder / "style.css").read_text(encoding="utf-8") for folder in ("figure", "one_weight")
)
_figure = live_component("sparsity_one_weight", ENTRY, _CSS)


def chart_key(panel: str) -> str:
    """The component key of a chart ("ow_shrinkage")."""
    return f"ow_{panel}"


def _applied(key: str) -> str:
    return f"{key}_applied"  # the seq stamp of the last release written to the sliders


def apply_release(key: str) -> None:
    """The released state of chart ``key`` into the sliders' keys, once per release.

    The component's on-change callback (it runs before the script, so that the
    sliders are created with these values); the page also calls it before its
    sliders exist, for a state set through ``st.session_state[key]`` (AppTest).
    A release already applied is left alone, so that a later slider move is not
    undone. Each value is read as a link's value is: unreadable ones are
    dropped, others clamped to the slider's range and snapped to its step.
    """
    value = st.session_state.get(key)
    view = value.get(STATE) if isinstance(value, dict) else None
    if not isinstance(view, dict) or view.get("seq") == st.session_state.get(_applied(key)):
        return
    st.session_state[_applied(key)] = view.get("seq")
    specs = slider_specs()
    for name, raw in release_values(view).items():
        spec = specs[name]
        reading = parse_number(str(raw), spec.low, spec.high, spec.step)
        if reading.value is not None:
            st.session_state[name] = reading.value


def one_weight_figure(payload: dict) -> None:
    """Mount one live chart with ``payload`` (``lessons.one_weight.live_payload``).

    Its ``panel`` names the chart and its key (``chart_key``).
    """
    key = chart_key(payload["panel"])
    _figure(
        key=key, data=payload, default={STATE: None}, on_view_change=partial(apply_release, key)
    )
