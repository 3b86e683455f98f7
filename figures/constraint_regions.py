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

from figures.captions import format_point, zero_statement
from figures.style import AXIS_HIGHLIGHT, CONE, CONTOUR, FONT_FAMILY, GRID, INK, region_style
from geometry import NormBall, QuadraticLoss, normal_cone
from geometry.regions import Region
from solvers import Solution

# Contour levels as multiples of the reference level: the semi-axes grow as
# sqrt(level), so these ellipses are evenly spaced at 1/3, 2/3, 4/3, 5/3, 2
# times the size of the reference (touching) ellipse.
_LEVEL_MULTIPLES = tuple((k / 3.0) ** 2 for k in (1, 2, 4, 5, 6))
_CURVE_POINTS = 121
# Bottom band in pixels: the w1 tick labels and title, then the legend rows.
_TICKS_AND_TITLE = 60
_LEGEND_ROW = 20
_MAX_LEGEND_ROWS = 9


def view_limit(loss: QuadraticLoss, extent: float) -> float:
    """Half-width of a square view that shows a region of this extent and the loss's centre."""
    return 1.2 * max(extent, float(np.max(np.abs(loss.center)))) + 0.1


def _polyline(curves: list[np.ndarray]) -> np.ndarray:
    """Join curves into one (m, 2) array separated by NaN rows: one trace, one legend entry.

    Plotly breaks a line at NaN. Arrays (not lists) keep Plotly's validation
    cheap and its JSON compact (typed arrays).
    """
    gap = np.full((1, 2), np.nan)
    return np.concatenate([part for curve in curves for part in (curve, gap)])


def _contour_levels(loss: QuadraticLoss, extent: float, solution: Solution) -> list[float]:
    if solution.active and solution.loss > 0.0:
        reference = solution.loss
    else:
        # No ellipse touches: space the contours on the scale of the region.
        reference = 0.5 * float(loss.eigh[0][-1]) * extent**2
    return [reference * multiple for multiple in _LEVEL_MULTIPLES]


def _line(points, name: str, **line) -> go.Scatter:
    points = np.asarray(points, dtype=float)
    return go.Scatter(
        x=points[:, 0], y=points[:, 1], mode="lines", line=line, name=name, hoverinfo="skip"
    )


def _cone_traces(
    loss: QuadraticLoss, region: Region, solution: Solution, limit: float
) -> list[go.Scatter]:
    """The normal cone at the optimum (shaded) and the pull -grad L(w) (an arrow)."""
    w = solution.w
    cone = normal_cone(region, w)
    if cone.kind == "zero":
        return []
    reach = 0.45 * limit
    if cone.kind == "ray":
        (g,) = cone.generators
        shape = _line([w, w + reach * g], "normal cone: one ray", color=AXIS_HIGHLIGHT, width=4)
    else:
        if cone.kind == "wedge":
            g1, g2 = cone.generators
            angles = np.linspace(np.arctan2(g1[1], g1[0]), np.arctan2(g2[1], g2[0]), 2)
            if abs(angles[1] - angles[0]) > np.pi:  # go the short way round
                angles[1] += -2 * np.pi if angles[1] > angles[0] else 2 * np.pi
        else:  # half-plane: a half-disc around the inward direction
            centre = np.arctan2(cone.inward[1], cone.inward[0])
            angles = np.array([centre - np.pi / 2, centre + np.pi / 2])
        arc = np.linspace(angles[0], angles[1], 40)
        outline = np.vstack([w, w + reach * np.column_stack([np.cos(arc), np.sin(arc)]), w])
        kind = (
            f"a wedge of {cone.opening_degrees:.0f}°" if cone.kind == "wedge" else ("a half-plane")
        )
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


def constraint_figure(
    loss: QuadraticLoss,
    region: Region | None,
    solution: Solution,
    *,
    limit: float | None = None,
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
    limit : float, optional
        Half-width of the square view; pass the same value to panels that are
        compared side by side.
    show_cone : bool
        Also draw the normal cone at the optimum and the pull ``-grad L(w)``.
    height : int
        Figure height in pixels, legend included.

    Returns
    -------
    plotly.graph_objects.Figure
    """
    extent = region.axis_intercept if region is not None else 0.0
    limit = view_limit(loss, extent) if limit is None else limit
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
                name=f"{region.label}: {style.norm_text} ≤ {region.radius:.3g}",
                hoverinfo="skip",
            )
        )
    else:
        style = None

    levels = _contour_levels(loss, max(extent, 0.5 * limit), solution)
    contours = _polyline([loss.level_curve(level, _CURVE_POINTS) for level in levels])
    traces.append(_line(contours, "loss contours", color=CONTOUR, width=1.3, dash="dot"))
    if solution.active and solution.loss > 0.0:
        touching = loss.level_curve(solution.loss, _CURVE_POINTS * 2)
        traces.append(_line(touching, "first contour to touch", color=INK, width=2.6))

    if solution.zeros and len(solution.zeros) < 2:
        # w_i = 0 puts the optimum on the *other* coordinate axis.
        on_axis = 1 - solution.zeros[0]
        # Long enough to cross the view whichever side Plotly widens; it is clipped.
        segment = np.array([[-3.0 * limit, 0.0], [3.0 * limit, 0.0]])
        traces.append(
            go.Scatter(
                x=segment[:, on_axis],
                y=segment[:, 1 - on_axis],
                mode="lines",
                line={"color": AXIS_HIGHLIGHT, "width": 7},
                opacity=0.55,
                name=f"{zero_statement(solution)}: on the w{on_axis + 1} axis",
                hoverinfo="skip",
            )
        )

    if show_cone and solution.active and region is not None:
        traces.extend(_cone_traces(loss, region, solution, limit))

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
                "line": {"width": 2, "color": "white"},
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
            "y": (band - _TICKS_AND_TITLE) / height,
            "x": 0.0,
            "font": {"size": 13},
        },
        "showlegend": True,
    }
    # One construction with the full layout: update_layout afterwards costs
    # Plotly a second validation pass that dominated the page's rerun time.
    return go.Figure(data=traces, layout=layout)


def figure_title(region: Region | None, solution: Solution) -> str:
    """A title that states the conclusion: where the optimum landed, and what follows."""
    if region is None:
        return "The penalty wins outright → w = 0"
    label = region.label
    if not solution.active:
        return f"{label}: ŵ is inside, nothing to shrink"
    if solution.face == "vertex" and solution.zeros:
        axis = 2 - solution.zeros[0]
        tip = "spike" if isinstance(region, NormBall) and region.p < 1 else "corner"
        return f"{label}: {tip} on the w{axis} axis → {zero_statement(solution)}"
    if solution.zeros:
        return f"{label}: on an axis by symmetry → {zero_statement(solution)}"
    if solution.face == "vertex":
        return f"{label}: a corner off the axes → no zeros"
    if solution.face == "edge":
        return f"{label}: an edge, not a corner → no zeros"
    return f"{label}: a smooth point off the axes → no zeros"
