"""The lasso homotopy: the L1 ball in any dimension, against enumeration and OSQP."""

import cvxpy as cp
import numpy as np
import pytest

from geometry import NormBall, QuadraticLoss
from solvers import solve_constrained
from solvers.homotopy import solve_l1_homotopy
from solvers.l1_ball import solve_l1_ball
from tests.oracles import OSQP_TIGHT, ConvexOracle
from tests.problems import l1_kkt_residual, random_loss_nd


def _budget(rng, loss):
    return float(np.sum(np.abs(loss.center)) * rng.uniform(0.02, 1.2)) + 1e-3


@pytest.mark.parametrize("n", [2, 3, 5, 8])
def test_the_path_lands_where_face_enumeration_does(n):
    rng = np.random.default_rng(400 + n)
    for _ in range(150):
        loss = random_loss_nd(rng, n, 3.0)
        radius = _budget(rng, loss)
        path, faces = solve_l1_homotopy(loss, radius), solve_l1_ball(loss, radius)
        np.testing.assert_allclose(path.w, faces.w, rtol=1e-9, atol=1e-11 * radius)
        assert path.zeros == faces.zeros and path.face == faces.face
        assert path.multiplier == pytest.approx(faces.multiplier, rel=1e-8, abs=1e-12)


@pytest.mark.parametrize("n", [12, 25, 50])
def test_high_dimensions_match_osqp(n):
    rng = np.random.default_rng(n)
    oracle = ConvexOracle(n, lambda w, t: cp.norm1(w) <= t)
    sparse = 0
    for _ in range(40):
        loss = random_loss_nd(rng, n, 2.0)
        radius = _budget(rng, loss)
        ours = solve_constrained(loss, NormBall(p=1, radius=radius))
        reference, _ = oracle.solve(loss, radius, **{**OSQP_TIGHT, "max_iter": 400_000})
        error = np.max(np.abs(ours.w - reference)) / max(1.0, np.max(np.abs(ours.w)))
        assert error < 1e-7, (n, error)
        assert ours.zeros == tuple(np.flatnonzero(np.abs(reference) <= 1e-7 * radius))
        assert l1_kkt_residual(loss, ours.w, ours.multiplier, radius) < 1e-9
        sparse += len(ours.zeros)
    assert sparse > 0  # the sample does produce exact zeros in high dimension


@pytest.mark.parametrize(
    "center",
    [[1.0, 1.0, 1.0], [2.0, 2.0, 1.0], [3.0, -3.0, 0.5, 0.5], [1.0, 0.0, 1.0, -1.0, 0.0]],
)
@pytest.mark.parametrize("radius", [0.3, 1.0, 2.0])
def test_ties_on_the_path_match_enumeration(center, radius):
    # Equal correlations make several coordinates join at the same lambda.
    loss = QuadraticLoss(center, np.eye(len(center)))
    path, faces = solve_l1_homotopy(loss, radius), solve_l1_ball(loss, radius)
    np.testing.assert_allclose(path.w, faces.w, atol=1e-12)
    assert path.zeros == faces.zeros
