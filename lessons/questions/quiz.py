"""The Check yourself questions: each with its answer, its sliders and its figures, as data.

A question carries everything the page shows for it, in order: the prompt and
choices, the right answer and why, its figure panels (each a few ``Slider``
specs and a function of their values that draws the figure), a caption and a
link. The page loops over ``QUESTIONS`` and never asks which question it holds.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import plotly.graph_objects as go

from lessons.controls import Slider
from lessons.questions.controls import (
    DESCENT_STEP,
    EDGE_ANGLE,
    EDGE_RADIUS,
    RIDGE_LAM,
    RIDGE_OFFSET,
    UNITS_SCALE,
)
from lessons.questions.panels import (
    descent_panel,
    edge_panel,
    ridge_axis_panel,
    ridge_path_panel,
    units_panel,
)
from lessons.questions.words import (
    PROMPTS,
    TRAINING_LINK_TEXT,
    descent_caption,
    descent_why,
    edge_caption,
    edge_why,
    ridge_caption,
    ridge_why,
    units_why,
)

__all__ = ["QUESTIONS", "Link", "Panel", "Question"]


@dataclass(frozen=True)
class Panel:
    """One figure of a question and the sliders it reads.

    Attributes
    ----------
    sliders : tuple of Slider
        Its controls, in the order shown.
    figure : callable
        ``figure(*values)`` draws it from those sliders' values, in the same order.
    chart_key : str
        The chart's stable key on the page.
    """

    sliders: tuple[Slider, ...]
    figure: Callable[..., go.Figure]
    chart_key: str


@dataclass(frozen=True)
class Link:
    """A link under a question to the page that shows more (a registry key)."""

    page: str
    label: str
    icon: str


@dataclass(frozen=True)
class Question:
    """A question, its choices (key -> text), the right key, why, and what it shows.

    The first panel's figure is shown above its sliders (on a projector the first
    question's figure starts on the first screen); later panels' figures follow
    their sliders. The caption, if any, is built from every slider's value by key.
    """

    key: str
    text: str
    choices: dict[str, str]
    right: str
    why: str
    panels: tuple[Panel, ...] = ()
    caption: Callable[[Mapping[str, float]], str] | None = None
    link: Link | None = None


def _question(name: str, key: str, right: str, why: str, **shown: object) -> Question:
    prompt = PROMPTS[name]
    return Question(key, prompt.text, prompt.choices, right, why, **shown)


QUESTIONS: dict[str, Question] = {
    "edge": _question(
        "edge",
        "q1",
        "edge",
        edge_why(),
        panels=(Panel((EDGE_ANGLE, EDGE_RADIUS), edge_panel, "question_edge"),),
        caption=edge_caption,
    ),
    "descent": _question(
        "descent",
        "q2",
        "prox",
        descent_why(),
        panels=(Panel((DESCENT_STEP,), descent_panel, "question_descent"),),
        caption=descent_caption,
        link=Link("training", TRAINING_LINK_TEXT, ":material/model_training:"),
    ),
    "units": _question(
        "units",
        "q3",
        "no",
        units_why(),
        panels=(Panel((UNITS_SCALE,), units_panel, "question_units"),),
    ),
    "ridge": _question(
        "ridge",
        "q4",
        "measure_zero",
        ridge_why(),
        panels=(
            Panel((RIDGE_OFFSET,), ridge_axis_panel, "question_ridge"),
            Panel((RIDGE_LAM,), ridge_path_panel, "question_ridge_path"),
        ),
        caption=ridge_caption,
    ),
}
