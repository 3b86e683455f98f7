"""The charts' template: the look of Streamlit's chart theme, stated here.

st.plotly_chart drew our figures with Streamlit's "streamlit" theme: a Plotly
template whose colours are placeholders, filled in the browser from the page's
theme, and a bold title. Our charts are drawn by our own component
(``ui.plotly_chart``, which updates a chart in place), so the resolved values
are written out here: those Streamlit 1.67 computed for the light and the dark
theme of ``.streamlit/config.toml``, read from the charts it drew (the bold
title, which Streamlit made with ``<b>`` tags, is the title font's weight
here). Only what our figures use is kept (2-D axes, legend, hover labels,
colour scales; the 3-D scenes set their own). A figure's own layout still wins
over the template. These are the page's colours, not the figures' palette
(``figures.style``).
"""

from __future__ import annotations

import copy
from typing import Any

__all__ = ["chart_template", "themed_layout"]

_FONT = '"Source Sans", sans-serif'  # the page's font (theme.font = "sans serif")

_SEQUENTIAL = (
    "#e4f5ff",
    "#c7ebff",
    "#a6dcff",
    "#83c9ff",
    "#60b4ff",
    "#3d9df3",
    "#1c83e1",
    "#0068c9",
    "#0054a3",
    "#004280",
)
_DIVERGING = (
    "#7d353b",
    "#bd4043",
    "#ff4b4b",
    "#ff8c8c",
    "#ffc7c7",
    "#a6dcff",
    "#60b4ff",
    "#1c83e1",
    "#0054a3",
    "#004280",
)
_CATEGORICAL = (
    "#0068c9",
    "#83c9ff",
    "#ff2b2b",
    "#ffabab",
    "#29b09d",
    "#7defa1",
    "#ff8700",
    "#ffd16a",
    "#6d3fc0",
    "#d5dae5",
)
# On a dark page the light and dark colour of each of the first four pairs swap.
_CATEGORICAL_DARK = (
    "#83c9ff",
    "#0068c9",
    "#ffabab",
    "#ff2b2b",
    "#7defa1",
    "#29b09d",
    "#ffd16a",
    "#ff8700",
    "#6d3fc0",
    "#d5dae5",
)

# The colours that differ between the two page themes.
_THEMES = {
    False: {
        "text": "#808495",  # axis ticks and titles, legend titles, hover text
        "heading": "#1F2328",  # the figure's title (config.toml's light textColor)
        "legend": "#262730",
        "grid": "#e6eaf1",
        "paper": "#FFFFFF",
        "hover_border": "rgba(31, 35, 40, 0.2)",
        "colorway": _CATEGORICAL,
        "sequential": _SEQUENTIAL,
    },
    True: {
        "text": "#e6eaf1",
        "heading": "#F2F2F2",
        "legend": "#fafafa",
        "grid": "#31333F",
        "paper": "#0E1117",
        "hover_border": "rgba(242, 242, 242, 0.2)",
        "colorway": _CATEGORICAL_DARK,
        "sequential": _SEQUENTIAL[::-1],  # Streamlit runs the scale the other way on a dark page
    },
}


def _scale(colours: tuple[str, ...]) -> list[list[Any]]:
    last = len(colours) - 1
    return [[i / last, colour] for i, colour in enumerate(colours)]


def _axis(colours: dict, standoff: int) -> dict:
    return {
        "gridcolor": colours["grid"],
        "zerolinecolor": colours["grid"],
        "tickcolor": colours["grid"],
        "minor": {"gridcolor": colours["grid"]},
        "tickfont": {"color": colours["text"], "size": 12},
        "title": {"font": {"color": colours["text"], "size": 14}, "standoff": standoff},
        "automargin": True,
    }


def _template(dark: bool) -> dict:
    colours = _THEMES[dark]
    sequential = _scale(colours["sequential"])
    return {
        "data": {"scatter": [{"type": "scatter", "marker": {"line": {"width": 0}}}]},
        "layout": {
            "font": {"color": colours["text"], "family": _FONT, "size": 12, "weight": 400},
            "title": {
                "font": {
                    "family": _FONT,
                    "size": 16,
                    "color": colours["heading"],
                    "weight": "bold",
                },
                "pad": {"l": 4},
                "xanchor": "left",
                "x": 0,
            },
            "legend": {
                "title": {"font": {"size": 12, "color": colours["text"]}, "side": "top"},
                "valign": "top",
                "bordercolor": "transparent",
                "borderwidth": 0,
                "font": {"size": 12, "color": colours["legend"]},
            },
            "paper_bgcolor": colours["paper"],
            "plot_bgcolor": colours["paper"],
            "xaxis": {**_axis(colours, 20), "showgrid": False, "zeroline": False},
            "yaxis": {**_axis(colours, 24), "ticklabelposition": "outside"},
            "margin": {"pad": 8, "r": 0, "l": 0},
            "hoverlabel": {
                "bgcolor": colours["paper"],
                "bordercolor": colours["hover_border"],
                "font": {"color": colours["text"], "family": _FONT, "size": 12},
            },
            "colorway": list(colours["colorway"]),
            "colorscale": {
                "sequential": sequential,
                "sequentialminus": sequential,
                "diverging": _scale(_DIVERGING),
            },
            "coloraxis": {
                "colorscale": sequential,
                "colorbar": {
                    "thickness": 16,
                    "xpad": 24,
                    "ticklabelposition": "outside",
                    "outlinecolor": "transparent",
                    "outlinewidth": 8,
                    "len": 0.75,
                    "y": 0.5745,
                    "title": {"font": {"color": colours["text"], "size": 14}},
                    "tickfont": {"color": colours["text"], "size": 12},
                },
            },
        },
    }


_TEMPLATES = {dark: _template(dark) for dark in (False, True)}


def chart_template(dark: bool = False) -> dict:
    """The template for a chart on a light or a dark page (a copy: callers may change it).

    Parameters
    ----------
    dark : bool
        The page's theme is dark.

    Returns
    -------
    dict
        A Plotly template as JSON-ready dicts: ``{"data": ..., "layout": ...}``.
    """
    return copy.deepcopy(_TEMPLATES[dark])


def themed_layout(layout: dict, dark: bool = False) -> dict:
    """``layout`` with the chart template for a light or a dark page.

    A new dict (``layout`` itself is unchanged); the template is shared, not
    copied, because it is only serialised.
    """
    return {**layout, "template": _TEMPLATES[dark]}
