"""Iterative methods for the lasso, to show which of them reach an exact zero.

For ``min L(w) + lam ||w||_1`` with a quadratic ``L``:

- subgradient descent, ``w <- w - eta (grad L(w) + lam sign(w))``, steps over
  0 and back: its iterates hover around a zero of the solution at a distance
  of order ``eta lam``, and are exactly 0 only by coincidence;
- proximal gradient descent (ISTA; Daubechies, Defrise & De Mol, Comm. Pure
  Appl. Math. 57, 2004), ``w <- soft(w - eta grad L(w), eta lam)``, takes a
  gradient step on ``L`` and then solves the one-weight lasso exactly: the
  soft threshold returns 0.0 for every coordinate in its dead zone, so zeros
  of the solution are reached exactly, in finitely many steps.
"""

from __future__ import annotations

import numpy as np

from geometry import QuadraticLoss
from geometry._validate import finite_vector, positive_scalar
from solvers.shrinkage import penalty_weight, soft_threshold

MAX_ITERATIONS = 100_000


def _check(
    loss: QuadraticLoss, lam: float, step: float, iterations: int, start: object
) -> tuple[float, float, int, np.ndarray]:
    if not isinstance(loss, QuadraticLoss):
        raise ValueError(f"loss must be a QuadraticLoss, got {type(loss).__name__}")
    lam = penalty_weight(lam)
    step = positive_scalar("step", step)
    if (
        isinstance(iterations, bool)
        or not isinstance(iterations, int | np.integer)
        or not 0 <= iterations <= MAX_ITERATIONS
    ):
        raise ValueError(
            f"iterations must be an integer in [0, {MAX_ITERATIONS}], got {iterations!r}"
        )
    w = finite_vector("start", start, dim=loss.dim)
    return lam, step, int(iterations), w


def subgradient_descent(
    loss: QuadraticLoss, lam: float, step: float, iterations: int, start: object
) -> np.ndarray:
    """Iterates of ``w <- w - step (grad L(w) + lam sign(w))``, start included.

    Parameters
    ----------
    loss : QuadraticLoss
        The smooth part ``L``.
    lam : float
        The lasso weight, >= 0.
    step : float
        The step size, > 0 (constant).
    iterations : int
        How many steps.
    start : array_like
        The first iterate.

    Returns
    -------
    ndarray, shape (iterations + 1, n)
    """
    lam, step, iterations, w = _check(loss, lam, step, iterations, start)
    path = np.empty((iterations + 1, loss.dim))
    path[0] = w
    for k in range(iterations):
        w = w - step * (loss.gradient(w) + lam * np.sign(w))
        path[k + 1] = w
    return path


def proximal_gradient(
    loss: QuadraticLoss, lam: float, step: float, iterations: int, start: object
) -> np.ndarray:
    """Iterates of ISTA, ``w <- soft(w - step grad L(w), step lam)``, start included.

    With ``step <= 1 / ||H||`` the objective decreases at every step and the
    iterates converge to the lasso solution; coordinates in the dead zone
    become exactly 0.0 after finitely many steps.

    Parameters and returns as for ``subgradient_descent``.
    """
    lam, step, iterations, w = _check(loss, lam, step, iterations, start)
    path = np.empty((iterations + 1, loss.dim))
    path[0] = w
    for k in range(iterations):
        w = soft_threshold(w - step * loss.gradient(w), step * lam)
        path[k + 1] = w
    return path
