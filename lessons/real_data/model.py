"""The Real data page's model: the diabetes designs (or a visitor's table), fitted exactly.

Units. Every fit here is on *standardised* data: each feature with mean 0
and variance 1, and the response too (``standard_units``). The designs of
``studies.diabetes_design`` have unit-length columns (Efron et al. 2004);
multiplying them by ``sqrt(n)`` and dividing the response by its standard
deviation rescales ``lam`` and the weights but changes no zero of the lasso
or of ridge. It does change what the elastic net's mix means: its L1 part
is homogeneous of degree 1 in ``w``, its L2 part of degree 2, so the balance
``alpha`` depends on the units. With unit variances it is close to glmnet's
(Friedman, Hastie & Tibshirani 2010) but not equal: glmnet halves the L2 term,
``(1 - alpha) / 2 ||w||^2``, and this penalty does not. With these units ``lam_max = max_j
|corr(x_j, y)|`` and the CV error is the share of the response's variance
not explained.

The penalised problem is the project's: ``(1 / 2n) ||y - X w||^2 + lam
(alpha ||w||_1 + (1 - alpha) ||w||_2^2)``, ``alpha = 1`` the lasso (its
exact path, every breakpoint: ``solvers.lasso_path``), ``alpha = 0`` ridge,
in between the elastic net (both exact on ``GRID``, which holds every value
of the marker's slider). The diabetes results are cached per design (read-only
arrays, shared by every session); a visitor's table is fitted by the same
functions, uncached: the page keeps its result in that visitor's session.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from geometry.validation import read_only
from lessons.real_data.controls import GRID, LOG_HIGH, LOG_STEP
from solvers.lasso_path import LassoPath, lasso_path
from solvers.penalized_paths import GridPath, elastic_net_path, ridge_path
from studies.cross_validation import CVResult, cross_validate
from studies.diabetes_design import diabetes_design


@dataclass(frozen=True)
class Data:
    """Standardised features and response (mean 0, variance 1) and the feature names."""

    X: np.ndarray
    y: np.ndarray
    names: tuple[str, ...]


@dataclass(frozen=True)
class Fits:
    """The exact lasso path and the ridge and elastic-net solutions on ``GRID``."""

    names: tuple[str, ...]
    lasso: LassoPath
    ridge: GridPath
    enet: GridPath
    l1_ratio: float

    @property
    def p(self) -> int:
        """How many features."""
        return len(self.names)

    def at(self, lam: float) -> dict[str, np.ndarray]:
        """Each method's exact weights at ``lam`` (a point of ``GRID``)."""
        row = grid_index(lam)
        return {
            "lasso": self.lasso.at(lam),
            "enet": self.enet.coefs[row],
            "ridge": self.ridge.coefs[row],
        }

    def zeros_at(self, lam: float) -> dict[str, int]:
        """How many weights each method has exactly 0.0 at ``lam``."""
        return {name: int(np.count_nonzero(w == 0.0)) for name, w in self.at(lam).items()}


def grid_index(lam: float) -> int:
    """The row of ``GRID`` holding ``lam`` (a value of the marker's slider)."""
    row = round(float(LOG_HIGH - np.log10(lam)) / LOG_STEP)
    if not 0 <= row < GRID.size or not np.isclose(GRID[row], lam, rtol=1e-9):
        raise ValueError(f"lam must be a point of GRID (10^k, k a multiple of 0.05), got {lam}")
    return row


def marker_lambda(log_lam: float) -> float:
    """The marker's λ: the point of ``GRID`` nearest ``10 ** log_lam``."""
    return float(GRID[int(np.argmin(np.abs(np.log10(GRID) - log_lam)))])


def standard_units(X: np.ndarray, y: np.ndarray, names) -> Data:
    """Centre and scale every column of ``X`` and ``y`` to variance 1 (``ddof=0``)."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    sx, sy = Xc.std(axis=0), yc.std()
    if np.any(sx == 0.0) or sy == 0.0:
        raise ValueError("X and y must not contain a constant column")
    data = Data(Xc / sx, yc / sy, tuple(names))
    read_only(data.X, data.y)
    return data


def gram(X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``G = Xc^T Xc / n`` and ``b = Xc^T yc / n`` of the centred data."""
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    G = Xc.T @ Xc / len(yc)
    return 0.5 * (G + G.T), Xc.T @ yc / len(yc)


def fit(data: Data, l1_ratio: float) -> Fits:
    """The exact lasso path (down to its λ → 0⁺ end) and ridge and the elastic net on ``GRID``."""
    G, b = gram(data.X, data.y)
    return Fits(
        data.names,
        lasso_path(G, b, 0.0),
        ridge_path(G, b, GRID),
        elastic_net_path(G, b, GRID, l1_ratio),
        l1_ratio,
    )


@lru_cache(maxsize=2)
def design(name: str) -> Data:
    """A diabetes design (``DESIGNS``) in standard units."""
    X, y, names = diabetes_design(quadratic=name == "quadratic")
    return standard_units(X, y, names)


@lru_cache(maxsize=2)
def _lasso_and_ridge(name: str) -> tuple[LassoPath, GridPath]:
    data = design(name)
    G, b = gram(data.X, data.y)
    ridge = ridge_path(G, b, GRID)
    read_only(ridge.coefs)
    return lasso_path(G, b, 0.0), ridge


@lru_cache(maxsize=48)  # 52 kB per entry (the elastic net on GRID)
def design_fits(name: str, l1_ratio: float) -> Fits:
    """``fit`` of a diabetes design, cached (the lasso and ridge once per design)."""
    data = design(name)
    lasso, ridge = _lasso_and_ridge(name)
    G, b = gram(data.X, data.y)
    enet = elastic_net_path(G, b, GRID, l1_ratio)
    read_only(enet.coefs)
    return Fits(data.names, lasso, ridge, enet, l1_ratio)


def cross_validation(data: Data, l1_ratio: float, folds: int, seed: int) -> CVResult:
    """K-fold CV over ``LassoCV``'s grid (``studies.cross_validation``), ridge for α = 0."""
    return cross_validate(data.X, data.y, l1_ratio, k=folds, seed=seed)


@lru_cache(maxsize=256)  # 12.5 kB per entry (tracemalloc)
def design_cv(name: str, l1_ratio: float, folds: int, seed: int) -> CVResult:
    """``cross_validation`` of a diabetes design, cached, its arrays read-only."""
    result = cross_validation(design(name), l1_ratio, folds, seed)
    read_only(result.mean, result.se, result.lambdas, result.coef_min, result.coef_1se)
    return result


def ridge_zeros_anywhere(fits: Fits) -> int:
    """The most exact zeros ridge has at any λ of ``GRID``."""
    return int(fits.ridge.zero_counts().max())
