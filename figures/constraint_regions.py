"""The region-vs-ellipses figure: a constraint region against the loss's ellipses.

One idea per figure: where the smallest loss ellipse that reaches the region
touches it, and (optionally) why it stays there: the pull of the loss,
``-grad L(w)``, drawn as an arrow inside the region's normal cone. Equal aspect
ratio (a circle must look round), both axes drawn strongly, and the axis the
optimum lands on is highlighted when a weight is exactly zero.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from figures.cone_traces import cone_traces, line_trace
from figures.labels import figure_title, format_point, region_legend, zero_statement
from figures.style import AXIS_HIGHLIGHT, CONTOUR, FONT_FAMILY, GRID, INK, PAPER, region_style
from geometry import QuadraticLoss
from geometry.regions import Region
from solvers import Solution

__all__ = ["LEVEL_MULTIPLES", "constraint_figure", "contour_levels"]

# Contour levels as multiples of the reference level: the semi-axes grow as
# sqrt(level), so these ellipses are evenly spaced at 1/3, 2/3, 4/3, 5/3, 2
# times the size of the reference (touching) ellipse. The live figure draws the
# same levels: lessons.constraint_regions sends these to the browser.
LEVEL_MULTIPLES = tuple((k / 3.0) ** 2 for k in (1, 2, 4, 5, 6))
_CURVE_POINTS = 121
# Bottom band in pixels: the w1 tick labels and title, then the legend rows.
_TICKS_AND_TITLE = 60
_LEGEND_ROW = 20
_MAX_LEGEND_ROWS = 9


def _polyline(curves: list[np.ndarray]) -> np.ndarray:
    """Join curves into one (m, 2) array separated by NaN rows: one trace, one legend entry.

    Plotly breaks a line at NaN. Arrays (not lists) keep Plotly's validation
    cheap and its JSON compact (typed arrays).
    """
    gap = np.full((1, 2), np.nan)
    return np.concatenate([part for curve in curves for part in (curve, gap)])


def contour_levels(loss: QuadraticLoss, extent: float, solution: Solution) -> list[float]:
    """The loss levels the figure draws: ``LEVEL_MULTIPLES`` of a reference level.

    The live figure computes the same levels in the browser (live/figure), so
    this is the rule both follow.

    Parameters
    ----------
    loss : QuadraticLoss
        The 2-D loss.
    extent : float
        How far along the axes the region reaches; it sets the scale when no
        ellipse touches the region.
    solution : Solution
        The optimum; when the constraint is active its loss is the reference.

    Returns
    -------
    list of float
        Increasing loss values, one per contour.
    """
    if solution.active and solution.loss > 0.0:
        reference = solution.loss
    else:
        # No ellipse touches: space the contours on the scale of the region.
        reference = 0.5 * float(loss.eigh[0][-1]) * extent**2
    return [reference * multiple for multiple in LEVEL_MULTIPLES]


def constraint_figure(
    loss: QuadraticLoss,
    region: Region | None,
    solution: Solution,
    *,
    limit: float,
    show_cone: bool = False,
    height: int = 640,
) -> go.Figure:
    """Draw ``region`` against the contours of ``loss`` with the exact ``solution`` marked.

    Parameters
    ----------
    loss : QuadraticLoss
        A 2-D loss.
    region : NormBall, ElasticNetBall or None
        The region; None when a penalty has set every weight to zero (the
        equivalent budget is 0, a region that is a single point).
    solution : Solution
        The exact optimum over ``region`` (``solve_constrained``) or the
        penalised optimum whose budget ``region`` has (``solve_penalized``).
    limit : float
        Half-width of the square view. The lessons choose it
        (``lessons.constraint_regions.view_limit``); panels compared side by
        side share one.
    show_cone : bool
        Also draw the normal cone at the optimum and the pull ``-grad L(w)``.
    height : int
        Figure height in pixels, legend included.

    Returns
    -------
    plotly.graph_objects.Figure
    """
    extent = region.axis_intercept if region is not None else 0.0
    traces: list[go.Scatter] = []

    if region is not None:
        style = region_style(region)
        boundary = region.boundary(_CURVE_POINTS * 2)
        traces.append(
            go.Scatter(
                x=boundary[:, 0],
                y=boundary[:, 1],
                mode="lines",
                fill="toself",
                fillcolor=style.fill,
                line={"color": style.colour, "width": 3, "dash": style.dash},
                name=region_legend(region),
                hoverinfo="skip",
            )
        )
    else:
        style = None

    if solution.zeros and len(solution.zeros) < 2:
        # w_i = 0 puts the optimum on the *other* coordinate axis. Opaque (a
        # translucent band loses its contrast) and under the contours, which
        # stay visible across it.
        on_axis = 1 - solution.zeros[0]
        # Long enough to cross the view whichever side Plotly widens; it is clipped.
        segment = np.array([[-3.0 * limit, 0.0], [3.0 * limit, 0.0]])
        traces.append(
            go.Scatter(
                x=segment[:, on_axis],
                y=segment[:, 1 - on_axis],
                mode="lines",
                line={"color": AXIS_HIGHLIGHT, "width": 6},
                name=f"{zero_statement(solution)}: on the w{on_axis + 1} axis",
                hoverinfo="skip",
            )
        )

    levels = contour_levels(loss, max(extent, 0.5 * limit), solution)
    contours = _polyline([loss.level_curve(level, _CURVE_POINTS) for level in levels])
    traces.append(line_trace(contours, "loss contours", color=CONTOUR, width=1.3, dash="dot"))
    if solution.active and solution.loss > 0.0:
        touching = loss.level_curve(solution.loss, _CURVE_POINTS * 2)
        traces.append(line_trace(touching, "first contour to touch", color=INK, width=2.6))

    if show_cone and solution.active and region is not None:
        traces.extend(cone_traces(loss, region, solution, limit))

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
    others = list(solution.local_minima[1:])
    if others:
        points = np.array(others)
        traces.append(
            go.Scatter(
                x=points[:, 0],
                y=points[:, 1],
                mode="markers",
                marker={
                    "symbol": "circle-open",
                    "size": 14,
                    "line": {"width": 2.5},
                    "color": style.colour if style else INK,
                },
                name="other local minima (not global)",
                hoverinfo="skip",
            )
        )
    traces.append(
        go.Scatter(
            x=[solution.w[0]],
            y=[solution.w[1]],
            mode="markers",
            marker={
                "symbol": style.marker if style else "circle",
                "size": 18,
                "color": style.colour if style else INK,
                "line": {"width": 2, "color": PAPER},  # a halo
            },
            name=f"w = {format_point(solution.w)}",
            hovertemplate=f"w = {format_point(solution.w)}<extra></extra>",
        )
    )

    band = _TICKS_AND_TITLE + _LEGEND_ROW * _MAX_LEGEND_ROWS
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
        # and not auto-expanded, so side-by-side plots stay aligned.
        "margin": {"l": 55, "r": 15, "t": 78, "b": band, "autoexpand": False},
        # Two lines, the region then the conclusion, so that long names never clip.
        "title": {
            "text": figure_title(region, solution).replace(": ", "<br>", 1),
            "font": {"size": 17},
            "x": 0.0,
            "xanchor": "left",
        },
        "font": {"family": FONT_FAMILY, "color": INK, "size": 14},
        "plot_bgcolor": PAPER,
        "paper_bgcolor": PAPER,
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
            "y": (band - _TICKS_AND_TITLE) / height,
            "x": 0.0,
            "font": {"size": 13},
        },
        "showlegend": True,
    }
    # One construction with the full layout: update_layout afterwards costs
    # Plotly a second validation pass that dominated the page's rerun time.
    return go.Figure(data=traces, layout=layout)
