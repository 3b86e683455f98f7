"""The exact lasso path against scikit-learn's lars_path, the KKT conditions and closed forms."""

import dataclasses
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.linear_model import ElasticNet, Ridge, lars_path

from solvers.lasso_path import lasso_path
from solvers.penalized_paths import (
    elastic_net_path,
    ridge_path,
    sklearn_elastic_net_params,
    sklearn_ridge_alpha,
)
from studies.diabetes_design import design_gram, diabetes_design

TIGHT = {"tol": 1e-12, "max_iter": 1_000_000}  # coordinate descent as a 1e-8 oracle


def _gram(X, y):
    n = X.shape[0]
    return X.T @ X / n, X.T @ y / n


def _kkt_residual(G, b, lam, w):
    """max over j of the KKT violation of 0.5 w'Gw - b'w + lam |w|_1, relative to lam_max."""
    c = b - G @ w
    on = w != 0.0
    equal = np.abs(c[on] - lam * np.sign(w[on]))
    inside = np.maximum(np.abs(c[~on]) - lam, 0.0)
    return float(np.max(np.concatenate([equal, inside, [0.0]])) / np.max(np.abs(b)))


def _assert_matches_lars(X, y, path):
    """Same breakpoints, same exact zeros, same coefficients (1e-8 of the scale) as lars_path."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # lars_path's degeneracy notes for p > n
        alphas, _, coefs = lars_path(X, y, method="lasso")  # alphas already divided by n
    reference = coefs.T
    assert path.lambdas.shape == alphas.shape
    np.testing.assert_allclose(path.lambdas, alphas, rtol=0, atol=1e-10 * alphas[0])
    scale = np.maximum(1.0, np.max(np.abs(reference), axis=1, keepdims=True))
    # Ours are exactly 0.0; lars_path leaves rounding (~1e-17) on a variable
    # at the breakpoint where it drops out.
    np.testing.assert_array_equal(path.coefs == 0.0, np.abs(reference) <= 1e-12 * scale)
    assert np.max(np.abs(path.coefs - reference) / scale) < 1e-8


@pytest.mark.parametrize("quadratic", [False, True])
def test_diabetes_path_equals_lars_path_at_every_breakpoint(quadratic):
    X, y, _ = diabetes_design(quadratic)
    path = lasso_path(*design_gram(quadratic))
    _assert_matches_lars(X, y, path)
    G, b = design_gram(quadratic)
    pairs = zip(path.lambdas, path.coefs, strict=True)
    assert max(_kkt_residual(G, b, lam, w) for lam, w in pairs) < 1e-12


def test_diabetes_variables_enter_in_the_papers_order():
    # Efron et al. (2004), section 2 / Figure 1: on the 10-variable model the
    # first four to enter are bmi, ltg (s5), map (bp) and hdl (s3).
    path = lasso_path(*design_gram(False))
    _, _, names = diabetes_design(False)
    entered = []
    for row in path.coefs:
        entered += [names[j] for j in np.flatnonzero(row) if names[j] not in entered]
    assert entered[:4] == ["bmi", "s5", "bp", "s3"]


@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    n=st.integers(3, 30),
    p=st.integers(1, 45),
    centred=st.booleans(),
)
def test_random_designs_including_p_above_n_equal_lars_path(seed, n, p, centred):
    rng = np.random.default_rng(seed)
    X, y = rng.standard_normal((n, p)), rng.standard_normal(n)
    if centred:
        X, y = X - X.mean(axis=0), y - y.mean()
    G, b = _gram(X, y)
    path = lasso_path(G, b)
    _assert_matches_lars(X, y, path)
    # At most rank(X) non-zero weights (n - 1 when centred), and KKT everywhere.
    rank = np.linalg.matrix_rank(X)
    assert np.all(p - path.zero_counts() <= rank)
    mids = 0.5 * (path.lambdas[1:] + path.lambdas[:-1])
    for lam, w in zip(
        np.r_[path.lambdas, mids], np.vstack([path.coefs, path.at(mids)]), strict=True
    ):
        assert _kkt_residual(G, b, lam, w) < 1e-10
    if p >= n:  # the end at lam = 0 fits the training data exactly
        residual = y - X @ path.coefs[-1]
        assert np.linalg.norm(residual) < 1e-8 * np.linalg.norm(y)


def test_orthonormal_design_is_soft_thresholding_with_ties():
    # G = I: w_j = sign(b_j) max(|b_j| - lam, 0); equal |b_j| join together.
    b = np.array([2.0, -2.0, 1.0, 0.5, 0.5, 0.0])
    path = lasso_path(np.eye(6), b)
    np.testing.assert_array_equal(path.lambdas, [2.0, 1.0, 0.5, 0.0])
    for lam in [2.5, 2.0, 1.7, 1.0, 0.75, 0.5, 0.2, 0.0]:
        expected = np.sign(b) * np.maximum(np.abs(b) - lam, 0.0)
        np.testing.assert_allclose(path.at(lam), expected, rtol=0, atol=1e-15)
        np.testing.assert_array_equal(path.at(lam) == 0.0, expected == 0.0)


def test_duplicated_and_zero_columns_never_make_the_active_gram_singular():
    rng = np.random.default_rng(7)
    X = rng.standard_normal((40, 5))
    X = np.column_stack([X, X[:, 1], np.zeros(40), X[:, 0] + X[:, 2]])
    y = X[:, :5] @ rng.standard_normal(5) + 0.1 * rng.standard_normal(40)
    G, b = _gram(X, y)
    path = lasso_path(G, b)
    assert np.all(path.coefs[:, 6] == 0.0)  # the zero column
    assert not np.any((path.coefs[:, 1] != 0.0) & (path.coefs[:, 5] != 0.0))
    assert np.all(8 - path.zero_counts() <= 5)
    for lam, w in zip(path.lambdas, path.coefs, strict=True):
        assert _kkt_residual(G, b, lam, w) < 1e-12
    # The end is a least-squares fit: same fitted values as lstsq.
    fitted = X @ np.linalg.lstsq(X, y, rcond=None)[0]
    np.testing.assert_allclose(X @ path.coefs[-1], fitted, atol=1e-9 * np.linalg.norm(y))


def test_no_failure_window_at_the_least_squares_end():
    # solvers/homotopy.py fails for L1 budgets within ~2.4e-6 of |w_ols|_1 on
    # this design; the path is exact all the way to lam = 0 and its L1 norm,
    # linear in lam on each piece, reaches every budget there.
    G, b = design_gram(True)
    path = lasso_path(G, b)
    ols = np.linalg.solve(G, b)
    assert np.max(np.abs(path.coefs[-1] - ols)) < 1e-8 * np.max(np.abs(ols))
    norms = path.l1_norms()
    assert np.all(np.diff(norms) > 0.0)
    for gap in [2.4e-6, 1e-6, 1e-9]:
        budget = norms[-1] - gap
        lam = float(np.interp(budget, norms, path.lambdas))
        w = path.at(lam)
        assert np.sum(np.abs(w)) == pytest.approx(budget, rel=1e-12)
        assert _kkt_residual(G, b, lam, w) < 1e-12


def test_floor_at_and_breakpoints():
    G, b = design_gram(True)
    full, floored = lasso_path(G, b), lasso_path(G, b, lambda_min=0.05)
    assert floored.lambdas[-1] == 0.05 and np.all(np.diff(floored.lambdas) < 0)
    np.testing.assert_allclose(floored.coefs[-1], full.at(0.05), rtol=0, atol=1e-9)
    np.testing.assert_array_equal(floored.at(full.lambdas[:5]), full.coefs[:5])
    np.testing.assert_array_equal(full.at(full.lambdas[0] * 1.5), np.zeros(64))
    # Exact zeros between breakpoints: the coordinates zero at both ends.
    mids = 0.5 * (full.lambdas[1:] + full.lambdas[:-1])
    both = (full.coefs[1:] == 0.0) & (full.coefs[:-1] == 0.0)
    np.testing.assert_array_equal(full.at(mids) == 0.0, both)
    np.testing.assert_array_equal(full.at(float(mids[3])), full.at(mids)[3])
    with pytest.raises(ValueError, match="lam"):
        floored.at(0.01)
    with pytest.raises(dataclasses.FrozenInstanceError):
        full.lambdas = np.zeros(3)
    with pytest.raises(ValueError):
        full.coefs[0, 0] = 1.0  # read-only


def test_zero_response_and_floor_above_lam_max():
    path = lasso_path(np.eye(3), np.zeros(3))
    np.testing.assert_array_equal(path.lambdas, [0.0])
    np.testing.assert_array_equal(path.zero_counts(), [3])
    above = lasso_path(np.eye(2), np.array([1.0, 0.5]), lambda_min=2.0)
    np.testing.assert_array_equal(above.lambdas, [2.0])
    np.testing.assert_array_equal(above.at(3.0), [0.0, 0.0])


@pytest.mark.parametrize(
    ("gram", "xty", "floor", "name"),
    [
        (np.ones((2, 3)), np.ones(2), 0.0, "gram"),
        (np.array([[1.0, 0.5], [0.0, 1.0]]), np.ones(2), 0.0, "gram"),
        (np.array([[1.0, 2.0], [2.0, 1.0]]), np.ones(2), 0.0, "gram"),
        (np.array([[1.0, np.nan], [np.nan, 1.0]]), np.ones(2), 0.0, "gram"),
        (np.eye(2), np.ones(3), 0.0, "xty"),
        (np.eye(2), np.array([1.0, np.inf]), 0.0, "xty"),
        (np.eye(2), np.ones(2), -1.0, "lambda_min"),
        (np.eye(2), np.ones(2), np.nan, "lambda_min"),
    ],
)
def test_invalid_input_names_the_argument(gram, xty, floor, name):
    with pytest.raises(ValueError, match=name):
        lasso_path(gram, xty, lambda_min=floor)


# Ridge and the elastic net on a grid (solvers/penalized_paths.py), same scaling.


@pytest.mark.parametrize("quadratic", [False, True])
def test_ridge_path_equals_sklearn_ridge(quadratic):
    X, y, _ = diabetes_design(quadratic)
    G, b = design_gram(quadratic)
    grid = np.geomspace(10.0, 1e-7, 9) * np.max(np.abs(b))
    path = ridge_path(G, b, grid)
    for lam, w in zip(grid, path.coefs, strict=True):
        fit = Ridge(alpha=sklearn_ridge_alpha(lam, len(y)), fit_intercept=False).fit(X, y)
        assert np.max(np.abs(w - fit.coef_)) < 1e-8 * max(1.0, np.max(np.abs(w)))
    assert np.all(path.zero_counts() == 0)


def test_ridge_at_zero_is_the_minimum_norm_least_squares_fit_when_p_exceeds_n():
    rng = np.random.default_rng(11)
    X, y = rng.standard_normal((8, 20)), rng.standard_normal(8)
    path = ridge_path(*_gram(X, y), [0.0, 1e-3])
    np.testing.assert_allclose(path.coefs[0], np.linalg.pinv(X) @ y, atol=1e-10)


@pytest.mark.parametrize("a", [0.2, 0.5, 0.9])
def test_elastic_net_path_equals_sklearn_elastic_net(a):
    X, y, _ = diabetes_design(True)
    G, b = design_gram(True)
    grid = np.geomspace(1.0, 1e-4, 8) * np.max(np.abs(b)) / a
    path = elastic_net_path(G, b, grid, a)
    for lam, w in zip(grid, path.coefs, strict=True):
        alpha, ratio = sklearn_elastic_net_params(lam, a)
        fit = ElasticNet(alpha=alpha, l1_ratio=ratio, fit_intercept=False, **TIGHT).fit(X, y)
        assert np.max(np.abs(w - fit.coef_)) < 1e-8 * max(1.0, np.max(np.abs(w)))
        np.testing.assert_array_equal(w == 0.0, fit.coef_ == 0.0)
        # KKT of the elastic net: b - G w - 2 lam (1 - a) w = lam a sign(w) on the
        # support, |.| <= lam a off it.
        c = b - G @ w - 2.0 * lam * (1.0 - a) * w
        on = w != 0.0
        assert np.max(np.abs(c[on] - lam * a * np.sign(w[on])), initial=0.0) < 1e-12
        assert np.all(np.abs(c[~on]) <= lam * a * (1.0 + 1e-12))
    assert path.zero_counts()[0] == 64 and path.zero_counts()[-1] < 64


def test_elastic_net_with_p_above_n_and_its_ends():
    rng = np.random.default_rng(5)
    X, y = rng.standard_normal((15, 40)), rng.standard_normal(15)
    G, b = _gram(X, y)
    grid = np.geomspace(1.0, 1e-3, 12) * np.max(np.abs(b))
    path = elastic_net_path(G, b, grid, 0.7)
    for lam, w in zip(grid, path.coefs, strict=True):
        alpha, ratio = sklearn_elastic_net_params(lam, 0.7)
        fit = ElasticNet(alpha=alpha, l1_ratio=ratio, fit_intercept=False, **TIGHT).fit(X, y)
        assert np.max(np.abs(w - fit.coef_)) < 1e-8 * max(1.0, np.max(np.abs(w)))
    lasso = elastic_net_path(G, b, grid, 1.0)
    np.testing.assert_array_equal(lasso.coefs, lasso_path(G, b, grid.min()).at(grid))
    ridge = elastic_net_path(G, b, grid, 0.0)
    np.testing.assert_array_equal(ridge.coefs, ridge_path(G, b, grid).coefs)
    with pytest.raises(ValueError, match="lambdas"):
        ridge_path(G, b, [-1.0])
    with pytest.raises(ValueError, match="l1_ratio"):
        elastic_net_path(G, b, grid, 1.5)


def test_xty_outside_the_range_of_gram_is_unbounded_and_refused():
    # 0.5 w1^2 - w1 - 0.5 w2 + lam (|w1| + |w2|): unbounded in w2 once lam < 0.5.
    G, b = np.diag([1.0, 0.0]), np.array([1.0, 0.5])
    with pytest.raises(ValueError, match="xty must lie in the range of gram"):
        lasso_path(G, b)
    path = lasso_path(G, b, lambda_min=0.6)
    np.testing.assert_allclose(path.at(0.6), [0.4, 0.0], rtol=0, atol=1e-15)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 12), st.integers(0, 2**32 - 1))
def test_the_support_solve_gives_scipys_cholesky_numbers(size, seed):
    from scipy.linalg import cho_factor, cho_solve

    from solvers.cholesky import positive_definite_solve

    rng = np.random.default_rng(seed)
    A = rng.normal(size=(size, size))
    system, rhs = A @ A.T + 0.01 * np.eye(size), rng.normal(size=size)
    # The same LAPACK routines as scipy's high-level calls: the same numbers, bit for bit.
    np.testing.assert_array_equal(
        positive_definite_solve(system, rhs), cho_solve(cho_factor(system), rhs)
    )


def test_the_support_solve_refuses_a_matrix_that_is_not_positive_definite():
    from scipy.linalg import LinAlgError

    from solvers.cholesky import positive_definite_solve

    with pytest.raises(LinAlgError, match="not positive definite"):
        positive_definite_solve(np.array([[1.0, 2.0], [2.0, 1.0]]), np.ones(2))


@pytest.mark.parametrize("pull", [(5e-324, 0.0), (0.0, 1e-320), (3e-310, -2e-310)])
def test_a_subnormal_path_is_read_far_above_its_end_without_overflow(pull):
    # The budget figure reads the path on a lambda axis at least 1e-3 wide: for a centre a
    # subnormal step from 0 that is ~1e320 path widths above the first breakpoint.
    b = np.array(pull)
    path = lasso_path(np.eye(2), b)
    lams = np.linspace(0.0, 1e-3, 80)
    with np.errstate(all="raise"):
        w = path.at(lams)
    assert np.all(w[1:] == 0.0)  # lam >= ||b||_inf: the lasso is exactly 0
    np.testing.assert_array_equal(w[0], b)  # lam = 0 with G = I: w = b, exactly
