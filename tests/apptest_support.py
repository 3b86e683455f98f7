"""One AppTest harness for every page test: open a page as a shared link would, read it back."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import numpy as np
from streamlit.testing.v1 import AppTest

from ui.registry import PAGE

APP = str(Path(__file__).resolve().parents[1] / "app.py")
BADGE = re.compile(r"^:(\w+)-badge\[(.*)\]$")
# The How often page would solve 100,000 problems per run; the wiring needs 1,000.
SMALL = {"how_often": {"n": "1000"}}


def open_page(
    key: str = "constraint_regions", query: dict[str, str] | None = None, timeout: float = 120
) -> AppTest:
    """A fresh session whose first request is the page's URL with ``query``, as a shared link.

    Parameters
    ----------
    key : str
        The page's key in ``ui.registry.PAGES``.
    query : dict, optional
        The link's query parameters.
    """
    app = AppTest.from_file(APP, default_timeout=timeout)
    for name, value in (query or {}).items():
        app.query_params[name] = value
    if PAGE[key].url_path:
        app.switch_page(PAGE[key].script)
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def controls(app: AppTest) -> dict[str, object]:
    """Every keyed control's value (the preset buttons are a row of buttons, not state)."""
    values = {}
    for kind in ("slider", "selectbox", "radio", "toggle"):
        for widget in app.get(kind):
            if widget.key and not widget.key.startswith("$$"):
                values[widget.key] = widget.value
    for pills in multi_pills(app):
        values[pills.key] = pills.value
    return values


def multi_pills(app: AppTest) -> list:
    """The pills that hold a choice of several (single-choice pills are one-click actions)."""
    return [p for p in app.get("button_group") if isinstance(p.value, list)]


def sliders(app: AppTest) -> dict[str, float]:
    """The sidebar's sliders by key."""
    return {slider.key: slider.value for slider in app.sidebar.slider}


def link(app: AppTest) -> str:
    """The Copy link popover's URL."""
    (code,) = [c.value for c in app.code if c.value.startswith("http")]
    return code


def notes(app: AppTest) -> str:
    """The page's notes about values taken from the link."""
    return " ".join(c.value for c in app.caption if c.value.startswith("⚠️ From the link"))


def badges(app: AppTest) -> list[str]:
    """The text of every badge, in page order."""
    return [m.group(2) for e in app.markdown if (m := BADGE.match(e.value))]


def text(app: AppTest) -> str:
    """All markdown and captions of the page, joined."""
    return " ".join(e.value for e in [*app.markdown, *app.caption])


def figures(app: AppTest) -> list[dict]:
    """Every Plotly figure's JSON, in page order."""
    return [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]


def charts(app: AppTest, separator: str = "-") -> dict[str, dict]:
    """Figures by the user key of their chart (the last part of the element id)."""
    return {
        chart.proto.id.rsplit(separator, 1)[-1]: json.loads(chart.proto.spec)
        for chart in app.get("plotly_chart")
    }


def trace_names(figure: dict) -> list[str]:
    return [trace.get("name", "") for trace in figure["data"]]


def values(array) -> np.ndarray:
    """A Plotly array from the figure JSON: a list, or a base64 typed array."""
    if isinstance(array, dict):
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"])
    return np.asarray(array)
