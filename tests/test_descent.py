"""Subgradient descent hovers around a zero; proximal gradient lands on it exactly."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from geometry import QuadraticLoss
from solvers import solve_penalized
from solvers.descent import proximal_gradient, subgradient_descent
from tests.problems import losses

ONE_WEIGHT = QuadraticLoss(center=np.array([0.6]), hessian=np.array([[1.0]]))  # dead zone at λ = 1


@pytest.mark.parametrize("step", [0.05, 0.3, 0.9])
def test_proximal_steps_reach_exact_zero_and_stay(step):
    path = proximal_gradient(ONE_WEIGHT, 1.0, step, 200, [2.0])[:, 0]
    first = int(np.flatnonzero(path == 0.0)[0])
    assert np.all(path[first:] == 0.0)
    # One step: a gradient step on the data term, then the one-weight lasso.
    moved = 2.0 - step * (2.0 - 0.6)
    assert path[1] == pytest.approx(max(moved - step * 1.0, 0.0))


@pytest.mark.parametrize("step", [0.05, 0.3, 0.9])
def test_subgradient_steps_hover_around_zero_without_reaching_it(step):
    path = subgradient_descent(ONE_WEIGHT, 1.0, step, 400, [2.0])[:, 0]
    tail = path[200:]
    assert np.count_nonzero(tail == 0.0) == 0
    # They oscillate across 0 within a band of order step * λ.
    assert np.any(tail > 0.0) and np.any(tail < 0.0)
    assert np.max(np.abs(tail)) <= step * (1.0 + 0.6) + 1e-12


@given(loss=losses(max_log10_condition=1.5), lam=st.floats(0.05, 5.0))
def test_ista_converges_to_the_exact_lasso_with_its_exact_zeros(loss, lam):
    exact = solve_penalized(loss, "l1", lam)
    step = 1.0 / np.linalg.eigvalsh(loss.hessian)[-1]
    path = proximal_gradient(loss, lam, step, 3000, np.zeros(2))
    final = path[-1]
    scale = 1.0 + np.max(np.abs(loss.center))
    np.testing.assert_allclose(final, exact.w, atol=1e-6 * scale)
    for i in exact.zeros:
        # Strictly inside the dead zone ISTA's coordinate is exactly 0.0 (margin 1%).
        pull = abs(loss.gradient(exact.w)[i])
        if pull < 0.99 * lam:
            assert final[i] == 0.0


def test_bad_arguments_name_themselves():
    with pytest.raises(ValueError, match="step"):
        proximal_gradient(ONE_WEIGHT, 1.0, 0.0, 10, [1.0])
    with pytest.raises(ValueError, match="iterations"):
        subgradient_descent(ONE_WEIGHT, 1.0, 0.1, -1, [1.0])
    with pytest.raises(ValueError, match="start"):
        subgradient_descent(ONE_WEIGHT, 1.0, 0.1, 5, [1.0, 2.0])
    with pytest.raises(ValueError, match="lam"):
        proximal_gradient(ONE_WEIGHT, -1.0, 0.1, 5, [1.0])
    with pytest.raises(ValueError, match="loss"):
        proximal_gradient("loss", 1.0, 0.1, 5, [1.0])


@given(
    center=st.floats(-5.0, 5.0),
    start=st.floats(-5.0, 5.0),
    step=st.floats(0.01, 1.0),
    lam=st.floats(0.0, 3.0),
)
def test_a_proximal_step_gives_zero_exactly_when_the_gradient_stepped_point_is_near_zero(
    center, start, step, lam
):
    # Zero iff |w - step L'(w)| <= step lam: where w was before the step does not decide.
    loss = QuadraticLoss(center=np.array([center]), hessian=np.array([[1.0]]))
    after = proximal_gradient(loss, lam, step, 1, [start])[1, 0]
    stepped = start - step * (start - center)
    assert (after == 0.0) == (abs(stepped) <= step * lam)


def test_zero_from_far_away_and_no_zero_from_close_by():
    # Far from 0, but the gradient step lands in [-step lam, step lam]: exactly 0 at once.
    assert proximal_gradient(ONE_WEIGHT, 1.0, 0.9, 1, [2.0])[1, 0] == 0.0
    # Already at 1e-3 from 0, but the data pull (c = 5) steps it far out: not 0.
    far_pull = QuadraticLoss(center=np.array([5.0]), hessian=np.array([[1.0]]))
    assert proximal_gradient(far_pull, 1.0, 0.5, 1, [1e-3])[1, 0] > 1.0


def test_without_strict_complementarity_the_zero_comes_only_from_rounding():
    # c = lam = 1, H = 1: w* = 0 with |L'(w*)| = lam exactly, the edge of the dead zone.
    # With step 1/2 ISTA is w <- soft(w/2 + 1/2, 1/2) = w/2: 2^(1-k) > 0 in exact arithmetic,
    # 0.0 only once w/2 + 1/2 rounds to 1/2 (k = 55 in float64), against 3 steps at c = 0.6.
    edge = QuadraticLoss(center=np.array([1.0]), hessian=np.array([[1.0]]))
    path = proximal_gradient(edge, 1.0, 0.5, 100, [2.0])[:, 0]
    np.testing.assert_array_equal(path[:50], 2.0 ** (1 - np.arange(50)))
    assert int(np.flatnonzero(path == 0.0)[0]) > 50
    inside = proximal_gradient(ONE_WEIGHT, 1.0, 0.5, 100, [2.0])[:, 0]
    assert int(np.flatnonzero(inside == 0.0)[0]) <= 5


def test_the_decaying_step_shrinks_the_hovering_but_never_lands():
    constant = subgradient_descent(ONE_WEIGHT, 1.0, 0.3, 4000, [2.0])[:, 0]
    decaying = subgradient_descent(ONE_WEIGHT, 1.0, 0.3, 4000, [2.0], schedule="sqrt")[:, 0]
    assert np.count_nonzero(decaying[1:] == 0.0) == 0
    # After k steps the band is of order eta / sqrt(k) * (lam + |L'|): about 0.3 * 1.6 / 60.
    assert np.max(np.abs(decaying[-100:])) < 0.3 * 1.6 / np.sqrt(3900) + 1e-12
    assert np.max(np.abs(constant[-100:])) > 10 * np.max(np.abs(decaying[-100:]))
    with pytest.raises(ValueError, match="schedule"):
        subgradient_descent(ONE_WEIGHT, 1.0, 0.3, 10, [2.0], schedule="linear")
