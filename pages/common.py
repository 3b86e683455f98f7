"""Widgets shared by the pages: every control keeps its value in the URL.

Streamlit's ``bind="query-params"`` ties a keyed widget to the query
parameter of the same name: a lecturer's prepared link reproduces the view,
and a value in the URL that is not a number or lies outside the slider's
range is dropped by Streamlit in favour of the default, never passed on.
"""

from __future__ import annotations

import streamlit as st


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
    value = st.slider(
        label,
        min_value=float(min_value),
        max_value=float(max_value),
        value=float(default),
        step=float(step),
        format=fmt,
        key=key,
        help=help,
        bind="query-params",
    )
    # Streamlit already bounds the slider; this guards the invariant the solvers rely on.
    return float(min(max(value, min_value), max_value))
