"""Property tests: every solution is feasible, satisfies KKT, and beats its neighbours."""

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from geometry import NormBall, QuadraticLoss
from solvers import solve_constrained
from solvers.l1_ball import solve_l1_ball
from solvers.l2_ball import solve_l2_ball
from tests.problems import (
    feasible_neighbours,
    l1_kkt_residual,
    l2_kkt_residual,
    losses,
    radii,
    term_scale,
)

KKT = {1: l1_kkt_residual, 2: l2_kkt_residual}


@pytest.mark.parametrize("p", [1, 2])
@given(loss=losses(), radius=radii)
def test_solution_is_feasible_and_satisfies_kkt(p, loss, radius):
    solution = solve_constrained(loss, NormBall(p=p, radius=radius))
    assert NormBall(p=p, radius=radius).norm(solution.w) <= radius * (1 + 1e-12)
    assert KKT[p](loss, solution.w, solution.multiplier, radius) < 1e-9
    assert solution.loss == pytest.approx(loss.value(solution.w), rel=1e-12, abs=1e-300)
    assert solution.active == (NormBall(p=p, radius=radius).norm(loss.center) > radius)


@pytest.mark.parametrize("p", [1, 2])
@given(loss=losses(), radius=radii, seed=st.integers(0, 2**32 - 1))
def test_no_feasible_neighbour_is_better(p, loss, radius, seed):
    solution = solve_constrained(loss, NormBall(p=p, radius=radius))
    neighbours = feasible_neighbours(np.random.default_rng(seed), solution.w, p, radius)
    slack = 1e-12 * max(1.0, solution.loss)
    assert np.min(loss.value(neighbours)) >= solution.loss - slack


@given(loss=losses(), radius=radii)
def test_l1_zeros_follow_the_face(loss, radius):
    solution = solve_constrained(loss, NormBall(p=1, radius=radius))
    if solution.face == "vertex":
        # A corner of the diamond: one weight exactly 0.0, the other exactly ±t.
        assert len(solution.zeros) == 1
        assert np.max(np.abs(solution.w)) == radius
    elif solution.face == "edge":
        assert solution.zeros == ()
        assert np.all(solution.w != 0.0)
    else:
        assert solution.face == "interior"
        np.testing.assert_array_equal(solution.w, loss.center)


@given(loss=losses(), radius=radii)
def test_l2_lands_on_an_axis_only_when_the_geometry_says_so(loss, radius):
    # With a rotated loss the L2 solution has a zero only if c and H conspire;
    # off an axis-aligned loss with c on an axis that is a set of measure zero.
    solution = solve_constrained(loss, NormBall(p=2, radius=radius))
    h12 = loss.hessian[0, 1]
    for i in solution.zeros:
        assert (solution.face == "interior" and loss.center[i] == 0.0) or h12 == 0.0


@given(
    axis=st.sampled_from([0, 1]),
    offset=st.floats(0.2, 6.0),
    curvatures=st.tuples(st.floats(0.1, 10.0), st.floats(0.1, 10.0)),
    radius=st.floats(0.05, 0.19),
)
def test_l2_axis_aligned_centre_on_axis_gives_exact_zero(axis, offset, curvatures, radius):
    center = np.zeros(2)
    center[axis] = offset
    loss = QuadraticLoss(center, np.diag(curvatures))
    solution = solve_constrained(loss, NormBall(p=2, radius=radius))
    assert solution.zeros == (1 - axis,)
    assert solution.w[axis] == pytest.approx(radius, rel=1e-14)


@pytest.mark.parametrize("p", [1, 2])
@given(loss=losses(), radius=radii)
# Outside the circle by 4e-16 relative: every solver must round "inside" alike.
@example(
    loss=QuadraticLoss(
        center=np.array([4.325570069529096, 5.960464477539063e-08]), hessian=np.eye(2)
    ),
    radius=4.325570069529096,
)
def test_planar_closed_forms_match_the_general_n_d_solvers(p, loss, radius):
    fast = solve_constrained(loss, NormBall(p=p, radius=radius))
    general = (solve_l1_ball if p == 1 else solve_l2_ball)(loss, radius)
    assert fast.face == general.face
    assert fast.zeros == general.zeros
    np.testing.assert_allclose(fast.w, general.w, rtol=1e-9, atol=1e-12 * radius)
    # Both multipliers carry rounding of the size eps * ||H|| (||w|| + ||c||).
    tolerance = 1e-12 * term_scale(loss, fast.w, fast.multiplier)
    assert fast.multiplier == pytest.approx(general.multiplier, rel=1e-9, abs=tolerance)
