"""Every sentence of the Check yourself page: the questions, their choices, answers, captions.

The numbers quoted come from ``lessons.questions.model``; the units
counterexample is the One weight lesson's (``lessons.one_weight``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from lessons.one_weight import units_counterexample
from lessons.questions.model import (
    CORRELATED_CENTRE,
    CORRELATED_HESSIAN,
    DESCENT_CENTRE,
    DESCENT_LAM,
    DESCENT_START,
    EDGE_DISTANCE,
    EDGE_FAR,
    RIDGE_ZERO,
    edge_directions,
    ridge_w2,
)

__all__ = [
    "INTRO",
    "PROMPTS",
    "TRAINING_LINK_TEXT",
    "Prompt",
    "descent_caption",
    "descent_why",
    "edge_caption",
    "edge_why",
    "minus_sign",
    "ridge_caption",
    "ridge_why",
    "units_why",
]

INTRO = (
    "Choose an answer, then move the control beside each question: the figure shows "
    "whether you were right. Nothing is graded; your answers stay in the link."
)


def minus_sign(value: float, spec: str = "g") -> str:
    """``value`` formatted with ``spec``, with a true minus sign."""
    return format(value, spec).replace("-", "−")


def _degrees(interval: tuple[float, float]) -> str:
    low, high = interval
    return f"between {low:.0f}° and {high:.0f}°"


def _matrix(h: np.ndarray) -> str:
    return "[[" + "], [".join(", ".join(minus_sign(x) for x in row) for row in h) + "]]"


@dataclass(frozen=True)
class Prompt:
    """A question as the student reads it: its text and its choices (key -> text)."""

    text: str
    choices: dict[str, str]


PROMPTS: dict[str, Prompt] = {
    "edge": Prompt(
        "Can the loss ellipse touch the L1 diamond on an edge instead of a corner?",
        {
            "never": "No: the corners always win",
            "edge": "Yes, and then the L1 solution has no zero",
            "circle": "Only when the ellipses are circles",
        },
    ),
    "descent": Prompt(
        "Does plain (sub)gradient descent on the L1 penalty give exact zeros?",
        {
            "yes": "Yes: L1 always gives exact zeros",
            "prox": "No: its steps jump across 0; a proximal (soft-threshold) step lands on 0",
            "small": "Yes, if the step is small enough",
        },
    ),
    "units": Prompt(
        "Is “|w| > w² when |w| < 1, so L1 punishes small weights harder” the reason for the zeros?",
        {
            "yes": "Yes, that is the reason",
            "no": "No: the zeros come from the kink of |w| at 0, not from which penalty is larger",
        },
    ),
    "ridge": Prompt(
        "Can L2 regularisation ever put a weight at exactly zero?",
        {
            "never": "Never, under any data",
            "measure_zero": "Only by coincidence: the data must satisfy one exact equation "
            "(probability 0 at any fixed λ)",
            "large": "Yes, once λ is large enough",
        },
    ),
}


# --- captions under the figures, from the question's slider values (by key) ---------------


def edge_caption(values: Mapping[str, float]) -> str:
    """Question 1: which directions meet the edge at the chosen distance."""
    distance = values["q1_distance"]
    low, high = edge_directions(distance)
    return (
        f"At distance {distance:g} the directions strictly between {low:.1f}° and "
        f"{high:.1f}° meet the edge; the others land on a corner."
    )


def descent_caption(values: Mapping[str, float]) -> str:
    """Question 2: the problem both methods run."""
    return (
        f"One weight: loss ½(w − {DESCENT_CENTRE:g})², "
        f"λ = {DESCENT_LAM:g}, both started at w = {DESCENT_START:g}."
    )


def ridge_caption(values: Mapping[str, float]) -> str:
    """Question 4: w2 at the chosen λ, and where it changes sign."""
    lam = values["q4_lam"]
    w2, at_zero = ridge_w2(lam), ridge_w2(RIDGE_ZERO)
    return (
        f"At λ = {lam:g}, w2 = {minus_sign(w2, '.3g')}. It changes sign at "
        f"λ* = {RIDGE_ZERO:.6g} only (closed form, Cramer's rule); there the "
        f"solver's w2 is {minus_sign(at_zero, '.1e')}, zero up to rounding, "
        "since λ* itself is rounded to a double."
    )


# --- the answers ---------------------------------------------------------------------------


def edge_why() -> str:
    """Question 1's answer: corners catch widening wedges, edges fixed strips."""
    near, far = edge_directions(EDGE_DISTANCE), edge_directions(EDGE_FAR)
    return (
        "Take round contours and the budget 1. The centres whose optimum is a corner fill "
        "wedges with their tips at the corners, between the normals of the two edges that "
        "meet there. The centres whose optimum lies inside an edge fill a strip as wide as "
        "the edge, perpendicular to it (|ŵ1 − ŵ2| < 1 for the edge w1 + w2 = 1). So which "
        "directions hit an edge, leaving both weights non-zero, depends on how far the "
        f"centre is: at distance {EDGE_DISTANCE:g} the directions {_degrees(near)}, at "
        f"distance {EDGE_FAR:g} only those {_degrees(far)}. Far from the diamond the corners "
        "catch almost every direction, because the wedges widen and the strips do not."
    )


