"""One AppTest harness for every page test: open a page as a shared link would, read it back."""

from __future__ import annotations

import base64
import re
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from streamlit.testing.v1 import AppTest

from ui.plotly_chart import NAME as CHART_COMPONENT
from ui.plotly_chart import read_payload
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
    app.sparsity_page = key  # the page whose address bar link() reads
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
    """The link the Copy link button gives: the page's address with the run's query parameters.

    The browser reads it from its address bar (``ui.share_link``), which shows
    the page's path and ``st.query_params`` as the last run left them.
    """
    (button,) = [c for c in app.get("bidi_component") if c.proto.component_name.endswith("link")]
    assert button.proto.id, "the Copy link button has no element"
    query = urllib.parse.urlencode(dict(app.query_params), quote_via=urllib.parse.quote)
    address = f"http://localhost:8501/{PAGE[app.sparsity_page].url_path}"
    return address + (f"?{query}" if query else "")


def listed_links(app: AppTest) -> dict[str, str]:
    """The page's list of named links (``ui.url_widgets.link_list``): name -> URL."""
    pattern = re.compile(r"^- \*\*(.+?)\*\*: `(\S+)`$", re.MULTILINE)
    return {m.group(1): m.group(2) for e in app.markdown for m in pattern.finditer(e.value)}


def notes(app: AppTest) -> str:
    """The page's notes about values taken from the link."""
    return " ".join(c.value for c in app.caption if c.value.startswith("⚠️ From the link"))


def badges(app: AppTest) -> list[str]:
    """The text of every badge, in page order."""
    return [m.group(2) for e in app.markdown if (m := BADGE.match(e.value))]


def text(app: AppTest) -> str:
    """All markdown and captions of the page, joined."""
    return " ".join(e.value for e in [*app.markdown, *app.caption])


@dataclass(frozen=True)
class SentChart:
    """One chart as the page sent it to the browser (``ui.plotly_chart``).

    Attributes
    ----------
    key : str
        The chart's key, as the page named it.
    figure : dict
        The figure's JSON, with the chart template (``ui.chart_theme``).
    config : dict
        Plotly's config.
    size : int
        Bytes sent: figure, config and the name of the plotly.js chunk.
    """

    key: str
    figure: dict
    config: dict
    size: int


def sent_charts(app: AppTest) -> list[SentChart]:
    """Every chart of the page, in page order."""
    sent = []
    for element in app.get("bidi_component"):
        if element.proto.component_name != CHART_COMPONENT:
            continue
        payload = read_payload(element.proto.bytes)
        key = element.proto.id.rsplit("-", 1)[-1]  # the id ends with the user's key
        sent.append(SentChart(key, payload["figure"], payload["config"], len(element.proto.bytes)))
    return sent


def figures(app: AppTest) -> list[dict]:
    """Every Plotly figure's JSON, in page order."""
    return [chart.figure for chart in sent_charts(app)]


def charts(app: AppTest, prefix: str = "") -> dict[str, dict]:
    """Figures by the key of their chart, less ``prefix`` (the pages' "chart_")."""
    return {chart.key.removeprefix(prefix): chart.figure for chart in sent_charts(app)}


def trace_names(figure: dict) -> list[str]:
    return [trace.get("name", "") for trace in figure["data"]]


def values(array) -> np.ndarray:
    """A Plotly array from the figure JSON: a list, or a base64 typed array."""
    if isinstance(array, dict):
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"])
    return np.asarray(array)
