"""The Real data page's model, continued: a near copy of a feature, and more features than patients.

Re-exported by ``lessons.real_data`` (see its docstring for the units and the grid).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from figures.real_data import PathPanel
from lessons import real_data_paths as paths  # as a module: the two import each other
from lessons.real_data import GRID, Data, Fits, _frozen, design, fit, gram
from solvers.lasso_path import LassoPath, lasso_path
from solvers.penalized_paths import GridPath, ridge_path
from studies.correlated_copy import with_near_copy

__all__ = [
    "SUBSAMPLE_FLOORS",
    "Pair",
    "Subsample",
    "entry_sentence",
    "pair",
    "pair_panels",
    "pair_sentence",
    "subsample",
    "subsample_curves",
    "subsample_sentence",
]


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


@lru_cache(maxsize=16)
def pair(name: str, feature: str, correlation: float, seed: int, l1_ratio: float) -> Pair:
    data = design(name)
    column = data.names.index(feature)
    X = with_near_copy(data.X, column, correlation, seed)
    fits = fit(Data(X, data.y, (*data.names, f"{feature} (copy)")), l1_ratio)
    for array in (fits.ridge.coefs, fits.enet.coefs):
        array.setflags(write=False)
    return Pair(feature, correlation, fits, column)


def pair_panels(pair: Pair, lam: float) -> list[PathPanel]:
    """The pair's weights (feature, copy) along each method's path, against λ."""
    columns = [pair.column, pair.fits.p - 1]
    return [
        PathPanel(panel.title.split(":")[0], panel.x, panel.coefs[:, columns], panel.marker)
        for panel in paths.path_panels(pair.fits, lam, "log_lambda")
    ]


def _w(value: float) -> str:
    return "exactly 0" if value == 0.0 else f"{value:.3f}"


def pair_sentence(pair: Pair, lam: float) -> str:
    """What the three methods do with the pair at ``lam``, from the exact weights (markdown)."""
    w = pair.weights(lam)
    name, copy = f"`{pair.feature}`", "its copy"
    lo, lc = w["lasso"]
    if lo == 0.0 and lc == 0.0:
        lasso = "the lasso has both at exactly 0 (λ is too large for either)"
    elif lo == 0.0 or lc == 0.0:
        kept, value = (copy, lc) if lo == 0.0 else (name, lo)
        dropped = name if lo == 0.0 else copy
        lasso = f"the lasso keeps {kept} ({value:.3f}) and puts {dropped} at **exactly 0**"
    else:
        lasso = f"the lasso keeps both ({lo:.3f} and {lc:.3f}): at this λ neither is cut"
    ro, rc = w["ridge"]
    eo, ec = w["enet"]
    ratio = ro / rc if rc != 0.0 else float("inf")
    return (
        f"At λ = {lam:.3g} and correlation {pair.correlation:.3f}: {lasso}. Ridge splits the "
        f"weight: {name} {_w(ro)}, its copy {_w(rc)} (ratio {ratio:.3f}). The elastic net "
        f"(α = {pair.fits.l1_ratio:g}) gives {name} {_w(eo)} and its copy {_w(ec)}. "
        + entry_sentence(pair)
    )


def entry_sentence(pair: Pair) -> str:
    """Which of the pair the lasso takes first, and down to which λ it keeps only one."""
    feature, copy = pair.entries()
    span = pair.one_only()
    if span is None:
        return "On the lasso path neither ever enters."
    first = "`" + pair.feature + "`" if copy is None or (feature or 0.0) >= copy else "the copy"
    high, low = span
    return (
        f"On the lasso path {first} enters first, at λ = {high:.3g}, and from there down to "
        f"λ = {low:.3g} the lasso keeps **exactly one** of the two. Which one enters first is "
        "decided by the noise's chance correlation with the response: change its seed."
    )


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
        return self.lasso.coefs.shape[1]

    def lasso_most_nonzero(self) -> int:
        """The largest number of non-zero lasso weights anywhere on the path (λ ≥ 0)."""
        return int(np.max(np.count_nonzero(self.lasso.coefs, axis=1)))

    def ridge_fewest_nonzero(self) -> int:
        """The smallest number of non-zero ridge weights on ``GRID``."""
        return int(np.min(np.count_nonzero(self.ridge.coefs, axis=1)))


SUBSAMPLE_FLOORS = (0.0, 1e-6, 1e-5)  # all below the plotted range (λ >= 1e-4)


@lru_cache(maxsize=16)
def subsample(n: int, seed: int) -> Subsample:
    data = design("quadratic")
    if not 2 <= n <= len(data.y):
        raise ValueError(f"n must lie in [2, {len(data.y)}], got {n}")
    rows = np.sort(np.random.default_rng(seed).choice(len(data.y), size=n, replace=False))
    X, y = data.X[rows], data.y[rows]
    G, b = gram(X, y)
    ridge = ridge_path(G, b, GRID)
    _frozen(ridge.coefs)
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
    x, zeros = paths.lasso_zero_steps(fit.lasso)
    return x, fit.p - zeros, GRID, np.count_nonzero(fit.ridge.coefs, axis=1)


def subsample_sentence(fit: Subsample) -> str:
    most, n = fit.lasso_most_nonzero(), fit.n
    if fit.floor > 0.0:
        end = (
            f"down to λ = {fit.floor:g} (just above 0: at n − 1 = p the Gram matrix is "
            "singular to rounding)"
        )
    elif fit.rank < fit.p:
        # Rank < p: the λ = 0 problem (least squares) has infinitely many solutions.
        end = (
            "to its end as λ → 0⁺ (with more features than the rank the λ = 0 problem has "
            "infinitely many solutions; the path's limit is the one with the smallest ℓ1 norm)"
        )
    else:
        end = "down to λ = 0 (least squares, unique here)"
    return (
        f"{n} patients, {fit.p} features. Centring (the intercept) leaves the data rank "
        f"{fit.rank} ≤ n − 1 = {n - 1}. Along the whole exact lasso path, {end}, at "
        f"most **{most}** weights are non-zero at any λ: the active columns stay linearly "
        f"independent, so never more than the rank. Ridge: **{fit.ridge_fewest_nonzero()} of "
        f"{fit.p}** non-zero at every λ of the grid."
    )
