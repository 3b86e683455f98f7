"""Why the optimum stays put: the normal cone at w (shaded) and the pull of the loss (an arrow).

At the constrained optimum the pull ``-grad L(w)`` lies in the region's
normal cone ``N(w)``. On a smooth piece of boundary ``N(w)`` is one ray; at a
corner a wedge; at the tip of the p < 1 star a half-plane.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from figures.style import AXIS_HIGHLIGHT, CONE, INK
from geometry import QuadraticLoss, normal_cone
from geometry.regions import Region
from solvers import Solution

__all__ = ["cone_traces", "line_trace"]


def line_trace(points, name: str, **line) -> go.Scatter:
    """A polyline (m, 2) as one legend entry without hover."""
    points = np.asarray(points, dtype=float)
    return go.Scatter(
        x=points[:, 0], y=points[:, 1], mode="lines", line=line, name=name, hoverinfo="skip"
    )


def _cone_angles(cone) -> np.ndarray:
    """Start and end angle of a wedge (the short way round) or a half-plane's half-disc."""
    if cone.kind == "wedge":
        g1, g2 = cone.generators
        angles = np.array([np.arctan2(g1[1], g1[0]), np.arctan2(g2[1], g2[0])])
        if abs(angles[1] - angles[0]) > np.pi:
            angles[1] += -2 * np.pi if angles[1] > angles[0] else 2 * np.pi
        return angles
    centre = np.arctan2(cone.inward[1], cone.inward[0])
    return np.array([centre - np.pi / 2, centre + np.pi / 2])


def cone_traces(
    loss: QuadraticLoss, region: Region, solution: Solution, limit: float
) -> list[go.Scatter]:
    """The normal cone at the optimum and the pull ``-grad L(w)``, scaled to a view of ``limit``.

    Parameters
    ----------
    loss : QuadraticLoss
        The loss.
    region : NormBall or ElasticNetBall
        The region ``solution`` lies on.
    solution : Solution
        An active optimum (on the boundary).
    limit : float
        Half-width of the view: the cone and arrow reach about half of it.

    Returns
    -------
    list of go.Scatter
        Empty when the cone is {0} (an interior point); else the cone and the arrow.
    """
    w = solution.w
    cone = normal_cone(region, w)
    if cone.kind == "zero":
        return []
    reach = 0.45 * limit
    if cone.kind == "ray":
        (g,) = cone.generators
        shape = line_trace(
            [w, w + reach * g], "normal cone: one ray", color=AXIS_HIGHLIGHT, width=4
        )
    else:
        arc = np.linspace(*_cone_angles(cone), 40)
        outline = np.vstack([w, w + reach * np.column_stack([np.cos(arc), np.sin(arc)]), w])
        kind = f"a wedge of {cone.opening_degrees:.0f}°" if cone.kind == "wedge" else "a half-plane"
        shape = go.Scatter(
            x=outline[:, 0],
            y=outline[:, 1],
            mode="lines",
            fill="toself",
            fillcolor=CONE,
            line={"color": AXIS_HIGHLIGHT, "width": 1.5},
            name=f"normal cone: {kind}",
            hoverinfo="skip",
        )
    pull = -loss.gradient(w)
    size = float(np.linalg.norm(pull))
    tip = w + (0.8 * reach / size) * pull if size > 0 else w
    arrow = go.Scatter(
        x=[w[0], tip[0]],
        y=[w[1], tip[1]],
        mode="lines+markers",
        line={"color": INK, "width": 3},
        marker={"symbol": "arrow", "size": [0, 16], "angleref": "previous", "color": INK},
        name="−∇L(w): the pull of the loss",
        hoverinfo="skip",
    )
    return [shape, arrow]
