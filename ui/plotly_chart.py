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
from pathlib import Path

import plotly.graph_objects as go
import plotly.io as pio
import streamlit as st

from ui.chart_theme import themed_layout

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
_component = st.components.v2.component(
    NAME, js=MODULE.read_text(encoding="utf-8"), isolate_styles=False
)


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
    spec = figure.to_dict()
    spec["layout"] = themed_layout(spec.get("layout", {}), dark)
    head = json.dumps({"plotly": PLOTLY_CHUNK, "config": config})
    body = pio.to_json(spec, validate=False)
    return f'{head[:-1]}, "figure": {body}}}'.encode()


# Payloads of figures that are still alive, by id: a page's cached figures (the same
# object on every rerun, never changed once shown) are serialised once, not per rerun.
_SENT: dict[int, tuple[weakref.ref, str, bool, bytes]] = {}


def _payload_once(figure: go.Figure, config: dict, dark: bool) -> bytes:
    settings = json.dumps(config, sort_keys=True)
    sent = _SENT.get(id(figure))
    if sent is not None and sent[0]() is figure and sent[1:3] == (settings, dark):
        return sent[3]
    payload = chart_payload(figure, config, dark)
    key = id(figure)
    _SENT[key] = (
        weakref.ref(figure, lambda _, key=key: _SENT.pop(key, None)),
        settings,
        dark,
        payload,
    )
    return payload


def read_payload(payload: bytes) -> dict:
    """The payload as a dict (for tests: what the browser would parse)."""
    return json.loads(payload.decode())


def plotly_chart(figure: go.Figure, key: str, config: dict, dark: bool = False) -> None:
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

    Notes
    -----
    A figure is serialised once while it lives: one shown again (a cached
    figure) sends the same bytes, so a figure must not be changed once shown.
    """
    _component(key=key, data=_payload_once(figure, config, dark))
