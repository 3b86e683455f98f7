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

from figures.style import (
    AXIS_HIGHLIGHT,
    BLUE,
    CONTOUR,
    FONT_FAMILY,
    GRID,
    INK,
    OCHRE,
    OLIVE,
    PAPER,
    PURPLE,
    SKY,
    VERMILLION,
)

_TOP = 80  # the two-line title
_BOTTOM = 150  # pixels under the plot: w1 ticks and title, then play button and slider
_TICKS_AND_TITLE = 58
_LEGEND = 205  # pixels right of the plot: the legend, beside the square


@dataclass(frozen=True)
class OptimiserStyle:
    """How one optimiser is drawn: colour, line dash and marker each carry its identity."""

    colour: str
    dash: str
    marker: str


# Warm colours step along a subgradient; cool ones (and ink) know the kink at 0.
OPTIMISER_STYLES: dict[str, OptimiserStyle] = {
    "subgradient": OptimiserStyle(VERMILLION, "dash", "circle"),
    "subgradient_sqrt": OptimiserStyle(OCHRE, "longdash", "triangle-up"),
    "sgd": OptimiserStyle(PURPLE, "dot", "square"),
    "adam": OptimiserStyle(OLIVE, "dashdot", "x"),
    "ista": OptimiserStyle(BLUE, "solid", "diamond"),
    "fista": OptimiserStyle(SKY, "longdashdot", "star"),
    "cd": OptimiserStyle(INK, "solid", "cross"),
}


@dataclass(frozen=True)
class PathData:
    """One optimiser's iterates as the race figure draws them.

    Attributes
    ----------
    slug, name : str
        Its key in ``OPTIMISER_STYLES`` and its legend entry.
    points : ndarray, shape (k + 1, 2)
        Every iterate, start included.
    """

    slug: str
    name: str
    points: np.ndarray


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
        The iterations the animation shows, ascending (at most ~60).
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


def _six(values: np.ndarray) -> list[float]:
    """Coordinates rounded to six significant digits, for a frame's JSON."""
    return [float(f"{v:.6g}") for v in values]


