"""The numbers the Check yourself answers quote, computed from the geometry and closed forms.

The directions of the centre that reach an edge of the L1 diamond (round
contours), the one-weight problem the descent question runs, and the
correlated design whose ridge path crosses zero at a single penalty weight.
"""

from __future__ import annotations

import math

import numpy as np

from geometry import QuadraticLoss
from geometry.validation import read_only
from solvers import solve_penalized
from studies.ridge import ridge_zero_lambda

__all__ = [
    "CORRELATED_CENTRE",
    "CORRELATED_HESSIAN",
    "CORRELATED_LOSS",
    "DESCENT_CENTRE",
    "DESCENT_ITERATIONS",
    "DESCENT_LAM",
    "DESCENT_LOSS",
    "DESCENT_START",
    "EDGE_DISTANCE",
    "EDGE_FAR",
    "RIDGE_ZERO",
    "edge_directions",
    "prox_lands_on_zero",
    "ridge_w2",
]

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


# --- 4. A ridge zero is a single point --------------------------------------------------

# Correlated features: the ridge path of w2 changes sign, so it is 0 at one lambda.
CORRELATED_HESSIAN = np.array([[1.0, 0.9], [0.9, 1.0]])
CORRELATED_CENTRE = np.array([1.0, -0.2])
read_only(CORRELATED_HESSIAN, CORRELATED_CENTRE)  # shared by every session
CORRELATED_LOSS = QuadraticLoss(center=CORRELATED_CENTRE, hessian=CORRELATED_HESSIAN)
RIDGE_ZERO = ridge_zero_lambda(CORRELATED_LOSS, 1)


def ridge_w2(lam: float) -> float:
    """The correlated design's ridge weight w2 at penalty weight ``lam`` (exact)."""
    return float(solve_penalized(CORRELATED_LOSS, "l2", lam).w[1])
