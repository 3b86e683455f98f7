"""Cyclic coordinate descent for the lasso (Friedman, Hastie, Hoefling & Tibshirani 2007).

For ``min 0.5 (w - c)^T H (w - c) + lam ||w||_1`` the objective as a function
of one weight ``w_j``, the others held fixed, is

    0.5 H_jj w_j^2 - rho_j w_j + lam |w_j| + const,
    rho_j = (H c)_j - sum_{k != j} H_jk w_k       (the partial residual),

a one-weight lasso whose exact minimiser is ``soft(rho_j, lam) / H_jj``: the
soft threshold of ``solvers.shrinkage`` (here in a scalar form with the same
arithmetic), exactly 0.0 when ``|rho_j| <= lam``.
For least squares with ``H = X^T X / n`` this is ``rho_j = x_j^T r_(j) / n``,
``r_(j)`` the residual without feature ``j``: scikit-learn's ``Lasso`` update.
Cycling ``j = 1..n`` converges to the minimiser (Tseng 2001: the penalty is
separable); near it, a zero ``w*_j = 0`` is kept once ``|rho_j|`` stays below
``lam``, which happens after finitely many sweeps when ``|grad_j L(w*)| < lam``
(strict complementarity), since ``rho_j = -grad_j L(w)`` whenever ``w_j = 0``.
"""

from __future__ import annotations

import numpy as np

from geometry import QuadraticLoss
from geometry.validation import finite_vector
from solvers.iteration import check_iterations, check_loss
from solvers.shrinkage import penalty_weight

__all__ = ["coordinate_descent", "soft_threshold_scalar"]


def coordinate_descent(
    loss: QuadraticLoss, lam: float, iterations: int, start: object
) -> np.ndarray:
    """Iterates of cyclic coordinate descent, one row per full sweep, start included.

    Parameters
    ----------
    loss : QuadraticLoss
        The smooth part ``L``.
    lam : float
        The lasso weight, >= 0.
    iterations : int
        How many sweeps over all coordinates (each sweep updates every weight once,
        in order), at most ``MAX_ITERATIONS`` and ``iterations * loss.dim <= MAX_WORK``.
    start : array_like, shape (n,)
        The first iterate (finite).

    Returns
    -------
    ndarray, shape (iterations + 1, n)
        Zeros are exact 0.0 (a soft threshold of 0.0 divided by ``H_jj``).

    Raises
    ------
    ValueError
        Naming the argument: ``loss``, ``lam < 0``, ``iterations`` out of range or
        over the work cap, ``start`` not finite or of the wrong dimension.
    """
    check_loss(loss)
    lam = penalty_weight(lam)
    iterations = check_iterations(iterations, loss.dim)
    w = finite_vector("start", start, dim=loss.dim).copy()
    hessian, linear = loss.hessian, loss.linear_term
    diagonal = np.diag(hessian).tolist()
    path = np.empty((iterations + 1, loss.dim))
    path[0] = w
    for k in range(iterations):
        for j in range(loss.dim):
            # rho_j from scratch each time (n flops): no running residual to drift
            # over a long run; a sweep costs n^2, the same as one gradient.
            rho = float(linear[j] - hessian[j] @ w) + diagonal[j] * float(w[j])
            w[j] = soft_threshold_scalar(rho, lam) / diagonal[j]
        path[k + 1] = w
    return path


def soft_threshold_scalar(a: float, lam: float) -> float:
    """``solvers.shrinkage.soft_threshold`` for one float, without its array checks.

    The same branches and the same arithmetic (0.0 for ``|a| <= lam``, else
    ``a -+ lam``), so the same bits; a test holds it to that. Coordinate
    descent calls it n times a sweep, where the array version's validation
    would cost more than the update itself.
    """
    if a > lam:
        return a - lam
    if a < -lam:
        return a + lam
    return 0.0