def thin(count: int, most: int) -> np.ndarray:
    """At most about ``most`` indices of ``range(count)``: all early ones, then evenly spaced."""
    if count <= most:
        return np.arange(count)
    early = np.arange(most // 4)
    rest = np.linspace(most // 4, count - 1, most - most // 4).round().astype(int)
    return np.unique(np.concatenate([early, rest]))


def _marker(symbol: str, size: float, colour: str) -> dict:
    line = {"width": 1.5, "color": PAPER}  # a halo
    if symbol in ("x", "cross"):
        line = {"width": 0}
    return {"symbol": symbol, "size": size, "color": colour, "line": line}


def _static(view: RaceView, paths: list[PathData], compact: bool) -> list[go.Scatter]:
    traces = []
    if view.on_axis is not None:
        reach = 3.0 * float(np.abs([*view.x_range, *view.y_range]).max())
        segment = np.array([[-reach, 0.0], [reach, 0.0]])
        traces.append(
            go.Scatter(
                x=segment[:, view.on_axis],
                y=segment[:, 1 - view.on_axis],
                mode="lines",
                line={"color": AXIS_HIGHLIGHT, "width": 6},
                name=view.axis_text,
                showlegend=not compact,
                hoverinfo="skip",
            )
        )
    contours = view.contours.astype(np.float32)
    traces.append(
        go.Scatter(
            x=contours[:, 0],
            y=contours[:, 1],
            mode="lines",
            line={"color": CONTOUR, "width": 1.3},
            name="contours of L + λ‖w‖₁",
            showlegend=not compact,
            hoverinfo="skip",
        )
    )
    for path in paths:
        style = OPTIMISER_STYLES[path.slug]
        keep = thin(path.points.shape[0], 400)
        points = path.points[keep].astype(np.float32)
        traces.append(
            go.Scatter(
                x=points[:, 0],
                y=points[:, 1],
                customdata=keep,
                mode="lines",
                line={"color": style.colour, "width": 1.2, "dash": style.dash},
                opacity=0.75,
                name=path.name,
                legendgroup=path.slug,
                hovertemplate=f"{path.name}<br>iteration %{{customdata}}<br>"
                "w = (%{x:.4g}, %{y:.4g})<extra></extra>",
            )
        )
    for point, name, symbol in (
        (view.center, "ŵ: minimum of L", "x-thin"),
        (view.start, "start", "square-open"),
    ):
        traces.append(
            go.Scatter(
                x=[point[0]],
                y=[point[1]],
                mode="markers",
                marker={"symbol": symbol, "size": 13, "color": INK, "line": {"width": 2.5}},
                name=name,
                showlegend=not compact,
                hoverinfo="skip",
            )
        )
    traces.append(
        go.Scatter(
            x=[view.optimum[0]],
            y=[view.optimum[1]],
            mode="markers",
            marker={"symbol": "circle-open", "size": 22, "color": INK, "line": {"width": 3}},
            name=view.optimum_text,
            hoverinfo="skip",
        )
    )
    return traces


def _moving(paths: list[PathData], k: int, trail: int) -> list[go.Scatter]:
    """Each optimiser's trail (its last ``trail`` iterates) and current point at iteration k."""
    traces = []
    for path in paths:
        style = OPTIMISER_STYLES[path.slug]
        points = path.points[max(0, k - trail + 1) : k + 1]
        traces.append(
            go.Scatter(
                x=_six(points[:, 0]),
                y=_six(points[:, 1]),
                mode="lines",
                line={"color": style.colour, "width": 3, "dash": "solid"},
                legendgroup=path.slug,
                showlegend=False,
                hoverinfo="skip",
            )
        )
        traces.append(
            go.Scatter(
                x=_six(points[-1:, 0]),
                y=_six(points[-1:, 1]),
                mode="markers",
                marker=_marker(style.marker, 14, style.colour),
                legendgroup=path.slug,
                showlegend=False,
                name=path.name,
                hovertemplate=f"{path.name}: w = (%{{x:.4g}}, %{{y:.4g}})<extra></extra>",
            )
        )
    return traces


def _frame_data(paths: list[PathData], k: int, trail: int) -> list[dict]:
    """Only the coordinates change from frame to frame: the rest of each trace stays."""
    data = []
    for trace in _moving(paths, k, trail):
        data.append({"x": trace.x, "y": trace.y})
    return data


def _controls(frames: tuple[int, ...]) -> tuple[list[dict], list[dict]]:
    still = {"mode": "immediate", "frame": {"duration": 0, "redraw": False}}
    still["transition"] = {"duration": 0}
    play = {**still, "frame": {"duration": 150, "redraw": False}, "fromcurrent": False}
    buttons = [
        {"label": "▶ play", "method": "animate", "args": [None, play]},
        {"label": "❚❚ pause", "method": "animate", "args": [[None], still]},
    ]
    menu = {
        "type": "buttons",
        "direction": "left",
        "showactive": False,
        "x": 0.0,
        "xanchor": "left",
        "y": 0.0,
        "yanchor": "top",
        "pad": {"t": 0, "b": 0, "l": 0, "r": 0},
        "buttons": buttons,
    }
    slider = {
        "active": len(frames) - 1,
        "x": 0.27,
        "len": 0.73,
        "y": 0.0,
        "yanchor": "top",
        "pad": {"t": 0, "b": 0},
        "currentvalue": {"prefix": "iteration ", "xanchor": "right"},
        "steps": [
            {"label": str(k), "method": "animate", "args": [[str(k)], still]} for k in frames
        ],
    }
    return [menu], [slider]


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
    moving = _moving(paths, last, view.trail)
    first_moving = len(static)
    indices = list(range(first_moving, first_moving + len(moving)))
    frames = [
        go.Frame(name=str(k), data=_frame_data(paths, k, view.trail), traces=indices)
        for k in view.frames
    ]
    menus, sliders = _controls(view.frames)
    top = _TOP if "<br>" in view.title else _TOP - 28
    # The controls hang in the bottom band, under the w1 ticks and title (y in plot heights).
    for control in (*menus, *sliders):
        control["y"] = -_TICKS_AND_TITLE / (height - top - _BOTTOM)
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
        "title": {"text": view.title, "font": {"size": 15}, "x": 0.0, "xanchor": "left"},
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
