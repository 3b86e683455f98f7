"""Check yourself: four common confusions, each answered with a figure the student can move."""

from dataclasses import dataclass

import numpy as np
import streamlit as st

from figures.constraint_regions import constraint_figure, view_limit
from figures.descent import descent_figure
from figures.penalties import units_figure
from geometry import NormBall, QuadraticLoss
from solvers import solve_constrained
from solvers.descent import proximal_gradient, subgradient_descent
from ui.frame import page_frame
from ui.url_widgets import url_select, url_slider


@dataclass(frozen=True)
class Question:
    """A question, its choices (key -> text), the right key, and why."""

    key: str
    text: str
    choices: dict[str, str]
    right: str
    why: str


QUESTIONS = {
    "edge": Question(
        "q1",
        "Can the loss ellipse touch the L1 diamond on an edge instead of a corner?",
        {
            "never": "No: the corners always win",
            "edge": "Yes, and then the L1 solution has no zero",
            "circle": "Only when the ellipses are circles",
        },
        "edge",
        "Corners win for a wedge of centre directions, edges for the rest. Turn the centre "
        "towards the diagonal (about 45°) and the ellipse meets an edge: both weights non-zero.",
    ),
    "descent": Question(
        "q2",
        "Does plain (sub)gradient descent on the L1 penalty give exact zeros?",
        {
            "yes": "Yes: L1 always gives exact zeros",
            "prox": "No: its steps jump across 0; a proximal (soft-threshold) step lands on 0",
            "small": "Yes, if the step is small enough",
        },
        "prox",
        "The exact solution is 0, but a subgradient step of size η moves w by about ηλ and "
        "overshoots 0 every time: the iterates hover around 0 at a distance of order ηλ. "
        "Smaller steps only shrink the hovering. The proximal step solves the one-weight "
        "lasso exactly, so it returns 0.0 the moment w enters the dead zone.",
    ),
    "units": Question(
        "q3",
        "Is “|w| > w² when |w| < 1, so L1 punishes small weights harder” the reason for the zeros?",
        {
            "yes": "Yes, that is the reason",
            "no": "No: change the units and the crossing moves, but the zeros do not",
        },
        "no",
        "Measure w in other units (w_new = s·w) and |w| and w² cross at |w_new| = s, anywhere "
        "you like. The exact zeros stay put: they come from the kink of |w| at 0, whose "
        "pull stays λ however small w is.",
    ),
    "ridge": Question(
        "q4",
        "Can L2 regularisation ever put a weight at exactly zero?",
        {
            "never": "Never, under any data",
            "measure_zero": "Only when the pull points exactly along an axis (probability 0)",
            "large": "Yes, once λ is large enough",
        },
        "measure_zero",
        "On the circle the optimum is on an axis only when the loss's pull at that point is "
        "exactly along the axis: for example a centre exactly on the axis with round "
        "contours. Move the centre by any amount off the axis and the zero is gone; no λ, "
        "however large, makes it exact.",
    ),
}


def answer(question: Question) -> str | None:
    """The student's answer (kept in the URL too), and the verdict once they chose."""
    choice = url_select("Your answer", question.key, question.choices, default=None, radio=True)
    if choice == question.right:
        st.success(f"Right. {question.why}", icon=":material/check_circle:")
    elif choice is not None:
        st.warning(f"Not quite: look at the figure. {question.why}", icon=":material/lightbulb:")
    return choice


def panel(c: tuple[float, float], cond: float, ball: NormBall) -> object:
    loss = QuadraticLoss.from_shape(c, eigenvalues=(1.0, cond), angle_deg=0.0)
    solution = solve_constrained(loss, ball)
    return constraint_figure(loss, ball, solution, limit=view_limit(loss, 1.0), show_cone=True)


with page_frame("questions") as frame:
    if not frame.presenting:
        st.markdown(
            "Choose an answer, then move the control beside each question: the figure shows "
            "whether you were right. Nothing is graded; your answers stay in the link."
        )

    for number, question in enumerate(QUESTIONS.values(), start=1):
        st.subheader(f"{number}. {question.text}")
        left, right = st.columns([2, 3])
        with left:
            answer(question)
        with right:
            if question.key == "q1":
                direction = url_slider(
                    "Direction of the centre ŵ (degrees from the w1 axis)",
                    "q1_angle",
                    min_value=0.0,
                    max_value=90.0,
                    default=70.0,
                    step=5.0,
                    fmt="%.0f°",
                    help="The centre sits at distance 2 in this direction; round contours.",
                )
                angle = np.radians(direction)
                centre = (2.0 * np.cos(angle), 2.0 * np.sin(angle))
                frame.chart(panel(centre, 1.0, NormBall(1, 1.0)), "question_edge")
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
                # One weight, loss ½(w − 0.6)², λ = 1: the data sit in the dead zone.
                loss = QuadraticLoss(center=np.array([0.6]), hessian=np.array([[1.0]]))
                sub = subgradient_descent(loss, 1.0, step, 40, [2.0])[:, 0]
                prox = proximal_gradient(loss, 1.0, step, 40, [2.0])[:, 0]
                frame.chart(descent_figure(sub, prox), "question_descent")
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
                frame.chart(units_figure(1.0, scale), "question_units")
            else:
                offset = url_slider(
                    "Centre's distance from the w1 axis",
                    "q4_offset",
                    min_value=0.0,
                    max_value=1.0,
                    default=0.3,
                    step=0.05,
                    help="0 puts the centre exactly on the axis.",
                )
                frame.chart(panel((2.0, offset), 1.0, NormBall(2, 1.0)), "question_ridge")
