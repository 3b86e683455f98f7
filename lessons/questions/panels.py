"""The Check yourself figures: each a function of its own question's slider values.

One function per figure, so that the page can cache each on its own values:
moving one question's slider then rebuilds no other question's figure.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from figures.constraint_regions import constraint_figure
from figures.descent import descent_figure
from figures.penalties import units_figure
from geometry import NormBall, QuadraticLoss
from lessons.constraint_regions import view_limit
from lessons.questions.model import (
    CORRELATED_LOSS,
    DESCENT_ITERATIONS,
    DESCENT_LAM,
    DESCENT_LOSS,
    DESCENT_START,
)
from solvers import solve_constrained, solve_penalized
from solvers.descent import proximal_gradient, subgradient_descent

__all__ = ["descent_panel", "edge_panel", "ridge_axis_panel", "ridge_path_panel", "units_panel"]


def _round_panel(centre: tuple[float, float], ball: NormBall) -> go.Figure:
    """Round contours around ``centre`` against ``ball``, with the normal cone drawn."""
    loss = QuadraticLoss.from_shape(centre, eigenvalues=(1.0, 1.0), angle_deg=0.0)
    solution = solve_constrained(loss, ball)
    return constraint_figure(loss, ball, solution, limit=view_limit(loss, 1.0), show_cone=True)


def edge_panel(direction: float, distance: float) -> go.Figure:
    """Question 1: a centre at ``direction`` degrees and ``distance`` against the L1 diamond."""
    angle = np.radians(direction)  # as numpy computes it: the same centre as before, to the bit
    return _round_panel((distance * np.cos(angle), distance * np.sin(angle)), NormBall(1, 1.0))


def descent_panel(step: float) -> go.Figure:
    """Question 2: subgradient descent against the proximal step, step size ``step``."""
    start = [DESCENT_START]
    sub = subgradient_descent(DESCENT_LOSS, DESCENT_LAM, step, DESCENT_ITERATIONS, start)[:, 0]
    prox = proximal_gradient(DESCENT_LOSS, DESCENT_LAM, step, DESCENT_ITERATIONS, start)[:, 0]
    return descent_figure(sub, prox)


def units_panel(scale: float) -> go.Figure:
    """Question 3: the two penalties with weights in units ``scale`` times the original."""
    return units_figure(1.0, scale)


def ridge_axis_panel(offset: float) -> go.Figure:
    """Question 4: a centre ``offset`` from the w1 axis against the L2 circle."""
    return _round_panel((2.0, offset), NormBall(2, 1.0))


def ridge_path_panel(lam: float) -> go.Figure:
    """Question 4: the correlated design's ridge answer at ``lam``, on the circle of its size."""
    solution = solve_penalized(CORRELATED_LOSS, "l2", lam)
    region = NormBall(2, solution.radius) if solution.radius > 0.0 else None
    return constraint_figure(
        CORRELATED_LOSS, region, solution, limit=view_limit(CORRELATED_LOSS, 1.0), show_cone=True
    )
