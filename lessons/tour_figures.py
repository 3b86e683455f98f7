"""The Tour's computed parts: the figures of each step and the numbers its text quotes."""

from __future__ import annotations

from functools import cache

import numpy as np
import plotly.graph_objects as go

from figures.catchment_map import catchment_map_figure
from figures.constraint_regions import constraint_figure
from figures.odds import percent
from figures.regression import coefficient_paths_figure
from geometry import NormBall
from lessons.constraint_regions import view_limit
from lessons.loss_shape import LossShape
from lessons.questions import units_counterexample
from solvers import solve_constrained
from studies.catchment import catchment_shares
from studies.catchment_map import catchment_map
from studies.ensembles import hessians_from_shape
from studies.regression import coefficient_paths, least_squares_loss, load_diabetes, path_facts


def panel_figures(shape: LossShape, cone: bool) -> list[go.Figure]:
    loss = shape.loss
    limit = view_limit(loss, 1.0)
    return [
        constraint_figure(loss, ball, solve_constrained(loss, ball), limit=limit, show_cone=cone)
        for ball in (NormBall(1, 1.0), NormBall(2, 1.0))
    ]


# The catchment step's bowl: condition number 6, long axis at 30 degrees.
CATCHMENT_BOWL = hessians_from_shape(np.array([6.0]), np.array([30.0]))[0]
CATCHMENT_SPREAD = 4.0
# "Usually" depends on how far the data's optimum lies from 0 against the budget:
# the same bowl, centres in discs of growing radius.
USUALLY_SPREADS = (1.5, 4.0, 100.0)


@cache
def usually_shares() -> dict[float, float]:
    """Exact share of centres (uniform in a disc of each radius) whose L1 optimum has a zero."""
    return {
        spread: catchment_shares(CATCHMENT_BOWL, NormBall(1, 1.0), "disk", spread).on_axis
        for spread in USUALLY_SPREADS
    }


def catchment_figures() -> list[go.Figure]:
    return [
        catchment_map_figure(
            catchment_map(CATCHMENT_BOWL, ball, "disk", CATCHMENT_SPREAD, resolution=300)
        )
        for ball in (NormBall(1, 1.0), NormBall(2, 1.0))
    ]


REGRESSION_FRACTIONS = np.linspace(0.01, 1.0, 100)
REGRESSION_MARK = 0.3


@cache
def regression_paths() -> tuple[np.ndarray, np.ndarray, list[str]]:
    """The diabetes lasso and ridge paths at ``REGRESSION_FRACTIONS`` of the full size."""
    features, response, names = load_diabetes()
    lasso, ridge = coefficient_paths(least_squares_loss(features, response), REGRESSION_FRACTIONS)
    for path in (lasso, ridge):
        path.setflags(write=False)  # shared by every session
    return lasso, ridge, names


def regression_figures() -> list[go.Figure]:
    lasso, ridge, names = regression_paths()
    return [
        coefficient_paths_figure(REGRESSION_FRACTIONS, lasso, ridge, names, marked=REGRESSION_MARK)
    ]


def _names(items: list[str]) -> str:
    return ", ".join(items[:-1]) + f" and {items[-1]}" if len(items) > 1 else "".join(items)


def catchment_text() -> str:
    shares = usually_shares()
    share = percent(shares[CATCHMENT_SPREAD])
    by_spread = ", ".join(f"{percent(v)} within {s:g}" for s, v in shares.items())
    return (
        "Colour every possible centre by where its optimum lands. The centres that land on a "
        "corner fill wedges: each corner's cone of pulls, stretched by the loss. For this loss "
        f"and centres in the dotted disc of radius {CATCHMENT_SPREAD:g} that is exactly {share} "
        "of the disc, computed from the wedges' areas; for the circle the same sets are lines: "
        f"0%. “Usually” has no fixed value: for the same bowl it is {by_spread}, tending to "
        "100% as the data's signal grows against the budget, because the wedges widen away "
        "from the diamond while the edges' strips keep their width."
    )


def units_text() -> str:
    return (
        "A common answer: for |w| < 1, |w| > w², so L1 pushes small weights harder. The real "
        "difference is the slope at 0: w² is flat there (its pull vanishes), |w| has a kink "
        "(its pull stays λ). The size comparison proves nothing: near 0, |w| ≫ w² in any "
        "units, and measuring w in other units moves the crossing anywhere (below). Sharper "
        f"still: {units_counterexample()}."
    )


def ridge_crossings() -> dict[str, int]:
    """How often each ridge coefficient changes sign along the path (those that do)."""
    _, ridge, names = regression_paths()
    counts = {}
    for j, name in enumerate(names):
        signs = np.sign(ridge[:, j])
        signs = signs[signs != 0.0]
        if crossings := int(np.count_nonzero(signs[1:] != signs[:-1])):
            counts[name] = crossings
    return counts


def _times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def _crossing_words(counts: dict[str, int]) -> str:
    """ "each once", or "s2 twice, the others once"."""
    if set(counts.values()) == {1}:
        return "each once"
    several = [f"{name} {_times(n)}" for name, n in counts.items() if n > 1]
    ones = "the others once" if 1 in counts.values() else ""
    return ", ".join([*several, ones] if ones else several)


def regression_text() -> str:
    facts = path_facts(*regression_paths())
    changing, growing = facts["ridge_sign_changes"], facts["ridge_growing"]
    leaving = facts["lasso_leaving"]
    crossings = ridge_crossings()
    come_back = (
        f" (not for good: {_names(leaving)} enters, leaves the model and comes back)"
        if leaving
        else ""
    )
    return (
        "Ten measurements predicting diabetes progression (Efron et al. 2004). As the budget "
        "grows from 0, the lasso lets coefficients in one at a time and keeps the others at "
        f"exactly 0{come_back}; the title counts the zeros at "
        f"{REGRESSION_MARK:.0%} of the full size. Ridge keeps every coefficient non-zero "
        f"except at isolated budgets: {len(changing)} of them ({_names(changing)}) change sign "
        f"along the path ({_crossing_words(crossings)}), so each is exactly 0 only at the "
        "budgets where it crosses, which no one would call a sparse model. Nor does ridge "
        f"shrink each weight: {len(growing)} of the ten grow somewhere "
        "as the budget shrinks, while the weight moves between correlated features."
    )
