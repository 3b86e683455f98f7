"""The Real data page's experiments: a near copy of a feature, and more features than patients.

Fitted by the same exact functions as the designs (``lessons.real_data.model``),
cached, their arrays read-only: every session reads the same results.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from figures.real_data import PathPanel
from geometry.validation import read_only
from lessons.real_data.controls import GRID
from lessons.real_data.model import Data, Fits, design, fit, gram
from lessons.real_data.paths import lasso_zero_steps, path_panels
from solvers.lasso_path import LassoPath, lasso_path
from solvers.penalized_paths import GridPath, ridge_path
from studies.correlated_copy import with_near_copy


@dataclass(frozen=True)
class Pair:
    """A design with a near copy of one feature appended, fitted; the pair's weights."""

    feature: str
    correlation: float
    fits: Fits
    column: int  # the feature's column; the copy is the last

    def entries(self) -> tuple[float | None, float | None]:
        """The λ at which the feature and the copy join the lasso path (None: never)."""
        path = self.fits.lasso
        out = []
        for column in (self.column, self.fits.p - 1):
            nonzero = np.flatnonzero(path.coefs[:, column] != 0.0)
            out.append(float(path.lambdas[nonzero[0] - 1]) if nonzero.size else None)
        return out[0], out[1]

    def one_only(self) -> tuple[float, float] | None:
        """The λ range, from the first entry down, where the lasso has exactly one of the pair.

        None if neither enters. Between breakpoints the active set is fixed, so
        it suffices to look at the pieces (a weight is non-zero inside a piece
        when it is non-zero at either end).
        """
        path = self.fits.lasso
        pair = path.coefs[:, [self.column, -1]] != 0.0
        inside = (pair[:-1] | pair[1:]).sum(axis=1)  # non-zero of the pair on each piece
        pieces = np.flatnonzero(inside > 0)
        if not pieces.size:
            return None
        start = pieces[0]
        other = np.flatnonzero(inside[start:] != 1)
        stop = start + other[0] if other.size else len(inside)
        return float(path.lambdas[start]), float(path.lambdas[stop])

    def weights(self, lam: float) -> dict[str, tuple[float, float]]:
        """(feature, copy) weights of each method at ``lam``."""
        return {
            name: (float(w[self.column]), float(w[-1])) for name, w in self.fits.at(lam).items()
        }


@lru_cache(maxsize=64)  # 162 kB per entry (three paths, 65 weights)
def pair(name: str, feature: str, correlation: float, seed: int, l1_ratio: float) -> Pair:
    """The design with a near copy of ``feature`` (this sample correlation) appended, fitted."""
    data = design(name)
    column = data.names.index(feature)
    X = with_near_copy(data.X, column, correlation, seed)
    fits = fit(Data(X, data.y, (*data.names, f"{feature} (copy)")), l1_ratio)
    read_only(fits.ridge.coefs, fits.enet.coefs)
    return Pair(feature, correlation, fits, column)


def pair_panels(pair: Pair, lam: float) -> list[PathPanel]:
    """The pair's weights (feature, copy) along each method's path, against λ."""
    columns = [pair.column, pair.fits.p - 1]
    return [
        PathPanel(panel.title.split(":")[0], panel.x, panel.coefs[:, columns], panel.marker)
        for panel in path_panels(pair.fits, lam, "log_lambda")
    ]


# --- more features than patients ----------------------------------------------------------
@dataclass(frozen=True)
class Subsample:
    """The 64-predictor model fitted on ``n`` random patients (centred on them)."""

    n: int
    rank: int
    lasso: LassoPath  # down to λ = floor
    ridge: GridPath
    floor: float = 0.0  # 0, unless the Gram is singular to rounding at n - 1 = p

    @property
    def p(self) -> int:
        """How many features."""
        return self.lasso.coefs.shape[1]

    def lasso_most_nonzero(self) -> int:
        """The largest number of non-zero lasso weights anywhere on the path (λ ≥ 0)."""
        return int(np.max(np.count_nonzero(self.lasso.coefs, axis=1)))

    def ridge_fewest_nonzero(self) -> int:
        """The smallest number of non-zero ridge weights on ``GRID``."""
        return int(np.min(np.count_nonzero(self.ridge.coefs, axis=1)))


SUBSAMPLE_FLOORS = (0.0, 1e-6, 1e-5)  # all below the plotted range (λ >= 1e-4)


@lru_cache(maxsize=64)  # 94 kB per entry (the lasso path and ridge)
def subsample(n: int, seed: int) -> Subsample:
    """The 64-predictor model on ``n`` random patients: the exact lasso path and ridge."""
    data = design("quadratic")
    if not 2 <= n <= len(data.y):
        raise ValueError(f"n must lie in [2, {len(data.y)}], got {n}")
    rows = np.sort(np.random.default_rng(seed).choice(len(data.y), size=n, replace=False))
    X, y = data.X[rows], data.y[rows]
    G, b = gram(X, y)
    ridge = ridge_path(G, b, GRID)
    read_only(ridge.coefs)
    rank = int(np.linalg.matrix_rank(X - X.mean(axis=0)))
    for floor in SUBSAMPLE_FLOORS:
        try:
            return Subsample(n, rank, lasso_path(G, b, floor), ridge, floor)
        except ValueError:
            # With n - 1 = p the Gram can be of full rank yet singular to rounding
            # (smallest eigenvalue ~1e-12): the path's pivot test then calls a
            # column dependent, and its range check refuses λ = 0. Stop just above.
            continue
    raise RuntimeError(f"no lasso path for n = {n}, seed = {seed}")


def subsample_curves(fit: Subsample):
    """(λ, lasso non-zero counts as steps) and (``GRID``, ridge non-zero counts)."""
    x, zeros = lasso_zero_steps(fit.lasso)
    return x, fit.p - zeros, GRID, np.count_nonzero(fit.ridge.coefs, axis=1)
