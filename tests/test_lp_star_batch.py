"""The batch p < 1 solver against the scalar one, one by one and on the page's ensembles."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geometry import ElasticNetBall, NormBall, QuadraticLoss
from solvers.lp_ball import solve_lp_ball_planar
from solvers.lp_star_batch import solve_lp_star_batch
from studies.experiments import P_GRID, draw_problems
from studies.landing import classify_solutions, landing_batch
from tests.problems import losses, radii

# The two refine the same bracket differently (Brent to 4 eps relative, bisection
# to adjacent floats): the answers agree to a few units in the last place.
AGREEMENT = 64 * np.finfo(np.float64).eps
exponents = st.floats(0.2, 0.99)


def scalar_solutions(centers: np.ndarray, hessians: np.ndarray, ball: NormBall) -> np.ndarray:
    """The scalar solver, one problem at a time: the oracle."""
    return np.array(
        [
            solve_lp_ball_planar(QuadraticLoss(center=c, hessian=h), ball).w
            for c, h in zip(centers, hessians, strict=True)
        ]
    ).reshape(-1, 2)


def assert_same_answers(batch: np.ndarray, scalar: np.ndarray, radius: float) -> None:
    np.testing.assert_array_equal(batch == 0.0, scalar == 0.0)  # the same exact zeros
    scale = np.maximum(radius, np.max(np.abs(scalar), axis=1, keepdims=True))
    assert np.all(np.abs(batch - scalar) <= AGREEMENT * scale), np.max(np.abs(batch - scalar))


@settings(max_examples=60, deadline=None)
@given(loss=losses(max_log10_condition=3.0), p=exponents, radius=radii)
def test_one_problem_matches_the_scalar_solver(loss: QuadraticLoss, p: float, radius: float):
    ball = NormBall(p, radius)
    batch = solve_lp_star_batch(loss.center[None], loss.hessian, ball)
    assert_same_answers(batch, solve_lp_ball_planar(loss, ball).w[None], radius)


@pytest.mark.parametrize("setup", ["random", "published", "symmetric"])
@pytest.mark.parametrize("p", [p for p in P_GRID if p < 1.0])
def test_the_pages_ensembles_match_the_scalar_solver(setup: str, p: float):
    problems = draw_problems(setup, 150, 4.0, "disk", 100.0, seed=round(100 * p))
    ball = NormBall(p, 1.0)
    batch = solve_lp_star_batch(problems.centers, problems.hessians, ball)
    scalar = scalar_solutions(problems.centers, problems.hessians, ball)
    assert_same_answers(batch, scalar, 1.0)
    np.testing.assert_array_equal(
        landing_batch(problems.centers, problems.hessians, ball),
        classify_solutions(problems.centers, scalar, ball),
    )


def test_a_mixed_batch_lands_on_corners_and_between_them():
    """Far out along an axis: the corner, exactly; on the diagonal of a round bowl: off the axes."""
    ball = NormBall(0.5, 1.0)
    centers = np.array([[5.0, 0.0], [0.0, -3.0], [0.3, 0.2], [2.0, 2.0], [1.0, 1.0]])
    w = solve_lp_star_batch(centers, np.eye(2), ball)
    np.testing.assert_array_equal(w[0], [1.0, 0.0])
    np.testing.assert_array_equal(w[1], [0.0, -1.0])
    np.testing.assert_array_equal(w[2], centers[2])  # inside the star: the centre itself
    scalar = scalar_solutions(centers, np.broadcast_to(np.eye(2), (5, 2, 2)), ball)
    assert_same_answers(w, scalar, 1.0)


def test_a_corner_with_no_first_order_pull_competes():
    """c = (t, t), H = I: the corners feel no pull along their axes (the second order decides)."""
    ball = NormBall(0.5, 1.0)
    centers = np.array([[1.0, 1.0], [-1.0, 1.0]])
    assert_same_answers(
        solve_lp_star_batch(centers, np.eye(2), ball),
        scalar_solutions(centers, np.broadcast_to(np.eye(2), (2, 2, 2)), ball),
        1.0,
    )


def test_each_answer_depends_on_its_own_problem_only():
    problems = draw_problems("random", 90, 3.0, "square", 50.0, seed=7)
    ball = NormBall(0.4, 0.8)
    order = np.random.default_rng(1).permutation(90)
    together = solve_lp_star_batch(problems.centers, problems.hessians, ball)
    shuffled = solve_lp_star_batch(problems.centers[order], problems.hessians[order], ball)
    np.testing.assert_array_equal(shuffled, together[order])


@pytest.mark.parametrize(
    "ball", [NormBall(1, 1.0), NormBall(2, 1.0), NormBall(1.5, 1.0), ElasticNetBall(1.0, 0.5)]
)
def test_only_the_star_is_accepted(ball):
    with pytest.raises(ValueError, match="ball must be a NormBall with 0 < p < 1"):
        solve_lp_star_batch(np.zeros((1, 2)), np.eye(2), ball)


@pytest.mark.parametrize(
    ("centers", "hessians", "named"),
    [
        (np.zeros((3, 3)), np.eye(2), "centers"),
        (np.array([[np.nan, 0.0]]), np.eye(2), "centers"),
        (np.zeros((2, 2)), np.eye(3), "hessians"),
        (np.zeros((1, 2)), -np.eye(2), "hessians"),
    ],
)
def test_bad_problems_are_named(centers, hessians, named):
    with pytest.raises(ValueError, match=named):
        solve_lp_star_batch(centers, hessians, NormBall(0.5, 1.0))
