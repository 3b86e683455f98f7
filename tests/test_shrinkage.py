"""The one-weight operators: closed forms, brute force, scikit-learn, and the dead zone."""

import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy.optimize import minimize_scalar
from sklearn.linear_model import ElasticNet, Lasso, Ridge

from solvers.shrinkage import (
    elastic_net_shrink,
    hard_threshold,
    one_weight_solution,
    penalty_value,
    ridge_shrink,
    soft_threshold,
)

# Subnormal pulls would underflow to 0 under any shrinkage: rounding, not geometry.
pulls = st.floats(-50.0, 50.0, allow_subnormal=False)
weights = st.floats(0.0, 20.0)


def _brute_force(a, lam, penalty, l1_ratio=0.5):
    """Minimise 0.5 (w - a)^2 + penalty(w) by a bounded scalar search plus the point w = 0."""

    def objective(w):
        return 0.5 * (w - a) ** 2 + float(penalty_value(w, lam, penalty, l1_ratio))

    span = abs(a) + 1.0
    found = minimize_scalar(
        objective, bounds=(-span, span), method="bounded", options={"xatol": 1e-12}
    )
    return min((found.x, 0.0), key=objective), objective


@pytest.mark.parametrize("penalty", ["l1", "l2", "elasticnet", "l0"])
@given(a=pulls, lam=weights)
def test_closed_forms_minimise_the_one_weight_problem(penalty, a, lam):
    ours = float(one_weight_solution(a, lam, penalty))
    best, objective = _brute_force(a, lam, penalty)
    # Ours is at least as good as a numerical search (which cannot land on a kink exactly).
    assert objective(ours) <= objective(best) + 1e-9 * (1 + objective(best))


@given(a=pulls, lam=weights)
def test_the_dead_zone_is_exactly_a_within_lambda(a, lam):
    w = float(soft_threshold(a, lam))
    assert (w == 0.0) == (abs(a) <= lam)
    if w != 0.0:
        assert w == a - np.sign(a) * lam and np.sign(w) == np.sign(a)


@given(a=pulls, lam=weights)
def test_ridge_is_zero_only_where_the_data_are(a, lam):
    assert (float(ridge_shrink(a, lam)) == 0.0) == (a == 0.0)


@given(a=pulls, lam=weights, ratio=st.floats(0.0, 1.0))
def test_elastic_net_zeroes_exactly_its_l1_dead_zone(a, lam, ratio):
    w = float(elastic_net_shrink(a, lam, ratio))
    assert (w == 0.0) == (abs(a) <= lam * ratio or a == 0.0)


@given(a=pulls, lam=weights)
def test_hard_threshold_keeps_or_kills(a, lam):
    w = float(hard_threshold(a, lam))
    assert w in (0.0, a)
    assert (w == a and a != 0.0) == (abs(a) > np.sqrt(2 * lam))


def test_values_by_hand():
    np.testing.assert_array_equal(soft_threshold([-3.0, -1.0, 0.5, 2.5], 1.0), [-2, 0, 0, 1.5])
    np.testing.assert_array_equal(ridge_shrink([3.0, -1.5], 1.0), [1.0, -0.5])
    np.testing.assert_array_equal(hard_threshold([1.4, 1.5, -2.0], 1.0), [0.0, 1.5, -2.0])
    np.testing.assert_array_equal(elastic_net_shrink([3.0, 0.4], 1.0, 0.5), [1.25, 0.0])


def _orthonormal_design(seed: int, n: int = 60, p: int = 12):
    rng = np.random.default_rng(seed)
    X, _ = np.linalg.qr(rng.normal(size=(n, p)))
    y = X @ rng.normal(size=p) * 2.0 + rng.normal(size=n) * 0.3
    return X, y, X.T @ y  # the OLS coefficients of an orthonormal design are X^T y


@pytest.mark.parametrize("lam", [0.1, 0.5, 1.0, 2.0])
def test_scikit_learn_agrees_on_an_orthonormal_design(lam):
    X, y, ols = _orthonormal_design(int(lam * 10))
    n = X.shape[0]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        # sklearn: 1/(2n)||y - Xw||^2 + alpha ||w||_1 = (1/n)(0.5||y - Xw||^2 + n alpha ||w||_1)
        lasso = Lasso(alpha=lam / n, fit_intercept=False, tol=1e-14, max_iter=100_000).fit(X, y)
        ridge = Ridge(alpha=2 * lam, fit_intercept=False, solver="cholesky").fit(X, y)
        # 0.5||.||^2 + lam (r|w| + (1 - r) w^2) in sklearn's 1/(2n) scaling, r = 0.5:
        # n alpha rho = lam r and n alpha (1 - rho) / 2 = lam (1 - r)
        r = 0.5
        alpha = (lam * r + 2 * lam * (1 - r)) / n
        net = ElasticNet(
            alpha=alpha,
            l1_ratio=lam * r / (n * alpha),
            fit_intercept=False,
            tol=1e-14,
            max_iter=100_000,
        ).fit(X, y)
    np.testing.assert_allclose(lasso.coef_, soft_threshold(ols, lam), atol=1e-10)
    np.testing.assert_array_equal(lasso.coef_ == 0.0, soft_threshold(ols, lam) == 0.0)
    np.testing.assert_allclose(ridge.coef_, ridge_shrink(ols, lam), rtol=1e-10)
    np.testing.assert_allclose(net.coef_, elastic_net_shrink(ols, lam, r), atol=1e-10)
    np.testing.assert_array_equal(net.coef_ == 0.0, elastic_net_shrink(ols, lam, r) == 0.0)


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda: soft_threshold(1.0, -1.0), "lam"),
        (lambda: soft_threshold(float("nan"), 1.0), "a"),
        (lambda: ridge_shrink(1.0, float("inf")), "lam"),
        (lambda: elastic_net_shrink(1.0, 1.0, 1.5), "l1_ratio"),
        (lambda: one_weight_solution(1.0, 1.0, "l3"), "penalty"),
        (lambda: penalty_value(1.0, 1.0, "l3"), "penalty"),
    ],
)
def test_bad_arguments_name_themselves(call, argument):
    with pytest.raises(ValueError, match=rf"^{argument}\b"):
        call()
