"""The independent solver the oracle tests compare against: cvxpy, with tight settings.

A generic solver's default tolerances only reach ~1e-5, so every comparison
uses these: OSQP with eps 1e-12 and polishing for QPs (the L1 ball, the
square), Clarabel with gap and feasibility tolerances 1e-12 for cones.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable

import cvxpy as cp
import numpy as np

from geometry import QuadraticLoss

OSQP_TIGHT = {
    "solver": cp.OSQP,
    "eps_abs": 1e-12,
    "eps_rel": 1e-12,
    "polishing": True,
    "max_iter": 200_000,
}
CLARABEL_TIGHT = {
    "solver": cp.CLARABEL,
    "tol_gap_abs": 1e-12,
    "tol_gap_rel": 1e-12,
    "tol_feas": 1e-12,
    "max_iter": 500,
}


class ConvexOracle:
    """``min 0.5 ||F w - F c||^2`` s.t. ``constraint(w, t)``, compiled once with parameters.

    ``H = F^T F`` (Cholesky), so the objective is the loss; each solve only sets
    the parameters, which keeps thousands of solves fast.
    """

    def __init__(self, n: int, constraint: Callable[[cp.Variable, cp.Parameter], object]):
        self.w = cp.Variable(n)
        self.factor, self.target = cp.Parameter((n, n)), cp.Parameter(n)
        self.radius = cp.Parameter(nonneg=True)
        objective = cp.Minimize(0.5 * cp.sum_squares(self.factor @ self.w - self.target))
        self.problem = cp.Problem(objective, [constraint(self.w, self.radius)])

    def solve(self, loss: QuadraticLoss, radius: float, **settings) -> tuple[np.ndarray, float]:
        """The oracle's w and optimal loss for this loss and budget."""
        factor = np.linalg.cholesky(loss.hessian).T
        self.factor.value, self.target.value = factor, factor @ loss.center
        self.radius.value = radius
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "may be inaccurate": the tests measure instead
            self.problem.solve(**settings)
        return np.array(self.w.value), float(self.problem.value)
