"""The Check yourself lesson: four common confusions, each answered with a figure to move.

The page reads ``QUESTIONS`` (each a ``Question`` carrying its choices, answer,
slider specs, figure functions, caption and link) and ``INTRO``. Every number
an answer prints is computed (``lessons.questions.model``), never typed; the
tests also read the model's constants. Streamlit-free.
"""

from lessons.questions.model import (
    CORRELATED_CENTRE,
    CORRELATED_HESSIAN,
    CORRELATED_LOSS,
    DESCENT_CENTRE,
    DESCENT_ITERATIONS,
    DESCENT_LAM,
    DESCENT_LOSS,
    DESCENT_START,
    EDGE_DISTANCE,
    EDGE_FAR,
    RIDGE_ZERO,
    edge_directions,
    prox_lands_on_zero,
    ridge_w2,
)
from lessons.questions.quiz import QUESTIONS, Link, Panel, Question
from lessons.questions.words import INTRO, TRAINING_LINK_TEXT, minus_sign

__all__ = [
    "CORRELATED_CENTRE",
    "CORRELATED_HESSIAN",
    "CORRELATED_LOSS",
    "DESCENT_CENTRE",
    "DESCENT_ITERATIONS",
    "DESCENT_LAM",
    "DESCENT_LOSS",
    "DESCENT_START",
    "EDGE_DISTANCE",
    "EDGE_FAR",
    "INTRO",
    "QUESTIONS",
    "RIDGE_ZERO",
    "TRAINING_LINK_TEXT",
    "Link",
    "Panel",
    "Question",
    "edge_directions",
    "minus_sign",
    "prox_lands_on_zero",
    "ridge_w2",
]
