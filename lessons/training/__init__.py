"""The Training lesson: optimisers racing on the lasso, and which of them reach 0.0.

The page reads its controls (``START``, ``STEP``, ``LAM``, … and the choices
``OPTIMISERS``, ``BATCHES``, …), the races (``lesson_race``, ``diabetes_race``
for ``RaceSettings`` and ``DiabetesSettings``), the live race's payload and
release (``race_payload``, ``release_start``), the figures built from them
(``zeros_figure_for``, ``diabetes_zeros_figure``, ``diabetes_sweep_figure``;
``animated_race_figure`` for the Tour), the tables (``race_table``,
``threshold_table``), the words (``INTRO``, ``race_caption``, ``diabetes_intro``,
``CHOOSE_OPTIMISER``, ``explanations``, ``fmt``) and the work caps it quotes
(``RUN_CAP``, ``MAX_WORK``, ``MAX_STEP``). The Tour reads ``tour_step``.
"""

from lessons.training.charts import (
    animated_race_figure,
    diabetes_sweep_figure,
    diabetes_zeros_figure,
    zeros_figure_for,
)
from lessons.training.controls import (
    ADAM_RATES,
    BATCHES,
    DEFAULT_SHOWN,
    DIABETES_ADAM_RATES,
    DIABETES_BATCHES,
    DIABETES_LAM_SLIDER,
    EPOCHS,
    ITERATIONS,
    KNOWS_THE_KINK,
    LAM,
    LOG_TAU,
    MAX_FRAMES,
    MAX_STEP,
    MAX_WORK,
    OPTIMISERS,
    RUN_CAP,
    SEED,
    START,
    STEP,
    TAU_GRID,
    TRAIL,
)
from lessons.training.live_race import race_payload, release_start
from lessons.training.model import (
    DiabetesSettings,
    Race,
    RaceSettings,
    capped_epochs,
    diabetes_race,
    lesson_race,
    minibatch_curvature,
)
from lessons.training.tables import fmt, race_table, tau_window, threshold_counts, threshold_table
from lessons.training.tour import tour_step
from lessons.training.words import (
    CHOOSE_OPTIMISER,
    INTRO,
    STRICT_ZERO,
    diabetes_intro,
    explanations,
    race_caption,
)

__all__ = [
    "ADAM_RATES",
    "BATCHES",
    "CHOOSE_OPTIMISER",
    "DEFAULT_SHOWN",
    "DIABETES_ADAM_RATES",
    "DIABETES_BATCHES",
    "DIABETES_LAM_SLIDER",
    "EPOCHS",
    "INTRO",
    "ITERATIONS",
    "KNOWS_THE_KINK",
    "LAM",
    "LOG_TAU",
    "MAX_FRAMES",
    "MAX_STEP",
    "MAX_WORK",
    "OPTIMISERS",
    "RUN_CAP",
    "SEED",
    "START",
    "STEP",
    "STRICT_ZERO",
    "TAU_GRID",
    "TRAIL",
    "DiabetesSettings",
    "Race",
    "RaceSettings",
    "animated_race_figure",
    "capped_epochs",
    "diabetes_intro",
    "diabetes_race",
    "diabetes_sweep_figure",
    "diabetes_zeros_figure",
    "explanations",
    "fmt",
    "lesson_race",
    "minibatch_curvature",
    "race_caption",
    "race_payload",
    "race_table",
    "release_start",
    "tau_window",
    "threshold_counts",
    "threshold_table",
    "tour_step",
    "zeros_figure_for",
]
