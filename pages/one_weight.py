"""One weight: the kink of |w| at zero, the dead zone, the shrinkage operators, the priors."""

import streamlit as st

from figures.penalties import units_figure
from figures.shrinkage import many_weights_figure, zeros_against_lambda_figure
from lessons import one_weight as lesson
from ui.frame import page_frame
from ui.one_weight_figure import apply_release, chart_key, one_weight_figure
from ui.url_widgets import choice, slider

# Figures that do not depend on the data's pull a are kept between reruns: moving
# a (the control a student plays with most) then rebuilds only what a changes.
# cache_resource hands back the same object; st.plotly_chart only reads it.
cached = st.cache_resource(max_entries=256, show_spinner=False)
units_chart = cached(units_figure)
bars_figure = cached(lambda lam, ratio: many_weights_figure(lesson.coefficients(lam, ratio)))
zeros_figure = cached(
    lambda lam, ratio: zeros_against_lambda_figure(lesson.coefficients(lam, ratio))
)

with page_frame("one_weight") as frame:
    if not frame.presenting:  # projected, the lecturer says this
        st.markdown(lesson.INTRO)
    for panel in lesson.LIVE_CHARTS:  # a state set in the session (the charts' own release
        apply_release(chart_key(panel))  # runs in their callbacks, before this script)

    with st.sidebar:
        st.header("Controls")
        a, lam, l1_ratio = (slider(spec) for spec in (lesson.PULL, lesson.LAM, lesson.RATIO))
        scale = float(choice(lesson.UNITS))
    answers = lesson.answers(a, lam)

    def live_chart(panel: str) -> None:
        """A chart the browser redraws while a or λ is dragged (live/one_weight)."""
        payload = lesson.live_payload(
            panel, answers, l1_ratio, presenting=frame.presenting, dark=frame.dark
        )
        one_weight_figure(payload)

    st.header("1. The penalties and their slopes")
    live_chart("penalties")
    st.caption(lesson.SLOPES_CAPTION)

    st.header("2. One data point, one weight")
    left, right = st.columns(2, gap="medium")
    with left:
        text, colour = lesson.lasso_badge(answers)
        st.badge(text, color=colour)
        # Formulas under the charts: their heights differ, and the charts should line up.
        live_chart("problem_l1")
        st.latex(r"w^* = \operatorname{sign}(a)\,\max(|a| - \lambda,\ 0)")
    with right:
        text, colour = lesson.ridge_badge(answers)
        st.badge(text, color=colour)
        live_chart("problem_l2")
        st.latex(r"w^* = \frac{a}{1 + 2\lambda}")
    st.markdown(lesson.dead_zone_sentence(answers))

    st.header("3. The shrinkage operators")
    live_chart("shrinkage")
    st.caption(lesson.SHRINKAGE_CAPTION)

    st.header("4. Is it because w² < |w| when |w| < 1?")
    frame.chart(units_chart(lam, scale), "chart_units")
    st.markdown(lesson.units_sentence(answers, scale))

    st.header("5. Many weights at once")
    bars, counts = st.columns([3, 2], gap="medium")
    with bars:
        frame.chart(bars_figure(lam, l1_ratio), "chart_bars")
    with counts:
        frame.chart(zeros_figure(lam, l1_ratio), "chart_zeros")
    st.caption(lesson.MANY_WEIGHTS_CAPTION)

    st.header("6. The Bayesian reading")
    live_chart("posterior")
    st.markdown(lesson.bayes_sentence(answers))
