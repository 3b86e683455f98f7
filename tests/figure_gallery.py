"""Every public figure function, called with representative (small) data: the figures the app draws.

Shared by the figure tests, so that a new figure function added here is
checked for palette, contrast and words at once.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import plotly.graph_objects as go

from data import load_diabetes
from figures.budget_path import budget_figure
from figures.catchment_map import catchment_map_figure
from figures.constraint_regions import constraint_figure
from figures.descent import descent_figure
from figures.landing import landing_scatter_figure, nonzero_histogram
from figures.odds import OddsRow, odds_figure, p_curve_figure, share_curve_figure
from figures.penalties import one_weight_problem_figure, penalty_and_slope_figure, units_figure
from figures.posterior import bayes_figure
from figures.regression import coefficient_paths_figure
from figures.shrinkage import many_weights_figure, shrinkage_figure, zeros_against_lambda_figure
from geometry import ElasticNetBall, NormBall, QuadraticLoss
from lessons.constraint_regions import view_limit
from solvers import solve_constrained, solve_penalized
from solvers.descent import proximal_gradient, subgradient_descent
from studies import experiments as ex
from studies.budget_path import budget_curves, lambda_range, lasso_end
from studies.catchment_map import catchment_map
from studies.ensembles import hessians_from_shape
from studies.odds import Share
from studies.one_weight import (
    laplace_posterior,
    many_weights,
    one_weight_problem,
    penalty_curves,
    shrinkage_curves,
)
from studies.regression import coefficient_paths, least_squares_loss

CLASSIC = QuadraticLoss.from_shape((1.0, 2.0), (1.0, 4.0), -30.0)  # the app's default view
STAR_LOSS = QuadraticLoss.from_shape((1.5, 1.3), (1.0, 1.0), 0.0)  # the p < 1 preset
OLS = np.array([2.6, -2.1, 1.7, 1.2, -0.95, 0.8, 0.55, -0.45, 0.3, 0.2, -0.12, 0.05])
REGIONS = {
    "l1": NormBall(1, 1.0),
    "l2": NormBall(2, 1.0),
    "linf": NormBall(math.inf, 1.0),
    "lp_star": NormBall(0.5, 1.0),
    "lp_round": NormBall(1.5, 1.0),
    "elasticnet": ElasticNetBall(1.0, 0.5),
}


def _constraint_panels() -> dict[str, go.Figure]:
    limit = view_limit(CLASSIC, 1.0)
    figures = {}
    for name, region in REGIONS.items():
        loss = STAR_LOSS if name == "lp_star" else CLASSIC
        solution = solve_constrained(loss, region)
        figures[f"constraint_{name}"] = constraint_figure(
            loss, region, solution, limit=limit, show_cone=True
        )
    inside = QuadraticLoss.from_shape((0.2, 0.3), (1.0, 3.0), 10.0)
    figures["constraint_inside"] = constraint_figure(
        inside,
        REGIONS["l1"],
        solve_constrained(inside, REGIONS["l1"]),
        limit=view_limit(inside, 1.0),
    )
    figures["penalty_zero"] = constraint_figure(
        CLASSIC, None, solve_penalized(CLASSIC, "l1", 10.0), limit=view_limit(CLASSIC, 0.0)
    )
    return figures


def _how_often() -> dict[str, go.Figure]:
    problems = ex.draw_problems("random", 600, 4.0, "disk", 100.0, 0)
    panels = []
    for p in (1.0, 2.0):
        w, codes = ex.solve_and_classify(problems, NormBall(p, 1.0))
        panels.append((NormBall(p, 1.0), w, codes))
    rows = [
        OddsRow(region, ex.zero_share(ex.region_codes(problems.head(100), region), False))
        for region in (REGIONS["l1"], REGIONS["l2"], REGIONS["lp_star"], REGIONS["elasticnet"])
    ]
    budgets = np.array([0.5, 1.0, 2.0])
    curves = ex.shares_against_budget(problems.head(100), budgets, 0.5, False)
    regions = {"L1": REGIONS["l1"], "L2": REGIONS["l2"], "EN": REGIONS["elasticnet"]}
    hessian = hessians_from_shape(np.array([6.0]), np.array([30.0]))[0]
    return {
        "scatter": landing_scatter_figure(panels),
        "odds": odds_figure(rows),
        "share_curve": share_curve_figure(
            budgets, [(regions[n], s) for n, s in curves.items()], "budget t", "Against t"
        ),
        "p_curve": p_curve_figure(
            list(ex.P_GRID),
            [Share(20 * (p <= 1.0) * (10 - k), 200) for k, p in enumerate(ex.P_GRID)],
        ),
        "histogram": nonzero_histogram(
            ex.dimension_experiment(6, 30, 4.0, 100.0, 1.0, 0).nonzeros, 6
        ),
        **{
            f"map_l{p}": catchment_map_figure(
                catchment_map(hessian, NormBall(p, 1.0), "disk", 4.0, resolution=40)
            )
            for p in (1, 2)
        },
    }


def _one_weight() -> dict[str, go.Figure]:
    weights = many_weights(OLS, 1.0, 0.5)
    return {
        "slopes": penalty_and_slope_figure(penalty_curves(1.0, 0.5)),
        **{
            f"problem_{p}": one_weight_problem_figure(one_weight_problem(0.8, 1.0, p, 0.5))
            for p in ("l1", "l2", "elasticnet")
        },
        "shrinkage": shrinkage_figure(shrinkage_curves(0.8, 1.0, 0.5)),
        "units": units_figure(1.0, 10.0),
        "bars": many_weights_figure(weights),
        "zeros": zeros_against_lambda_figure(weights),
        "bayes": bayes_figure(laplace_posterior(0.8, 1.0)),
    }


def _others() -> dict[str, go.Figure]:
    marks = [("l1", 4.5, 1.0), ("l2", 1.2, 1.0)]
    curves = budget_curves(CLASSIC, lambda_range(CLASSIC, marks))
    one = QuadraticLoss(center=np.array([0.6]), hessian=np.eye(1))
    sub = subgradient_descent(one, 1.0, 0.3, 40, [2.0])[:, 0]
    prox = proximal_gradient(one, 1.0, 0.3, 40, [2.0])[:, 0]
    features, response, names = load_diabetes()
    fractions = np.linspace(0.05, 1.0, 20)
    lasso, ridge = coefficient_paths(least_squares_loss(features, response), fractions)
    return {
        "budget": budget_figure(curves, marks, lasso_end(CLASSIC)),
        "descent": descent_figure(sub, prox),
        "regression": coefficient_paths_figure(fractions, lasso, ridge, names, marked=0.3),
    }


def _training() -> dict[str, go.Figure]:
    # Imported here: the training model runs its optimisers on import (the Tour's text).
    from lessons import training

    race = training.RaceSettings(iterations=60)
    everyone = tuple(training.OPTIMISERS)
    diabetes = training.DiabetesSettings(epochs=30, batch=442)
    return {
        "training_race": training.animated_race_figure(race, everyone),
        "training_race_projected": training.animated_race_figure(race, everyone, 450, True),
        "training_no_zero": training.animated_race_figure(
            training.RaceSettings(lam=0.5, iterations=30), everyone
        ),
        "training_zeros": training.zeros_figure_for(training.lesson_race(race), everyone),
        "training_diabetes": training.diabetes_zeros_figure(diabetes, everyone),
        "training_sweep": training.diabetes_sweep_figure(diabetes, 0.01, everyone),
    }


def _three_weights() -> dict[str, go.Figure]:
    from figures.three_d import scene_figure
    from figures.three_d_odds import dimension_figure, landing_odds_figure
    from lessons import three_weights as model
    from studies.three_d import sample_three_d_odds, zeros_against_dimension

    figures = {}
    for preset in ("vertex", "edge", "face", "tip"):  # every kind of highlighted piece
        shape = model.Shape3D.from_state(model.PRESETS[preset].full_state())
        for kind in model.REGION_NAMES:
            figures[f"three_d_{preset}_{kind}"] = scene_figure(model.scene(shape, kind, 1.0, 0.5))
    odds = sample_three_d_odds(np.random.default_rng(0), 300)
    by_dimension = zeros_against_dimension((2, 3, 5), count=20)
    shares = {name: [d.zero_coordinates[name] for d in by_dimension] for name in ("L1", "L2")}
    figures["three_d_odds"] = landing_odds_figure(odds)
    figures["three_d_dimension"] = dimension_figure([2, 3, 5], shares["L1"], shares["L2"])
    return figures


BUILDERS: tuple[Callable[[], dict[str, go.Figure]], ...] = (
    _constraint_panels,
    _how_often,
    _one_weight,
    _others,
    _training,
    _three_weights,
)


def gallery() -> dict[str, go.Figure]:
    """Every figure the app draws, by a short name."""
    return {name: figure for build in BUILDERS for name, figure in build().items()}
