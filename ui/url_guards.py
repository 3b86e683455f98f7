"""A control's value read from the link before its widget exists: clamped, snapped or dropped.

The rules are ``ui.url_values``': out-of-range numbers are clamped, off-step ones
snapped, unreadable ones dropped, and a small note says so (the page frame shows
this run's notes). Each run also records the controls that own a URL parameter
(``ui.url_widgets`` adds them), so that ``end_run`` drops the others.
"""

from __future__ import annotations

import streamlit as st

from ui.url_values import parse_choice, parse_choices, parse_flag, parse_number, quoted

__all__ = [
    "NOTES",
    "OWNED",
    "end_run",
    "guard_choice",
    "guard_choices",
    "guard_flag",
    "guard_number",
    "link_flag",
    "notes",
    "start_run",
]

NOTES = "_url_notes"  # this run's notes about values read from the link
OWNED = "_url_owned"  # this run's controls' keys: the URL parameters they own


def start_run() -> None:
    """Forget the previous run's notes and controls (called by the page frame)."""
    st.session_state[NOTES] = []
    st.session_state[OWNED] = set()


def end_run() -> None:
    """Drop URL parameters that no control of this run owns (a hidden panel's, a typo)."""
    owned = st.session_state.get(OWNED, set())
    for key in [key for key in st.query_params if key not in owned]:
        del st.query_params[key]


def notes() -> list[str]:
    """This run's notes about values taken from the link."""
    return list(st.session_state.get(NOTES, []))


def _note(text: str) -> None:
    st.session_state.setdefault(NOTES, []).append(text)


def _link_value(key: str) -> str | None:
    """The link's value for a control not yet set in this session, else None."""
    if key in st.session_state:
        return None
    return st.query_params.get(key)


def guard_number(key: str, label: str, low: float, high: float, step: float, default: float):
    """Take a number from the link into session state, clamped and snapped, or drop it."""
    raw = _link_value(key)
    if raw is None:
        return
    reading = parse_number(raw, low, high, step)
    if reading.verdict == "unreadable":
        _note(f"{label} = {quoted(raw)} is not a number; using the default {default:g}.")
        del st.query_params[key]
        return
    if reading.verdict == "clamped":
        _note(f"{label} = {quoted(raw)} is outside {low:g} to {high:g}; using {reading.value:g}.")
    elif reading.verdict == "snapped":
        _note(f"{label} = {quoted(raw)} is between the slider's steps; using {reading.value:g}.")
    st.session_state[key] = reading.value


def guard_choice(
    key: str, label: str, options: dict[str, str], default: str | None, aliases: dict[str, str]
) -> None:
    raw = _link_value(key)
    if raw is None:
        return
    reading = parse_choice(raw, options, aliases)
    if reading.value is None:
        fallback = options[default] if default is not None else "no choice"
        _note(f"{label} = {quoted(raw)} is not one of the choices; using {fallback}.")
        del st.query_params[key]
    else:
        st.session_state[key] = reading.value


def guard_choices(
    key: str, label: str, options: dict[str, str], default: tuple[str, ...], flags: str | None
) -> None:
    """Take a comma-separated choice from the link into session state; note what is not read.

    ``flags``: the prefix of the one-switch-per-option parameters that links
    carried before (``show_adam=false``); they are read when ``key`` is absent.
    """
    if key in st.session_state:
        return
    raw = st.query_params.get(key)
    if raw is None and flags is not None:
        raw = _from_flags(options, default, flags)
    if raw is None:
        return
    chosen, unread = parse_choices(raw, options)
    if unread:
        names = ", ".join(quoted(part) for part in unread[:3])
        verb = "is" if len(unread) == 1 else "are"
        _note(f"{label}: {names} {verb} not among the choices; left out.")
    st.session_state[key] = list(chosen)


def _from_flags(options: dict[str, str], default: tuple[str, ...], prefix: str) -> str | None:
    """An old link's switches (``show_adam=false``) as a comma-separated choice, else None."""
    flags = {slug: st.query_params.get(prefix + slug) for slug in options}
    if all(value is None for value in flags.values()):
        return None
    chosen = []
    for slug, raw in flags.items():
        reading = parse_flag(raw) if raw is not None else None
        on = reading.value if reading is not None and reading.value is not None else slug in default
        if on:
            chosen.append(slug)
    return ",".join(chosen)


def link_flag(key: str) -> bool:
    """What the link says of an on/off control, read without a note (garbage: off)."""
    raw = _link_value(key)
    return bool(raw is not None and parse_flag(raw).value)


def guard_flag(key: str, label: str) -> None:
    raw = _link_value(key)
    if raw is None:
        return
    reading = parse_flag(raw)
    if reading.value is None:
        _note(f"{label} = {quoted(raw)} is neither true nor false; using off.")
        del st.query_params[key]
    else:
        st.session_state[key] = reading.value
