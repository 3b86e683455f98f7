"""The Tour's model: what its steps say, recomputed from the solvers and closed forms.

The numbers are recomputed, never copied from the text.
"""

from __future__ import annotations

import numpy as np
import pytest

from data import load_diabetes
from geometry import NormBall
from lessons import tour
from lessons.loss_shape import DEFAULT_SHAPE
from lessons.one_weight import DEAD_ZONE_LAM, DEAD_ZONE_PULL
from solvers import solve_constrained
from solvers.shrinkage import one_weight_solution
from studies.regression import least_squares_loss

# --- The steps' sentences and the real-data step -----------------------------------------


def _ridge_sign_changes_in_closed_form() -> dict[str, int]:
    """Sign changes of each diabetes ridge coefficient over the tour's budgets, on a fine grid."""
    features, response, names = load_diabetes()
    loss = least_squares_loss(features, response)
    hessian, pulled = loss.hessian, loss.hessian @ loss.center
    full = np.linalg.norm(loss.center)
    eigenvalues, vectors = np.linalg.eigh(hessian)
    lams = np.concatenate([[0.0], np.logspace(-8, 8, 40_001)])
    # w(lam) = V diag(1 / (e + 2 lam)) V^T H c, for every lam at once
    paths = (vectors @ ((vectors.T @ pulled)[:, None] / (eigenvalues[:, None] + 2.0 * lams))).T
    fractions = np.linalg.norm(paths, axis=1) / full
    kept = paths[(fractions >= tour.REGRESSION_FRACTIONS[0]) & (fractions <= 1.0)]
    signs = np.sign(kept)
    counts = {}
    for j, name in enumerate(names):
        crossings = int(np.count_nonzero(signs[1:, j] != signs[:-1, j]))
        if crossings:
            counts[name] = crossings
    return counts


def test_the_tour_counts_every_ridge_crossing_of_the_diabetes_path():
    exact = _ridge_sign_changes_in_closed_form()
    assert tour.ridge_crossings() == exact
    assert max(exact.values()) > 1  # so "0 at one budget only" was false
    sentence = tour.regression_text()
    twice = [name for name, count in exact.items() if count == 2]
    assert all(f"{name} twice" in sentence for name in twice)
    assert f"{len(exact)} of them" in sentence
    assert "one budget only" not in sentence


def test_the_tours_first_step_says_what_the_solver_finds():
    l1 = solve_constrained(DEFAULT_SHAPE.loss, NormBall(1, 1.0))
    l2 = solve_constrained(DEFAULT_SHAPE.loss, NormBall(2, 1.0))
    assert l1.zeros == (0,) and l1.w[0] == 0.0  # "The diamond's answer sits on an axis: w1 = 0"
    assert l2.zeros == ()
    assert "w1 = 0" in tour.STEP["question"].text()


def test_the_dead_zone_step_quotes_its_own_problem():
    a, lam = DEAD_ZONE_PULL, DEAD_ZONE_LAM
    assert abs(a) <= lam
    assert float(one_weight_solution(a, lam, "l1")) == 0.0
    assert float(one_weight_solution(a, lam, "l2")) == pytest.approx(a / (1 + 2 * lam))
    assert f"a = {a:g}, λ = {lam:g}" in tour.STEP["dead-zone"].text()


def test_each_step_is_built_once_per_process_whoever_asks_first():
    from concurrent.futures import ThreadPoolExecutor

    slugs = [step.slug for step in tour.STEPS]
    with ThreadPoolExecutor(max_workers=6) as pool:  # six visitors at once
        seen = list(pool.map(tour.built_step, slugs * 6))
    for slug in slugs:
        built = [b for b in seen if b.slug == slug]
        assert len(built) == 6 and all(b is built[0] for b in built), slug
        assert tour.built_step(slug) is built[0]
        assert tour.BUILDS[slug] == 1, slug
        assert built[0].text == tour.STEP[slug].text()
        assert len(built[0].figures) == len(tour.STEP[slug].figures()) in (1, 2)
    assert tour.start_warming(slugs[0]) is tour.start_warming(slugs[3])  # one thread a process


def test_the_warming_builds_every_step_once_nearest_the_visitors_step_first():
    slugs = [step.slug for step in tour.STEPS]
    order = tour.warming_order("catchment")
    assert sorted(order) == sorted(slugs)
    assert order[:5] == ["catchment", "three-weights", "edge-hit", "units", "normal-cone"]
    assert tour.warming_order(slugs[0]) == slugs
    assert tour.warming_order(slugs[-1]) == slugs[::-1]
