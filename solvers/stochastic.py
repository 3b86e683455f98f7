"""Stochastic and adaptive optimisers on the lasso, as a deep-learning framework runs them.

Adding ``lam ||w||_1`` to a network's loss and calling ``backward()`` gives the
subgradient ``grad L_B(w) + lam sign(w)`` (``sign(0) = 0``); SGD and Adam then
step along it. Neither has a step that knows the kink at 0: a weight whose
optimum is 0 is pushed across 0 and back, so its iterates hover near 0 and
are exactly 0.0 only by coincidence. (The proximal step of ``solvers.proximal``
and the coordinate minimisation of ``solvers.coordinate_descent`` are the
methods that land on 0.)

- SGD (Robbins & Monro 1951; Bottou, Curtis & Nocedal, SIAM Rev. 60, 2018):
  ``w <- w - eta_k (grad L_B(w) + lam sign(w))`` on random-reshuffling
  minibatches ``B`` of ``solvers.minibatch``; with ``batch_size = m`` it is
  ``solvers.descent.subgradient_descent`` on the full-batch loss.
- Adam (Kingma & Ba, "Adam: a method for stochastic optimization", ICLR 2015,
  algorithm 1): ``m <- b1 m + (1 - b1) g``, ``v <- b2 v + (1 - b2) g^2``,
  ``w <- w - eta m_hat / (sqrt(v_hat) + eps)`` with the bias corrections
  ``m_hat = m / (1 - b1^t)``, ``v_hat = v / (1 - b2^t)``. Its step per weight is
  at most about ``eta`` and does not depend on the gradient's scale (where the
  gradient's sign flips, near a kink, the averaged moment ``m`` shrinks and so
  does the step), so near a zero of the solution it hovers at a distance of
  order ``eta``.
"""

from __future__ import annotations

import numpy as np

from geometry import QuadraticLoss
from geometry.validation import finite_scalar, positive_scalar
from solvers.iteration import check_batch_size, check_run, check_seed, step_sizes
from solvers.minibatch import LeastSquares, minibatches

__all__ = ["adam", "sgd"]


def _check_data(data: object, name: str = "data") -> LeastSquares:
    if not isinstance(data, LeastSquares):
        raise ValueError(f"{name} must be a LeastSquares, got {type(data).__name__}")
    return data


def sgd(
    data: LeastSquares,
    lam: float,
    step: float,
    iterations: int,
    start: object,
    batch_size: int,
    seed: int = 0,
    schedule: str = "constant",
) -> np.ndarray:
    """Iterates of minibatch SGD on ``(1/2m) ||y - X w||^2 + lam ||w||_1``, start included.

    Parameters
    ----------
    data : LeastSquares
        The samples.
    lam : float
        The lasso weight, >= 0.
    step : float
        The step ``eta`` > 0.
    iterations : int
        How many steps (minibatches; ``steps_per_epoch`` of them make an epoch), at
        most ``MAX_ITERATIONS`` and ``iterations * data.dim <= MAX_WORK``.
    start : array_like, shape (d,)
        The first iterate (finite).
    batch_size : int
        Samples per step, in [1, m]; ``m`` gives full-batch subgradient descent.
    seed : int
        Seeds the reshuffling (``numpy.random.default_rng(seed)``): same seed, same run.
    schedule : {"constant", "sqrt"}
        ``eta_k = eta`` or ``eta / sqrt(k + 1)``.

    Returns
    -------
    ndarray, shape (iterations + 1, d)

    Raises
    ------
    ValueError
        Naming the argument: ``data``, ``lam``, ``step``, ``iterations``, ``start``,
        ``batch_size``, ``seed`` or ``schedule``.
    """
    _check_data(data)
    lam, step, iterations, w = check_run(lam, step, iterations, start, data.dim)
    batch_size = check_batch_size(batch_size, data.samples)
    batches = minibatches(data.samples, batch_size, np.random.default_rng(check_seed(seed)))
    steps = step_sizes(step, iterations, schedule)
    path = np.empty((iterations + 1, data.dim))
    path[0] = w
    for k in range(iterations):
        w = w - steps[k] * (data.gradient(w, next(batches)) + lam * np.sign(w))
        path[k + 1] = w
    return path


def adam(
    objective: QuadraticLoss | LeastSquares,
    lam: float,
    step: float,
    iterations: int,
    start: object,
    beta1: float = 0.9,
    beta2: float = 0.999,
    eps: float = 1e-8,
    batch_size: int | None = None,
    seed: int = 0,
) -> np.ndarray:
    """Iterates of Adam on ``L + lam ||w||_1`` with the subgradient ``lam sign(w)``, start included.

    Parameters
    ----------
    objective : QuadraticLoss or LeastSquares
        The smooth part: a quadratic loss (exact gradients) or samples (minibatches).
    lam : float
        The lasso weight, >= 0.
    step : float
        Adam's step ``alpha`` > 0 (Kingma & Ba's default is 0.001).
    iterations : int
        How many steps, at most ``MAX_ITERATIONS`` and ``iterations * d <= MAX_WORK``.
    start : array_like, shape (d,)
        The first iterate (finite).
    beta1, beta2 : float
        Decay rates of the first and second moment estimates, in [0, 1).
    eps : float
        Added to ``sqrt(v_hat)``, > 0.
    batch_size : int or None
        Samples per step, in [1, m], for a ``LeastSquares`` objective; None is the
        full gradient (the only choice for a ``QuadraticLoss``).
    seed : int
        Seeds the minibatch reshuffling.

    Returns
    -------
    ndarray, shape (iterations + 1, d)

    Raises
    ------
    ValueError
        Naming the argument: ``objective``, ``lam``, ``step``, ``iterations``,
        ``start``, ``beta1``, ``beta2``, ``eps``, ``batch_size`` or ``seed``.
    """
    if isinstance(objective, QuadraticLoss):
        if batch_size is not None:
            raise ValueError("batch_size must be None for a QuadraticLoss objective (no samples)")
        gradient = objective.gradient
    elif isinstance(objective, LeastSquares):
        size = objective.samples if batch_size is None else batch_size
        size = check_batch_size(size, objective.samples)
        batches = minibatches(objective.samples, size, np.random.default_rng(check_seed(seed)))

        def gradient(w: np.ndarray) -> np.ndarray:
            return objective.gradient(w, next(batches))
    else:
        raise ValueError(
            f"objective must be a QuadraticLoss or LeastSquares, got {type(objective).__name__}"
        )
    check_seed(seed)
    lam, step, iterations, w = check_run(lam, step, iterations, start, objective.dim)
    for name, beta in (("beta1", beta1), ("beta2", beta2)):
        value = finite_scalar(name, beta)
        if not 0.0 <= value < 1.0:
            raise ValueError(f"{name} must lie in [0, 1), got {value}")
    beta1, beta2 = float(beta1), float(beta2)
    eps = positive_scalar("eps", eps)

    first, second = np.zeros(objective.dim), np.zeros(objective.dim)
    path = np.empty((iterations + 1, objective.dim))
    path[0] = w
    for t in range(1, iterations + 1):
        g = gradient(w) + lam * np.sign(w)
        first = beta1 * first + (1.0 - beta1) * g
        second = beta2 * second + (1.0 - beta2) * g * g
        first_hat = first / (1.0 - beta1**t)
        second_hat = second / (1.0 - beta2**t)
        w = w - step * first_hat / (np.sqrt(second_hat) + eps)
        path[t] = w
    return path
