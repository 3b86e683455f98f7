"""One weight, the penalty itself: the penalties and their slopes, the 1-D problem, the units.

The lesson's point in one dimension: the L1 slope stays ±lam right down to
0, and at 0 is the whole interval [-lam, lam], so a whole range of data
leaves the optimum at exactly 0; the L2 slope fades to 0 with the weight.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from figures.names import elastic_net_penalty
from figures.style import (
    AXIS_HIGHLIGHT,
    CONE,
    CONTOUR,
    INK,
    PAPER,
    REGION_STYLES,
    axis_style,
    base_layout,
)
from figures.titles import phone_label
from studies.one_weight import OneWeightProblem, PenaltyCurves

__all__ = ["one_weight_problem_figure", "penalty_and_slope_figure", "units_figure"]

_TOP = 4.5  # the problem figure's loss axis: [0, _TOP]


def penalty_and_slope_figure(curves: PenaltyCurves, height: int = 520) -> go.Figure:
    """Penalties (top) and their slopes (bottom), from ``studies.one_weight.penalty_curves``.

    L1's slope is ±lam right down to 0 and the whole interval [-lam, lam] at 0;
    L2's slope fades linearly to 0. Two stacked axes sharing w, built in one
    construction (Plotly's subplot helpers re-validate on every call).
    """
    lam = curves.lam
    names = {
        "l1": "L1: λ|w|",
        "l2": "L2: λw²",
        "elasticnet": phone_label(elastic_net_penalty(curves.l1_ratio)),
    }
    # First, so that the slopes are drawn over it: the subgradient interval at 0.
    traces = [
        go.Scatter(
            x=[0.0, 0.0],
            y=[-lam, lam],
            mode="lines",
            xaxis="x2",
            yaxis="y2",
            name=f"L1 subgradient at 0: [−λ, λ] = [{-lam:.3g}, {lam:.3g}]",
            line={"color": AXIS_HIGHLIGHT, "width": 9},
        )
    ]
    for penalty, name in names.items():
        style = REGION_STYLES[penalty]
        line = {"color": style.colour, "dash": style.dash, "width": 3}
        traces.append(
            go.Scatter(
                x=curves.w,
                y=curves.values[penalty],
                name=name,
                legendgroup=penalty,
                line=line,
                xaxis="x",
                yaxis="y",
            )
        )
        x, y = curves.slopes[penalty]
        traces.append(
            go.Scatter(
                x=x, y=y, showlegend=False, legendgroup=penalty, line=line, xaxis="x2", yaxis="y2"
            )
        )
    layout = base_layout(
        "The L1 slope stays λ all the way to 0; the L2 slope fades",
        height,
        xaxis=axis_style("", anchor="y", matches="x2", showticklabels=False),
        yaxis=axis_style("penalty λR(w)", domain=[0.56, 1.0]),
        xaxis2=axis_style("w", anchor="y2"),
        yaxis2=axis_style("slope λR′(w)", domain=[0.0, 0.44]),
    )
    layout["margin"]["b"] = 120
    return go.Figure(data=traces, layout=layout)


def one_weight_problem_figure(problem: OneWeightProblem, height: int = 460) -> go.Figure:
    """Data term, penalty and their sum along w, with the exact minimiser marked.

    ``problem`` comes from ``studies.one_weight.one_weight_problem``. Where the
    penalty has a dead zone (an L1 part), it is shaded on the same axis: the
    data term's own minimum is at w = a, drawn as a vertical line.
    """
    style = REGION_STYLES[problem.penalty]
    best, a, lam = problem.minimiser, problem.a, problem.lam
    traces = []
    if problem.dead_zone > 0.0:
        zone = problem.dead_zone
        bound = "λ" if problem.penalty == "l1" else "λα"
        traces.append(
            go.Scatter(
                x=[-zone, zone, zone, -zone, -zone],
                y=[0, 0, _TOP, _TOP, 0],
                mode="lines",
                fill="toself",
                fillcolor=CONE,
                line={"width": 0},
                hoverinfo="skip",
                name=phone_label(f"dead zone |a| ≤ {bound}: while a is in here, w* = 0"),
            )
        )
    traces += [
        go.Scatter(
            x=[a, a],
            y=[0.0, _TOP],
            mode="lines",
            name=f"a = {a:g}",
            line={"color": CONTOUR, "width": 1.5},
        ),
        go.Scatter(
            x=problem.w,
            y=problem.data,
            name="data term ½(w − a)²",
            line={"color": CONTOUR, "dash": "dot", "width": 2},
        ),
        go.Scatter(
            x=problem.w,
            y=problem.penalty_values,
            name=f"penalty, λ = {lam:g}",
            line={"color": style.colour, "dash": "dash", "width": 2},
        ),
        go.Scatter(
            x=problem.w,
            y=problem.data + problem.penalty_values,
            name="sum: what is minimised",
            line={"color": INK, "width": 3},
        ),
        go.Scatter(
            x=[best],
            y=[problem.minimum],
            mode="markers",
            name=f"minimiser w* = {best:.4g}",
            marker={
                "symbol": style.marker,
                "size": 15,
                "color": style.colour,
                "line": {"width": 2, "color": PAPER},
            },
        ),
    ]
    title = "w* = 0 exactly" if best == 0.0 else f"w* = {best:.3g}, not zero"
    layout = base_layout(
        title, height, xaxis=axis_style("w"), yaxis=axis_style("", range=[0, _TOP])
    )
    # A fixed band for up to six legend rows keeps the L1 and L2 plots aligned.
    layout["margin"].update(b=175, autoexpand=False)
    return go.Figure(data=traces, layout=layout)


def units_figure(lam: float, scale: float, height: int = 360) -> go.Figure:
    """The same penalties with w in other units (w_new = s w): the crossover moves to s.

    The penalty weights are converted with the units, ``lam |w| = (lam / s) |w_new|``
    and ``lam w^2 = (lam / s^2) w_new^2``, so these are the same two functions of the
    same weight, only on another axis.
    """
    w_new = np.linspace(-3.0 * scale, 3.0 * scale, 601)
    l1 = (lam / scale) * np.abs(w_new)
    l2 = (lam / scale**2) * w_new**2
    top = float(max(l1.max(), l2.max()))
    l1_style, l2_style = REGION_STYLES["l1"], REGION_STYLES["l2"]
    traces = [
        go.Scatter(
            x=[-1, 1, 1, -1, -1],
            y=[0, 0, top, top, 0],
            mode="lines",
            fill="toself",
            fillcolor=CONE,
            line={"width": 0},
            hoverinfo="skip",
            name=phone_label("|w_new| < 1: where the usual argument says w² < |w|"),
        ),
        go.Scatter(x=w_new, y=l1, name="L1 penalty", line={"color": l1_style.colour, "width": 3}),
        go.Scatter(
            x=w_new,
            y=l2,
            name="L2 penalty",
            line={"color": l2_style.colour, "dash": l2_style.dash, "width": 3},
        ),
        go.Scatter(
            x=[-scale, scale],
            y=[lam, lam],
            mode="markers",
            name=phone_label(f"where they really cross: |w_new| = s = {scale:g}"),
            marker={"symbol": "x", "size": 13, "color": INK},
        ),
    ]
    layout = base_layout(
        (
            f"In units s = {scale:g}: the crossover sits at |w_new| = {scale:g}, not 1"
            if scale != 1.0
            else "In these units the penalties cross at |w| = 1: change the units"
        ),
        height,
        xaxis=axis_style("w_new = s·w"),
        yaxis=axis_style("penalty"),
    )
    return go.Figure(data=traces, layout=layout)
