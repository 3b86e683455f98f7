"""The Tour's own stops, computed: the figures of each step and the numbers its text quotes.

The stops of the other lessons bring their figures with them (their ``tour_step()``).
"""

from __future__ import annotations

from functools import cache

import numpy as np
import plotly.graph_objects as go

from data import load_diabetes
from figures.catchment_map import catchment_map_figure
from figures.constraint_regions import constraint_figure
from figures.regression import coefficient_paths_figure
from geometry import NormBall
from geometry.validation import read_only
from lessons.constraint_regions import view_limit
from lessons.loss_shape import LossShape
from solvers import solve_constrained
from studies.catchment import catchment_shares
from studies.catchment_map import catchment_map
from studies.ensembles import hessians_from_shape
from studies.regression import coefficient_paths, least_squares_loss


def panel_figures(shape: LossShape, cone: bool) -> list[go.Figure]:
    """The L1 diamond and the L2 circle (budget 1) against the loss ``shape``."""
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
    """The catchment maps of the L1 diamond and the L2 circle for ``CATCHMENT_BOWL``."""
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
    read_only(lasso, ridge)  # shared by every session
    return lasso, ridge, names


def regression_figures() -> list[go.Figure]:
    """The diabetes lasso and ridge paths, the zeros counted at ``REGRESSION_MARK``."""
    lasso, ridge, names = regression_paths()
    return [
        coefficient_paths_figure(REGRESSION_FRACTIONS, lasso, ridge, names, marked=REGRESSION_MARK)
    ]


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
