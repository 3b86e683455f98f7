"""The vectorised batch solver gives the scalar solver's answers, zeros included."""

import numpy as np
import pytest
from hypothesis import given, settings

from geometry import NormBall, QuadraticLoss
from solvers import solve_constrained, solve_constrained_batch
from solvers.l1_ball import solve_l1_ball
from solvers.l2_ball import solve_l2_ball
from tests.problems import assert_l1_optimal, face_optimal, random_loss, shapes


def _random_batch(seed: int, count: int) -> list[QuadraticLoss]:
    rng = np.random.default_rng(seed)
    return [random_loss(rng) for _ in range(count)]


@pytest.mark.parametrize("p", [1, 2])
@pytest.mark.parametrize("radius", [0.3, 1.0, 4.0])
def test_batch_equals_scalar_on_random_problems(p, radius):
    losses = _random_batch(seed=p * 10 + int(radius * 10), count=3000)
    centers = np.array([loss.center for loss in losses])
    hessians = np.array([loss.hessian for loss in losses])
    batch = solve_constrained_batch(centers, hessians, NormBall(p=p, radius=radius))
    general = solve_l1_ball if p == 1 else solve_l2_ball  # the independent n-D derivation
    for loss, w in zip(losses, batch, strict=True):
        scalar = solve_constrained(loss, NormBall(p=p, radius=radius))
        # Brent (scalar) and Newton (batch) round differently in the last digits.
        np.testing.assert_allclose(w, scalar.w, rtol=1e-12, atol=1e-12 * radius)
        np.testing.assert_array_equal(w == 0.0, scalar.w == 0.0)
        np.testing.assert_allclose(w, general(loss, radius).w, rtol=1e-9, atol=1e-12 * radius)
    interior = np.linalg.norm(centers, ord=p, axis=1) <= radius
    assert 0 < interior.sum() < len(losses)  # both kinds of problem were in the batch


def test_batch_l1_zeros_are_exact_and_frequent():
    losses = _random_batch(seed=7, count=2000)
    centers = np.array([loss.center for loss in losses])
    hessians = np.array([loss.hessian for loss in losses])
    batch = solve_constrained_batch(centers, hessians, NormBall(p=1, radius=1.0))
    on_axis = np.any(batch == 0.0, axis=1) & (np.abs(centers).sum(axis=1) > 1.0)
    # The corners of the diamond catch a large share of random problems.
    assert on_axis.mean() > 0.3
    corner_values = np.max(np.abs(batch[on_axis]), axis=1)
    np.testing.assert_array_equal(corner_values, 1.0)


def test_a_shared_hessian_broadcasts():
    hessian = np.array([[3.0, 1.0], [1.0, 2.0]])
    centers = np.array([[2.0, 1.0], [0.1, 0.2], [-3.0, 0.5]])
    for p in (1, 2):
        batch = solve_constrained_batch(centers, hessian, NormBall(p=p, radius=1.0))
        for center, w in zip(centers, batch, strict=True):
            expected = solve_constrained(QuadraticLoss(center, hessian), NormBall(p=p, radius=1.0))
            np.testing.assert_allclose(w, expected.w, rtol=1e-13, atol=1e-15)


def test_axis_aligned_l2_batch_keeps_exact_zeros():
    centers = np.array([[0.0, 3.0], [2.5, 0.0], [0.0, -4.0]])
    batch = solve_constrained_batch(centers, np.diag([1.0, 9.0]), NormBall(p=2, radius=1.0))
    assert batch[0, 0] == 0.0 and batch[1, 1] == 0.0 and batch[2, 0] == 0.0
    np.testing.assert_allclose(np.abs(batch).max(axis=1), 1.0, rtol=1e-14)


# --- Extreme inputs: large ||c|| / t, conditions to 1e8 ---------------------------------


def test_batch_large_center_matches_the_edge_point():
    w = solve_constrained_batch([[1e4, 1e4], [-1e4, 1e4]], np.eye(2), NormBall(1, 1e-6))
    assert w.tolist() == [[5e-7, 5e-7], [-5e-7, 5e-7]]


@settings(max_examples=60, deadline=None)
@given(shape=shapes)
def test_batch_gives_the_scalar_answers_on_extreme_problems(shape):
    rng = np.random.default_rng(shape["seed"])
    radius = 10.0 ** shape["log_radius"]
    problems = [
        face_optimal(
            rng,
            2,
            int(rng.integers(1, 3)),
            10.0 ** rng.uniform(0, shape["log_ratio"]),
            10.0 ** rng.uniform(0, shape["log_condition"]),
            radius,
        )[0]
        for _ in range(16)
    ]
    centers = np.array([loss.center for loss in problems])
    hessians = np.array([loss.hessian for loss in problems])
    batch = solve_constrained_batch(centers, hessians, NormBall(p=1, radius=radius))
    for loss, w in zip(problems, batch, strict=True):
        scalar = solve_constrained(loss, NormBall(p=1, radius=radius))
        assert w.tolist() == scalar.w.tolist()
        assert_l1_optimal(loss, radius, w, scalar.multiplier)
