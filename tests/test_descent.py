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
