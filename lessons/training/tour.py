"""The Tour's stop on the Training page: its text from the lesson's runs, built when shown."""

from __future__ import annotations

from functools import cache

import plotly.graph_objects as go

from lessons.tour_step import TourStep
from lessons.training.charts import animated_race_figure, zeros_figure_for
from lessons.training.controls import DEFAULT_SHOWN
from lessons.training.model import RaceSettings, lesson_race
from lessons.training.readings import hover
from lessons.training.tables import fmt
from lessons.training.words import point_text


@cache
def _tour_text() -> str:
    race = lesson_race(RaceSettings())
    found = race.summaries
    adam_high = hover(race, "adam")[2]
    sub_high = hover(race, "subgradient")[2]
    return (
        "Add λ‖w‖₁ to a network's loss and train it with SGD or Adam: the weights that should "
        "be 0 hover near 0: they reach it only by coincidence and never stay, because a "
        "(sub)gradient step has no dead zone and jumps across the kink. Here on the lesson's "
        f"bowl at λ = {race.lam:g}, whose exact minimum {point_text(race.exact.w)} "
        "has w1 = 0: after "
        f"{race.rows} steps subgradient descent still swings |w1| up to {fmt(sub_high)} "
        f"and Adam up to {fmt(adam_high)}, with {found['subgradient'].zeros} and "
        f"{found['adam'].zeros} exact zeros. The methods that know the kink land on it: ISTA "
        f"(a proximal step: soft thresholding) from iteration {found['ista'].identified_at}, "
        f"FISTA from {found['fista'].identified_at}, coordinate descent from sweep "
        f"{found['cd'].identified_at}, exactly 0.0 and for good."
    )


def _tour_figures() -> list[go.Figure]:
    settings = RaceSettings()
    return [
        animated_race_figure(settings, DEFAULT_SHOWN),
        zeros_figure_for(lesson_race(settings), DEFAULT_SHOWN),
    ]


def tour_step() -> TourStep:
    """The Tour's stop on this page: its text from the runs, computed when shown."""
    return TourStep(
        slug="training",
        title="Training with SGD or Adam gives no exact zeros",
        text=_tour_text,
        figures=_tour_figures,
        page="training",
        page_title="Training",
    )
