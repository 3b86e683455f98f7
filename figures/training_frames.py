"""The race figure's animation: what changes from frame to frame, and the play controls.

Each frame carries only the coordinates of each optimiser's moving trail and
current point, as float32 (about seven significant digits: the JSON stays small; the
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


def _six(values: np.ndarray) -> np.ndarray:
    """Coordinates as float32 (about seven significant digits), for a frame's JSON.

    A numpy array passes Plotly's checks whole and is sent as a typed array:
    faster to build and smaller than a list of rounded floats.
    """
    return np.asarray(values, dtype=np.float32)


def _trail(path: PathData, k: int, trail: int) -> np.ndarray:
    """The last ``trail`` iterates up to k, the start repeated while there are fewer."""
    indices = np.maximum(np.arange(k - trail + 1, k + 1), 0)
    return path.points[indices]


def _points(paths: list[PathData], k: int, trail: int) -> np.ndarray:
    """Every optimiser's trail, then every optimiser's point at k: one array of points."""
    trails = [_trail(path, k, trail) for path in paths]
    return np.vstack([*trails, *(path.points[k] for path in paths)])


def moving_traces(paths: list[PathData], k: int, trail: int) -> list[go.Scatter]:
    """One trace: every optimiser's trail (its last ``trail`` iterates), then its point at k.

    One trace for all the optimisers, styled point by point: a frame then carries
    two small arrays, whatever the number of optimisers (Plotly builds and checks
    an object for every trace of every frame, which dominated the page's rerun).
    """
    points = _points(paths, k, trail)
    styles = [OPTIMISER_STYLES[path.slug] for path in paths]
    names = [path.name for path in paths]
    return [
        go.Scatter(
            x=_six(points[:, 0]),
            y=_six(points[:, 1]),
            mode="markers",
            marker={
                "size": np.concatenate(
                    [np.tile(np.linspace(4.0, 8.0, trail), len(paths)), np.full(len(paths), 15.0)]
                ),
                "color": [s.colour for s in styles for _ in range(trail)]
                + [s.colour for s in styles],
                "symbol": ["circle"] * (trail * len(paths)) + [s.marker for s in styles],
                "line": {"width": 1.0, "color": PAPER},  # a halo
            },
            text=[f"{name}, earlier" for name in names for _ in range(trail)] + names,
            name="now",
            showlegend=False,
            hovertemplate="%{text}: w = (%{x:.4g}, %{y:.4g})<extra></extra>",
        )
    ]


def frame_data(paths: list[PathData], k: int, trail: int) -> list[dict]:
    """Only the coordinates change from frame to frame: the rest of the trace stays."""
    points = _points(paths, k, trail)
    return [{"type": "scatter", "x": _six(points[:, 0]), "y": _six(points[:, 1])}]


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
