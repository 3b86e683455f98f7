"""Widgets whose values live in the URL, guarded on the way in.

A lecturer's prepared link reproduces the view. This module, not Streamlit's
``bind="query-params"``, keeps each value in the URL: Streamlit's binding
writes a choice's display label (renaming a label would break saved links)
and lets an in-range link value win over any correction (an off-step value
would stay off-step). Before a widget exists, its link value is read by
``ui.url_guards``: out-of-range numbers are clamped, off-step ones snapped,
unreadable ones dropped, and a small note says so. After it exists, its value
is written back: choices as stable slugs, numbers in their shortest exact
form, nothing for a value at its default.

So the address bar is always the link to the current view, in a full rerun
and in a fragment's alike: the Copy link button (``ui.share_link``) reads it
there. Every widget also records its key: the parameters this run's controls
own (``ui.url_guards.end_run`` drops the others).
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Callable

import streamlit as st

from lessons.controls import Choice, Slider, Toggle
from ui.registry import PAGES
from ui.url_guards import OWNED, guard_choice, guard_choices, guard_flag, guard_number
from ui.url_values import app_address

__all__ = [
    "choice",
    "link_list",
    "slider",
    "toggle",
    "url_choices",
    "url_select",
    "url_slider",
    "url_toggle",
    "view_url",
]


def _initial(name: str, key: str, default: object) -> dict:
    """The widget's default, unless session state already holds its value.

    Passing both makes Streamlit log a warning on every run after a value was
    set through session state (a clamped link value, a mode switch).
    """
    return {} if key in st.session_state else {name: default}


def _remember(key: str, value: str, default: str) -> None:
    """Record the control as the owner of its URL parameter, and keep the URL in step."""
    st.session_state.setdefault(OWNED, set()).add(key)
    if value == default:
        if key in st.query_params:
            del st.query_params[key]
    elif st.query_params.get(key) != value:
        st.query_params[key] = value


def url_toggle(label: str, key: str, *, default: bool, help: str) -> bool:
    """An on/off switch bound to the URL parameter ``key``."""
    guard_flag(key, label)
    value = st.toggle(label, **_initial("value", key, default), key=key, help=help)
    _remember(key, "true" if value else "false", "true" if default else "false")
    return bool(value)


def url_choices(
    label: str,
    key: str,
    options: dict[str, str],
    *,
    default: tuple[str, ...],
    help: str,
    flags: str | None = None,
) -> tuple[str, ...]:
    """Any number of ``options`` (slug -> label), as pills, kept in ``key`` as ``slug,slug``.

    Returns the chosen slugs in the order of ``options``. ``flags``: see ``guard_choices``.
    """
    guard_choices(key, label, options, default, flags)
    picked = st.pills(
        label,
        list(options),
        selection_mode="multi",
        **_initial("default", key, list(default)),
        format_func=options.__getitem__,
        key=key,
        help=help,
    )
    chosen = tuple(slug for slug in options if slug in (picked or ()))
    _remember(key, ",".join(chosen), ",".join(slug for slug in options if slug in default))
    return chosen


def url_slider(
    label: str,
    key: str,
    *,
    min_value: float,
    max_value: float,
    default: float,
    step: float,
    help: str,
    fmt: str = "%.2f",
) -> float:
    """A float slider bound to the URL parameter ``key``, returned as a plain float."""
    guard_number(key, label, min_value, max_value, step, default)
    value = st.slider(
        label,
        min_value=float(min_value),
        max_value=float(max_value),
        **_initial("value", key, float(default)),
        step=float(step),
        format=fmt,
        key=key,
        help=help,
    )
    # Streamlit already bounds the slider; this guards the invariant the solvers rely on.
    value = float(min(max(value, min_value), max_value))
    _remember(key, repr(value), repr(float(default)))  # repr: the shortest exact text
    return value


def url_select(
    label: str,
    key: str,
    options: dict[str, str],
    *,
    default: str | None,
    help: str | None = None,
    on_change: Callable[[], None] | None = None,
    radio: bool = False,
    label_visibility: str = "visible",
    aliases: dict[str, str] | None = None,
) -> str | None:
    """A choice among ``options`` (slug -> label) kept in the URL parameter ``key`` as its slug.

    ``default=None`` starts with nothing chosen (an unanswered question).
    ``aliases`` maps former labels to slugs, for links printed before a rename.
    """
    guard_choice(key, label, options, default, aliases or {})
    widget = st.radio if radio else st.selectbox
    choice = widget(
        label,
        list(options),
        **_initial("index", key, None if default is None else list(options).index(default)),
        format_func=options.__getitem__,
        key=key,
        help=help,
        on_change=on_change,
        label_visibility=label_visibility,
    )
    _remember(key, choice or "", default or "")
    return choice


def view_url(path: str, query: dict[str, str]) -> str:
    """The full URL of a page of this app with these query parameters."""
    base = app_address(st.context.url, (spec.url_path for spec in PAGES))
    encoded = urllib.parse.urlencode(query, quote_via=urllib.parse.quote)
    return f"{base}/{path}" + (f"?{encoded}" if encoded else "")


def link_list(path: str, views: dict[str, dict[str, str]]) -> str:
    """Markdown: one line per named view, its link as inline code (to copy onto a slide).

    Parameters
    ----------
    path : str
        The page's URL path ("" for the first page).
    views : dict
        Name -> query parameters (e.g. each preset's ``query()``).
    """
    return "\n".join(f"- **{name}**: `{view_url(path, query)}`" for name, query in views.items())


def slider(spec: Slider) -> float:
    """The URL-bound slider described by ``spec``."""
    return url_slider(
        spec.label,
        spec.key,
        min_value=spec.low,
        max_value=spec.high,
        default=spec.default,
        step=spec.step,
        help=spec.help,
        fmt=spec.fmt,
    )


def choice(spec: Choice, *, on_change: Callable[[], None] | None = None) -> str:
    """The URL-bound select box (or radio row, ``spec.radio``) described by ``spec``."""
    chosen = url_select(
        spec.label,
        spec.key,
        spec.options,
        default=spec.default,
        help=spec.help,
        on_change=on_change,
        radio=spec.radio,
    )
    return spec.default if chosen is None else chosen


def toggle(spec: Toggle) -> bool:
    """The URL-bound switch described by ``spec``."""
    return url_toggle(spec.label, spec.key, default=spec.default, help=spec.help)
