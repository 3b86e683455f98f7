"""The race figure's animation: what changes from frame to frame, and the play controls.

Each frame carries only the coordinates of each optimiser's moving trail and
current point, to six significant digits (the JSON stays small; the page's numbers
come from the float64 runs; an exact 0.0 stays 0.0), so that the browser animates
and scrubs without a rerun.
"""

from __future__ import annotations

import numpy as np

from figures.optimisers import OPTIMISER_STYLES, PathData
from figures.style import PAPER

__all__ = ["frame_data", "moving_traces", "play_controls"]


def _six(values: np.ndarray) -> np.ndarray:
    """Coordinates as float32 (about seven significant digits), for a frame's JSON.

    The drawn trace is sent as a typed array (the frames, small, as lists: see
    ``_significant``).
    """
    return np.asarray(values, dtype=np.float32)


def _significant(values: np.ndarray, digits: int = 6) -> np.ndarray:
    """``values`` rounded to ``digits`` significant digits; an exact 0.0 stays 0.0.

    For a frame's few dozen points a list of such numbers passes Plotly's checks
    faster than an array (measured: ~2 ms of a rerun's 40 frames), and its JSON is
    short: each is the double nearest a 6-digit decimal. Significant digits, not
    decimals: a weight of 4e-5 next to 0 must not be drawn, or hovered, as 0.
    """
    size = np.abs(values)
    exponent = np.floor(np.log10(size, out=np.zeros_like(size), where=size > 0.0))
    scale = 10.0 ** (digits - 1 - exponent)
    return np.round(values * scale) / scale


def _trail(path: PathData, k: int, trail: int) -> np.ndarray:
    """The last ``trail`` iterates up to k, the start repeated while there are fewer."""
    indices = np.maximum(np.arange(k - trail + 1, k + 1), 0)
    return path.points[indices]


def _points(paths: list[PathData], k: int, trail: int) -> np.ndarray:
    """Every optimiser's trail, then every optimiser's point at k: one array of points."""
    trails = [_trail(path, k, trail) for path in paths]
    return np.vstack([*trails, *(path.points[k] for path in paths)])


def moving_traces(paths: list[PathData], k: int, trail: int) -> list[dict]:
    """One trace: every optimiser's trail (its last ``trail`` iterates), then its point at k.

    One trace for all the optimisers, styled point by point: a frame then carries
    two small arrays, whatever the number of optimisers (Plotly builds and checks
    an object for every trace of every frame, which dominated the page's rerun).
    """
    points = _points(paths, k, trail)
    styles = [OPTIMISER_STYLES[path.slug] for path in paths]
    names = [path.name for path in paths]
    return [
        {
            "type": "scatter",
            "x": _six(points[:, 0]),
            "y": _six(points[:, 1]),
            "mode": "markers",
            "marker": {
                "size": np.concatenate(
                    [np.tile(np.linspace(4.0, 8.0, trail), len(paths)), np.full(len(paths), 15.0)]
                ),
                "color": [s.colour for s in styles for _ in range(trail)]
                + [s.colour for s in styles],
                "symbol": ["circle"] * (trail * len(paths)) + [s.marker for s in styles],
                "line": {"width": 1.0, "color": PAPER},  # a halo
            },
            "text": [f"{name}, earlier" for name in names for _ in range(trail)] + names,
            "name": "now",
            "showlegend": False,
            "hovertemplate": "%{text}: w = (%{x:.4g}, %{y:.4g})<extra></extra>",
        }
    ]


def frame_data(paths: list[PathData], k: int, trail: int) -> list[dict]:
    """Only the coordinates change from frame to frame: the rest of the trace stays."""
    points = _significant(_points(paths, k, trail))
    return [{"type": "scatter", "x": points[:, 0].tolist(), "y": points[:, 1].tolist()}]


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
