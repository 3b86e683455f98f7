"""Proximal gradient methods for the lasso: ISTA and FISTA.

For ``min L(w) + lam ||w||_1`` with ``L`` smooth (here the quadratic
``0.5 (w - c)^T H (w - c)``, gradient Lipschitz with constant ``||H||``), the
proximal map of ``t ||.||_1``,

    prox(v) = argmin_u  0.5 ||u - v||^2 + t ||u||_1 = soft(v, t),

is the one-weight lasso solved coordinate by coordinate: the soft threshold
of ``solvers.shrinkage``, exactly 0.0 where ``|v_j| <= t``.

- ISTA (Daubechies, Defrise & De Mol, Comm. Pure Appl. Math. 57, 2004;
  forward-backward splitting, Combettes & Wajs 2005):
  ``w <- prox_{eta lam}(w - eta grad L(w))``. With ``eta <= 1 / ||H||`` the
  objective decreases monotonically, with error O(1/k) in general and linearly
  for a positive definite ``H``.
- FISTA (Beck & Teboulle, SIAM J. Imaging Sci. 2, 2009): the same step taken
  at an extrapolated point ``y_k = x_k + ((t_k - 1) / t_{k+1}) (x_k - x_{k-1})``,
  ``t_{k+1} = (1 + sqrt(1 + 4 t_k^2)) / 2``; error O(1/k^2), not monotone.
  Optionally with the adaptive (gradient) restart of O'Donoghue & Candes
  (Found. Comput. Math. 15, 2015), which resets the momentum when it points
  uphill and restores linear convergence on strongly convex problems.

Every iterate ``x_k`` is a prox output, so its zeros are exact 0.0: a
coordinate is 0 whenever the point after the gradient step lies within
``eta lam`` of 0. Both methods identify the solution's zero pattern after
finitely many steps when strict complementarity ``|grad_j L(w*)| < lam`` holds
at every zero (Hare & Lewis 2004; Liang, Fadili & Peyre 2014).
"""

from __future__ import annotations

import math

import numpy as np

from geometry import QuadraticLoss
from solvers.iteration import check_loss, check_run
from solvers.shrinkage import soft_threshold, soft_threshold_checked

__all__ = ["fista", "ista", "lipschitz_step", "prox_l1"]


def prox_l1(v: object, threshold: float) -> np.ndarray:
    """The proximal map of ``threshold * ||.||_1`` at ``v``: the soft threshold, entry by entry.

    ``argmin_u 0.5 ||u - v||^2 + threshold ||u||_1`` separates into one-weight
    lassos, each solved by ``solvers.shrinkage.soft_threshold``.
    """
    return soft_threshold(v, threshold)


def lipschitz_step(loss: QuadraticLoss) -> float:
    """``1 / ||H||``: the largest step with a monotone ISTA and FISTA's convergence guarantee."""
    values, _ = check_loss(loss).eigh
    return float(1.0 / values[-1])


def ista(
    loss: QuadraticLoss, lam: float, step: float, iterations: int, start: object
) -> np.ndarray:
    """Iterates of ISTA, ``w <- prox_{step lam}(w - step grad L(w))``, start included.

    Parameters
    ----------
    loss : QuadraticLoss
        The smooth part ``L``.
    lam : float
        The lasso weight, >= 0.
    step : float
        The step ``eta`` > 0; ``eta <= lipschitz_step(loss)`` guarantees convergence,
        and ``eta >= 2 / ||H||`` diverges (the gradient step alone is unstable).
    iterations : int
        How many steps, at most ``MAX_ITERATIONS`` and ``iterations * loss.dim <= MAX_WORK``.
    start : array_like, shape (n,)
        The first iterate (finite).

    Returns
    -------
    ndarray, shape (iterations + 1, n)

    Raises
    ------
    ValueError
        Naming the argument: ``loss``, ``lam < 0``, ``step <= 0``, ``iterations``
        out of range or over the work cap, ``start`` not finite or wrong dimension.
    """
    check_loss(loss)
    lam, step, iterations, w = check_run(lam, step, iterations, start, loss.dim)
    path = np.empty((iterations + 1, loss.dim))
    path[0] = w
    for k in range(iterations):
        # Arguments checked once above (a step of 2/L or more diverges and may overflow).
        w = soft_threshold_checked(w - step * loss.gradient(w), step * lam)
        path[k + 1] = w
    return path


def fista(
    loss: QuadraticLoss,
    lam: float,
    step: float,
    iterations: int,
    start: object,
    restart: bool = False,
) -> np.ndarray:
    """Iterates ``x_k`` of FISTA (Beck & Teboulle 2009), start ``x_0`` included.

    ``y_1 = x_0, t_1 = 1``; then ``x_k = prox_{step lam}(y_k - step grad L(y_k))``,
    ``t_{k+1} = (1 + sqrt(1 + 4 t_k^2)) / 2``,
    ``y_{k+1} = x_k + ((t_k - 1) / t_{k+1}) (x_k - x_{k-1})``.

    Parameters
    ----------
    loss, lam, step, iterations, start
        As for ``ista``.
    restart : bool
        Reset the momentum (``t = 1``, ``y = x_k``) whenever
        ``(y_k - x_k) . (x_k - x_{k-1}) > 0``, the gradient restart of
        O'Donoghue & Candes (2015).

    Returns
    -------
    ndarray, shape (iterations + 1, n)
        The prox outputs ``x_k`` (their zeros are exact), not the extrapolated ``y_k``.
    """
    check_loss(loss)
    lam, step, iterations, x = check_run(lam, step, iterations, start, loss.dim)
    path = np.empty((iterations + 1, loss.dim))
    path[0] = x
    y, t = x, 1.0
    for k in range(iterations):
        x_new = soft_threshold_checked(y - step * loss.gradient(y), step * lam)
        t_new = 0.5 * (1.0 + math.sqrt(1.0 + 4.0 * t * t))
        if restart and float((y - x_new) @ (x_new - x)) > 0.0:
            # The generalised gradient y - x_new points against the momentum: drop it.
            y, t_new = x_new, 1.0
        else:
            y = x_new + ((t - 1.0) / t_new) * (x_new - x)
        x, t = x_new, t_new
        path[k + 1] = x
    return path
