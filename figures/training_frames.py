"""The race figure's animation: what changes from frame to frame, and the play controls.

Each frame carries only the coordinates of each optimiser's moving trail and
current point, rounded to six significant digits (the JSON stays small; the
page's numbers come from the float64 runs), so that the browser animates and
scrubs without a rerun.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import plotly.graph_objects as go

from figures.optimisers import OPTIMISER_STYLES
from figures.style import PAPER

if TYPE_CHECKING:
    from figures.training import PathData


def _six(values: np.ndarray) -> list[float]:
    """Coordinates rounded to six significant digits, for a frame's JSON."""
    return [float(f"{v:.6g}") for v in values]


def _marker(symbol: str, size: float, colour: str) -> dict:
    line = {"width": 1.5, "color": PAPER}  # a halo
    if symbol in ("x", "cross"):
        line = {"width": 0}
    return {"symbol": symbol, "size": size, "color": colour, "line": line}


def moving_traces(paths: list[PathData], k: int, trail: int) -> list[go.Scatter]:
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


def frame_data(paths: list[PathData], k: int, trail: int) -> list[dict]:
    """Only the coordinates change from frame to frame: the rest of each trace stays."""
    data = []
    for trace in moving_traces(paths, k, trail):
        data.append({"x": trace.x, "y": trace.y})
    return data


def play_controls(frames: tuple[int, ...]) -> tuple[list[dict], list[dict]]:
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
