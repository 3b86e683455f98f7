"""A Plotly chart that updates in place when its figure changes (``st.components.v2``).

st.plotly_chart in Streamlit 1.67 remounts a chart whenever its figure
changes (the element's identity hashes the figure), so a slider step costs a
full ``Plotly.newPlot``: 450-520 ms for one 3-D scene here, where
``Plotly.react`` takes 50-90 ms. This keyed component keeps its element
across reruns and the browser module (``live/chart/plotly_chart.js``) hands
each new figure to ``Plotly.react``.

plotly.js is the copy Streamlit serves for its own charts (its PlotlyChart
chunk, found here by name): no second copy travels, and the browser caches it.

What the browser receives is one UTF-8 JSON document as bytes, so that the
figure is serialised once: ``{"plotly": chunk, "config": ..., "figure": ...}``.
"""

from __future__ import annotations

import json
import weakref
from dataclasses import dataclass
from pathlib import Path

import plotly.graph_objects as go
import streamlit as st
from plotly.io.json import to_json_plotly

from ui.chart_theme import themed_layout
from ui.live_modules import live_component

__all__ = [
    "MODULE",
    "NAME",
    "PLOTLY_CHUNK",
    "chart_payload",
    "layout_json",
    "plotly_chart",
    "plotly_chunk",
    "read_payload",
    "traces_json",
]

NAME = "sparsity_plotly_chart"
MODULE = Path(__file__).resolve().parents[1] / "live" / "chart" / "plotly_chart.js"
_STREAMLIT_JS = Path(st.__file__).resolve().parent / "static" / "static" / "js"


def plotly_chunk(folder: Path = _STREAMLIT_JS) -> str:
    """The file name of Streamlit's PlotlyChart chunk, which defines ``window.Plotly``.

    Raises
    ------
    RuntimeError
        When ``folder`` holds no such chunk, or several: this Streamlit is not
        the one the app was built on (requirements.txt pins it).
    """
    found = sorted(path.name for path in folder.glob("PlotlyChart.*.js"))
    if len(found) != 1:
        raise RuntimeError(
            f"expected one PlotlyChart.*.js in {folder}, found {found}: the charts need "
            "the plotly.js that Streamlit serves (see requirements.txt for its version)"
        )
    return found[0]


PLOTLY_CHUNK = plotly_chunk()
# Its module travels once per session in the live bundle (ui.live_modules), not with
# every chart of every rerun.
_component = live_component(NAME, "chart/plotly_chart.js", isolate_styles=False)


def traces_json(figure: go.Figure) -> str:
    """The figure's traces (and animation frames) as JSON members: ``"data": [...]``."""
    spec = figure.to_dict()  # numpy arrays become base64 typed arrays here
    members = [f'"data": {to_json_plotly(spec["data"])}']
    if spec.get("frames"):
        members.append(f'"frames": {to_json_plotly(spec["frames"])}')
    return ", ".join(members)


def layout_json(figure: go.Figure, dark: bool = False) -> str:
    """The figure's layout with the chart template, as JSON."""
    return to_json_plotly(themed_layout(figure.layout.to_plotly_json(), dark))


def chart_payload(figure: go.Figure, config: dict, dark: bool = False) -> bytes:
    """What the browser draws: the figure with the chart template, its config and the chunk.

    Parameters
    ----------
    figure : go.Figure
        The figure, as the page adapted it (it is not changed).
    config : dict
        Plotly's config (``figures.style.chart_config``).
    dark : bool
        Use the dark page's template.

    Returns
    -------
    bytes
        UTF-8 JSON: ``{"plotly": str, "config": dict, "figure": dict}``.
    """
    settings = json.dumps(config, sort_keys=True)
    return _compose(settings, traces_json(figure), layout_json(figure, dark))


def _compose(config: str, traces: str, layout: str) -> bytes:
    head = json.dumps({"plotly": PLOTLY_CHUNK})
    return f'{head[:-1]}, "config": {config}, "figure": {{{traces}, "layout": {layout}}}}}'.encode()


@dataclass(frozen=True)
class _Sent:
    figure: weakref.ref
    config: str
    dark: bool
    traces: str
    layout: str
    payload: bytes


# What was sent for each figure still alive, by id. A page's cached figures are the
# same object on every rerun: their traces are serialised once. Their layout is
# serialised on every rerun and compared, because a page may move a figure's markers
# in place (Real data); traces must not change once shown. A fixed figure (the Tour's
# steps) is never changed at all: its payload is composed once.
_SENT: dict[int, _Sent] = {}


def _payload_once(figure: go.Figure, config: dict, dark: bool, fixed: bool = False) -> bytes:
    settings = json.dumps(config, sort_keys=True)
    key = id(figure)
    sent = _SENT.get(key)
    same = sent is not None and sent.figure() is figure and sent.config == settings
    if same and fixed and sent.dark == dark:
        return sent.payload
    layout = layout_json(figure, dark)
    if same:
        if sent.layout == layout:
            return sent.payload
        traces = sent.traces
    else:
        traces = traces_json(figure)
    payload = _compose(settings, traces, layout)
    forget = weakref.ref(figure, lambda _, key=key: _SENT.pop(key, None))
    _SENT[key] = _Sent(forget, settings, dark, traces, layout, payload)
    return payload


def read_payload(payload: bytes) -> dict:
    """The payload as a dict (for tests: what the browser would parse)."""
    return json.loads(payload.decode())


def plotly_chart(
    figure: go.Figure, key: str, config: dict, dark: bool = False, fixed: bool = False
) -> None:
    """Show ``figure`` under ``key``; a later figure under the same key updates it in place.

    Parameters
    ----------
    figure : go.Figure
        What to draw.
    key : str
        The chart's key: it names the chart's element (``.st-key-{key}``) and
        keeps it from one rerun to the next.
    config : dict
        Plotly's config: the mode bar and the export settings.
    dark : bool
        The page is dark (the chart template's colours).
    fixed : bool
        The figure is never changed once shown, its layout neither: its payload
        is composed once while it lives.

    Notes
    -----
    The traces of a figure are serialised once while it lives (a cached figure
    shown again); its layout every time. So a figure's traces must not be
    changed once it was shown; its layout may be (moved markers).
    """
    _component(key=key, data=_payload_once(figure, config, dark, fixed))
