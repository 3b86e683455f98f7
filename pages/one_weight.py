"""One weight: the kink of |w| at zero, the dead zone, the shrinkage operators, the priors."""

import numpy as np
import streamlit as st

from figures.penalties import one_weight_problem_figure, penalty_and_slope_figure, units_figure
from figures.posterior import bayes_figure
from figures.shrinkage import many_weights_figure, shrinkage_figure, zeros_against_lambda_figure
from lessons.questions import units_counterexample
from solvers.bayes import gaussian_map, laplace_map, laplace_posterior_mean
from solvers.shrinkage import one_weight_solution
from studies.one_weight import (
    laplace_posterior,
    many_weights,
    one_weight_problem,
    penalty_curves,
    shrinkage_curves,
)
from ui.frame import page_frame
from ui.url_widgets import url_select, url_slider

# Twelve OLS coefficients of an orthonormal design: a few large effects and a
# tail of small ones, as in most real regressions (chosen by hand, not data).
OLS = np.array([2.6, -2.1, 1.7, 1.2, -0.95, 0.8, 0.55, -0.45, 0.3, 0.2, -0.12, 0.05])

# Figures that do not depend on the data's pull a are kept between reruns: moving
# a (the control a student plays with most) then rebuilds only what a changes.
# cache_resource hands back the same object; st.plotly_chart only reads it.
cached = st.cache_resource(max_entries=256, show_spinner=False)
slopes_figure = cached(lambda lam, ratio: penalty_and_slope_figure(penalty_curves(lam, ratio)))
units_chart = cached(units_figure)
bars_figure = cached(lambda lam, ratio: many_weights_figure(many_weights(OLS, lam, ratio)))
zeros_figure = cached(lambda lam, ratio: zeros_against_lambda_figure(many_weights(OLS, lam, ratio)))

