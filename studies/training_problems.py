"""The Training page's problems: the lesson's 2-D bowl as a regression, and the diabetes lasso.

Optimisers that see samples (SGD, Adam on minibatches) need data, not just a
quadratic. ``synthetic_regression`` builds data whose full-batch loss is the
lesson's ``L`` exactly (up to a constant): with ``H = R R^T`` (Cholesky),
``Q`` an ``m x d`` matrix with orthonormal columns and ``r`` orthogonal to
them,

    X = sqrt(m) Q R^T,   y = X c + r
    =>  X^T X / m = R Q^T Q R^T = H,   X^T r = 0,
    =>  (1/2m) ||y - X w||^2 = 0.5 (w - c)^T H (w - c) + ||r||^2 / (2m),

so full-batch SGD races on the very bowl the other optimisers see, and a
minibatch gradient is an unbiased estimate of ``grad L``. The diabetes problem
is the lesson's real regression (Efron, Hastie, Johnstone & Tibshirani 2004):
ten standardised features, centred response, ``(1/2n) ||y - X w||^2 + lam ||w||_1``,
scikit-learn's ``Lasso(alpha=lam, fit_intercept=False)`` objective.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from data import load_diabetes
from geometry import QuadraticLoss
from geometry.validation import finite_scalar
from solvers.iteration import check_seed
from solvers.minibatch import LeastSquares
from studies.regression import least_squares_loss

__all__ = [
    "DIABETES_LAM",
    "LESSON_ANGLE_DEG",
    "LESSON_CENTER",
    "LESSON_EIGENVALUES",
    "LESSON_LAM",
    "TrainingProblem",
    "diabetes_problem",
    "lesson_problem",
    "synthetic_regression",
]

# The page's defaults: the lesson's bowl (README) at a lambda where w1 = 0
# with strict complementarity (|grad_1 L(w*)| = 0.62 lam), and the diabetes
# lasso at a lambda with five exact zeros, each pull at most 0.94 lam.
LESSON_CENTER = (1.0, 2.0)
LESSON_EIGENVALUES = (1.0, 4.0)
LESSON_ANGLE_DEG = -30.0
LESSON_LAM = 2.5
DIABETES_LAM = 5.0


@dataclass(frozen=True)
class TrainingProblem:
    """One race problem, as a quadratic and as samples.

    Attributes
    ----------
    name : str
        What the page calls it.
    loss : QuadraticLoss
        ``L``, for the exact solution, ISTA, FISTA, coordinate descent, full-gradient Adam.
    data : LeastSquares
        Samples with ``data.value(w) == loss.value(w) + offset`` for every ``w``.
    offset : float
        That constant, ``||y - X c||^2 / (2m)`` (the residual the fit cannot explain).
    """

    name: str
    loss: QuadraticLoss
    data: LeastSquares
    offset: float


def _integer_at_least(name: str, value: object, low: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < low:
        raise ValueError(f"{name} must be an integer >= {low}, got {value!r}")
    return int(value)


def synthetic_regression(
    loss: QuadraticLoss, samples: int = 64, noise: float = 1.0, seed: int = 0
) -> TrainingProblem:
    """Samples ``(X, y)`` whose full-batch least squares is ``loss`` plus a constant, exactly.

    Parameters
    ----------
    loss : QuadraticLoss
        The bowl ``0.5 (w - c)^T H (w - c)`` to realise.
    samples : int
        ``m`` >= d rows (> d when ``noise > 0``: the residual needs room to be orthogonal).
    noise : float
        Root mean square of the residual ``r`` (``||r|| = noise sqrt(m)``), >= 0.
    seed : int
        Seeds the random orthonormal columns and the residual's direction.

    Returns
    -------
    TrainingProblem
        ``loss`` itself, the samples and ``offset = noise^2 / 2``.

    Raises
    ------
    ValueError
        Naming ``loss``, ``samples``, ``noise`` or ``seed``.
    """
    if not isinstance(loss, QuadraticLoss):
        raise ValueError(f"loss must be a QuadraticLoss, got {type(loss).__name__}")
    d = loss.dim
    noise = finite_scalar("noise", noise)
    if noise < 0.0:
        raise ValueError(f"noise must be >= 0, got {noise}")
    samples = _integer_at_least("samples", samples, d + 1 if noise > 0.0 else d)
    rng = np.random.default_rng(check_seed(seed))
    # Q R = a Gaussian matrix: Q is uniformly distributed with orthonormal columns.
    q, _ = np.linalg.qr(rng.normal(size=(samples, d)))
    factor = np.linalg.cholesky(loss.hessian)
    features = np.sqrt(samples) * q @ factor.T
    residual = np.zeros(samples)
    if noise > 0.0:
        residual = rng.normal(size=samples)
        # Project out Q's columns twice ("twice is enough", Parlett 1980): once leaves
        # a component of relative size eps * cond that would tilt the bowl.
        for _ in range(2):
            residual -= q @ (q.T @ residual)
        residual *= noise * np.sqrt(samples) / np.linalg.norm(residual)
    response = features @ loss.center + residual
    data = LeastSquares(features, response)
    name = f"synthetic regression ({samples} samples)"
    return TrainingProblem(name, loss, data, float(residual @ residual) / (2.0 * samples))


def lesson_problem(samples: int = 64, noise: float = 1.0, seed: int = 0) -> TrainingProblem:
    """The lesson's bowl (c = (1, 2), eigenvalues (1, 4), axis at -30 degrees) as a regression."""
    loss = QuadraticLoss.from_shape(LESSON_CENTER, LESSON_EIGENVALUES, LESSON_ANGLE_DEG)
    return synthetic_regression(loss, samples, noise, seed)


def _standardised_diabetes() -> tuple[np.ndarray, np.ndarray]:
    # Exactly as studies.regression.least_squares_loss: centre, divide by the
    # population standard deviation (ddof = 0), centre the response.
    features, response, _ = load_diabetes()
    centred = features - features.mean(axis=0)
    return centred / centred.std(axis=0), response - response.mean()


def diabetes_problem() -> TrainingProblem:
    """The standardised 10-feature diabetes lasso: ``(1/2n) ||y - X w||^2``, n = 442.

    ``loss`` is ``studies.regression.least_squares_loss`` of the shipped data;
    ``data`` the standardised features and centred response it is built from;
    ``offset`` the least-squares residual ``||y - X w_ols||^2 / (2n)``.
    """
    features, response, _ = load_diabetes()
    loss = least_squares_loss(features, response)
    x, y = _standardised_diabetes()
    data = LeastSquares(x, y)
    residual = y - x @ loss.center
    offset = float(residual @ residual) / (2.0 * y.size)
    return TrainingProblem("diabetes lasso (442 patients, 10 features)", loss, data, offset)
