"""Check yourself: four common confusions, each answered with a figure the student can move."""

import numpy as np
import streamlit as st

from figures.constraint_regions import constraint_figure
from figures.descent import descent_figure
from figures.penalties import units_figure
from geometry import NormBall, QuadraticLoss
from lessons import questions as model
from lessons.constraint_regions import view_limit
from lessons.questions import QUESTIONS, Question
from solvers import solve_constrained, solve_penalized
from solvers.descent import proximal_gradient, subgradient_descent
from ui.frame import PageFrame, page_frame
from ui.registry import PAGE
from ui.url_widgets import url_select, url_slider


def answer(question: Question) -> str | None:
    """The student's answer (kept in the URL too), and the verdict once they chose."""
    choice = url_select("Your answer", question.key, question.choices, default=None, radio=True)
    if choice == question.right:
        st.success(f"Right. {question.why}", icon=":material/check_circle:")
    elif choice is not None:
        st.warning(f"Not quite: look at the figure. {question.why}", icon=":material/lightbulb:")
    return choice


# Each figure depends only on its own question's controls: built once per value, so
# that moving one question's slider does not rebuild the other questions' figures.
# cache_resource hands back the same object; st.plotly_chart only reads it.
cached = st.cache_resource(max_entries=512, show_spinner=False)


@cached
def panel(c: tuple[float, float], cond: float, ball: NormBall) -> object:
    loss = QuadraticLoss.from_shape(c, eigenvalues=(1.0, cond), angle_deg=0.0)
    solution = solve_constrained(loss, ball)
    return constraint_figure(loss, ball, solution, limit=view_limit(loss, 1.0), show_cone=True)


@cached
def ridge_panel(lam: float) -> object:
    """The correlated design's ridge answer at ``lam``, drawn on the circle of its own size."""
    loss = model.CORRELATED_LOSS
    solution = solve_penalized(loss, "l2", lam)
    region = NormBall(2, solution.radius) if solution.radius > 0.0 else None
    return constraint_figure(loss, region, solution, limit=view_limit(loss, 1.0), show_cone=True)


@cached
def descent_panel(step: float) -> object:
    """Subgradient descent against the proximal step on the one-weight lasso, step ``step``."""
    loss, lam = model.DESCENT_LOSS, model.DESCENT_LAM
    start, iterations = [model.DESCENT_START], model.DESCENT_ITERATIONS
    sub = subgradient_descent(loss, lam, step, iterations, start)[:, 0]
    prox = proximal_gradient(loss, lam, step, iterations, start)[:, 0]
    return descent_figure(sub, prox)


@cached
def units_panel(scale: float) -> object:
    """The units question's figure with weights in units ``scale`` times the original."""
    return units_figure(1.0, scale)


@st.fragment
def question_block(frame: PageFrame, number: int, question: Question) -> None:
    """One question with its answer, figure and controls.

    A fragment: moving its controls reruns only this block (the other questions'
    figures and the page around them stay as they are). Its values reach the URL
    as in a full run, and the Copy link button reads them there.
    """
    st.subheader(f"{number}. {question.text}")
    # Keyed so that on a phone the figure (right) comes above the answer (left).
    left, right = st.container(key=f"figure_first_{question.key}").columns([2, 3])
    with left:
        answer(question)
    with right:
        # The figure first, its controls under it: on a projector the first
        # question's figure starts on the first screen.
        figure_slot = st.container()
        if question.key == "q1":
            direction = url_slider(
                "Direction of the centre ŵ (degrees from the w1 axis)",
                "q1_angle",
                min_value=0.0,
                max_value=90.0,
                default=70.0,
                step=5.0,
                fmt="%.0f°",
                help="Round contours, budget 1.",
            )
            distance = url_slider(
                "Distance of the centre |ŵ|",
                "q1_distance",
                min_value=1.5,
                max_value=8.0,
                default=model.EDGE_DISTANCE,
                step=0.5,
                fmt="%.1f",
                help="Edges catch strips of fixed width, corners catch widening wedges: "
                "the farther the centre, the fewer directions meet an edge.",
            )
            angle = np.radians(direction)
            centre = (distance * np.cos(angle), distance * np.sin(angle))
            with figure_slot:
                frame.chart(panel(centre, 1.0, NormBall(1, 1.0)), "question_edge")
            low, high = model.edge_directions(distance)
            st.caption(
                f"At distance {distance:g} the directions strictly between {low:.1f}° and "
                f"{high:.1f}° meet the edge; the others land on a corner."
            )
        elif question.key == "q2":
            step = url_slider(
                "Step size η",
                "q2_step",
                min_value=0.05,
                max_value=0.9,
                default=0.3,
                step=0.05,
                help="The same step for both methods; the exact answer is w = 0.",
            )
            with figure_slot:
                frame.chart(descent_panel(step), "question_descent")
            st.caption(
                f"One weight: loss ½(w − {model.DESCENT_CENTRE:g})², "
                f"λ = {model.DESCENT_LAM:g}, both started at w = {model.DESCENT_START:g}."
            )
            st.page_link(
                PAGE["training"].script,
                label=model.TRAINING_LINK_TEXT,
                icon=":material/model_training:",
            )
        elif question.key == "q3":
            scale = url_slider(
                "Units: w_new = s·w",
                "q3_units",
                min_value=0.1,
                max_value=10.0,
                default=5.0,
                step=0.1,
                fmt="%.1f",
                help="Change the units of w and watch the crossing move.",
            )
            with figure_slot:
                frame.chart(units_panel(scale), "question_units")
        else:
            offset = url_slider(
                "Centre's distance from the w1 axis",
                "q4_offset",
                min_value=0.0,
                max_value=1.0,
                default=0.3,
                step=0.05,
                help="Round contours; 0 puts the centre exactly on the axis.",
            )
            with figure_slot:
                frame.chart(panel((2.0, offset), 1.0, NormBall(2, 1.0)), "question_ridge")
            lam = url_slider(
                "Correlated features: ridge penalty weight λ",
                "q4_lam",
                min_value=0.0,
                max_value=0.1,
                default=0.05,
                step=0.001,
                fmt="%.3f",
                help="Find where w2 changes sign: between two neighbouring steps.",
            )
            frame.chart(ridge_panel(lam), "question_ridge_path")
            w2 = float(solve_penalized(model.CORRELATED_LOSS, "l2", lam).w[1])
            at_zero = float(solve_penalized(model.CORRELATED_LOSS, "l2", model.RIDGE_ZERO).w[1])
            st.caption(
                f"At λ = {lam:g}, w2 = {model.minus_sign(w2, '.3g')}. It changes sign at "
                f"λ* = {model.RIDGE_ZERO:.6g} only (closed form, Cramer's rule); there the "
                f"solver's w2 is {model.minus_sign(at_zero, '.1e')}, zero up to rounding, "
                "since λ* itself is rounded to a double."
            )


with page_frame("questions") as frame:
    if not frame.presenting:
        st.markdown(
            "Choose an answer, then move the control beside each question: the figure shows "
            "whether you were right. Nothing is graded; your answers stay in the link."
        )

    for number, question in enumerate(QUESTIONS.values(), start=1):
        question_block(frame, number, question)