with page_frame("one_weight") as frame:
    if not frame.presenting:  # projected, the lecturer says this
        st.markdown(
            "With one weight the whole story fits on a line. Minimise **½(w − a)² + penalty(w)**: "
            "the data pull *w* towards *a*, the penalty pulls it towards 0. The L1 penalty pulls "
            "with "
            "the same force λ however small *w* already is, so a whole range of data leaves the "
            "answer at exactly 0. The L2 pull fades as *w* shrinks, so it never finishes the job."
        )

    with st.sidebar:
        st.header("Controls")
        a = url_slider(
            "Data's pull a",
            "a",
            min_value=-3.0,
            max_value=3.0,
            default=0.8,
            step=0.05,
            help="The unpenalised optimum: where the data alone would put w.",
        )
        lam = url_slider(
            "Penalty weight λ",
            "lam",
            min_value=0.0,
            max_value=3.0,
            default=1.0,
            step=0.05,
            help="How hard the penalty pulls towards 0.",
        )
        l1_ratio = url_slider(
            "Elastic net's L1 share α",
            "ratio",
            min_value=0.0,
            max_value=1.0,
            default=0.5,
            step=0.05,
            help="The elastic net penalty is λ(α|w| + (1 − α)w²); α is its L1 share.",
        )
        scale = float(
            url_select(
                "Units of w",
                "units",
                {"0.01": "0.01", "0.1": "0.1", "1": "1", "10": "10", "100": "100"},
                default="1",
                help="Measure the weight in other units, w_new = s·w (s = 100: metres to "
                "centimetres).",
            )
        )

    st.header("1. The penalties and their slopes")
    frame.chart(slopes_figure(lam, l1_ratio), "chart_slopes")
    st.caption(
        "Below: the force each penalty exerts towards 0. For L1 it is ±λ right up to w = 0, and at "
        "0 itself the subgradient is the whole interval [−λ, λ] (the green bar): any pull from the "
        "data of size at most λ is balanced there. For L2 the force 2λw shrinks with w and is 0 "
        "at 0."
    )

    st.header("2. One data point, one weight")
    lasso, ridge = (float(one_weight_solution(a, lam, penalty)) for penalty in ("l1", "l2"))
    inside = abs(a) <= lam
    left, right = st.columns(2, gap="medium")
    with left:
        st.badge(
            f"L1: w* = {lasso:.4g}" + (" exactly: |a| ≤ λ" if lasso == 0.0 else ""),
            color="green" if lasso == 0.0 else "orange",
        )
        # Formulas under the charts: their heights differ, and the charts should line up.
        frame.chart(one_weight_problem_figure(one_weight_problem(a, lam, "l1")), "chart_problem_l1")
        st.latex(r"w^* = \operatorname{sign}(a)\,\max(|a| - \lambda,\ 0)")
    with right:
        st.badge(
            f"L2: w* = {ridge:.4g}" + ("" if ridge == 0.0 else ": shrunk, not zero"),
            color="green" if ridge == 0.0 else "orange",
        )
        frame.chart(one_weight_problem_figure(one_weight_problem(a, lam, "l2")), "chart_problem_l2")
        st.latex(r"w^* = \frac{a}{1 + 2\lambda}")
    st.markdown(
        f"Here a = {a:g} and λ = {lam:g}: "
        + (
            f"|a| ≤ λ, so a is **inside the dead zone** and the lasso answer is exactly 0. Ridge "
            f"still gives {ridge:.4g}."
            if inside
            else f"|a| > λ, so the lasso moves a towards 0 by exactly λ, to {lasso:.4g}; "
            f"ridge divides it by 1 + 2λ = {1 + 2 * lam:g}, to {ridge:.4g}."
        )
    )

    st.header("3. The shrinkage operators")
    frame.chart(shrinkage_figure(shrinkage_curves(a, lam, l1_ratio)), "chart_shrinkage")
    st.caption(
        "Each curve is the penalised estimate as a function of the unpenalised one, for an "
        "orthonormal design (every coefficient separately). Soft thresholding (lasso) is flat at 0 "
        "over the whole dead zone; proportional shrinkage (ridge) passes through 0 only at a = 0; "
        "hard thresholding (best subset) keeps or kills; the elastic net does both: threshold, "
        "then shrink."
    )

    st.header("4. Is it because w² < |w| when |w| < 1?")
    frame.chart(units_chart(lam, scale), "chart_units")
    new_lasso = float(one_weight_solution(a * scale, lam * scale, "l1"))
    st.markdown(
        "The usual argument: *for |w| < 1, w² is smaller than |w|, so L2 punishes small weights "
        "less and lets them live.* The real reason is the kink: the slope of w² is 0 at 0, so "
        "its pull fades as w shrinks, while |w| keeps a slope of ±λ that does not fade and has "
        "the whole interval [−λ, λ] of slopes at 0. Which penalty is larger proves nothing. "
        "Near 0, |w| ≫ w² in any units, and the size comparison can be turned round: "
        f"{units_counterexample()}. The number 1 depends on the units, too. Measure w in units "
        f"s (here s = {scale:g}) and the two penalties cross at |w_new| = s"
        f"{'' if scale == 1.0 else ', not at 1'}, while "
        "the exact zeros do not change at all: in the new units the data pull is "
        f"a·s = {a * scale:g}, the L1 weight is λ·s = {lam * scale:g}, and the lasso answer is "
        f"{new_lasso:.4g} = s × {lasso:.4g}."
    )

    st.header("5. Many weights at once")
    bars, counts = st.columns([3, 2], gap="medium")
    with bars:
        frame.chart(bars_figure(lam, l1_ratio), "chart_bars")
    with counts:
        frame.chart(zeros_figure(lam, l1_ratio), "chart_zeros")
    st.caption(
        "An orthonormal design decouples the coefficients: each one is shrunk by the operator "
        "above, and the lasso sets exactly those with |OLS| ≤ λ to zero."
    )

    st.header("6. The Bayesian reading")
    frame.chart(bayes_figure(laplace_posterior(a, lam)), "chart_bayes")
    mode, mean = laplace_map(a, lam), laplace_posterior_mean(a, lam)
    st.markdown(
        f"Regularisation computes a posterior **mode** (MAP), here with the likelihood "
        f"∝ exp(−½(w − a)²). With the Laplace prior "
        f"(∝ exp(−λ|w|), the L1 penalty) the mode is the lasso answer, **{mode:.4g}**; the "
        f"posterior **mean** under the very same prior is **{mean:.4g}**, which is 0 only when "
        f"a = 0. With the Gaussian prior (∝ exp(−λw²), the L2 penalty) mode and mean coincide: "
        f"{gaussian_map(a, lam):.4g}. Exact zeros come from the posterior mode (MAP) under a "
        "prior with a kink at 0, not from the prior believing that weights are zero: the "
        "Laplace prior puts no mass on w = 0 exactly."
    )
