"""How the budget shrinks as the penalty grows: t(lambda) for the lasso and ridge.

Every penalty weight lambda gives a solution w(lambda), and with it the
budget t = ||w(lambda)|| under which the constrained problem has the same
answer (with KKT multiplier lambda). For the lasso t reaches 0 at the finite
lambda = ||grad L(0)||_inf = ||H c||_inf; for ridge it only tends to 0.

Both curves come from exact paths, not from one solve per grid point: with
``G = H`` and ``b = H c`` the lasso's solution is piecewise linear in lambda
(``solvers.lasso_path``, every breakpoint) and ridge's is
``(H + 2 lambda I)^-1 H c`` from one eigendecomposition
(``solvers.penalized_paths.ridge_path``). The Constraint regions page draws
these on every move of the loss; 160 exact solves took most of its rerun.
"""

from __future__ import annotations

import math

import numpy as np

from geometry import QuadraticLoss
from solvers.lasso_path import lasso_path
from solvers.penalized_paths import ridge_path

__all__ = ["MIN_LAMBDA_RANGE", "budget_curves", "lambda_range", "lasso_end"]

_POINTS = 80


def budget_curves(loss: QuadraticLoss, lam_max: float) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """The equivalent budget along a lambda grid, exact at every point.

    Parameters
    ----------
    loss : QuadraticLoss
        The loss.
    lam_max : float
        Right end of the lambda grid (``lambda_range`` gives one).

    Returns
    -------
    dict
        ``{"l1": (lams, ||w(lam)||_1), "l2": (lams, ||w(lam)||_2)}``.
    """
    lams = np.linspace(0.0, lam_max, _POINTS)
    gram, pull = loss.hessian, loss.linear_term
    lasso = lasso_path(gram, pull).at(lams)
    ridge = ridge_path(gram, pull, lams).coefs
    return {
        "l1": (lams, np.sum(np.abs(lasso), axis=1)),
        "l2": (lams, np.linalg.norm(ridge, axis=1)),
    }


MIN_LAMBDA_RANGE = 1e-3  # the narrowest lambda axis drawn


def lasso_end(loss: QuadraticLoss) -> float:
    """The smallest lambda at which the lasso gives w = 0: ``||grad L(0)||_inf = ||H c||_inf``."""
    return float(np.max(np.abs(loss.linear_term)))


def lambda_range(loss: QuadraticLoss, marks: list[tuple[str, float, float]]) -> float:
    """Right end of the lambda axis: past the lasso's end and the marks, rounded up to 1-2-5.

    Rounding makes the range (and so a cached set of curves) change in steps, not
    with every movement of a slider.

    Parameters
    ----------
    loss : QuadraticLoss
        The loss.
    marks : list of (penalty, lambda, t)
        Points that must be in view.
    """
    needed = 1.15 * max([lasso_end(loss)] + [lam for _, lam, _ in marks])
    # A centre at (or a subnormal step from) 0 needs no lambda at all; the axis still
    # needs a width, and 10**floor(log10(x)) would underflow to 0 for x near 5e-324.
    needed = max(needed, MIN_LAMBDA_RANGE)
    decade = 10.0 ** math.floor(math.log10(needed))
    return float(next(m * decade for m in (1.0, 2.0, 5.0, 10.0) if m * decade >= needed))
