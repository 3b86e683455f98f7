"""The 3-D view: a region, the loss ellipsoid that first touches it, and the piece it touches.

One idea per figure: in 3-D the optimum sits where the growing loss ellipsoid
first meets the region, and the boundary piece it meets (a vertex, an edge, a
face; a tip or the rim of the double cone) decides which weights are exactly
zero. The scene is a cube with equal ranges (a sphere must look round), fixed
to the region rather than to the ellipsoid, which for an ill-conditioned loss
runs far out of view. Rotation happens in the browser; ``uirevision`` keeps
the reader's camera while the sliders move.

The figure draws a computed scene (``lessons.three_weights.Scene``: region
mesh, creases, loss level set, exact solution, piece, words, limit); it solves
nothing.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from figures.captions import format_point
from figures.style import (
    AXIS_HIGHLIGHT,
    BLUE,
    GREY,
    GRID,
    INK,
    OCHRE,
    PAPER,
    SKY,
    VERMILLION,
    base_layout,
)

HEIGHT = 560
# Region kind -> (colour, the budget's measure for the legend).
REGION_COLOURS = {
    "l1": (BLUE, "‖w‖₁ ≤ t"),
    "l2": (VERMILLION, "‖w‖₂ ≤ t"),
    "elasticnet": (SKY, "α‖w‖₁ + (1−α)‖w‖₂² ≤ t"),
    "group": (OCHRE, "‖(w1, w2)‖₂ + |w3| ≤ t"),
}
SURFACE_OPACITY = 0.3
ELLIPSOID_OPACITY = 0.22
CAMERA = {"eye": {"x": 1.55, "y": 1.25, "z": 0.85}, "up": {"x": 0, "y": 0, "z": 1}}
# Kept while the sliders move: Plotly keeps the reader's rotation while this is unchanged.
UI_REVISION = "three-weights"
HALO = {"color": PAPER, "width": 1}


def _mesh3d(vertices: np.ndarray, triangles: np.ndarray, **style) -> go.Mesh3d:
    """A triangle mesh as typed arrays: float32 corners (about 5 characters of JSON each,
    less than a rounded decimal) and int16 indices; Plotly validates arrays at once."""
    x, y, z = np.asarray(vertices, dtype=np.float32).T
    i, j, k = np.asarray(triangles, dtype=np.int16).T
    return go.Mesh3d(x=x, y=y, z=z, i=i, j=j, k=k, hoverinfo="skip", **style)


def _lines(polylines, **style) -> go.Scatter3d:
    """Polylines as one trace, broken by None between them."""
    gap = np.full((1, 3), np.nan)  # Plotly breaks a line at NaN
    points = np.concatenate([part for line in polylines for part in (line, gap)])
    x, y, z = points.astype(np.float32).T
    return go.Scatter3d(x=x, y=y, z=z, mode="lines", hoverinfo="skip", **style)


def _point(w: np.ndarray, **style) -> go.Scatter3d:
    x, y, z = np.asarray(w, dtype=float).reshape(3, 1)
    return go.Scatter3d(x=x, y=y, z=z, mode="markers", **style)


def _axes(limit: float) -> go.Scatter3d:
    """The three coordinate axes through 0: a vertex or an edge on them means zeros."""
    ends = [np.array([-limit * e, limit * e]) for e in np.eye(3)]
    return _lines(ends, line={"color": INK, "width": 2}, showlegend=False, name="axes")


def _piece_trace(piece, words: str) -> go.BaseTraceType | None:
    name = f"touched: {words}"
    if piece.kind == "point":
        return _point(
            piece.points[0],
            marker={"color": AXIS_HIGHLIGHT, "size": 11, "symbol": "circle", "opacity": 0.9},
            name=name,
            hoverinfo="skip",
        )
    if piece.kind == "curve":
        return _lines([piece.points], line={"color": AXIS_HIGHLIGHT, "width": 10}, name=name)
    if piece.kind == "patch":
        return _mesh3d(
            piece.points,
            piece.triangles,
            color=AXIS_HIGHLIGHT,
            opacity=0.6,
            flatshading=True,
            name=name,
            showlegend=True,
        )
    return None


def _axis(title: str, limit: float) -> dict:
    return {
        "title": {"text": title},
        "range": [-limit, limit],
        "autorange": False,
        "color": INK,
        "gridcolor": GRID,
        "zeroline": False,
        "showbackground": False,
        "showspikes": False,
        "nticks": 5,
    }


def scene_figure(scene, height: int = HEIGHT) -> go.Figure:
    """One rotatable 3-D view of a computed ``Scene``.

    Parameters
    ----------
    scene : lessons.three_weights.Scene
        The region, its creases, the loss level set at ``L(w*)``, the exact
        solution, the touched piece and its words, and the half-side of the cube.
    height : int
        Pixels.
    """
    colour, measure = REGION_COLOURS[scene.kind]
    solution = scene.solution
    traces: list[go.BaseTraceType] = [
        _mesh3d(
            scene.mesh.vertices,
            scene.mesh.triangles,
            color=colour,
            opacity=SURFACE_OPACITY,
            flatshading=scene.kind == "l1",
            name=f"{scene.name}: {measure}",
            showlegend=True,
        ),
        _axes(scene.limit),
    ]
    if scene.creases:
        kinks = _lines(scene.creases, line={"color": colour, "width": 4}, showlegend=False)
        traces.append(kinks)
    if scene.level_set is not None:
        traces.append(
            _mesh3d(
                scene.level_set.vertices,
                scene.level_set.triangles,
                color=GREY,
                opacity=ELLIPSOID_OPACITY,
                name="loss ellipsoid L(w) = L(w*): the first to touch",
                showlegend=True,
            )
        )
    if (highlight := _piece_trace(scene.piece, scene.words)) is not None:
        traces.append(highlight)
    traces.append(
        _point(
            scene.loss.center,
            marker={"color": INK, "size": 6, "symbol": "x"},
            name="ŵ: unconstrained optimum",
            hovertemplate=f"ŵ = {format_point(scene.loss.center)}<extra></extra>",
        )
    )
    traces.append(
        _point(
            solution.w,
            marker={"color": INK, "size": 7, "symbol": "diamond", "line": HALO},
            name=f"w* = {format_point(solution.w)}",
            hovertemplate=f"w* = {format_point(solution.w)}<extra></extra>",
        )
    )
    limit = scene.limit
    layout = base_layout(
        scene.title,
        height,
        margin={"l": 0, "r": 0, "t": 70, "b": 0},
        uirevision=UI_REVISION,
        scene={
            "xaxis": _axis("w1", limit),
            "yaxis": _axis("w2", limit),
            "zaxis": _axis("w3", limit),
            "aspectmode": "cube",
            "bgcolor": PAPER,
            "camera": CAMERA,
            # The legend's band below is outside the scene: nothing covers it.
            "domain": {"x": [0.0, 1.0], "y": [0.22, 1.0]},
        },
    )
    layout["legend"].update(font={"size": 12}, itemsizing="constant")
    return go.Figure(traces, layout)
