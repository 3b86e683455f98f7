"""The Real data page's controls: the designs, the axes, the marker's grid of λ, the sliders."""

from __future__ import annotations

import numpy as np

from geometry.validation import read_only
from lessons.controls import Slider

DESIGNS = {
    "quadratic": "64 predictors (quadratic)",
    "main": "10 variables",
}
AXES = {"log_lambda": "log λ", "l1_fraction": "‖w‖₁ / max"}
FOLDS = {"10": "10 folds", "5": "5 folds"}
MAIN_FEATURES = ("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6")
COPY_FEATURES = {name: name for name in MAIN_FEATURES}

LOG_LOW, LOG_HIGH, LOG_STEP = -4.0, 1.0, 0.05
# Every value the marker's slider can take, largest first: the exact ridge and
# elastic-net solutions at the marker are points of this grid, not interpolations.
GRID = 10.0 ** np.round(np.arange(LOG_HIGH, LOG_LOW - LOG_STEP / 2, -LOG_STEP), 10)
read_only(GRID)
DRAWN = slice(None, None, 2)  # the paths are drawn at every other point of GRID (steps of 0.1)
HIGHLIGHTED = 7  # features drawn in colour: the first to enter the lasso path

MARKER = Slider(
    key="log_lam",
    label="Marker: log₁₀ λ",
    low=LOG_LOW,
    high=LOG_HIGH,
    step=LOG_STEP,
    default=-1.1,
    help="The penalty weight λ at the vertical marker, on a log scale (λ = 10^value), in "
    "standardised units: λ ≥ max |corr(feature, response)| gives the lasso all zeros.",
)
MIX = Slider(
    key="alpha",
    label="Elastic net's L1 share α",
    low=0.05,
    high=0.95,
    step=0.05,
    default=0.5,
    help="Penalty λ(α‖w‖₁ + (1 − α)‖w‖₂²): α = 1 would be the lasso, α = 0 ridge.",
)
CV_SEED = Slider(
    key="cv_seed",
    label="CV: seed of the folds",
    low=0,
    high=20,
    step=1,
    default=0,
    help="Which random split.",
    fmt="%d",
)
CORRELATION = Slider(
    key="rho",
    label="Correlation of the copy",
    low=0.5,
    high=0.999,
    step=0.001,
    default=0.995,
    help="Sample correlation of the added near copy with the feature: exactly this value.",
    fmt="%.3f",
)
COPY_SEED = Slider(
    key="copy_seed",
    label="Seed of the copy's noise",
    low=0,
    high=50,
    step=1,
    default=0,
    help="A new draw of the noise.",
    fmt="%d",
)
PATIENTS = Slider(
    key="n_sub",
    label="Patients in the subsample n",
    low=20,
    high=120,
    step=5,
    default=40,
    help="Fit the 64-predictor model on this many randomly chosen patients.",
    fmt="%d",
)
SUBSAMPLE_SEED = Slider(
    key="sub_seed",
    label="Seed of the subsample",
    low=0,
    high=20,
    step=1,
    default=0,
    help="Which patients.",
    fmt="%d",
)