def descent_why() -> str:
    """Question 2's answer: subgradient steps jump across 0, proximal steps land on it."""
    below, above = DESCENT_LAM - DESCENT_CENTRE, DESCENT_LAM + DESCENT_CENTRE
    return (
        f"The exact answer is 0, since the loss's slope at 0 is {DESCENT_CENTRE:g} in size, "
        f"less than λ = {DESCENT_LAM:g}. A subgradient step lands on 0 only by coincidence "
        "and cannot stay there (at 0 its subgradient sign(0) = 0 leaves the loss's slope, "
        f"which moves it off again): just above 0 it moves w down by about {below:g}η, just "
        f"below 0 up by about {above:g}η, so the iterates keep jumping across 0 at a distance "
        "of order η. Smaller steps only shrink the jumps. The proximal step takes the "
        "gradient step on the loss, then soft-thresholds: it returns exactly 0.0 whenever the "
        "point after the gradient step lies within ηλ of 0, wherever w was before. Because the "
        f"zero here is strict (|∇L(0)| = {DESCENT_CENTRE:g} < λ), the proximal iterates reach "
        "0 after finitely many steps and stay there. Identifying a zero in finitely many "
        "steps is guaranteed under this strict complementarity, |∇ⱼL(w*)| < λ: at "
        "|∇ⱼL(w*)| = λ the iterates can, in exact "
        "arithmetic, approach 0 without ever reaching it."
    )


def units_why() -> str:
    """Question 3's answer: the kink makes the zeros, not which penalty is larger."""
    return (
        "The zeros come from the slope at 0: w² is flat there, so its pull 2λw fades to "
        "nothing as w shrinks; |w| has a kink, whose pull stays λ however small w is and "
        "which, at 0, absorbs any data pull up to λ. Which penalty is larger decides nothing: "
        f"{units_counterexample()}. The |w| < 1 comparison is weak anyway: near 0, |w| ≫ w² "
        "in any units, and in other units (w_new = s·w) the two cross at |w_new| = s, "
        "anywhere you like."
    )


def ridge_why() -> str:
    """Question 4's answer: a ridge zero needs an exact equation in the data."""
    g = CORRELATED_HESSIAN @ CORRELATED_CENTRE
    return (
        "At a fixed λ the ridge answer w = (H + 2λI)⁻¹Hŵ has a zero only when the data "
        "satisfy one exact equation, for example a centre exactly on an axis with round "
        "contours (first figure): move it by any amount and the zero is gone. So if the data "
        "have a density, a ridge zero has probability 0, while a lasso zero holds on a whole "
        "region of data. Along the ridge path a weight can cross 0: "
        f"with correlated features, H = {_matrix(CORRELATED_HESSIAN)} and ŵ = "
        f"({minus_sign(CORRELATED_CENTRE[0])}, {minus_sign(CORRELATED_CENTRE[1])}), w2 is "
        f"exactly 0 at λ* = {RIDGE_ZERO:.6g} and at no other λ (second figure). A large λ "
        "does not make zeros either: as λ grows, w ≈ Hŵ/(2λ), which keeps the signs of "
        f"Hŵ = ({minus_sign(g[0])}, {minus_sign(g[1])})."
    )


# The Training page (url path "training") is being built; the link goes in when it is merged.
TRAINING_LINK_TEXT = "Watch them train: the Training page"
