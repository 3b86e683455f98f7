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
# Bottom band in pixels: the w1 tick labels and title, then up to six legend rows.
_LEGEND_BAND = 185
_TICKS_AND_TITLE = 60


def view_limit(loss: QuadraticLoss, radius: float) -> float:
    """Half-width of a square view that shows the ball and the unconstrained optimum."""
    return 1.2 * max(radius, float(np.max(np.abs(loss.center)))) + 0.1


def _polyline(curves: list[np.ndarray]) -> np.ndarray:
    """Join curves into one (m, 2) array separated by NaN rows: one trace, one legend entry.

    Plotly breaks a line at NaN. Arrays (not lists) keep Plotly's validation
    cheap and its JSON compact (typed arrays).
    """
    gap = np.full((1, 2), np.nan)
    return np.concatenate([part for curve in curves for part in (curve, gap)])


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
    height: int = 640,
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
    traces: list[go.Scatter] = []

    boundary = ball.boundary(_CURVE_POINTS * 2)
    traces.append(
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
    contours = _polyline([loss.level_curve(level, _CURVE_POINTS) for level in levels])
    traces.append(
        go.Scatter(
            x=contours[:, 0],
            y=contours[:, 1],
            mode="lines",
            line={"color": CONTOUR, "width": 1.3, "dash": "dot"},
            name="loss contours",
            hoverinfo="skip",
        )
    )
    if solution.active:
        touching = loss.level_curve(solution.loss, _CURVE_POINTS * 2)
        traces.append(
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
        # Long enough to cross the view whichever side Plotly widens; it is clipped.
        segment = [[-3.0 * limit, 3.0 * limit], [0.0, 0.0]]
        x, y = (segment[1], segment[0]) if on_axis == 1 else segment
        traces.append(
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
    traces.append(
        go.Scatter(
            x=[center[0]],
            y=[center[1]],
            mode="markers",
            marker={"symbol": "x-thin", "size": 14, "line": {"width": 3, "color": INK}},
            name="ŵ unconstrained optimum",
            hovertemplate=f"ŵ = {format_point(center)}<extra></extra>",
        )
    )
    traces.append(
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
    layout = {
        "height": height,
        # The legend has its own band under the axes, sized for the most entries
        # and not auto-expanded, so the two plots stay aligned side by side.
        "margin": {"l": 55, "r": 15, "t": 50, "b": _LEGEND_BAND, "autoexpand": False},
        "title": {
            "text": _title(ball, solution),
            "font": {"size": 18},
            "x": 0.0,
            "xanchor": "left",
        },
        "font": {"family": FONT_FAMILY, "color": INK, "size": 14},
        "plot_bgcolor": "white",
        "paper_bgcolor": "white",
        "xaxis": {**axis_common, "title": {**axis_common["title"], "text": "w1"}},
        # Equal aspect: a circle must look round. Plotly widens the range of the
        # longer side rather than shrinking the plot, so the panel stays full.
        "yaxis": {
            **axis_common,
            "title": {**axis_common["title"], "text": "w2"},
            "scaleanchor": "x",
            "scaleratio": 1,
        },
        "legend": {
            "orientation": "v",
            "yref": "container",
            "yanchor": "top",
            "y": (_LEGEND_BAND - _TICKS_AND_TITLE) / height,
            "x": 0.0,
            "font": {"size": 13},
        },
        "showlegend": True,
    }
    # One construction with the full layout: update_layout afterwards costs
    # Plotly a second validation pass that dominated the page's rerun time.
    return go.Figure(data=traces, layout=layout)


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
