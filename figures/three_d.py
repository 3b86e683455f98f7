"""The 3-D view: a region, the loss ellipsoid that first touches it, and the piece it touches.

One idea per figure: in 3-D the optimum sits where the growing loss ellipsoid
first meets the region, and the boundary piece it meets (a vertex, an edge, a
face; a tip or the rim of the double cone) decides which weights are exactly
zero. The scene is a cube with equal ranges (a sphere must look round), fixed
to the region rather than to the ellipsoid, which for an ill-conditioned loss
runs far out of view. Rotation happens in the browser (after a rerun the scene
is seen from ``CAMERA`` again).

The figure draws a computed scene (``lessons.three_weights.Scene``: region
mesh, creases, loss level set, exact solution, piece, words, limit); it solves
nothing.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from figures.labels import format_point
from figures.style import (
    AXIS_HIGHLIGHT,
    BLUE,
    GREY,
    INK,
    OCHRE,
    PAPER,
    SKY,
    VERMILLION,
    base_layout,
)

__all__ = [
    "CAMERA",
    "ELLIPSOID_OPACITY",
    "HALO",
    "HEIGHT",
    "REGION_COLOURS",
    "SURFACE_OPACITY",
    "UI_REVISION",
    "scene_figure",
]

# At most figures.style.PRESENT_HEIGHT: projected, the layout stays as drawn (type grows).
HEIGHT = 450
# Region kind -> (colour, the budget's measure for the legend).
REGION_COLOURS = {
    "l1": (BLUE, "‖w‖₁ ≤ t"),
    "l2": (VERMILLION, "‖w‖₂ ≤ t"),
    "elasticnet": (SKY, "α‖w‖₁ + (1−α)‖w‖₂² ≤ t"),
    "group": (OCHRE, "‖(w1, w2)‖₂ + |w3| ≤ t"),
}
SURFACE_OPACITY = 0.3
ELLIPSOID_OPACITY = 0.28
# From the w1 side, a little below w2's positive end: w1 runs to the right, w3 up. Closer
# than Plotly's default eye (norm 2.17): the hidden box's corners may leave the view.
CAMERA = {
    "up": {"x": 0, "y": 0, "z": 1},
    "center": {"x": 0, "y": 0, "z": 0},
    "eye": {"x": 0.5, "y": -1.22, "z": 0.68},
    "projection": {"type": "perspective"},
}
# Plotly keeps UI state it recorded while this is unchanged. (A turn by dragging is not
# recorded in the figure inside Streamlit: a rerun shows the scene from CAMERA again.)
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


def _point(w: np.ndarray, mode: str = "markers", **style) -> go.Scatter3d:
    x, y, z = np.asarray(w, dtype=float).reshape(3, 1)
    return go.Scatter3d(x=x, y=y, z=z, mode=mode, **style)


def _axes(limit: float) -> list[go.Scatter3d]:
    """The three coordinate axes through 0, named at their positive ends, and ±1 marked.

    A vertex or an edge on them means exact zeros. (Plotly's own axes frame the
    cube's walls, far from the origin, and are hidden.)
    """
    ends = [np.array([-limit * e, limit * e]) for e in np.eye(3)]
    lines = _lines(ends, line={"color": INK, "width": 2}, showlegend=False, name="axes")
    x, y, z = (0.94 * limit * np.eye(3)).T
    names = go.Scatter3d(
        x=x,
        y=y,
        z=z,
        mode="text",
        text=["w1", "w2", "w3"],
        textfont={"color": INK, "size": 15},
        hoverinfo="skip",
        showlegend=False,
    )
    ticks = [v for v in (-2.0, -1.0, 1.0, 2.0) if abs(v) < limit]
    points = np.array([v * e for e in np.eye(3) for v in ticks]).reshape(-1, 3)
    marks = go.Scatter3d(
        x=points[:, 0],
        y=points[:, 1],
        z=points[:, 2],
        mode="markers+text",
        marker={"color": INK, "size": 1.5},
        text=[f"{v:g}" for _ in range(3) for v in ticks],
        textposition="bottom center",
        textfont={"color": INK, "size": 11},
        hoverinfo="skip",
        showlegend=False,
    )
    return [lines, names, marks]


def _piece_trace(piece, words: str) -> go.BaseTraceType | None:
    name = f"touched: {words}"
    if piece.kind == "point":
        return _point(
            piece.points[0],
            marker={"color": AXIS_HIGHLIGHT, "size": 9, "symbol": "circle", "opacity": 0.9},
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


def _axis(limit: float) -> dict:
    """A hidden scene axis over [-limit, limit]: equal ranges make the cube, and clip."""
    return {
        "range": [-limit, limit],
        "autorange": False,
        "visible": False,
        "showspikes": False,
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
            name=f"{scene.short_name}: {measure}",
            showlegend=True,
        ),
        *_axes(scene.limit),
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
                name="loss ellipsoid L(w) = L(w*)",
                showlegend=True,
            )
        )
    if (highlight := _piece_trace(scene.piece, scene.words)) is not None:
        traces.append(highlight)
    # Named where they are, not in the legend: three entries fit under the scene.
    traces.append(
        _point(
            scene.loss.center,
            mode="markers+text",
            text=["ŵ"],
            textposition="top center",
            textfont={"color": INK, "size": 15},
            marker={"color": INK, "size": 5, "symbol": "circle-open"},
            name="ŵ: unconstrained optimum",
            showlegend=False,
            hovertemplate=f"ŵ = {format_point(scene.loss.center)}<extra></extra>",
        )
    )
    traces.append(
        _point(
            solution.w,
            mode="markers+text",
            text=["w*"],
            textposition="bottom center",
            textfont={"color": INK, "size": 15},
            marker={"color": INK, "size": 5, "symbol": "diamond", "line": HALO},
            name="w*: exact optimum",
            showlegend=False,
            hovertemplate=f"w* = {format_point(solution.w)}<extra></extra>",
        )
    )
    limit = scene.limit
    layout = base_layout(
        scene.title,
        height,
        margin={"l": 10, "r": 0, "t": 70, "b": 75},
        uirevision=UI_REVISION,
        scene={
            "xaxis": _axis(limit),
            "yaxis": _axis(limit),
            "zaxis": _axis(limit),
            "aspectmode": "cube",
            "bgcolor": PAPER,
            "camera": CAMERA,
            # The legend has its own band below the plot area: nothing covers the scene.
        },
    )
    layout["legend"].update(font={"size": 12}, itemsizing="constant")
    return go.Figure(traces, layout)
