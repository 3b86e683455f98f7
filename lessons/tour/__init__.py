"""The Tour lesson: twelve stops from the question to the real data, each built when shown.

The page reads ``STEPS`` (the ordered ``TourStep`` objects), ``STEP`` (by slug),
``STEP_LABELS`` (what the step chooser shows), ``LEGACY_STEPS`` (old links'
step numbers and labels -> slugs), ``step_text`` and ``built_step`` (each step's
words and figures, built once per process; ``start_warming`` builds them all in
the background, ``BUILDS`` counts the builds). The tests also read the
numbers the Tour's own stops quote (``figures`` and ``words``). Streamlit-free.
"""

from lessons.tour.built import BUILDS, BuiltStep, built_step, start_warming, warming_order
from lessons.tour.figures import (
    CATCHMENT_BOWL,
    CATCHMENT_SPREAD,
    REGRESSION_FRACTIONS,
    REGRESSION_MARK,
    USUALLY_SPREADS,
    catchment_figures,
    panel_figures,
    regression_figures,
    regression_paths,
    ridge_crossings,
    usually_shares,
)
from lessons.tour.steps import EDGE, LEGACY_STEPS, STEP, STEP_LABELS, STEPS, step_text
from lessons.tour.words import catchment_text, regression_text

__all__ = [
    "BUILDS",
    "CATCHMENT_BOWL",
    "CATCHMENT_SPREAD",
    "EDGE",
    "LEGACY_STEPS",
    "REGRESSION_FRACTIONS",
    "REGRESSION_MARK",
    "STEP",
    "STEPS",
    "STEP_LABELS",
    "USUALLY_SPREADS",
    "BuiltStep",
    "built_step",
    "catchment_figures",
    "catchment_text",
    "panel_figures",
    "regression_figures",
    "regression_paths",
    "regression_text",
    "ridge_crossings",
    "start_warming",
    "step_text",
    "usually_shares",
    "warming_order",
]
