"""Ridge and the elastic net along a grid of ``lam``, exactly, from ``G`` and ``b``.

The project's penalised problem (``solvers/penalized.py``) is

    minimise_w  0.5 w^T G w - b^T w + lam (a ||w||_1 + (1 - a) ||w||_2^2),

``a = 0`` ridge, ``a = 1`` the lasso, ``0 < a < 1`` the elastic net (Zou &
Hastie, "Regularization and variable selection via the elastic net", JRSS B
67, 2005). With ``G = X^T X / n`` and ``b = X^T y / n`` the smooth part is
``(1 / 2n) ||y - X w||^2`` up to a constant.

- **Ridge** solves ``(G + 2 lam I) w = b``. One eigendecomposition
  ``G = Q diag(e) Q^T`` serves every ``lam``: ``w = Q (Q^T b / (e + 2 lam))``
  (the ``lam -> 0`` limit is the minimum-norm least-squares solution).
- **Elastic net**: for fixed ``lam`` it is a lasso with Gram
  ``G + 2 lam (1 - a) I`` and weight ``lam a``. Its support is found by an
  active-set iteration warm-started from the previous grid point (solve the
  support's system, drop coefficients of the wrong sign, add the coordinates
  whose correlation exceeds ``lam a``) and *certified* by the KKT conditions;
  the weights are the solution of the certified support's linear system and
  exactly 0.0 elsewhere. If the iteration does not settle, the exact lasso
  path of the shifted Gram (``solvers.lasso_path``) gives the answer.

scikit-learn's ``ElasticNet`` minimises ``(1 / 2n) ||y - X w||^2 + alpha r
||w||_1 + (alpha (1 - r) / 2) ||w||_2^2``: its L2 term is halved, so its
``(alpha, r)`` is not our ``(lam, a)``; :func:`sklearn_elastic_net_params`
converts. Its ``Ridge`` minimises ``||y - X w||^2 + alpha ||w||^2``:
``alpha = 2 n lam`` (:func:`sklearn_ridge_alpha`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from geometry.validation import unit_interval
from solvers.cholesky import positive_definite_solve
from solvers.lasso_path import lasso_path, validate_gram

__all__ = [
    "GridPath",
    "elastic_net_path",
    "penalized_path",
    "ridge_path",
    "sklearn_elastic_net_params",
    "sklearn_ridge_alpha",
]


@dataclass(frozen=True)
class GridPath:
    """Exact solutions on a grid of ``lam`` (in the order given)."""

    lambdas: np.ndarray
    coefs: np.ndarray  # (m, p); exact zeros are 0.0

    def zero_counts(self) -> np.ndarray:
        """How many coordinates are exactly 0.0 at each grid point, shape (m,)."""
        return np.count_nonzero(self.coefs == 0.0, axis=1)


def sklearn_elastic_net_params(lam: float, l1_ratio: float) -> tuple[float, float]:
    """scikit-learn's ``ElasticNet(alpha, l1_ratio)`` for our ``(lam, a)``.

    Matching ``alpha r = lam a`` and ``alpha (1 - r) / 2 = lam (1 - a)`` gives
    ``alpha = lam (2 - a)`` and ``r = a / (2 - a)``. Ridge (``a = 0``) is
    ``(2 lam, 0)``, the lasso (``a = 1``) is ``(lam, 1)``.
    """
    a = unit_interval("l1_ratio", l1_ratio)
    return lam * (2.0 - a), a / (2.0 - a)


def sklearn_ridge_alpha(lam: float, n_samples: int) -> float:
    """scikit-learn's ``Ridge(alpha)`` (unscaled squared error) for our ``lam``: ``2 n lam``."""
    return 2.0 * n_samples * lam


def _grid(lambdas: object) -> np.ndarray:
    grid = np.array(lambdas, dtype=np.float64, ndmin=1)
    if grid.ndim != 1 or grid.size == 0 or not np.all(np.isfinite(grid)) or np.any(grid < 0):
        raise ValueError(f"lambdas must be a non-empty 1-D array of finite values >= 0, got {grid}")
    return grid


