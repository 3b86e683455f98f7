"""The Check yourself page's model: four questions, their answers, and the numbers they quote.

Every number an answer prints is computed here from the geometry or the
solvers' closed forms, never typed: the directions of the centre that reach an
edge of the L1 diamond (round contours), the penalty weight at which a ridge
path crosses zero, the point below which ``1000 w^2`` is the smaller penalty,
and the one-weight problem that the descent question runs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from geometry import QuadraticLoss
from lessons.one_weight import units_counterexample
from studies.ridge import ridge_zero_lambda


@dataclass(frozen=True)
class Question:
    """A question, its choices (key -> text), the right key, and why."""

    key: str
    text: str
    choices: dict[str, str]
    right: str
    why: str


# --- 1. Edges catch strips, corners catch wedges --------------------------------------------


def edge_directions(distance: float, budget: float = 1.0) -> tuple[float, float]:
    """The directions (degrees from the w1 axis) of a centre that land inside an L1 edge.

    For round contours (H = I) the L1-constrained optimum is the Euclidean
    projection of the centre ``c`` onto the diamond ``|w1| + |w2| <= t``. In the
    first quadrant it lands inside the edge ``w1 + w2 = t`` exactly when the foot
    of the perpendicular, ``((c1 - c2 + t) / 2, (c2 - c1 + t) / 2)``, lies strictly
    between the corners: ``|c1 - c2| < t``, a strip as wide as the edge. With
    ``c = r (cos theta, sin theta)`` that is ``|sin(theta - 45 deg)| < t / (sqrt(2) r)``;
    the other directions in [0, 90] degrees land on a corner (the boundary ones
    exactly on it). The strip keeps its width while the circle of radius ``r``
    grows, so the range of edge directions closes in on 45 degrees.

    Parameters
    ----------
    distance : float
        ``r = |c|``, greater than ``budget`` (so that every direction is outside).
    budget : float
        ``t``, the diamond's size.

    Returns
    -------
    (low, high) : tuple of float
        The open interval of directions, in degrees, whose optimum has no zero.
    """
    if not (math.isfinite(budget) and budget > 0.0):
        raise ValueError(f"budget must be positive and finite, got {budget!r}")
    if not (math.isfinite(distance) and distance > budget):
        raise ValueError(f"distance must be finite and greater than budget, got {distance!r}")
    half_width = math.degrees(math.asin(budget / (math.sqrt(2.0) * distance)))
    return 45.0 - half_width, 45.0 + half_width


EDGE_DISTANCE = 2.0  # the figure's centre (the page's default)
EDGE_FAR = 8.0  # a centre far from the diamond: a narrow range of edge directions


def _degrees(interval: tuple[float, float]) -> str:
    low, high = interval
    return f"between {low:.0f}° and {high:.0f}°"


def minus_sign(value: float, spec: str = "g") -> str:
    """``value`` formatted with ``spec``, with a true minus sign."""
    return format(value, spec).replace("-", "−")


# --- 2. Subgradient and proximal steps ---------------------------------------------------


# One weight, loss (1/2)(w - 0.6)^2, lasso weight 1: the data sit in the dead zone.
DESCENT_CENTRE = 0.6
DESCENT_LAM = 1.0
DESCENT_START = 2.0
DESCENT_ITERATIONS = 40
DESCENT_LOSS = QuadraticLoss(center=np.array([DESCENT_CENTRE]), hessian=np.array([[1.0]]))


def prox_lands_on_zero(w: float, step: float, lam: float = DESCENT_LAM) -> bool:
    """Whether a proximal step from ``w`` returns 0: the gradient step ends within eta lam of 0."""
    stepped = w - step * float(DESCENT_LOSS.gradient(np.array([w]))[0])
    return abs(stepped) <= step * lam


# --- 3. Size is not the reason: 1000 w^2 against 0.001 |w| (studies.one_weight) ----------


# --- 4. A ridge zero is a single point --------------------------------------------------

# Correlated features: the ridge path of w2 changes sign, so it is 0 at one lambda.
CORRELATED_HESSIAN = np.array([[1.0, 0.9], [0.9, 1.0]])
CORRELATED_CENTRE = np.array([1.0, -0.2])
CORRELATED_LOSS = QuadraticLoss(center=CORRELATED_CENTRE, hessian=CORRELATED_HESSIAN)


RIDGE_ZERO = ridge_zero_lambda(CORRELATED_LOSS, 1)


def _matrix(h: np.ndarray) -> str:
    return "[[" + "], [".join(", ".join(minus_sign(x) for x in row) for row in h) + "]]"


# --- The questions -----------------------------------------------------------------------


def _edge_why() -> str:
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


def _descent_why() -> str:
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


def _units_why() -> str:
    return (
        "The zeros come from the slope at 0: w² is flat there, so its pull 2λw fades to "
        "nothing as w shrinks; |w| has a kink, whose pull stays λ however small w is and "
        "which, at 0, absorbs any data pull up to λ. Which penalty is larger decides nothing: "
        f"{units_counterexample()}. The |w| < 1 comparison is weak anyway: near 0, |w| ≫ w² "
        "in any units, and in other units (w_new = s·w) the two cross at |w_new| = s, "
        "anywhere you like."
    )


def _ridge_why() -> str:
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

QUESTIONS: dict[str, Question] = {
    "edge": Question(
        "q1",
        "Can the loss ellipse touch the L1 diamond on an edge instead of a corner?",
        {
            "never": "No: the corners always win",
            "edge": "Yes, and then the L1 solution has no zero",
            "circle": "Only when the ellipses are circles",
        },
        "edge",
        _edge_why(),
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
        _descent_why(),
    ),
    "units": Question(
        "q3",
        "Is “|w| > w² when |w| < 1, so L1 punishes small weights harder” the reason for the zeros?",
        {
            "yes": "Yes, that is the reason",
            "no": "No: the zeros come from the kink of |w| at 0, not from which penalty is larger",
        },
        "no",
        _units_why(),
    ),
    "ridge": Question(
        "q4",
        "Can L2 regularisation ever put a weight at exactly zero?",
        {
            "never": "Never, under any data",
            "measure_zero": "Only by coincidence: the data must satisfy one exact equation "
            "(probability 0 at any fixed λ)",
            "large": "Yes, once λ is large enough",
        },
        "measure_zero",
        _ridge_why(),
    ),
}
