"""The diamond-vs-circle figure: a constraint region against the loss's ellipses.

One idea per figure: where the smallest loss ellipse that reaches the region
touches it. Equal aspect ratio (a circle must look round), both axes drawn
strongly, and the axis the optimum lands on is highlighted when a weight is
exactly zero.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from figures.captions import format_point, zero_statement
from figures.style import AXIS_HIGHLIGHT, CONTOUR, FONT_FAMILY, GRID, INK, region_style
from geometry import NormBall, QuadraticLoss
from solvers import Solution

# Contour levels as multiples of the reference level: the semi-axes grow as
# sqrt(level), so these ellipses are evenly spaced at 1/3, 2/3, 4/3, 5/3, 2
# times the size of the reference (touching) ellipse.
_LEVEL_MULTIPLES = tuple((k / 3.0) ** 2 for k in (1, 2, 4, 5, 6))
_CURVE_POINTS = 121


def view_limit(loss: QuadraticLoss, radius: float) -> float:
    """Half-width of a square view that shows the ball and the unconstrained optimum."""
    return 1.2 * max(radius, float(np.max(np.abs(loss.center)))) + 0.1


def _polyline(curves: list[np.ndarray]) -> tuple[list[float | None], list[float | None]]:
    """Join curves into one trace, separated by gaps (one legend entry, small JSON)."""
    xs: list[float | None] = []
    ys: list[float | None] = []
    for curve in curves:
        xs.extend([*np.round(curve[:, 0], 5).tolist(), None])
        ys.extend([*np.round(curve[:, 1], 5).tolist(), None])
    return xs, ys


def _contour_levels(loss: QuadraticLoss, ball: NormBall, solution: Solution) -> list[float]:
    if solution.active:
        reference = solution.loss
    else:
        # No ellipse touches: space the contours on the scale of the ball.
        reference = 0.5 * float(loss.eigh[0][-1]) * ball.radius**2
    return [reference * multiple for multiple in _LEVEL_MULTIPLES]


def constraint_figure(
    loss: QuadraticLoss,
    ball: NormBall,
    solution: Solution,
    *,
    limit: float | None = None,
    height: int = 620,
) -> go.Figure:
    """Draw ``ball`` against the contours of ``loss`` with the exact ``solution`` marked.

    Parameters
    ----------
    loss : QuadraticLoss
        A 2-D loss.
    ball : NormBall
        The region (p = 1 or p = 2 styles).
    solution : Solution
        ``solve_constrained(loss, ball)``.
    limit : float, optional
        Half-width of the square view; pass the same value to panels that are
        compared side by side. Defaults to ``view_limit(loss, ball.radius)``.
    height : int
        Figure height in pixels.

    Returns
    -------
    plotly.graph_objects.Figure
    """
    style = region_style(ball.p)
    limit = view_limit(loss, ball.radius) if limit is None else limit
    figure = go.Figure()

    boundary = ball.boundary(_CURVE_POINTS * 2)
    figure.add_trace(
        go.Scatter(
            x=boundary[:, 0],
            y=boundary[:, 1],
            mode="lines",
            fill="toself",
            fillcolor=style.fill,
            line={"color": style.colour, "width": 3, "dash": style.dash},
            name=f"{ball.label} ball: {style.norm_text} ≤ {ball.radius:g}",
            hoverinfo="skip",
        )
    )

    levels = _contour_levels(loss, ball, solution)
    xs, ys = _polyline([loss.level_curve(level, _CURVE_POINTS) for level in levels])
    figure.add_trace(
        go.Scatter(
            x=xs,
            y=ys,
            mode="lines",
            line={"color": CONTOUR, "width": 1.3, "dash": "dot"},
            name="loss contours",
            hoverinfo="skip",
        )
    )
    if solution.active:
        touching = loss.level_curve(solution.loss, _CURVE_POINTS * 2)
        figure.add_trace(
            go.Scatter(
                x=touching[:, 0],
                y=touching[:, 1],
                mode="lines",
                line={"color": INK, "width": 2.6},
                name="first contour to touch",
                hoverinfo="skip",
            )
        )

    if solution.zeros and len(solution.zeros) < 2:
        # w_i = 0 puts the optimum on the *other* coordinate axis.
        on_axis = 1 - solution.zeros[0]
        segment = [[-limit, limit], [0.0, 0.0]]
        x, y = (segment[1], segment[0]) if on_axis == 1 else segment
        figure.add_trace(
            go.Scatter(
                x=x,
                y=y,
                mode="lines",
                line={"color": AXIS_HIGHLIGHT, "width": 7},
                opacity=0.55,
                name=f"{zero_statement(solution)}: on the w{on_axis + 1} axis",
                hoverinfo="skip",
            )
        )

    center = loss.center
    figure.add_trace(
        go.Scatter(
            x=[center[0]],
            y=[center[1]],
            mode="markers",
            marker={"symbol": "x-thin", "size": 14, "line": {"width": 3, "color": INK}},
            name="ŵ unconstrained optimum",
            hovertemplate=f"ŵ = {format_point(center)}<extra></extra>",
        )
    )
    figure.add_trace(
        go.Scatter(
            x=[solution.w[0]],
            y=[solution.w[1]],
            mode="markers",
            marker={
                "symbol": style.marker,
                "size": 18,
                "color": style.colour,
                "line": {"width": 2, "color": "white"},
            },
            name=f"w = {format_point(solution.w)}",
            hovertemplate=f"w = {format_point(solution.w)}<extra></extra>",
        )
    )

    axis_common = {
        "range": [-limit, limit],
        "zeroline": True,
        "zerolinecolor": INK,
        "zerolinewidth": 2,
        "gridcolor": GRID,
        "showline": False,
        "ticks": "outside",
        "tickfont": {"size": 13},
        "title": {"font": {"size": 16}},
    }
    figure.update_layout(
        height=height,
        # The legend gets its own band under the axes (anchored to the container),
        # so both panels keep plot areas of the same size and the w1 label clear.
        margin={"l": 55, "r": 15, "t": 50, "b": 150},
        title={"text": _title(ball, solution), "font": {"size": 18}, "x": 0.0, "xanchor": "left"},
        font={"family": FONT_FAMILY, "color": INK, "size": 14},
        plot_bgcolor="white",
        paper_bgcolor="white",
        xaxis={**axis_common, "title": {**axis_common["title"], "text": "w1"}},
        # Equal aspect: a circle must look round. Plotly widens the range of the
        # longer side rather than shrinking the plot, so the panel stays full.
        yaxis={
            **axis_common,
            "title": {**axis_common["title"], "text": "w2"},
            "scaleanchor": "x",
            "scaleratio": 1,
        },
        legend={
            "orientation": "h",
            "yref": "container",
            "yanchor": "bottom",
            "y": 0.0,
            "x": 0.0,
            "font": {"size": 13},
        },
        showlegend=True,
    )
    return figure


def _title(ball: NormBall, solution: Solution) -> str:
    """A title that states the conclusion: where the optimum landed, and what follows."""
    if not solution.active:
        return f"{ball.label}: ŵ is inside, nothing to shrink"
    if solution.face == "vertex":
        axis = 2 - solution.zeros[0]
        return f"{ball.label}: corner on the w{axis} axis → {zero_statement(solution)}"
    if solution.zeros:
        return f"{ball.label}: on an axis by symmetry → {zero_statement(solution)}"
    if solution.face == "edge":
        return f"{ball.label}: an edge, not a corner → no zeros"
    return f"{ball.label}: a smooth point off the axes → no zeros"
