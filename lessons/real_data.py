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

from lessons.controls import Slider
from lessons.tour_step import TourStep
from solvers.lasso_path import LassoPath, lasso_path
from solvers.penalized_paths import GridPath, elastic_net_path, ridge_path
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
SUBSAMPLE_SEED = Slider("sub_seed", "Seed of the subsample", 0, 20, 1, 0, "Which patients.", "%d")


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
    _frozen(data.X, data.y)
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


# --- the Tour's step ----------------------------------------------------------------------
def _tour_figures():
    from figures.real_data_counts import cv_figure, zero_count_figure
    from lessons.real_data_paths import zero_curves

    fits = design_fits("quadratic", MIX.default)
    cv = design_cv("quadratic", 1.0, 10, 0)
    lam = marker_lambda(np.log10(cv.lambda_1se))
    return [zero_count_figure(zero_curves(fits), lam, fits.p), cv_figure(cv, fits.p)]


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


def tour_step() -> TourStep:
    """The Tour's stop on this page: its text from one cached 10-fold CV, when shown."""
    return TourStep(
        slug="real-data",
        title="Real data: most of the 64 weights are exactly 0",
        text=_tour_text,
        figures=_tour_figures,
        page="real_data",
        page_title="Real data",
    )


# The model goes on in two modules, each under 300 lines; re-exported here so
# that ``lessons.real_data`` stays the page's one model.
from lessons.real_data_experiments import *  # noqa: E402, F403
from lessons.real_data_paths import *  # noqa: E402, F403
