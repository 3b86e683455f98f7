"""The Tour's model: its steps (text, figures, where to go deeper), numbers computed."""

from __future__ import annotations

from lessons.loss_shape import DEFAULT_SHAPE, LossShape
from lessons.one_weight import tour_steps as one_weight_steps
from lessons.presets import PRESETS
from lessons.real_data import tour_step as real_data_step
from lessons.three_weights import tour_step as three_weights_step
from lessons.tour_figures import (
    catchment_figures,
    catchment_text,
    panel_figures,
    regression_figures,
    regression_text,
)
from lessons.tour_step import TourStep
from lessons.training_words import tour_step as training_step

EDGE = LossShape.from_state(PRESETS["edge"].state, DEFAULT_SHAPE)
ONE_WEIGHT = one_weight_steps()

STEPS: tuple[TourStep, ...] = (
    TourStep(
        "question",
        "The question",
        lambda: (
            "L1 regularisation gives weights that are *exactly* zero; L2 gives small weights that "
            "are not. Below, the same loss (its ellipses) is minimised inside the L1 diamond and "
            "inside the L2 circle of the same size. The diamond's answer sits on an axis: w1 = 0. "
            "Why, and how often? The next steps answer with one weight, then two, then many."
        ),
        lambda: panel_figures(DEFAULT_SHAPE, cone=False),
        "constraint_regions",
        "Constraint regions",
        {},
    ),
    ONE_WEIGHT["penalty-pull"],
    ONE_WEIGHT["dead-zone"],
    TourStep(
        "corners",
        "Two weights: the diamond's corners",
        lambda: (
            "In two dimensions the budget ‖w‖₁ ≤ t is a diamond whose corners sit on the axes. "
            "Inflate the loss ellipse from its centre ✕ until it first touches the region: the "
            "first contact is very often a corner, and at a corner one weight is exactly 0. The "
            "circle has no corners, so its contact point is almost never on an axis."
        ),
        lambda: panel_figures(DEFAULT_SHAPE, cone=False),
        "constraint_regions",
        "Constraint regions",
        {"cone": "false"},
    ),
    TourStep(
        "normal-cone",
        "The reason: a corner holds a whole wedge of pulls",
        lambda: (
            "At the optimum the loss pulls with −∇L(w) (the arrow). On a smooth boundary the "
            "region can push back only along one direction, the normal: the pull must point "
            "exactly that way. At a corner it can push back along a whole wedge of directions "
            "(shaded), so every pull inside the wedge keeps the optimum on the corner."
        ),
        lambda: panel_figures(DEFAULT_SHAPE, cone=True),
        "constraint_regions",
        "Constraint regions",
        {},
    ),
    TourStep(
        "edge-hit",
        "Not always: an edge hit",
        lambda: (
            "With the centre close enough to a diagonal the ellipse meets an edge of the diamond "
            "first, and the L1 solution has no zero at all. How close depends on how far the "
            "centre is: for round contours an edge catches a strip as wide as itself, a corner a "
            "wedge that widens with distance. Corners win often, not always."
        ),
        lambda: panel_figures(EDGE, cone=True),
        "constraint_regions",
        "Constraint regions",
        PRESETS["edge"].query(),
    ),
    TourStep(
        "catchment",
        "How often: the catchment wedges",
        catchment_text,
        catchment_figures,
        "how_often",
        "How often",
        {"n": "10000"},
    ),
    three_weights_step(),
    ONE_WEIGHT["units"],
    training_step(),
    TourStep(
        "regression",
        "What it means for real regression",
        regression_text,
        regression_figures,
        "how_often",
        "How often (many weights)",
        {"dim": "10"},
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
    """The step's paragraph, with its numbers computed where it quotes any."""
    return step.text()
