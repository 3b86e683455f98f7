"""Figures for the one-weight lesson: penalties, slopes, the 1-D problem, shrinkage, priors."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from figures.style import (
    AXIS_HIGHLIGHT,
    CONE,
    CONTOUR,
    INK,
    L1_STYLE,
    L2_STYLE,
    axis_style,
    base_layout,
)
from solvers.bayes import (
    gaussian_prior_density,
    laplace_map,
    laplace_posterior_density,
    laplace_posterior_mean,
    laplace_prior_density,
)
from solvers.shrinkage import (
    elastic_net_shrink,
    hard_threshold,
    one_weight_solution,
    penalty_value,
    ridge_shrink,
    soft_threshold,
)

EN_COLOUR = "#56B4E9"
L0_COLOUR = "#CC79A7"
_SPAN = 3.0  # w and a run over [-3, 3]
_POINTS = 601


def penalty_and_slope_figure(lam: float, l1_ratio: float, height: int = 520) -> go.Figure:
    """Penalties (top) and their slopes (bottom).

    L1's slope is ±lam right down to 0 and the whole interval [-lam, lam] at 0;
    L2's slope fades linearly to 0. Two stacked axes sharing w, built in one
    construction (Plotly's subplot helpers re-validate on every call).
    """
    w = np.linspace(-_SPAN, _SPAN, _POINTS)
    a = l1_ratio
    curves = (
        ("l1", L1_STYLE.colour, "solid", "L1: λ|w|"),
        ("l2", L2_STYLE.colour, "dash", "L2: λw²"),
        ("elasticnet", EN_COLOUR, "dashdot", f"elastic net (a={a:g})"),
    )
    # Slopes. L1 and the elastic net jump at 0: draw the jump as the vertical
    # segment it is (the subgradient interval), not as a steep line.
    left, right = w[w < 0], w[w > 0]
    jumps = {"l1": lam, "elasticnet": a * lam}
    slope_of = {
        "l1": lambda x: lam * np.sign(x),
        "l2": lambda x: 2 * lam * x,
        "elasticnet": lambda x: lam * (a * np.sign(x) + 2 * (1 - a) * x),
    }
    traces = []
    for penalty, colour, dash, name in curves:
        line = {"color": colour, "dash": dash, "width": 3}
        traces.append(
            go.Scatter(
                x=w,
                y=penalty_value(w, lam, penalty, a),
                name=name,
                legendgroup=penalty,
                line=line,
                xaxis="x",
                yaxis="y",
            )
        )
        if penalty in jumps:
            x = np.concatenate([left, [0.0, 0.0], right])
            y = np.concatenate(
                [
                    slope_of[penalty](left),
                    [-jumps[penalty], jumps[penalty]],
                    slope_of[penalty](right),
                ]
            )
        else:
            x, y = w, slope_of[penalty](w)
        traces.append(
            go.Scatter(
                x=x, y=y, showlegend=False, legendgroup=penalty, line=line, xaxis="x2", yaxis="y2"
            )
        )
    traces.append(
        go.Scatter(
            x=[0.0, 0.0],
            y=[-lam, lam],
            mode="lines",
            xaxis="x2",
            yaxis="y2",
            opacity=0.6,
            name=f"L1 subgradient at 0: [−λ, λ] = [{-lam:.3g}, {lam:.3g}]",
            line={"color": AXIS_HIGHLIGHT, "width": 9},
        )
    )
    layout = base_layout(
        "The L1 slope stays λ all the way to 0; the L2 slope fades",
        height,
        xaxis=axis_style("", anchor="y", matches="x2", showticklabels=False),
        yaxis=axis_style("penalty", domain=[0.56, 1.0]),
        xaxis2=axis_style("w", anchor="y2"),
        yaxis2=axis_style("slope", domain=[0.0, 0.44]),
    )
    return go.Figure(data=traces, layout=layout)


def one_weight_problem_figure(
    a: float, lam: float, penalty: str, l1_ratio: float = 0.5, height: int = 460
) -> go.Figure:
    """Data term, penalty and their sum along w, with the exact minimiser marked.

    For L1 the dead zone |a| <= lam is shaded on the same axis (the data term's
    own minimum is at w = a, drawn as a vertical line).
    """
    w = np.linspace(-_SPAN, _SPAN, _POINTS)
    w = np.union1d(w, [0.0])
    data = 0.5 * (w - a) ** 2
    pen = penalty_value(w, lam, penalty, l1_ratio)
    best = float(one_weight_solution(a, lam, penalty, l1_ratio))
    colour = L1_STYLE.colour if penalty == "l1" else L2_STYLE.colour
    traces = [
        go.Scatter(
            x=w,
            y=data,
            name="data term ½(w − a)²",
            line={"color": CONTOUR, "dash": "dot", "width": 2},
        ),
        go.Scatter(x=w, y=pen, name="penalty", line={"color": colour, "dash": "dash", "width": 2}),
        go.Scatter(
            x=w, y=data + pen, name="sum: what is minimised", line={"color": INK, "width": 3}
        ),
        go.Scatter(
            x=[best],
            y=[0.5 * (best - a) ** 2 + float(penalty_value(best, lam, penalty, l1_ratio))],
            mode="markers",
            name=f"minimiser w* = {best:.4g}",
            marker={
                "symbol": "diamond" if penalty == "l1" else "circle",
                "size": 15,
                "color": colour,
                "line": {"width": 2, "color": "white"},
            },
        ),
    ]
    # Where the data's pull a sits, and (for L1) the dead zone it must leave
    # before the answer can move off 0: the data term's minimum is at w = a.
    traces.insert(
        0,
        go.Scatter(
            x=[a, a],
            y=[0.0, 4.5],
            mode="lines",
            name=f"a = {a:g}",
            line={"color": CONTOUR, "width": 1.5},
        ),
    )
    if penalty == "l1":
        traces.insert(
            0,
            go.Scatter(
                x=[-lam, lam, lam, -lam, -lam],
                y=[0, 0, 4.5, 4.5, 0],
                mode="lines",
                fill="toself",
                fillcolor=CONE,
                line={"width": 0},
                hoverinfo="skip",
                name="dead zone: while a is in here, w* = 0",
            ),
        )
    title = "w* = 0 exactly" if best == 0.0 else f"w* = {best:.3g}, not zero"
    layout = base_layout(title, height, xaxis=axis_style("w"), yaxis=axis_style("", range=[0, 4.5]))
    # A fixed band for up to six legend rows keeps the L1 and L2 plots aligned.
    layout["margin"] = {"l": 60, "r": 15, "t": 60, "b": 175, "autoexpand": False}
    return go.Figure(data=traces, layout=layout)


def shrinkage_figure(a: float, lam: float, l1_ratio: float, height: int = 460) -> go.Figure:
    """ESL table 3.4 made interactive: w*(a) for each penalty, the dead zone shaded."""
    grid = np.union1d(np.linspace(-_SPAN, _SPAN, _POINTS), [-lam, lam])
    threshold = np.sqrt(2 * lam)
    hard_grid = np.union1d(grid, [-threshold, threshold])
    traces = [
        go.Scatter(
            x=[-lam, lam, lam, -lam, -lam],
            y=[-_SPAN, -_SPAN, _SPAN, _SPAN, -_SPAN],
            mode="lines",
            fill="toself",
            fillcolor=CONE,
            line={"width": 0},
            hoverinfo="skip",
            name="lasso's dead zone |a| ≤ λ: w* = 0 exactly",
        ),
        go.Scatter(
            x=grid,
            y=grid,
            name="no penalty: w* = a (OLS)",
            line={"color": CONTOUR, "dash": "dot", "width": 2},
        ),
        go.Scatter(
            x=grid,
            y=soft_threshold(grid, lam),
            name="lasso: sign(a)(|a| − λ)₊",
            line={"color": L1_STYLE.colour, "width": 3.5},
        ),
        go.Scatter(
            x=grid,
            y=ridge_shrink(grid, lam),
            name="ridge: a / (1 + 2λ)",
            line={"color": L2_STYLE.colour, "dash": "dash", "width": 3},
        ),
        go.Scatter(
            x=grid,
            y=elastic_net_shrink(grid, lam, l1_ratio),
            name=f"elastic net: (|a| − aλ)₊ / (1 + 2λ(1 − a)), a = {l1_ratio:g}",
            line={"color": EN_COLOUR, "dash": "dashdot", "width": 3},
        ),
        # Hard thresholding jumps: split at the threshold so the jump is not drawn as a line.
        go.Scatter(
            x=np.where(np.abs(hard_grid) == threshold, np.nan, hard_grid),
            y=hard_threshold(hard_grid, lam),
            name="best subset (L0): a·[|a| > √(2λ)]",
            line={"color": L0_COLOUR, "dash": "longdash", "width": 3},
            connectgaps=False,
        ),
        go.Scatter(
            x=[a],
            y=[float(soft_threshold(a, lam))],
            mode="markers",
            name=f"your a = {a:g}",
            marker={
                "symbol": "diamond",
                "size": 14,
                "color": L1_STYLE.colour,
                "line": {"width": 2, "color": "white"},
            },
        ),
    ]
    layout = base_layout(
        "Shrinkage operators for an orthonormal design (ESL table 3.4)",
        height,
        xaxis=axis_style("a: the unpenalised estimate", range=[-_SPAN, _SPAN]),
        yaxis=axis_style(
            "w*: the penalised estimate", range=[-_SPAN, _SPAN], scaleanchor="x", scaleratio=1
        ),
    )
    layout["legend"] = {"orientation": "v", "x": 1.02, "y": 1.0, "font": {"size": 12}}
    layout["margin"] = {"l": 60, "r": 10, "t": 60, "b": 55}
    return go.Figure(data=traces, layout=layout)


def units_figure(lam: float, scale: float, height: int = 360) -> go.Figure:
    """The same penalties with w in other units (w_new = s w): the crossover moves to s."""
    w_new = np.linspace(-3.0 * scale, 3.0 * scale, _POINTS)
    l1 = (lam / scale) * np.abs(w_new)
    l2 = (lam / scale**2) * w_new**2
    top = float(max(l1.max(), l2.max()))
    traces = [
        go.Scatter(
            x=[-1, 1, 1, -1, -1],
            y=[0, 0, top, top, 0],
            mode="lines",
            fill="toself",
            fillcolor=CONE,
            line={"width": 0},
            hoverinfo="skip",
            name="|w_new| < 1: where the incomplete argument says L2 < L1",
        ),
        go.Scatter(x=w_new, y=l1, name="L1 penalty", line={"color": L1_STYLE.colour, "width": 3}),
        go.Scatter(
            x=w_new,
            y=l2,
            name="L2 penalty",
            line={"color": L2_STYLE.colour, "dash": "dash", "width": 3},
        ),
        go.Scatter(
            x=[-scale, scale],
            y=[lam, lam],
            mode="markers",
            name=f"where they really cross: |w_new| = s = {scale:g}",
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


def many_weights_figure(
    ols: np.ndarray, lam: float, l1_ratio: float, height: int = 420
) -> go.Figure:
    """OLS coefficients beside the lasso, ridge and elastic-net ones; exact zeros marked."""
    index = np.arange(1, ols.size + 1)
    estimates = (
        ("lasso", soft_threshold(ols, lam), L1_STYLE.colour),
        ("ridge", ridge_shrink(ols, lam), L2_STYLE.colour),
        ("elastic net", elastic_net_shrink(ols, lam, l1_ratio), EN_COLOUR),
    )
    traces = [go.Bar(x=index, y=ols, name="OLS", marker={"color": "#BBBBBB"})]
    for name, values, colour in estimates:
        zeros = int(np.count_nonzero(values == 0.0))
        traces.append(
            go.Bar(x=index, y=values, name=f"{name}: {zeros} exact zeros", marker={"color": colour})
        )
    lasso = estimates[0][1]
    exact = index[lasso == 0.0]
    traces.append(
        go.Scatter(
            x=exact - 0.1,
            y=np.zeros(exact.size),
            mode="markers",
            name="lasso weight exactly 0",
            marker={"symbol": "x", "size": 10, "color": L1_STYLE.colour},
        )
    )
    layout = base_layout(
        f"At λ = {lam:g} the lasso zeroes {exact.size} of {ols.size} weights; ridge none",
        height,
        barmode="group",
        xaxis=axis_style("coefficient", dtick=1),
        yaxis=axis_style("value"),
    )
    return go.Figure(data=traces, layout=layout)


def zeros_against_lambda_figure(
    ols: np.ndarray, lam: float, l1_ratio: float, height: int = 420
) -> go.Figure:
    """How many exact zeros each penalty makes as lambda grows (a step function for L1)."""
    # The counts are step functions that change only where lam crosses |ols_i|
    # (lasso) or |ols_i| / a (elastic net): evaluating the operators there, with
    # "hv" steps, draws them exactly.
    end = 1.2 * float(np.abs(ols).max()) + 0.1
    breaks = np.abs(ols)
    if l1_ratio > 0:
        breaks = np.concatenate([breaks, np.abs(ols) / l1_ratio])
    lams = np.union1d([0.0, end], breaks[breaks <= end])
    count = {
        "lasso": [int(np.count_nonzero(soft_threshold(ols, x) == 0.0)) for x in lams],
        "ridge": [int(np.count_nonzero(ridge_shrink(ols, x) == 0.0)) for x in lams],
        "elastic net": [
            int(np.count_nonzero(elastic_net_shrink(ols, x, l1_ratio) == 0.0)) for x in lams
        ],
    }
    traces = [
        go.Scatter(
            x=lams,
            y=count["lasso"],
            name="lasso",
            line={"color": L1_STYLE.colour, "width": 3, "shape": "hv"},
        ),
        go.Scatter(
            x=lams,
            y=count["elastic net"],
            name="elastic net",
            line={"color": EN_COLOUR, "width": 3, "dash": "dashdot", "shape": "hv"},
        ),
        go.Scatter(
            x=lams,
            y=count["ridge"],
            name="ridge: never",
            line={"color": L2_STYLE.colour, "width": 3, "dash": "dash"},
        ),
        go.Scatter(
            x=[lam, lam],
            y=[0, ols.size],
            mode="lines",
            name=f"λ = {lam:g}",
            line={"color": INK, "width": 1.5, "dash": "dot"},
        ),
    ]
    layout = base_layout(
        "Exact zeros against λ",
        height,
        xaxis=axis_style("λ"),
        yaxis=axis_style("number of exact zeros", range=[-0.3, ols.size + 0.3]),
    )
    return go.Figure(data=traces, layout=layout)


def bayes_figure(a: float, lam: float, height: int = 420) -> go.Figure:
    """Priors and the Laplace-prior posterior, with its mode (MAP) and mean marked."""
    w = np.union1d(np.linspace(-_SPAN, _SPAN, _POINTS), [0.0])
    posterior = laplace_posterior_density(w, a, lam)
    mode, mean = laplace_map(a, lam), laplace_posterior_mean(a, lam)
    top = float(max(posterior.max(), laplace_prior_density(0.0, lam), 0.01))
    traces = [
        go.Scatter(
            x=w,
            y=laplace_prior_density(w, lam),
            name="Laplace prior ∝ exp(−λ|w|)",
            line={"color": L1_STYLE.colour, "dash": "dot", "width": 2.5},
        ),
        go.Scatter(
            x=w,
            y=gaussian_prior_density(w, lam),
            name="Gaussian prior ∝ exp(−λw²)",
            line={"color": L2_STYLE.colour, "dash": "dash", "width": 2.5},
        ),
        go.Scatter(
            x=w,
            y=posterior,
            name="posterior (Laplace prior, data a)",
            line={"color": INK, "width": 3},
        ),
        go.Scatter(
            x=[mode, mode],
            y=[0, top * 1.05],
            mode="lines",
            name=f"MAP = lasso = {mode:.4g}",
            line={"color": L1_STYLE.colour, "width": 3},
        ),
        go.Scatter(
            x=[mean, mean],
            y=[0, top * 1.05],
            mode="lines",
            name=f"posterior mean = {mean:.4g}",
            line={"color": "#E69F00", "width": 3, "dash": "dashdot"},
        ),
    ]
    title = (
        "The mode sits at exactly 0; the mean does not"
        if mode == 0.0 and mean != 0.0
        else "Mode and mean of the posterior"
    )
    layout = base_layout(title, height, xaxis=axis_style("w"), yaxis=axis_style("density"))
    return go.Figure(data=traces, layout=layout)


__all__ = [
    "bayes_figure",
    "many_weights_figure",
    "one_weight_problem_figure",
    "penalty_and_slope_figure",
    "shrinkage_figure",
    "units_figure",
    "zeros_against_lambda_figure",
]
