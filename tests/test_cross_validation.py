"""K-fold CV over exact paths against LassoCV, ElasticNetCV and per-fold Ridge fits."""

import numpy as np
import pytest
from sklearn.linear_model import ElasticNetCV, Lasso, LassoCV, Ridge
from sklearn.model_selection import KFold

from solvers.penalized_paths import sklearn_elastic_net_params, sklearn_ridge_alpha
from studies.cross_validation import cross_validate, kfold_indices, lambda_grid
from studies.diabetes_design import diabetes_design

TIGHT = {"tol": 1e-12, "max_iter": 1_000_000}


def _folds(X, k):
    return list(KFold(k, shuffle=True, random_state=0).split(X))


@pytest.mark.parametrize(("quadratic", "k", "m"), [(False, 10, 100), (True, 5, 40)])
def test_lasso_cv_equals_lassocv_with_the_same_folds(quadratic, k, m):
    X, y, _ = diabetes_design(quadratic)
    folds = _folds(X, k)
    grid = lambda_grid(X, y, n_lambdas=m)
    ours = cross_validate(X, y, lambdas=grid, folds=folds)
    reference = LassoCV(alphas=grid, cv=folds, **TIGHT).fit(X, y)
    np.testing.assert_allclose(reference.alphas_, grid, rtol=1e-15)  # same grid, same order
    np.testing.assert_allclose(ours.fold_mse, reference.mse_path_.T, rtol=1e-8)
    assert ours.lambda_min == reference.alpha_
    # The full-data fit at lambda_min: the same weights and the same exact zeros.
    lasso = Lasso(alpha=ours.lambda_min, **TIGHT).fit(X, y)
    np.testing.assert_allclose(ours.coef_min, lasso.coef_, rtol=0, atol=1e-7)
    np.testing.assert_array_equal(ours.coef_min == 0.0, lasso.coef_ == 0.0)


@pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")
def test_default_grid_is_lassocvs():
    X, y, _ = diabetes_design(False)
    reference = LassoCV(cv=3, max_iter=10).fit(X, y)  # only its grid is used
    np.testing.assert_allclose(lambda_grid(X, y), reference.alphas_, rtol=1e-12)


def test_elastic_net_cv_equals_elasticnetcv():
    X, y, _ = diabetes_design(False)
    folds, a = _folds(X, 10), 0.5
    ours = cross_validate(X, y, a, folds=folds)
    alphas = [sklearn_elastic_net_params(lam, a)[0] for lam in ours.lambdas]
    ratio = sklearn_elastic_net_params(1.0, a)[1]
    reference = ElasticNetCV(alphas=alphas, l1_ratio=ratio, cv=folds, **TIGHT).fit(X, y)
    np.testing.assert_allclose(ours.fold_mse, reference.mse_path_.T, rtol=1e-8)
    assert sklearn_elastic_net_params(ours.lambda_min, a)[0] == pytest.approx(reference.alpha_)


def test_ridge_cv_fold_errors_equal_per_fold_ridge_fits():
    X, y, _ = diabetes_design(True)
    folds = _folds(X, 5)
    ours = cross_validate(X, y, 0.0, folds=folds)
    for row, (train, test) in enumerate(folds):
        for column in range(0, ours.lambdas.size, 11):
            alpha = sklearn_ridge_alpha(ours.lambdas[column], len(train))
            fit = Ridge(alpha=alpha).fit(X[train], y[train])
            mse = np.mean((y[test] - fit.predict(X[test])) ** 2)
            assert ours.fold_mse[row, column] == pytest.approx(mse, rel=1e-9)
    assert ours.zeros_min == 0 and ours.zeros_1se == 0  # ridge: no exact zeros


def test_one_standard_error_rule_and_lasso_sparsity():
    X, y, _ = diabetes_design(True)
    result = cross_validate(X, y, k=10, seed=3)
    errors = result.fold_mse
    mean = errors.mean(axis=0)
    se = errors.std(axis=0, ddof=1) / np.sqrt(errors.shape[0])
    best = int(np.argmin(mean))
    assert result.lambda_min == result.lambdas[best]
    threshold = mean[best] + se[best]
    chosen = int(np.flatnonzero(result.lambdas == result.lambda_1se)[0])
    assert mean[chosen] <= threshold and np.all(mean[:chosen] > threshold)
    assert result.lambda_1se >= result.lambda_min
    # The one-SE model is sparser (or as sparse), and the lasso does zero weights exactly.
    assert result.zeros_1se >= result.zeros_min > 0


def test_kfold_indices_partition_the_rows():
    folds = kfold_indices(23, 4, seed=5)
    tests = [test for _, test in folds]
    assert sorted(np.concatenate(tests).tolist()) == list(range(23))
    assert sorted(len(t) for t in tests) == [5, 6, 6, 6]
    for train, test in folds:
        assert np.intersect1d(train, test).size == 0 and train.size + test.size == 23
    again = kfold_indices(23, 4, seed=5)
    assert all(np.array_equal(a[1], b[1]) for a, b in zip(folds, again, strict=True))
    other = kfold_indices(23, 4, seed=6)
    assert not all(np.array_equal(a[1], b[1]) for a, b in zip(folds, other, strict=True))
    with pytest.raises(ValueError, match="k must"):
        kfold_indices(5, 1)
    with pytest.raises(ValueError, match="l1_ratio"):
        cross_validate(np.eye(4), np.arange(4.0), 1.5, k=2)
    with pytest.raises(ValueError, match="y must"):
        cross_validate(np.eye(4), np.arange(3.0), k=2)
