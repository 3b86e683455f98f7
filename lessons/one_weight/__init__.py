"""The One weight lesson: ½(w − a)² + penalty(w), its dead zone, shrinkage and priors.

The page reads its controls (``PULL``, ``LAM``, ``RATIO``, ``UNITS``), the
curves to draw (``penalty_curves``, ``one_weight_problem``,
``shrinkage_curves``, ``laplace_posterior``, ``coefficients``), the exact
answers it quotes (``answers``) and its sentences (``words``); its live charts'
data (``live_payload``, ``LIVE_CHARTS``) and what a release may set
(``release_values``, ``slider_specs``). The Tour takes
its three stops from ``tour_steps()``; Check yourself and the Tour quote
``units_counterexample``. Streamlit-free.
"""

from lessons.one_weight.controls import LAM, PULL, RATIO, UNITS
from lessons.one_weight.live_payload import (
    LIVE_CHARTS,
    VIEW_KEYS,
    live_payload,
    release_values,
    slider_specs,
)
from lessons.one_weight.model import OLS, Answers, answers, coefficients, lasso_in_units
from lessons.one_weight.tour import DEAD_ZONE_LAM, DEAD_ZONE_PULL, tour_steps, units_text
from lessons.one_weight.words import (
    INTRO,
    MANY_WEIGHTS_CAPTION,
    SHRINKAGE_CAPTION,
    SLOPES_CAPTION,
    bayes_sentence,
    dead_zone_sentence,
    lasso_badge,
    power_of_ten,
    ridge_badge,
    units_counterexample,
    units_sentence,
)
from studies.one_weight import (
    laplace_posterior,
    one_weight_problem,
    penalty_curves,
    shrinkage_curves,
)

__all__ = [
    "DEAD_ZONE_LAM",
    "DEAD_ZONE_PULL",
    "INTRO",
    "LAM",
    "LIVE_CHARTS",
    "MANY_WEIGHTS_CAPTION",
    "OLS",
    "PULL",
    "RATIO",
    "SHRINKAGE_CAPTION",
    "SLOPES_CAPTION",
    "UNITS",
    "VIEW_KEYS",
    "Answers",
    "answers",
    "bayes_sentence",
    "coefficients",
    "dead_zone_sentence",
    "laplace_posterior",
    "lasso_badge",
    "lasso_in_units",
    "live_payload",
    "one_weight_problem",
    "penalty_curves",
    "power_of_ten",
    "release_values",
    "ridge_badge",
    "shrinkage_curves",
    "slider_specs",
    "tour_steps",
    "units_counterexample",
    "units_sentence",
    "units_text",
]
