"""The diabetes designs of Efron et al. (2004) against scikit-learn's copy of the data."""

import numpy as np
import pytest
from sklearn.datasets import load_diabetes as sklearn_diabetes

from studies.diabetes_design import design_gram, diabetes_design, standardise

MAIN = ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"]


def _unit(v):
    v = v - v.mean()
    return v / np.linalg.norm(v)


@pytest.mark.parametrize(("quadratic", "width"), [(False, 10), (True, 64)])
def test_shape_standardisation_and_centred_response(quadratic, width):
    X, y, names = diabetes_design(quadratic)
    assert X.shape == (442, width) and y.shape == (442,) and len(names) == width
    # Efron et al. (2004), eq. 1.2: every column mean 0 and unit length.
    np.testing.assert_allclose(X.mean(axis=0), 0.0, atol=1e-15)
    np.testing.assert_allclose(np.linalg.norm(X, axis=0), 1.0, rtol=1e-14)
    raw = sklearn_diabetes(scaled=False).target
    np.testing.assert_allclose(y, raw - raw.mean(), rtol=0, atol=1e-12)
    assert abs(y.mean()) < 1e-12


def test_names_of_the_quadratic_model():
    _, _, names = diabetes_design(True)
    assert names[:10] == MAIN
    interactions = [name for name in names if ":" in name]
    squares = [name for name in names if name.endswith("^2")]
    assert len(interactions) == 45 and len(squares) == 9 and len(set(names)) == 64
    assert names[10] == "age:sex" and "s5:s6" in interactions
    assert "sex^2" not in squares and "age^2" in squares and "bmi^2" in squares


def test_main_effects_are_sklearns_scaled_data():
    # scikit-learn's scaled=True columns are centred with unit L2 norm, our choice too.
    X, _, names = diabetes_design(True)
    reference = sklearn_diabetes(scaled=True)
    assert names[:10] == reference.feature_names
    np.testing.assert_allclose(X[:, :10], reference.data, rtol=0, atol=1e-14)


def test_interactions_and_squares_are_products_of_the_standardised_main_effects():
    X, _, names = diabetes_design(True)
    scaled = sklearn_diabetes(scaled=True).data
    raw = sklearn_diabetes(scaled=False).data
    column = {name: X[:, j] for j, name in enumerate(names)}
    for a, b in [(0, 1), (2, 3), (4, 5), (8, 9), (1, 6)]:
        name = f"{MAIN[a]}:{MAIN[b]}"
        np.testing.assert_allclose(column[name], _unit(scaled[:, a] * scaled[:, b]), atol=1e-13)
        # Built from the raw columns it would be another predictor altogether.
        assert abs(column[name] @ _unit(raw[:, a] * raw[:, b])) < 0.5
    for a in [0, 2, 9]:
        square = _unit(scaled[:, a] ** 2)
        np.testing.assert_allclose(column[f"{MAIN[a]}^2"], square, atol=1e-13)


@pytest.mark.parametrize("quadratic", [False, True])
def test_gram_form_is_the_least_squares_loss(quadratic):
    X, y, _ = diabetes_design(quadratic)
    G, b = design_gram(quadratic)
    n = len(y)
    rng = np.random.default_rng(3)
    for _ in range(5):
        w = rng.standard_normal(X.shape[1]) * 100.0
        squared = np.sum((y - X @ w) ** 2) / (2 * n)
        quadratic_form = 0.5 * w @ G @ w - b @ w + y @ y / (2 * n)
        assert quadratic_form == pytest.approx(squared, rel=1e-12)
    np.testing.assert_array_equal(G, G.T)


def test_standardise_rejects_constant_and_non_finite_columns():
    with pytest.raises(ValueError, match="constant"):
        standardise(np.column_stack([np.arange(5.0), np.ones(5)]))
    with pytest.raises(ValueError, match="columns"):
        standardise(np.array([[1.0, np.nan], [2.0, 3.0]]))
