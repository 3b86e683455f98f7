"""The optimiser race over the contours of ``L(w) + lam ||w||_1``, animated in the browser.

One idea: the objective's contours have a kink where they cross an axis, and
its minimum sits in one; the optimisers that know the kink (proximal steps,
coordinate minimisation) stop on that axis, the ones that step along a
subgradient zig-zag across it. Every optimiser's whole path is drawn thin;
Plotly frames move a marker and a short trail of its last iterates along it,
with a play button and a frame slider, so scrubbing needs no rerun. Equal
aspect ratio; colour, dash and marker each tell the optimisers apart.

Drawing coordinates are float32 (seven significant digits) in the static
traces and rounded to six in the frames: the JSON stays small, and every
number the page prints comes from the float64 runs, not from here.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

from figures.optimisers import OPTIMISER_STYLES, PathData, thin
from figures.style import AXIS_HIGHLIGHT, CONTOUR, FONT_FAMILY, GRID, INK, PAPER
from figures.titles import phone_title, wrap_title
from figures.training_frames import frame_data, moving_traces, play_controls

__all__ = ["RaceView", "race_figure"]

_TOP = 80  # a two-line title; 22 px more for each further line
_TITLE_CHARS = 56  # a line of the projected title: half of it
_TITLE_SIZE = 15
_BOTTOM = 200  # pixels under the plot: w1 ticks and title, the play buttons, the slider
_TICKS_AND_TITLE = 58
_BUTTONS = 46  # the play / pause row: the slider and its "iteration k" go under it
_LEGEND = 205  # pixels right of the plot: the legend, beside the square


@dataclass(frozen=True)
class RaceView:
    """What the race figure shows besides the paths (all computed by the page's model).

    Attributes
    ----------
    contours : ndarray, shape (m, 2)
        Contours of the full objective, one polyline with NaN rows between pieces.
    optimum, center, start : ndarray, shape (2,)
        The exact minimiser, the minimiser of ``L`` alone, the first iterate.
    optimum_text : str
        Legend entry of the optimum ("exact w* = (0, 1.63)").
    axis_text : str or None
        Legend entry of the highlighted axis when one weight of the optimum is 0.
    on_axis : int or None
        Index (0: w1, 1: w2) of the axis the optimum lies on, if one weight is 0.
    frames : tuple of int
        The iterations the animation shows, ascending (at most ``MAX_FRAMES``, 40).
    trail : int
        How many iterates the moving trail shows.
    x_range, y_range : tuple of float
        The view (equal aspect: Plotly widens the shorter side's range to fit).
    title : str
        States the conclusion; one line, or two with "<br>" between.
    """

    contours: np.ndarray
    optimum: np.ndarray
    center: np.ndarray
    start: np.ndarray
    optimum_text: str
    axis_text: str | None
    on_axis: int | None
    frames: tuple[int, ...]
    trail: int
    x_range: tuple[float, float]
    y_range: tuple[float, float]
    title: str


def _static(view: RaceView, paths: list[PathData], compact: bool) -> list[dict]:
    # Plain dicts: go.Figure checks each trace once (a go.Scatter would be checked twice).
    traces = []
    if view.on_axis is not None:
        reach = 3.0 * float(np.abs([*view.x_range, *view.y_range]).max())
        segment = np.array([[-reach, 0.0], [reach, 0.0]])
        traces.append(
            {
                "type": "scatter",
                "x": segment[:, view.on_axis],
                "y": segment[:, 1 - view.on_axis],
                "mode": "lines",
                "line": {"color": AXIS_HIGHLIGHT, "width": 6},
                "name": view.axis_text,
                "showlegend": not compact,
                "hoverinfo": "skip",
            }
        )
    contours = view.contours.astype(np.float32)
    traces.append(
        {
            "type": "scatter",
            "x": contours[:, 0],
            "y": contours[:, 1],
            "mode": "lines",
            "line": {"color": CONTOUR, "width": 1.3},
            "name": "contours of L + λ‖w‖₁",
            "showlegend": not compact,
            "hoverinfo": "skip",
        }
    )
    for path in paths:
        style = OPTIMISER_STYLES[path.slug]
        keep = thin(path.points.shape[0], 400)
        points = path.points[keep].astype(np.float32)
        traces.append(
            {
                "type": "scatter",
                "x": points[:, 0],
                "y": points[:, 1],
                "customdata": keep,
                "mode": "lines",
                "line": {"color": style.colour, "width": 1.2, "dash": style.dash},
                "name": path.name,
                "legendgroup": path.slug,
                "hovertemplate": f"{path.name}<br>iteration %{{customdata}}<br>"
                "w = (%{x:.4g}, %{y:.4g})<extra></extra>",
            }
        )
    for point, name, symbol in (
        (view.center, "ŵ: minimum of L", "x-thin"),
        (view.start, "start", "square-open"),
    ):
        traces.append(
            {
                "type": "scatter",
                "x": [point[0]],
                "y": [point[1]],
                "mode": "markers",
                "marker": {"symbol": symbol, "size": 13, "color": INK, "line": {"width": 2.5}},
                "name": name,
                "showlegend": not compact,
                "hoverinfo": "skip",
            }
        )
    traces.append(
        {
            "type": "scatter",
            "x": [view.optimum[0]],
            "y": [view.optimum[1]],
            "mode": "markers",
            "marker": {"symbol": "circle-open", "size": 22, "color": INK, "line": {"width": 3}},
            "name": view.optimum_text,
            "hoverinfo": "skip",
        }
    )
    return traces


def race_figure(
    view: RaceView, paths: list[PathData], height: int = 620, compact: bool = False
) -> go.Figure:
    """The race over the objective's contours, animated over ``view.frames``.

    Parameters
    ----------
    view : RaceView
        Contours, marked points, the frames' iterations, the title.
    paths : list of PathData
        The optimisers shown, each with all its iterates.
    height : int
        Figure height in pixels, play controls included.
    compact : bool
        For projecting (larger type): a wider legend of the optimisers and the optimum only.
    """
    static = _static(view, paths, compact)
    last = view.frames[-1]
    moving = moving_traces(paths, last, view.trail)
    first_moving = len(static)
    indices = list(range(first_moving, first_moving + len(moving)))
    frames = [
        {"name": str(k), "data": frame_data(paths, k, view.trail), "traces": indices}
        for k in view.frames
    ]
    menus, sliders = play_controls(view.frames)
    # Plotly never wraps a title. Projected (compact) the figure has the screen's width;
    # otherwise its lines fit a phone-wide figure (figures.titles), with the top margin
    # they need.
    if compact:
        title = wrap_title(view.title, 2 * _TITLE_CHARS)
        top = _TOP + 22 * (title.count("<br>") - 1)
    else:
        title, needed = phone_title(view.title, _TITLE_SIZE)
        top = max(_TOP, needed)
    # The controls hang in the bottom band, under the w1 ticks and title (y in plot heights):
    # the buttons, then the slider on a row of its own (beside them, its label touched the
    # pause button, and on a phone the buttons covered the slider).
    plot_height = height - top - _BOTTOM
    for menu in menus:
        menu["y"] = -_TICKS_AND_TITLE / plot_height
    for slider in sliders:
        slider.update(x=0.0, len=1.0, y=-(_TICKS_AND_TITLE + _BUTTONS) / plot_height)
    axis = {
        "zeroline": True,
        "zerolinecolor": INK,
        "zerolinewidth": 2,
        "gridcolor": GRID,
        "ticks": "outside",
        "title": {"font": {"size": 15}},
    }
    layout = {
        "height": height,
        "margin": {
            "l": 55,
            "r": _LEGEND + 70 * compact,
            "t": top,
            "b": _BOTTOM,
            "autoexpand": False,
        },
        "title": {"text": title, "font": {"size": _TITLE_SIZE}, "x": 0.0, "xanchor": "left"},
        "font": {"family": FONT_FAMILY, "color": INK, "size": 13},
        "plot_bgcolor": PAPER,
        "paper_bgcolor": PAPER,
        "xaxis": {**axis, "range": list(view.x_range), "title": {**axis["title"], "text": "w1"}},
        "yaxis": {
            **axis,
            "range": list(view.y_range),
            "title": {**axis["title"], "text": "w2"},
            "scaleanchor": "x",
            "scaleratio": 1,
        },
        "legend": {
            "orientation": "v",
            "x": 1.02,
            "xanchor": "left",
            "y": 1.0,
            "yanchor": "top",
            "font": {"size": 11 if compact else 13},
            "tracegroupgap": 0,
        },
        "updatemenus": menus,
        "sliders": sliders,
    }
    return go.Figure(data=[*static, *moving], layout=layout, frames=frames)
