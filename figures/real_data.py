"""The Real data page's path figures: coefficient paths (three methods) and the near-copy pair.

Pure drawing from computed data (``lessons.real_data``). With 64 features a
legend of 64 colours is unreadable: the first features to enter the lasso
are drawn in the palette's colours (and named in the legend), the rest thin
and grey under one legend entry; hovering any line names its feature.
Feature names may be a visitor's column names: they are HTML-escaped for
Plotly and reach the hover text through ``%{fullData.name}``, never as part
of a template.
"""

from __future__ import annotations

import base64
import html
from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

from figures.style import (
    AXIS_HIGHLIGHT,
    BLUE,
    GREEN,
    GREY,
    INK,
    OCHRE,
    PURPLE,
    SKY,
    VERMILLION,
    axis_style,
    base_layout,
)
from figures.titles import panel_title, phone_title, stack_title

__all__ = [
    "COLOURS",
    "LOG_AXIS",
    "MARKER_LINE",
    "PathPanel",
    "escaped",
    "move_markers",
    "pair_figure",
    "paths_figure",
    "typed",
]

COLOURS = (BLUE, VERMILLION, GREEN, PURPLE, OCHRE, SKY, INK)
MARKER_LINE = {"color": AXIS_HIGHLIGHT, "width": 2, "dash": "dot"}
# λ falls from left to right (the model grows); ticks as powers of ten, not "100µ".
LOG_AXIS = {"type": "log", "autorange": "reversed", "exponentformat": "power"}
_HOVER = "%{fullData.name}: %{y:.3g}<extra></extra>"
_GREY_HOVER = "%{customdata}: %{y:.3g}<extra></extra>"


@dataclass(frozen=True)
class PathPanel:
    """One method's path: its title, x (λ or ‖w‖₁/max) and weights (m, p), the marker's x."""

    title: str
    x: np.ndarray
    coefs: np.ndarray
    marker: float


def escaped(name: str) -> str:
    """A feature name as Plotly text: HTML-escaped (Plotly renders a few tags)."""
    return html.escape(str(name), quote=False)


def typed(values: np.ndarray) -> dict:
    """A plotly.js typed array (float32, base64), encoded once here.

    Plotly would encode each numpy array itself on every ``to_dict``, at about
    1 ms per array through its dataframe checks: 0.4 s for 384 arrays.
    """
    data = np.ascontiguousarray(values, dtype="<f4").tobytes()
    return {"dtype": "f4", "bdata": base64.b64encode(data).decode("ascii")}


