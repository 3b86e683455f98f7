"""The Tour's stops, in order: its own, and those the other lessons hand over.

Each stop is a ``TourStep`` whose text and figures are callables, built when
shown: importing the Tour computes nothing. The Tour's own stops (the question,
the corners, the normal cone, the edge hit, the catchment, the regression) are
written here from ``lessons.tour.words`` and ``lessons.tour.figures``; One
weight, Three weights, Training and Real data give theirs (``tour_step()`` or
``tour_steps()``).
"""

from __future__ import annotations

from lessons.constraint_regions.presets import PRESETS
from lessons.loss_shape import DEFAULT_SHAPE, LossShape
from lessons.one_weight import tour_steps as one_weight_steps
from lessons.real_data import tour_step as real_data_step
from lessons.three_weights import tour_step as three_weights_step
from lessons.tour.figures import catchment_figures, panel_figures, regression_figures
from lessons.tour.words import (
    catchment_text,
    corners_text,
    edge_hit_text,
    normal_cone_text,
    question_text,
    regression_text,
)
from lessons.tour_step import TourStep
from lessons.training import tour_step as training_step

__all__ = ["EDGE", "LEGACY_STEPS", "STEP", "STEPS", "STEP_LABELS", "step_text"]

EDGE = LossShape.from_state(PRESETS["edge"].state, DEFAULT_SHAPE)
ONE_WEIGHT = one_weight_steps()

STEPS: tuple[TourStep, ...] = (
    TourStep(
        slug="question",
        title="The question",
        text=question_text,
        figures=lambda: panel_figures(DEFAULT_SHAPE, cone=False),
        page="constraint_regions",
        page_title="Constraint regions",
    ),
    ONE_WEIGHT["penalty-pull"],
    ONE_WEIGHT["dead-zone"],
    TourStep(
        slug="corners",
        title="Two weights: the diamond's corners",
        text=corners_text,
        figures=lambda: panel_figures(DEFAULT_SHAPE, cone=False),
        page="constraint_regions",
        page_title="Constraint regions",
        query={"cone": "false"},
    ),
    TourStep(
        slug="normal-cone",
        title="The reason: a corner holds a whole wedge of pulls",
        text=normal_cone_text,
        figures=lambda: panel_figures(DEFAULT_SHAPE, cone=True),
        page="constraint_regions",
        page_title="Constraint regions",
    ),
    TourStep(
        slug="edge-hit",
        title="Not always: an edge hit",
        text=edge_hit_text,
        figures=lambda: panel_figures(EDGE, cone=True),
        page="constraint_regions",
        page_title="Constraint regions",
        query=PRESETS["edge"].query(),
    ),
    TourStep(
        slug="catchment",
        title="How often: the catchment wedges",
        text=catchment_text,
        figures=catchment_figures,
        page="how_often",
        page_title="How often",
        query={"n": "10000"},
    ),
    three_weights_step(),
    ONE_WEIGHT["units"],
    training_step(),
    TourStep(
        slug="regression",
        title="What it means for real regression",
        text=regression_text,
        figures=regression_figures,
        page="how_often",
        page_title="How often (many weights)",
        query={"dim": "10"},
    ),
    real_data_step(),
)
STEP = {step.slug: step for step in STEPS}
STEP_LABELS = {step.slug: f"{k}. {step.title}" for k, step in enumerate(STEPS, start=1)}

# Links printed before the slugs carried the step's number or its label then:
# "step=3" or "step=3. The dead zone". Frozen here, whatever the steps become.
_LEGACY = (
    ("question", "The question"),
    ("penalty-pull", "One weight: the pull of each penalty"),
    ("dead-zone", "The dead zone"),
    ("corners", "Two weights: the diamond's corners"),
    ("normal-cone", "The reason: a corner holds a whole wedge of pulls"),
    ("edge-hit", "Not always: an edge hit"),
    ("catchment", "How often: the catchment wedges"),
    ("units", "The |w| < 1 argument is not the reason"),
    ("regression", "What it means for real regression"),
)
LEGACY_STEPS = {
    **{str(k): slug for k, (slug, _) in enumerate(_LEGACY, start=1)},
    **{f"{k}. {title}": slug for k, (slug, title) in enumerate(_LEGACY, start=1)},
}


def step_text(step: TourStep) -> str:
    """The step's paragraph, with its numbers computed where it quotes any.

    Parameters
    ----------
    step : TourStep
        Any stop of ``STEPS``.

    Returns
    -------
    str
        Its markdown, built now (``step.text()``).
    """
    return step.text()
