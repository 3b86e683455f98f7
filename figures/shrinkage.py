"""One weight, the estimates: shrinkage operators, many coefficients, zeros against lambda.

For an orthonormal design every coefficient solves its own one-weight problem
``0.5 (w - a)^2 + penalty(w)``, so these figures are ESL's table 3.4 made
interactive. They draw what ``studies.one_weight`` computed.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from figures.names import elastic_net_operator
from figures.style import (
    BAR_GREY,
    CONE,
    CONTOUR,
    GREY,
    INK,
    PAPER,
    PURPLE,
    REGION_STYLES,
    axis_style,
    base_layout,
)
from figures.titles import phone_label
from studies.one_weight import SPAN, ManyWeights, ShrinkageCurves

__all__ = ["many_weights_figure", "shrinkage_figure", "zeros_against_lambda_figure"]

_NAMES = {"l1": "lasso", "l2": "ridge", "elasticnet": "elastic net"}
_AXIS_BAND = 55  # px under the plot: the a ticks and title
_LEGEND_BAND = 205  # px under those: the legend's ten lines


def shrinkage_figure(curves: ShrinkageCurves, height: int = 460 + _LEGEND_BAND) -> go.Figure:
    """ESL table 3.4 made interactive: w*(a) for each penalty, the lasso's dead zone shaded.

    Parameters
    ----------
    curves : ShrinkageCurves
        ``studies.one_weight.shrinkage_curves(a, lam, l1_ratio)``; its pull a
        is marked on the lasso's curve.
    height : int
        Figure height in pixels.
    """
    lam = curves.lam
    a, lasso_at_a = curves.pull, curves.lasso_at_pull
    styles = REGION_STYLES
    traces = [
        go.Scatter(
            x=[-lam, lam, lam, -lam, -lam],
            y=[-SPAN, -SPAN, SPAN, SPAN, -SPAN],
            mode="lines",
            fill="toself",
            fillcolor=CONE,
            line={"width": 0},
            hoverinfo="skip",
            name="lasso's dead zone |a| ≤ λ: w* = 0 exactly",
        ),
        go.Scatter(
            x=curves.a,
            y=curves.a,
            name="no penalty: w* = a (OLS)",
            line={"color": CONTOUR, "dash": "dot", "width": 2},
        ),
        go.Scatter(
            x=curves.a,
            y=curves.estimates["l1"],
            name="lasso: sign(a)(|a| − λ)₊",
            line={"color": styles["l1"].colour, "width": 3.5},
        ),
        go.Scatter(
            x=curves.a,
            y=curves.estimates["l2"],
            name="ridge: a / (1 + 2λ)",
            line={"color": styles["l2"].colour, "dash": styles["l2"].dash, "width": 3},
        ),
        go.Scatter(
            x=curves.a,
            y=curves.estimates["elasticnet"],
            name=phone_label(elastic_net_operator(curves.l1_ratio)),
            line={"color": styles["elasticnet"].colour, "dash": "dashdot", "width": 3},
        ),
        go.Scatter(
            x=curves.hard_a,
            y=curves.hard_w,
            name="best subset (L0 penalty λ·[w ≠ 0]):<br>a·[|a| > √(2λ)]",
            line={"color": PURPLE, "dash": "longdash", "width": 3},
            connectgaps=False,
        ),
        go.Scatter(
            x=[a],
            y=[lasso_at_a],
            mode="markers",
            name=f"lasso at your a = {a:g}: w* = {lasso_at_a:.4g}",
            marker={
                "symbol": styles["l1"].marker,
                "size": 14,
                "color": styles["l1"].colour,
                "line": {"width": 2, "color": PAPER},
            },
        ),
    ]
    layout = base_layout(
        "Shrinkage operators for an orthonormal design (after ESL table 3.4)",
        height,
        # constrain="domain": equal aspect by shrinking the wider side of the plot, not
        # by widening its range (a wide figure showed a to ±8 with curves to ±3); on the
        # left, above the legend.
        xaxis=axis_style(
            "a: the unpenalised estimate",
            range=[-SPAN, SPAN],
            constrain="domain",
            constraintoward="left",
        ),
        yaxis=axis_style(
            "w*: the penalised estimate",
            range=[-SPAN, SPAN],
            scaleanchor="x",
            scaleratio=1,
            constrain="domain",
        ),
    )
    # The legend in a column under the square plot: beside it, on a phone it took the
    # plot's width. Its band holds the ten lines of the seven entries.
    layout["legend"] = {
        "orientation": "v",
        "x": 0.0,
        "yref": "container",
        "y": 0.0,
        "yanchor": "bottom",
        "font": {"size": 12},
    }
    layout["margin"].update(r=10, b=_AXIS_BAND + _LEGEND_BAND)
    return go.Figure(data=traces, layout=layout)


def many_weights_figure(weights: ManyWeights, height: int = 420) -> go.Figure:
    """OLS coefficients beside the lasso, ridge and elastic-net ones; the lasso's zeros marked."""
    ols = weights.ols
    index = np.arange(1, ols.size + 1)
    traces = [
        go.Bar(
            x=index,
            y=ols,
            name="OLS",
            marker={"color": BAR_GREY, "line": {"color": GREY, "width": 1.5}},
        )
    ]
    zeros = {}
    for penalty, values in weights.estimates.items():
        zeros[penalty] = int(np.count_nonzero(values == 0.0))
        name = _NAMES[penalty] + (f" (α = {weights.l1_ratio:g})" if penalty == "elasticnet" else "")
        traces.append(
            go.Bar(
                x=index,
                y=values,
                name=f"{name}: {zeros[penalty]} exact zeros",
                marker={"color": REGION_STYLES[penalty].colour, "line": {"width": 0}},
            )
        )
    exact = index[weights.estimates["l1"] == 0.0]
    traces.append(
        go.Scatter(
            x=exact - 0.1,
            y=np.zeros(exact.size),
            mode="markers",
            name="lasso weight exactly 0",
            marker={"symbol": "x", "size": 10, "color": REGION_STYLES["l1"].colour},
        )
    )
    # Ridge zeroes exactly the coefficients whose OLS value is already 0.
    ridge = "none" if zeros["l2"] == 0 else f"only the {zeros['l2']} already 0"
    title = f"At λ = {weights.lam:g} the lasso zeroes {exact.size} of {ols.size} weights"
    layout = base_layout(
        f"{title}; ridge {ridge}",
        height,
        barmode="group",
        xaxis=axis_style("coefficient", dtick=1),
        yaxis=axis_style("value"),
    )
    return go.Figure(data=traces, layout=layout)


