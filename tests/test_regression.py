"""Real regression: the diabetes loss, and lasso/ridge paths checked against scikit-learn."""

import numpy as np
import pytest
from sklearn.linear_model import Lasso, Ridge

from data import load_diabetes
from solvers.homotopy import solve_l1_homotopy
from studies.regression import coefficient_paths, least_squares_loss


def _standardised():
    features, response, _ = load_diabetes()
    x = (features - features.mean(axis=0)) / features.std(axis=0)
    return x, response - response.mean()


def test_the_shipped_data_is_the_diabetes_table():
    features, response, names = load_diabetes()
    assert features.shape == (442, 10) and response.shape == (442,)
    assert names == ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"]
    assert set(np.unique(features[:, 1])) == {1.0, 2.0}  # sex, coded 1/2 in the raw data


def test_the_quadratic_loss_is_the_least_squares_objective_up_to_a_constant():
    x, y = _standardised()
    loss = least_squares_loss(*load_diabetes()[:2])
    rng = np.random.default_rng(0)
    points = rng.normal(scale=20.0, size=(5, 10))
    objective = [0.5 * np.mean((y - x @ w) ** 2) for w in points]
    differences = np.array(objective) - np.array([loss.value(w) for w in points])
    np.testing.assert_allclose(differences, differences[0], rtol=1e-9)


@pytest.mark.parametrize("fraction", [0.05, 0.2, 0.3, 0.5, 0.8])
def test_the_lasso_at_each_budget_is_scikit_learns_lasso_at_its_multiplier(fraction):
    x, y = _standardised()
    loss = least_squares_loss(*load_diabetes()[:2])
    solution = solve_l1_homotopy(loss, fraction * np.sum(np.abs(loss.center)))
    model = Lasso(alpha=solution.multiplier, fit_intercept=False, tol=1e-14, max_iter=1_000_000)
    model.fit(x, y)
    np.testing.assert_allclose(solution.w, model.coef_, atol=1e-7)
    assert solution.zeros == tuple(np.flatnonzero(model.coef_ == 0.0))


def test_the_paths_have_exact_lasso_zeros_and_no_ridge_zeros():
    loss = least_squares_loss(*load_diabetes()[:2])
    fractions = np.linspace(0.01, 1.0, 40)
    lasso, ridge = coefficient_paths(loss, fractions)
    zeros = np.sum(lasso == 0.0, axis=1)
    assert zeros[0] == 9 and zeros[-1] == 0
    assert np.all(ridge != 0.0)
    np.testing.assert_allclose(lasso[-1], loss.center, rtol=1e-9)
    # Ridge at budget t: scikit-learn's Ridge at the KKT multiplier gives the same w.
    x, y = _standardised()
    t = 0.5 * np.linalg.norm(loss.center)
    w = coefficient_paths(loss, np.array([0.5]))[1][0]
    assert np.linalg.norm(w) == pytest.approx(t, rel=1e-12)
    # KKT: H (w - c) + nu w = 0 with H = X^T X / n, i.e. X^T (X w - y) + n nu w = 0,
    # which is scikit-learn's ridge ||y - X w||^2 + alpha ||w||^2 with alpha = n nu.
    nu = -loss.gradient(w) @ w / (w @ w)
    model = Ridge(alpha=nu * len(y), fit_intercept=False).fit(x, y)
    np.testing.assert_allclose(model.coef_, w, rtol=1e-8, atol=1e-8)


def test_bad_inputs_are_refused():
    with pytest.raises(ValueError, match="fractions"):
        coefficient_paths(least_squares_loss(*load_diabetes()[:2]), np.array([0.0, 0.5]))
    with pytest.raises(ValueError, match="constant"):
        least_squares_loss(np.ones((5, 2)), np.arange(5.0))
