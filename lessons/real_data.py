"""The Real data page's model: the diabetes designs (or a visitor's table), fitted exactly.

Units. Every fit here is on *standardised* data: each feature with mean 0
and variance 1, and the response too (``standard_units``). The designs of
``studies.diabetes_design`` have unit-length columns (Efron et al. 2004);
multiplying them by ``sqrt(n)`` and dividing the response by its standard
deviation rescales ``lam`` and the weights but changes no zero of the lasso
or of ridge. It does change what the elastic net's mix means: its L1 part
is homogeneous of degree 1 in ``w``, its L2 part of degree 2, so the balance
``alpha`` depends on the units; with unit variances it is glmnet's balance
(Friedman, Hastie & Tibshirani 2010). With these units ``lam_max = max_j
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

from figures.real_data import PathPanel
from lessons.controls import Slider
from solvers.lasso_path import LassoPath, lasso_path
from solvers.penalized_paths import GridPath, elastic_net_path, ridge_path
from studies.correlated_copy import with_near_copy
from studies.cross_validation import CVResult, cross_validate
from studies.diabetes_design import diabetes_design

DESIGNS = {
    "quadratic": "64 predictors (quadratic)",
    "main": "10 variables",
}
AXES = {"log_lambda": "log λ", "l1_fraction": "‖w‖₁ / max"}
FOLDS = {"10": "10 folds", "5": "5 folds"}
MAIN_FEATURES = ("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6")
COPY_FEATURES = {name: name for name in MAIN_FEATURES}
SOURCE = (
    "442 diabetes patients, ten baseline measurements and disease progression a year later: "
    "Efron, Hastie, Johnstone & Tibshirani, “Least Angle Regression”, *Annals of Statistics* "
    "32 (2004), data of their Table 1; the 64-predictor model is their section 4's: the ten "
    "main effects, 45 interactions and 9 squares (not sex²)."
)

LOG_LOW, LOG_HIGH, LOG_STEP = -4.0, 1.0, 0.05
# Every value the marker's slider can take, largest first: the exact ridge and
# elastic-net solutions at the marker are points of this grid, not interpolations.
GRID = 10.0 ** np.round(np.arange(LOG_HIGH, LOG_LOW - LOG_STEP / 2, -LOG_STEP), 10)
GRID.setflags(write=False)
DRAWN = slice(None, None, 2)  # the paths are drawn at every other point of GRID (steps of 0.1)
HIGHLIGHTED = 7  # features drawn in colour: the first to enter the lasso path

MARKER = Slider(
    "log_lam",
    "Marker: log₁₀ λ",
    LOG_LOW,
    LOG_HIGH,
    LOG_STEP,
    -1.1,
    "The penalty weight λ at the vertical marker, on a log scale (λ = 10^value), in "
    "standardised units: λ ≥ max |corr(feature, response)| gives the lasso all zeros.",
)
MIX = Slider(
    "alpha",
    "Elastic net's L1 share α",
    0.05,
    0.95,
    0.05,
    0.5,
    "Penalty λ(α‖w‖₁ + (1 − α)‖w‖₂²): α = 1 would be the lasso, α = 0 ridge.",
)
CV_SEED = Slider("cv_seed", "CV: seed of the folds", 0, 20, 1, 0, "Which random split.", "%d")
CORRELATION = Slider(
    "rho",
    "Correlation of the copy",
    0.5,
    0.999,
    0.001,
    0.995,
    "Sample correlation of the added near copy with the feature: exactly this value.",
    "%.3f",
)
COPY_SEED = Slider(
    "copy_seed", "Seed of the copy's noise", 0, 50, 1, 0, "A new draw of the noise.", "%d"
)
PATIENTS = Slider(
    "n_sub",
    "Patients in the subsample n",
    20,
    120,
    5,
    40,
    "Fit the 64-predictor model on this many randomly chosen patients.",
    "%d",
)
SUBSAMPLE_SEED = Slider(
    "sub_seed", "Seed of the subsample", 0, 20, 1, 0, "Which patients.", "%d"
)


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


def _frozen(*arrays: np.ndarray) -> None:
    for array in arrays:
        array.setflags(write=False)


def grid_index(lam: float) -> int:
    """The row of ``GRID`` holding ``lam`` (a value of the marker's slider)."""
    row = int(round((LOG_HIGH - np.log10(lam)) / LOG_STEP))
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
    _frozen(data.X, data.y)
    return data


def gram(X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``G = Xc^T Xc / n`` and ``b = Xc^T yc / n`` of the centred data."""
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    G = Xc.T @ Xc / len(yc)
    return 0.5 * (G + G.T), Xc.T @ yc / len(yc)


def fit(data: Data, l1_ratio: float) -> Fits:
    """The exact lasso path (down to λ = 0) and ridge and the elastic net on ``GRID``."""
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
    _frozen(ridge.coefs)
    return lasso_path(G, b, 0.0), ridge


@lru_cache(maxsize=16)
def design_fits(name: str, l1_ratio: float) -> Fits:
    """``fit`` of a diabetes design, cached (the lasso and ridge once per design)."""
    data = design(name)
    lasso, ridge = _lasso_and_ridge(name)
    G, b = gram(data.X, data.y)
    enet = elastic_net_path(G, b, GRID, l1_ratio)
    _frozen(enet.coefs)
    return Fits(data.names, lasso, ridge, enet, l1_ratio)


def cross_validation(data: Data, l1_ratio: float, folds: int, seed: int) -> CVResult:
    """K-fold CV over ``LassoCV``'s grid (``studies.cross_validation``), ridge for α = 0."""
    return cross_validate(data.X, data.y, l1_ratio, k=folds, seed=seed)


@lru_cache(maxsize=24)
def design_cv(name: str, l1_ratio: float, folds: int, seed: int) -> CVResult:
    result = cross_validation(design(name), l1_ratio, folds, seed)
    _frozen(result.mean, result.se, result.lambdas, result.coef_min, result.coef_1se)
    return result


# --- steps of the zero count --------------------------------------------------------------
def lasso_zero_steps(path: LassoPath, top: float = GRID[0], low: float = GRID[-1]):
    """The lasso's zero count as a step function of λ on [low, top]: (x, counts), x decreasing.

    ``counts[k]`` holds on the open interval from ``x[k]`` down to ``x[k + 1]``
    (what a plot's horizontal-then-vertical steps draw). Between two
    breakpoints the active set is fixed, so a weight is 0 there exactly when
    it is 0 at both ends.
    """
    lams, coefs = path.lambdas, path.coefs
    interior = np.count_nonzero((coefs[:-1] == 0.0) & (coefs[1:] == 0.0), axis=1)
    inside = np.flatnonzero((lams[:-1] >= low) & (lams[:-1] <= top))
    x = np.concatenate([[top], lams[inside], [low]])
    first = np.count_nonzero(path.at(top) == 0.0) if top < lams[0] else coefs.shape[1]
    last_piece = interior[inside[-1]] if inside.size else first
    counts = np.concatenate([[first], interior[inside], [last_piece]])
    return x, counts


def entry_order(path: LassoPath) -> list[int]:
    """Features by the largest λ at which they are non-zero on the path (first in first)."""
    nonzero = path.coefs != 0.0
    first = np.where(nonzero.any(axis=0), np.argmax(nonzero, axis=0), len(path.lambdas))
    return [int(j) for j in np.argsort(first, kind="stable")]


def lasso_on_grid(path: LassoPath, grid: np.ndarray = GRID) -> tuple[np.ndarray, np.ndarray]:
    """The lasso at every breakpoint inside the grid's range, and at the grid's points that
    lie in gaps between breakpoints wider than the grid's step: (λ decreasing, weights).

    The weights are linear in λ between breakpoints, so these points draw the path
    exactly up to the curvature a log axis gives a straight piece.
    """
    inside = path.lambdas[(path.lambdas < grid[0]) & (path.lambdas > grid[-1])]
    logs = np.log10(grid)
    step = float(np.max(np.abs(np.diff(logs)))) if grid.size > 1 else 1.0
    if inside.size:
        distance = np.min(np.abs(logs[:, None] - np.log10(inside)[None, :]), axis=1)
        fill = grid[(distance > step / 2) | (np.arange(grid.size) % (grid.size - 1) == 0)]
    else:
        fill = grid
    lams = np.unique(np.concatenate([fill, inside]))[::-1]
    return lams, path.at(lams)


def l1_fraction(coefs: np.ndarray) -> np.ndarray:
    """``||w||_1 / max ||w||_1`` along a path (the largest being at its smallest λ)."""
    norms = np.sum(np.abs(coefs), axis=1)
    return norms / max(float(norms.max()), np.finfo(np.float64).tiny)


def path_panels(fits: Fits, lam: float, axis: str) -> list[PathPanel]:
    """The three methods' paths for ``paths_figure``, against log λ or ``‖w‖₁ / max``."""
    row = grid_index(lam)
    lasso_x, lasso_w = lasso_on_grid(fits.lasso, GRID[DRAWN])
    enet, ridge = fits.enet.coefs, fits.ridge.coefs
    panels = [
        ("Lasso: exact path, every breakpoint", lasso_x, lasso_w, lam, fits.lasso.at(lam)),
        (f"Elastic net, α = {fits.l1_ratio:g}", GRID[DRAWN], enet[DRAWN], lam, enet[row]),
        ("Ridge", GRID[DRAWN], ridge[DRAWN], lam, ridge[row]),
    ]
    if axis == "log_lambda":
        return [PathPanel(title, x, w, marker) for title, x, w, marker, _ in panels]
    out = []
    for title, _, w, _, at in panels:
        top = float(np.max(np.sum(np.abs(w), axis=1)))
        out.append(PathPanel(title, l1_fraction(w), w, float(np.sum(np.abs(at))) / top))
    return out


def marker_positions(fits: Fits, lam: float, axis: str) -> list[float]:
    """Where the marker at ``lam`` sits in each panel of ``path_panels``."""
    if axis == "log_lambda":
        return [lam, lam, lam]
    return [panel.marker for panel in path_panels(fits, lam, axis)]


def paths_title(fits: Fits, lam: float, what: str) -> str:
    zeros = fits.zeros_at(lam)["lasso"]
    return f"{what}: at the marker the lasso has {zeros} of {fits.p} weights exactly 0"


def highlighted(fits: Fits) -> list[int]:
    """The features drawn in colour: all of ten, else the first ``HIGHLIGHTED`` to enter."""
    order = entry_order(fits.lasso)
    return order if fits.p <= 10 else order[:HIGHLIGHTED]


def zeros_sentence(fits: Fits, lam: float) -> str:
    """The marker's readout: each method's exact zeros at ``lam`` (markdown)."""
    zeros = fits.zeros_at(lam)
    return (
        f"At the marker, λ = {lam:.3g}: the lasso has **{zeros['lasso']} of {fits.p}** weights "
        f"exactly 0, the elastic net (α = {fits.l1_ratio:g}) **{zeros['enet']}**, ridge "
        f"**{zeros['ridge']}**."
    )


# --- the correlated copy ------------------------------------------------------------------
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
        for panel in path_panels(pair.fits, lam, "log_lambda")
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
    x, zeros = lasso_zero_steps(fit.lasso)
    return x, fit.p - zeros, GRID, np.count_nonzero(fit.ridge.coefs, axis=1)


def subsample_sentence(fit: Subsample) -> str:
    most, n = fit.lasso_most_nonzero(), fit.n
    return (
        f"{n} patients, {fit.p} features. Centring (the intercept) leaves the data rank "
        f"{fit.rank} ≤ n − 1 = {n - 1}. Along the whole exact lasso path, down to λ = "
        f"{fit.floor:g}, at "
        f"most **{most}** weights are non-zero at any λ: the active columns stay linearly "
        f"independent, so never more than the rank. Ridge: **{fit.ridge_fewest_nonzero()} of "
        f"{fit.p}** non-zero at every λ of the grid."
    )


# --- the Tour's step ----------------------------------------------------------------------
def _tour_figures():
    from figures.real_data import cv_figure, zero_count_figure

    fits = design_fits("quadratic", MIX.default)
    cv = design_cv("quadratic", 1.0, 10, 0)
    lam = marker_lambda(np.log10(cv.lambda_1se))
    return [zero_count_figure(zero_curves(fits), lam, fits.p), cv_figure(cv, fits.p)]


def zero_curves(fits: Fits) -> list[tuple[str, str, np.ndarray, np.ndarray]]:
    """(label, region-kind slug, λ decreasing, zero counts) of the three methods."""
    x, counts = lasso_zero_steps(fits.lasso)
    return [
        ("lasso (exact path)", "l1", x, counts),
        (f"elastic net α = {fits.l1_ratio:g}", "elasticnet", GRID, fits.enet.zero_counts()),
        ("ridge", "l2", GRID, fits.ridge.zero_counts()),
    ]


def headline(cv: CVResult, p: int) -> str:
    return (
        f"Cross-validated, the lasso puts **{cv.zeros_1se} of the {p}** weights at exactly 0 "
        f"at λ_1se = {cv.lambda_1se:.3g} (and {cv.zeros_min} of {p} at λ_min = "
        f"{cv.lambda_min:.3g})."
    )


def ridge_zeros_anywhere(fits: Fits) -> int:
    """The most exact zeros ridge has at any λ of ``GRID``."""
    return int(fits.ridge.zero_counts().max())


def _tour_text() -> str:
    cv = design_cv("quadratic", 1.0, 10, 0)
    fits = design_fits("quadratic", MIX.default)
    ridge = ridge_zeros_anywhere(fits)
    return (
        "A real data set with many features: 442 diabetes patients and 64 predictors (ten "
        "measurements, their interactions and squares; Efron et al. 2004). "
        + headline(cv, 64)
        + f" Ridge has {ridge if ridge else 'no'} exact zero{'s' if ridge != 1 else ''} at any "
        f"λ from 10⁻⁴ to 10. “Most weights are zero” is what L1 does here, at the λ the "
        "data choose."
    )


# The Tour's step (lessons/tour.py wires it in): its text is computed, so it
# is built on import (one cached 10-fold CV of the lasso, ~0.2 s).
TOUR_STEP = {
    "slug": "real-data",
    "title": "Real data: most of the 64 weights are exactly 0",
    "text": _tour_text(),
    "figures": _tour_figures,
    "page": "real_data",
    "page_title": "Real data",
    "query": {},
}
