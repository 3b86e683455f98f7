"""Oracle tests: thousands of random problems against independent solvers.

Oracles and their settings (a generic solver's defaults only reach ~1e-5):
- L1 ball, a QP: cvxpy with OSQP, eps_abs = eps_rel = 1e-12, polishing on.
  Polishing solves the identified active set's KKT system, so it matches an
  exact answer to ~1e-9 or better.
- L2 ball, a second-order cone program: cvxpy's conic solver (Clarabel) only
  reaches ~1e-6 in w even with tight settings, so, as DESIGN.md prescribes
  for curved balls, we compare the optimal *loss* with it (relative 1e-7)
  and compare w with a second exact method written here: the secular
  equation in the original basis (no eigendecomposition) solved with
  TOMS 748 instead of Brent, to 1e-9.
"""

import cvxpy as cp
import numpy as np
import pytest
from scipy.optimize import root_scalar

from geometry import NormBall, QuadraticLoss
from solvers import solve_constrained
from tests.oracles import CLARABEL_TIGHT, OSQP_TIGHT, ConvexOracle
from tests.problems import random_loss, random_loss_nd

N_PROBLEMS = 2000


def _oracle(n: int, p: int) -> ConvexOracle:
    """The L1 ball (a QP: OSQP) or the L2 ball (a cone: Clarabel)."""
    norm = cp.norm1 if p == 1 else cp.norm2
    return ConvexOracle(n, lambda w, t: norm(w) <= t)


def _solve_oracle(
    oracle: ConvexOracle, loss: QuadraticLoss, radius: float, p: int
) -> tuple[np.ndarray, float]:
    return oracle.solve(loss, radius, **(OSQP_TIGHT if p == 1 else CLARABEL_TIGHT))


def _radius_for(rng: np.random.Generator, loss: QuadraticLoss, p: int) -> float:
    # About a third of the centres fall inside the ball (the constraint is slack).
    return float(np.linalg.norm(loss.center, ord=p) * rng.uniform(0.05, 1.5)) + 1e-3


def _secular_toms748(loss: QuadraticLoss, radius: float) -> np.ndarray:
    """A second exact L2 method: ||(H + nu I)^{-1} H c|| = t by TOMS 748 in the original basis."""
    if np.linalg.norm(loss.center) <= radius:
        return loss.center
    eye, linear = np.eye(loss.dim), loss.hessian @ loss.center

    def excess(nu: float) -> float:
        return 1.0 / np.linalg.norm(np.linalg.solve(loss.hessian + nu * eye, linear)) - 1 / radius

    upper = np.linalg.norm(linear) / radius
    root = root_scalar(excess, bracket=(0.0, upper), method="toms748", xtol=1e-300, rtol=1e-15)
    return np.linalg.solve(loss.hessian + root.root * eye, linear)


def test_l1_matches_osqp_on_random_problems():
    rng = np.random.default_rng(20261127)
    oracle = _oracle(2, 1)
    worst, inside, vertices = 0.0, 0, 0
    for _ in range(N_PROBLEMS):
        loss = random_loss(rng)
        radius = _radius_for(rng, loss, 1)
        ours = solve_constrained(loss, NormBall(p=1, radius=radius))
        reference, _ = _solve_oracle(oracle, loss, radius, 1)
        error = np.max(np.abs(ours.w - reference)) / max(1.0, np.max(np.abs(ours.w)))
        worst = max(worst, error)
        assert error < 1e-7, (loss, radius, ours, reference)
        oracle_zeros = tuple(np.flatnonzero(np.abs(reference) <= 1e-7 * radius))
        assert ours.zeros == oracle_zeros, (loss, radius, ours, reference)
        inside += not ours.active
        vertices += ours.face == "vertex"
    # The sample must exercise every case, or the agreement says little.
    assert 200 < inside < N_PROBLEMS - 200
    assert 200 < vertices < N_PROBLEMS - 200
    print(f"L1 vs OSQP: worst relative difference in w {worst:.2e} over {N_PROBLEMS} problems")


def test_l2_matches_clarabel_loss_and_a_second_exact_method():
    rng = np.random.default_rng(11272026)
    oracle = _oracle(2, 2)
    worst_loss, worst_w, inside = 0.0, 0.0, 0
    for _ in range(N_PROBLEMS):
        loss = random_loss(rng)
        radius = _radius_for(rng, loss, 2)
        ours = solve_constrained(loss, NormBall(p=2, radius=radius))
        _, reference_loss = _solve_oracle(oracle, loss, radius, 2)
        second = _secular_toms748(loss, radius)
        w_error = np.max(np.abs(ours.w - second)) / max(1.0, np.max(np.abs(ours.w)))
        assert w_error < 1e-9, (loss, radius, ours, second)
        if ours.active:
            # Clarabel's objective carries an absolute error near its gap
            # tolerance, so a loss that is almost 0 (centre just outside the
            # ball) is compared on the problem's own scale, L(0) * 1e-6.
            scale = max(ours.loss, 1e-6 * loss.value(np.zeros(2)))
            loss_error = abs(ours.loss - reference_loss) / scale
            assert loss_error < 1e-7, (loss, radius, ours, reference_loss)
            worst_loss = max(worst_loss, loss_error)
            assert ours.zeros == ()
        inside += not ours.active
        worst_w = max(worst_w, w_error)
    assert 200 < inside < N_PROBLEMS - 200
    print(f"L2: loss vs Clarabel {worst_loss:.2e}, w vs TOMS748 secular {worst_w:.2e}")


@pytest.mark.parametrize("n", [3, 4, 6])
def test_l1_face_enumeration_in_n_dimensions_matches_osqp(n):
    rng = np.random.default_rng(n)
    oracle = _oracle(n, 1)
    sparse = 0
    for _ in range(200):
        loss = random_loss_nd(rng, n, max_log10_condition=3.0)
        radius = _radius_for(rng, loss, 1)
        ours = solve_constrained(loss, NormBall(p=1, radius=radius))
        reference, _ = _solve_oracle(oracle, loss, radius, 1)
        error = np.max(np.abs(ours.w - reference)) / max(1.0, np.max(np.abs(ours.w)))
        assert error < 1e-7, (loss, radius, ours, reference)
        assert ours.zeros == tuple(np.flatnonzero(np.abs(reference) <= 1e-7 * radius))
        sparse += bool(ours.zeros)
    assert sparse > 20


@pytest.mark.parametrize("n", [3, 5])
def test_l2_in_n_dimensions_matches_a_second_exact_method(n):
    rng = np.random.default_rng(100 + n)
    for _ in range(200):
        loss = random_loss_nd(rng, n)
        radius = _radius_for(rng, loss, 2)
        ours = solve_constrained(loss, NormBall(p=2, radius=radius))
        np.testing.assert_allclose(ours.w, _secular_toms748(loss, radius), rtol=1e-9, atol=1e-12)