def zeros_against_lambda_figure(weights: ManyWeights, height: int = 420) -> go.Figure:
    """How many exact zeros each penalty makes as lambda grows (step functions, drawn exactly)."""
    styles = REGION_STYLES
    size = weights.ols.size
    ridge = "never (only where OLS is 0)"
    traces = [
        go.Scatter(
            x=weights.lams,
            y=weights.zero_counts["l1"],
            name="lasso",
            line={"color": styles["l1"].colour, "width": 3, "shape": "hv"},
        ),
        go.Scatter(
            x=weights.lams,
            y=weights.zero_counts["elasticnet"],
            name=f"elastic net (α = {weights.l1_ratio:g})",
            line={
                "color": styles["elasticnet"].colour,
                "width": 3,
                "dash": "dashdot",
                "shape": "hv",
            },
        ),
        go.Scatter(
            x=weights.lams,
            y=weights.zero_counts["l2"],
            name=f"ridge: {ridge}",
            line={"color": styles["l2"].colour, "width": 3, "dash": "dash", "shape": "hv"},
        ),
        go.Scatter(
            x=[weights.lam, weights.lam],
            y=[0, size],
            mode="lines",
            name=f"λ = {weights.lam:g}",
            line={"color": INK, "width": 1.5, "dash": "dot"},
        ),
    ]
    layout = base_layout(
        "Exact zeros against λ",
        height,
        xaxis=axis_style("λ"),
        yaxis=axis_style("number of exact zeros", range=[-0.3, size + 0.3]),
    )
    return go.Figure(data=traces, layout=layout)