def _thin_points(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Drop the inside points of runs of exact zeros (the line between two zeros is zero)."""
    zero = y == 0.0
    keep = ~zero
    keep[:-1] |= ~zero[1:]
    keep[1:] |= ~zero[:-1]
    keep[[0, -1]] = True
    return x[keep], y[keep]


def _thin(x: np.ndarray, y: np.ndarray) -> tuple[dict, dict]:
    x, y = _thin_points(x, y)
    return typed(x), typed(y)


def _grey_lines(panel: PathPanel, grey: list[int], labels: list[str]) -> tuple[dict, dict, list]:
    """Every grey feature's line in one trace: x and y with a gap (NaN) between lines, and
    each point's feature name, for the hover."""
    xs, ys, names = [], [], []
    for j in grey:
        x, y = _thin_points(panel.x, panel.coefs[:, j])
        xs += [x, [np.nan]]
        ys += [y, [np.nan]]
        names += [labels[j]] * x.size + [""]
    return typed(np.concatenate(xs)), typed(np.concatenate(ys)), names


def _panel_axes(titles: list[str], spacing: float = 0.07) -> dict:
    """Side-by-side panels' axes and title annotations (what ``make_subplots`` makes, faster).

    Each title in lines that fit its panel on a phone (figures.titles).
    """
    width = (1.0 - spacing * (len(titles) - 1)) / len(titles)
    layout: dict = {"annotations": []}
    for k, title in enumerate(titles):
        left = k * (width + spacing)
        suffix = "" if k == 0 else str(k + 1)
        layout[f"xaxis{suffix}"] = {"domain": [left, left + width], "anchor": f"y{suffix}"}
        layout[f"yaxis{suffix}"] = {"domain": [0.0, 1.0], "anchor": f"x{suffix}"}
        layout["annotations"].append(
            {
                "text": panel_title(title, len(titles), spacing),
                "x": left + width / 2,
                "y": 1.0,
                "xref": "paper",
                "yref": "paper",
                "xanchor": "center",
                "yanchor": "bottom",
                "showarrow": False,
                "font": {"size": 14},
            }
        )
    return layout


def _vline(x: float, k: int) -> dict:
    suffix = "" if k == 0 else str(k + 1)
    return {
        "type": "line",
        "x0": x,
        "x1": x,
        "xref": f"x{suffix}",
        "y0": 0.0,
        "y1": 1.0,
        "yref": f"y{suffix} domain",
        "line": MARKER_LINE,
    }


def paths_figure(
    panels: list[PathPanel],
    names: tuple[str, ...],
    highlighted: list[int],
    *,
    log_x: bool,
    x_title: str,
    title: str,
    height: int = 470,
) -> go.Figure:
    """Coefficient paths side by side, one panel per method, with the marker in each.

    The highlighted features (at most ten) get a colour, a line style and a legend
    entry each; all others are thin grey lines (hover names them), one trace per
    panel with gaps between the lines: the browser draws a figure of 200 traces
    many times slower than one of 30. The figure is assembled as a dict:
    validating it on every marker move took 0.6 s; tests validate the result.
    """
    rank = {j: k for k, j in enumerate(highlighted)}
    grey = [j for j in range(len(names)) if j not in rank]
    labels = [escaped(name) for name in names]
    layout = base_layout(title, height, margin={"l": 60, "r": 15, "b": 120})
    layout.update(_panel_axes([panel.title for panel in panels]), hovermode="closest")
    stack_title(layout)
    layout["shapes"] = [_vline(panel.marker, k) for k, panel in enumerate(panels)]
    data = []
    for k, panel in enumerate(panels):
        suffix = "" if k == 0 else str(k + 1)
        axes = {"xaxis": f"x{suffix}", "yaxis": f"y{suffix}"}
        if grey:  # under the coloured ones; one trace (one legend entry, one click) for all
            x, y, hover_names = _grey_lines(panel, grey, labels)
            data.append(
                {
                    "type": "scatter",
                    "x": x,
                    "y": y,
                    "mode": "lines",
                    "name": f"{len(grey)} other features (hover a line for its name)",
                    "legendgroup": "others",
                    "legendrank": 2000,
                    "showlegend": k == 0,
                    "line": {"color": GREY, "width": 1},
                    "customdata": hover_names,
                    "hovertemplate": _GREY_HOVER,
                    **axes,
                }
            )
        for j in highlighted:
            x, y = _thin(panel.x, panel.coefs[:, j])
            c = rank[j]
            data.append(
                {
                    "type": "scatter",
                    "x": x,
                    "y": y,
                    "mode": "lines",
                    "name": labels[j],
                    "legendgroup": labels[j],
                    "legendrank": 1000 + c,
                    "showlegend": k == 0,
                    "line": {
                        "color": COLOURS[c % len(COLOURS)],
                        "dash": "solid" if c < len(COLOURS) else "dash",
                        "width": 2.2,
                    },
                    "hovertemplate": _HOVER,
                    **axes,
                }
            )
        axis = axis_style(x_title, **(LOG_AXIS if log_x else {"type": "linear"}))
        layout[f"xaxis{suffix}"].update(axis)
        layout[f"yaxis{suffix}"].update(axis_style("weight (standardised)" if k == 0 else ""))
    return go.Figure({"data": data, "layout": layout}, _validate=False)


def move_markers(figure: go.Figure, xs: list[float], title: str | None = None) -> None:
    """Move the figure's vertical markers (its first ``len(xs)`` shapes) and retitle it, in place.

    For a figure held by one session: a marker move then costs no rebuild.
    """
    with figure.batch_update():
        for shape, x in zip(figure.layout.shapes, xs, strict=False):
            shape.x0 = shape.x1 = x
        if title is not None:  # in lines that fit a phone, above the panels' titles
            text, _ = phone_title(title)
            annotations = [annotation.to_plotly_json() for annotation in figure.layout.annotations]
            stacked = {"title": {"text": text}, "annotations": annotations}
            stack_title(stacked, figure.layout.title.font.size or 16)
            figure.layout.title.text = text
            figure.layout.title.pad.b = stacked["title"]["pad"]["b"]
            figure.layout.margin.t = stacked["margin"]["t"]


def pair_figure(panels: list[PathPanel], feature: str, height: int = 360) -> go.Figure:
    """The feature's and its copy's weights (columns 0 and 1) along each method's path."""
    name = escaped(feature)
    layout = base_layout(
        "A near copy: the lasso picks one, ridge splits, the elastic net keeps both",
        height,
        margin={"l": 60, "r": 15, "b": 100},
    )
    layout.update(_panel_axes([panel.title for panel in panels]), hovermode="closest")
    stack_title(layout)
    layout["shapes"] = [_vline(panel.marker, k) for k, panel in enumerate(panels)]
    data = []
    for k, panel in enumerate(panels):
        suffix = "" if k == 0 else str(k + 1)
        for column, (label, colour, dash) in enumerate(
            ((name, BLUE, "solid"), (f"{name} (copy)", VERMILLION, "dash"))
        ):
            data.append(
                {
                    "type": "scatter",
                    "x": typed(panel.x),
                    "y": typed(panel.coefs[:, column]),
                    "mode": "lines",
                    "name": label,
                    "legendgroup": label,
                    "showlegend": k == 0,
                    "line": {"color": colour, "dash": dash, "width": 2.5},
                    "hovertemplate": _HOVER,
                    "xaxis": f"x{suffix}",
                    "yaxis": f"y{suffix}",
                }
            )
        layout[f"xaxis{suffix}"].update(axis_style("λ (log scale)", **LOG_AXIS))
        layout[f"yaxis{suffix}"].update(axis_style("weight" if k == 0 else ""))
    return go.Figure({"data": data, "layout": layout}, _validate=False)