def ridge_path(gram: np.ndarray, xty: np.ndarray, lambdas: np.ndarray) -> GridPath:
    """Ridge ``(G + 2 lam I)^{-1} b`` at every ``lam`` from one eigendecomposition.

    Parameters
    ----------
    gram, xty : ndarray
        ``G`` (p, p) symmetric PSD and ``b`` (p,).
    lambdas : ndarray, shape (m,)
        Penalty weights >= 0. At ``lam = 0`` with singular ``G`` the result is
        the minimum-norm least-squares solution (the limit ``lam -> 0+``, for
        ``b`` in the range of ``G`` as when ``b = X^T y / n``).
    """
    G, b = validate_gram(gram, xty)
    grid = _grid(lambdas)
    values, vectors = np.linalg.eigh(G)
    values = np.maximum(values, 0.0)  # rounding below 0 in a PSD matrix
    rotated = vectors.T @ b
    shifted = values[None, :] + 2.0 * grid[:, None]
    # Directions with no curvature and no penalty: left out (minimum norm).
    null = shifted <= 1e-12 * max(float(values[-1]), np.finfo(np.float64).tiny)
    with np.errstate(divide="ignore"):
        scaled = np.where(null, 0.0, rotated[None, :] / np.where(null, 1.0, shifted))
    return GridPath(grid, scaled @ vectors.T)


def elastic_net_path(
    gram: np.ndarray, xty: np.ndarray, lambdas: np.ndarray, l1_ratio: float
) -> GridPath:
    """The elastic net at every ``lam`` (``a = l1_ratio`` in [0, 1]), exactly.

    ``a = 0`` is :func:`ridge_path`; ``a = 1`` the lasso, read off one exact
    path (:func:`solvers.lasso_path.lasso_path`); otherwise each ``lam`` is a
    certified support solve (module docstring), warm-started from the grid
    point before it (so a decreasing grid is cheapest).
    """
    G, b = validate_gram(gram, xty)
    grid = _grid(lambdas)
    a = unit_interval("l1_ratio", l1_ratio)
    if a == 0.0:
        return ridge_path(G, b, grid)
    if a == 1.0:
        path = lasso_path(G, b, lambda_min=float(grid.min()))
        return GridPath(grid, path.at(grid))
    coefs = np.zeros((grid.size, b.size))
    signs = np.zeros(b.size)
    for row, lam in enumerate(grid):
        if lam == 0.0:  # no penalty at all: least squares
            coefs[row] = ridge_path(G, b, [0.0]).coefs[0]
        else:
            coefs[row] = _elastic_net_at(G, b, float(lam), a, signs)
        signs = np.sign(coefs[row])
    return GridPath(grid, coefs)


def penalized_path(
    gram: np.ndarray, xty: np.ndarray, lambdas: np.ndarray, l1_ratio: float = 1.0
) -> GridPath:
    """The exact solutions of the penalised problem on a grid: one entry for every ``a``."""
    return elastic_net_path(gram, xty, lambdas, l1_ratio)


def _elastic_net_at(
    G: np.ndarray, b: np.ndarray, lam: float, a: float, guess: np.ndarray
) -> np.ndarray:
    """The elastic net at one ``lam > 0``, ``0 < a < 1``: a certified support solve.

    The lasso with Gram ``G + shift I`` (``shift = 2 lam (1 - a)`` > 0, so
    strictly convex) and weight ``mu = lam a`` has the unique solution ``w``
    with ``c = b - (G + shift I) w`` equal to ``mu sign(w_j)`` on the support
    and ``|c_j| <= mu`` off it.
    """
    p = b.size
    shift, mu = 2.0 * lam * (1.0 - a), lam * a
    signs = guess.copy()
    for _ in range(4 * p + 10):
        support = np.flatnonzero(signs)
        w = np.zeros(p)
        if support.size:
            system = G[np.ix_(support, support)] + shift * np.eye(support.size)
            w[support] = positive_definite_solve(system, b[support] - mu * signs[support])
        wrong = support[np.sign(w[support]) != signs[support]]
        if wrong.size:  # not a solution on this support: drop the wrong signs
            w[wrong], signs[wrong] = 0.0, 0.0
            continue
        c = b - G @ w - shift * w
        # Rounding in c is ~ eps (|b| + |G| |w|); anything beyond 1e-12 of it is real.
        slack = 1e-12 * (mu + np.max(np.abs(b)) + np.max(np.abs(G)) * np.sum(np.abs(w)))
        excess = np.where(signs == 0.0, np.abs(c) - mu, -np.inf)
        if np.all(excess <= slack):
            return w  # KKT certified: the unique minimiser
        violators = excess > slack
        signs[violators] = np.sign(c[violators])
    # The iteration cycled (never seen in tests): the exact path of the shifted lasso.
    return lasso_path(G + shift * np.eye(p), b, lambda_min=mu).at(mu)
