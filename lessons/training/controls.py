"""The Training page's optimisers and controls: names, ranges, defaults, the work cap.

``MAX_WORK`` (the solvers' cap, iterations × weights) is quoted by the page.
"""

from __future__ import annotations

import numpy as np

from lessons.controls import Slider
from solvers.iteration import MAX_ITERATIONS, MAX_WORK
from studies.training_problems import DIABETES_LAM, LESSON_LAM

# --- the optimisers ---------------------------------------------------------------------
OPTIMISERS: dict[str, str] = {
    "subgradient": "subgradient descent",
    "subgradient_sqrt": "subgradient, η/√(k+1)",
    "sgd": "SGD (minibatch)",
    "adam": "Adam",
    "ista": "ISTA (proximal)",
    "fista": "FISTA",
    "cd": "coordinate descent (CD)",
}
"""slug -> name, in the page's order: first the four that step along a subgradient."""
TITLE_NAMES = {
    "subgradient": "subgradient",
    "subgradient_sqrt": "decaying subgradient",
    "sgd": "SGD",
    "adam": "Adam",
    "ista": "ISTA",
    "fista": "FISTA",
    "cd": "CD",
}
"""What titles call them: short, so that a title fits its figure."""
KNOWS_THE_KINK = ("ista", "fista", "cd")
DEFAULT_SHOWN = ("subgradient", "sgd", "adam", "ista", "fista", "cd")
MAX_STEP = 1.9  # times 1 / L: the step control's upper end
RUN_CAP = min(MAX_ITERATIONS, MAX_WORK // 10)  # steps per run of one optimiser (10 weights)
MAX_FRAMES = 40  # every one of the first 20 iterations, then 20 spaced evenly in log
TRAIL = 6  # iterates drawn as the moving trail of each optimiser

# --- the controls -------------------------------------------------------------------------
START = tuple(
    Slider(
        key=f"w{i}_0",
        label=f"Start w{i}",
        low=-3.0,
        high=3.0,
        step=0.1,
        default=default,
        help=f"Where every optimiser starts: w{i} of the first iterate.",
        fmt="%.1f",
    )
    for i, default in ((1, 2.5), (2, -1.5))
)
STEP = Slider(
    key="step",
    label="Step η (times 1/L)",
    low=0.05,
    high=MAX_STEP,
    step=0.05,
    default=1.0,
    help="The step of subgradient descent, SGD, ISTA and FISTA, as a multiple of 1/L, L = ‖H‖ "
    f"the loss's largest curvature. At most {MAX_STEP}/L: convergence is guaranteed only "
    "for η < 2/L; beyond 2/L ISTA and subgradient descent diverge on this quadratic (at "
    "exactly 2/L gradient descent oscillates). FISTA's step stays at most 1/L: its momentum "
    "diverges from about 1.3/L.",
)
LAM = Slider(
    key="lam",
    label="Penalty weight λ",
    low=0.5,
    high=4.0,
    step=0.1,
    default=LESSON_LAM,
    help="The lasso weight of λ‖w‖₁.",
    fmt="%.1f",
)
ITERATIONS = Slider(
    key="iters",
    label="Iterations",
    low=10,
    high=2000,
    step=10,
    default=200,
    help="Steps of each optimiser (CD: sweeps).",
    fmt="%d",
)
SEED = Slider(
    key="seed",
    label="Seed",
    low=0,
    high=20,
    step=1,
    default=0,
    help="Seeds the minibatches' reshuffling.",
    fmt="%d",
)
BATCHES = {str(b): str(b) for b in (1, 2, 4, 8, 16, 32)} | {"64": "64 (all: full batch)"}
ADAM_RATES = {r: r for r in ("0.003", "0.01", "0.03", "0.1", "0.3")}
DIABETES_LAM_SLIDER = Slider(
    key="d_lam",
    label="Penalty weight λ",
    low=0.5,
    high=40.0,
    step=0.5,
    default=DIABETES_LAM,
    help="The lasso weight.",
    fmt="%.1f",
)
EPOCHS = Slider(
    key="epochs",
    label="Epochs K",
    low=1,
    high=1000,
    step=1,
    default=50,
    help="Passes over the 442 patients: one full step, prox step or sweep each, or "
    "442 / batch minibatch steps.",
    fmt="%d",
)
DIABETES_BATCHES = {str(b): str(b) for b in (1, 8, 32, 128)} | {"442": "442 (all)"}
DIABETES_ADAM_RATES = {r: r for r in ("0.01", "0.03", "0.1", "0.3", "1", "3")}
LOG_TAU = Slider(
    key="log_tau",
    label="Threshold afterwards: log₁₀ τ",
    low=-8.0,
    high=1.0,
    step=0.25,
    default=-2.0,
    help="Set every |wᵢ| < τ to 0 after training, as one does with an optimiser that never "
    "gives exact zeros.",
)
TAU_GRID = np.logspace(-10.0, 2.0, 241)
