"""The One weight lesson's Tour stops: the penalties' pull, the dead zone, the units argument."""

from __future__ import annotations

import plotly.graph_objects as go

from figures.penalties import one_weight_problem_figure, penalty_and_slope_figure, units_figure
from lessons.one_weight.words import units_counterexample
from lessons.tour_step import TourStep
from studies.one_weight import one_weight_problem, penalty_curves

__all__ = ["DEAD_ZONE_LAM", "DEAD_ZONE_PULL", "tour_steps", "units_text"]

DEAD_ZONE_PULL, DEAD_ZONE_LAM = 0.6, 1.0  # the dead-zone step's one-weight problem


def _pull_text() -> str:
    return (
        "Top: the penalties |w| and w². Bottom: how hard each pulls w towards 0. The L1 pull "
        "is λ however small w is, and at w = 0 it can be anything in [−λ, λ]. The L2 pull 2λw "
        "fades to nothing as w shrinks, so it can balance the data's pull only at a w that is "
        "not 0 (unless a = 0): against a pull a the optimum stops at a/(1 + 2λ)."
    )


def _pull_figures() -> list[go.Figure]:
    return [penalty_and_slope_figure(penalty_curves(1.0, 0.5), height=460)]


def _dead_zone_text() -> str:
    return (
        "Minimise ½(w − a)² + λ|w|: the data pull with force a. Whenever |a| ≤ λ the penalty's "
        "interval [−λ, λ] absorbs the pull and the minimum stays at exactly 0, a whole range "
        f"of data with the same answer (left, a = {DEAD_ZONE_PULL:g}, λ = {DEAD_ZONE_LAM:g}). "
        "With w² (right) the minimum is a/(1 + 2λ): small, never zero unless a is."
    )


def _dead_zone_figures() -> list[go.Figure]:
    return [
        one_weight_problem_figure(one_weight_problem(DEAD_ZONE_PULL, DEAD_ZONE_LAM, kind))
        for kind in ("l1", "l2")
    ]


def units_text() -> str:
    """The units stop's paragraph: the size comparison proves nothing."""
    return (
        "A common answer: for |w| < 1, |w| > w², so L1 pushes small weights harder. The real "
        "difference is the slope at 0: w² is flat there (its pull vanishes), |w| has a kink "
        "(its pull stays λ). The size comparison proves nothing: near 0, |w| ≫ w² in any "
        "units, and measuring w in other units moves the crossing anywhere (below). Sharper "
        f"still: {units_counterexample()}."
    )


def _units_figures() -> list[go.Figure]:
    return [units_figure(1.0, 10.0)]


def tour_steps() -> dict[str, TourStep]:
    """The Tour's stops on this page, by slug (the Tour orders them; nothing computed yet).

    Returns
    -------
    dict
        ``"penalty-pull"``, ``"dead-zone"`` and ``"units"`` -> their ``TourStep``.
    """
    steps = (
        TourStep(
            slug="penalty-pull",
            title="One weight: the pull of each penalty",
            text=_pull_text,
            figures=_pull_figures,
            page="one_weight",
            page_title="One weight",
        ),
        TourStep(
            slug="dead-zone",
            title="The dead zone",
            text=_dead_zone_text,
            figures=_dead_zone_figures,
            page="one_weight",
            page_title="One weight",
            query={"a": f"{DEAD_ZONE_PULL:g}"},
        ),
        TourStep(
            slug="units",
            title="The |w| < 1 argument is not the reason",
            text=units_text,
            figures=_units_figures,
            page="one_weight",
            page_title="One weight",
            query={"units": "10"},
        ),
    )
    return {step.slug: step for step in steps}
