"""Subgradient descent and proximal gradient descent for the lasso: which reach an exact zero.

For ``min L(w) + lam ||w||_1`` with a quadratic ``L``:

- subgradient descent, ``w <- w - eta_k (grad L(w) + lam sign(w))`` (Shor
  1985; Boyd, Xiao & Mutapcic, "Subgradient methods", 2003), steps over 0 and
  back: with a constant step its iterates hover around a zero of the solution
  at a distance of order ``eta lam``; with the decaying step ``eta / sqrt(k + 1)``
  the hovering shrinks but never stops. An iterate is exactly 0 only by
  coincidence (a step that happens to end on 0 in floating point);
- proximal gradient descent (ISTA; Daubechies, Defrise & De Mol, Comm. Pure
  Appl. Math. 57, 2004), ``w <- soft(w - eta grad L(w), eta lam)``, takes a
  gradient step on ``L`` and then solves the one-weight lasso exactly. A
  coordinate becomes 0.0 exactly when the point after the gradient step,
  ``w_j - eta grad_j L(w)``, lies within ``eta lam`` of 0; being near 0 (or in
  the one-weight page's dead zone ``|a| <= lam``) before the step is neither
  needed nor enough. Near the solution ``w*`` that point is about
  ``w*_j - eta grad_j L(w*) = -eta grad_j L(w*)`` for a zero ``w*_j = 0``, so
  the zeros of the solution are reached exactly after finitely many steps
  when strict complementarity holds, ``|grad_j L(w*)| < lam`` (Hare & Lewis
  2004; Liang, Fadili & Peyre 2014). At ``|grad_j L(w*)| = lam`` the
  stepped point tends to the edge of the dead zone from outside: in exact
  arithmetic the coordinate can approach 0 without ever reaching it (in
  floating point it lands on 0 once the gap to ``eta lam`` rounds away, after
  as many steps as the convergence needs to reach rounding size).

ISTA proper, FISTA and coordinate descent live in ``solvers.proximal`` and
``solvers.coordinate_descent``; ``proximal_gradient`` is ``proximal.ista``.
"""

from __future__ import annotations

import numpy as np

from geometry import QuadraticLoss
from solvers.iteration import MAX_ITERATIONS, MAX_WORK, check_loss, check_run, step_sizes
from solvers.proximal import ista

__all__ = ["MAX_ITERATIONS", "MAX_WORK", "proximal_gradient", "subgradient_descent"]


def subgradient_descent(
    loss: QuadraticLoss,
    lam: float,
    step: float,
    iterations: int,
    start: object,
    schedule: str = "constant",
) -> np.ndarray:
    """Iterates of ``w <- w - eta_k (grad L(w) + lam sign(w))``, start included.

    ``sign(0) = 0`` is the subgradient an autodiff framework returns for
    ``|w|`` at 0; it is only ever used if an iterate lands on 0 by coincidence.

    Parameters
    ----------
    loss : QuadraticLoss
        The smooth part ``L``.
    lam : float
        The lasso weight, >= 0.
    step : float
        The step size ``eta`` > 0.
    iterations : int
        How many steps, at most ``MAX_ITERATIONS`` and ``iterations * loss.dim <= MAX_WORK``.
    start : array_like, shape (n,)
        The first iterate (finite).
    schedule : {"constant", "sqrt"}
        ``eta_k = eta`` or ``eta_k = eta / sqrt(k + 1)`` for step ``k = 0, 1, ...``.

    Returns
    -------
    ndarray, shape (iterations + 1, n)

    Raises
    ------
    ValueError
        Naming the argument: ``loss`` not a QuadraticLoss, ``lam < 0``,
        ``step <= 0``, ``iterations`` not an integer in range or over the
        work cap, ``start`` not finite or of the wrong dimension, or an
        unknown ``schedule``.
    """
    check_loss(loss)
    lam, step, iterations, w = check_run(lam, step, iterations, start, loss.dim)
    steps = step_sizes(step, iterations, schedule)
    path = np.empty((iterations + 1, loss.dim))
    path[0] = w
    for k in range(iterations):
        w = w - steps[k] * (loss.gradient(w) + lam * np.sign(w))
        path[k + 1] = w
    return path


def proximal_gradient(
    loss: QuadraticLoss, lam: float, step: float, iterations: int, start: object
) -> np.ndarray:
    """Iterates of ISTA, ``w <- soft(w - step grad L(w), step lam)``, start included.

    With ``step <= 1 / ||H||`` the objective decreases at every step and the
    iterates converge to the lasso solution. A coordinate is exactly 0.0 after
    a step whenever ``|w_j - step grad_j L(w)| <= step lam``; the solution's
    zeros are reached, and kept, after finitely many steps when
    ``|grad_j L(w*)| < lam`` at each of them (strict complementarity).

    Parameters, returns and errors as for ``subgradient_descent`` (no ``schedule``);
    the same as ``solvers.proximal.ista``.
    """
    return ista(loss, lam, step, iterations, start)
