"""The Real data page's model: every claim it prints, recomputed independently.

scikit-learn is the independent solver here (a test-only dependency), run
with tight tolerances: coordinate descent leaves a coordinate at exactly 0.0
when its soft-threshold is inactive, so its zero count is comparable.
"""

from __future__ import annotations

import base64
import itertools
import math
import warnings

import numpy as np
import plotly.graph_objects as go
import pytest

from lessons import real_data as model
from solvers.penalized_paths import sklearn_elastic_net_params, sklearn_ridge_alpha
from studies.correlated_copy import with_near_copy

sklearn = pytest.importorskip("sklearn.linear_model")
MARKER = model.marker_lambda(model.MARKER.default)


def sk_lasso(X, y, lam):
    fit = sklearn.Lasso(alpha=lam, tol=1e-12, max_iter=1_000_000)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fit.fit(X, y).coef_


def sk_enet(X, y, lam, alpha):
    a, r = sklearn_elastic_net_params(lam, alpha)
    fit = sklearn.ElasticNet(alpha=a, l1_ratio=r, tol=1e-12, max_iter=1_000_000)
    return fit.fit(X, y).coef_


# --- the paths and the zero counts ----------------------------------------------------------
def test_the_data_are_in_standard_units():
    data = model.design("quadratic")
    assert data.X.shape == (442, 64) and len(data.names) == 64
    np.testing.assert_allclose(data.X.mean(axis=0), 0.0, atol=1e-12)
    np.testing.assert_allclose(data.X.std(axis=0), 1.0, rtol=1e-12)
    assert abs(data.y.mean()) < 1e-12 and data.y.std() == pytest.approx(1.0)
    assert not data.X.flags.writeable  # shared by every session


def test_the_lasso_zero_count_is_a_step_function_of_lambda():
    fits = model.design_fits("quadratic", 0.5)
    x, counts = model.lasso_zero_steps(fits.lasso)
    assert np.all(np.diff(x) < 0)  # λ decreasing
    breaks = fits.lasso.lambdas
    # Between two breakpoints the count is constant, and it is what the steps say.
    rng = np.random.default_rng(0)
    for lam in np.exp(rng.uniform(np.log(1e-4), np.log(10.0), 400)):
        if np.min(np.abs(breaks - lam)) < 1e-12:
            continue
        k = np.searchsorted(-x, -lam, side="right") - 1  # the step holding lam
        assert np.count_nonzero(fits.lasso.at(lam) == 0.0) == counts[k]
    assert counts[0] == 64 and counts[-1] < 5  # all zero above lam_max, few at 1e-4
    assert len(set(counts.tolist())) > 20  # many steps, not a smooth curve
    # Ridge: no exact zero at any λ of the grid; the elastic net has some.
    assert fits.ridge.zero_counts().max() == 0
    assert fits.enet.zero_counts().max() == 64 and fits.enet.zero_counts().min() < 64


def test_the_marker_readout_matches_scikit_learn():
    fits = model.design_fits("quadratic", 0.5)
    data = model.design("quadratic")
    zeros = fits.zeros_at(MARKER)
    lasso = sk_lasso(data.X, data.y, MARKER)
    np.testing.assert_allclose(fits.lasso.at(MARKER), lasso, atol=1e-7)
    assert zeros["lasso"] == np.count_nonzero(lasso == 0.0)
    enet = sk_enet(data.X, data.y, MARKER, 0.5)
    assert zeros["enet"] == np.count_nonzero(enet == 0.0)
    ridge = sklearn.Ridge(alpha=sklearn_ridge_alpha(MARKER, 442)).fit(data.X, data.y).coef_
    np.testing.assert_allclose(fits.at(MARKER)["ridge"], ridge, rtol=1e-8, atol=1e-12)
    assert zeros["ridge"] == 0
    sentence = model.zeros_sentence(fits, MARKER)
    assert f"**{np.count_nonzero(lasso == 0.0)} of 64**" in sentence
    assert f"**{np.count_nonzero(enet == 0.0)}**" in sentence


def test_the_marker_is_a_point_of_the_grid_and_every_slider_value_is():
    values = np.arange(model.LOG_LOW, model.LOG_HIGH + 1e-9, model.LOG_STEP)
    for value in values:
        lam = model.marker_lambda(float(value))
        assert model.GRID[model.grid_index(lam)] == lam
        assert lam == pytest.approx(10.0**value, rel=1e-9)
    with pytest.raises(ValueError):
        model.grid_index(0.0123)


# --- cross-validation ------------------------------------------------------------------------
@pytest.mark.parametrize("design", ["quadratic", "main"])
def test_zeros_at_lambda_min_and_1se_match_scikit_learn(design):
    data = model.design(design)
    cv = model.design_cv(design, 1.0, 10, 0)
    for lam, zeros, coef in (
        (cv.lambda_min, cv.zeros_min, cv.coef_min),
        (cv.lambda_1se, cv.zeros_1se, cv.coef_1se),
    ):
        reference = sk_lasso(data.X, data.y, lam)
        np.testing.assert_allclose(coef, reference, atol=1e-7)
        assert zeros == np.count_nonzero(reference == 0.0)
    assert cv.lambda_1se >= cv.lambda_min
    ridge = model.design_cv(design, 0.0, 10, 0)
    assert ridge.zeros_min == ridge.zeros_1se == 0
    if design == "quadratic":  # the page's headline: most of the 64 are exactly zero
        assert cv.zeros_1se > 32 and cv.zeros_min > 32
        text = model.headline(cv, 64)
        assert f"**{cv.zeros_1se} of the 64**" in text and f"{cv.zeros_min} of 64" in text
        assert f"{cv.lambda_1se:.3g}" in text and f"{cv.lambda_min:.3g}" in text


def test_lambda_min_is_lasso_cv_s_choice_on_the_same_folds_and_grid():
    data = model.design("main")
    cv = model.design_cv("main", 1.0, 10, 0)
    from studies.cross_validation import kfold_indices

    folds = kfold_indices(442, 10, 0)
    reference = sklearn.LassoCV(alphas=cv.lambdas, cv=folds, tol=1e-12, max_iter=1_000_000)
    assert reference.fit(data.X, data.y).alpha_ == pytest.approx(cv.lambda_min, rel=1e-12)


# --- the near copy ---------------------------------------------------------------------------
@pytest.mark.parametrize("rho", [0.99, 0.995, 0.999])
def test_the_lasso_keeps_exactly_one_of_a_highly_correlated_pair(rho):
    data = model.design("main")
    for seed in range(0, 12, 3):
        pair = model.pair("main", "bmi", rho, seed, 0.5)
        high, low = pair.one_only()
        assert high / low > 1.1  # a real stretch of the path, not a point
        lam = math.sqrt(high * low)  # inside it
        w = pair.fits.lasso.at(lam)[[pair.column, -1]]
        assert np.count_nonzero(w == 0.0) == 1
        augmented = with_near_copy(data.X, pair.column, rho, seed)
        reference = sk_lasso(augmented, data.y, lam)[[pair.column, -1]]
        assert np.count_nonzero(reference == 0.0) == 1
        assert (reference == 0.0).tolist() == (w == 0.0).tolist()


def test_which_of_the_pair_enters_first_flips_with_the_noise_seed():
    firsts = set()
    for seed in range(0, 12):
        feature, copy = model.pair("quadratic", "bmi", 0.995, seed, 0.5).entries()
        firsts.add("feature" if feature >= copy else "copy")
    assert firsts == {"feature", "copy"}


def test_ridge_splits_the_weight_evenly_in_the_limit_and_the_elastic_net_keeps_both():
    gaps = []
    for rho in (0.9, 0.99, 0.999, 1 - 1e-6, 1 - 1e-9, 1.0):
        pair = model.pair("main", "bmi", rho, 3, 0.5)
        ridge = pair.fits.ridge.coefs[:, [pair.column, -1]]
        gaps.append(np.abs(ridge[:, 0] - ridge[:, 1]) / np.abs(ridge).max(axis=1))
    at_marker = [gap[model.grid_index(MARKER)] for gap in gaps]
    assert all(a > b for a, b in itertools.pairwise(at_marker))  # -> 0 as rho -> 1
    assert at_marker[-2] < 1e-4
    assert gaps[-1].max() < 1e-6  # the limit, an exact copy: an even split at every λ
    for rho in (0.99, 0.999):
        for seed in range(4):
            pair = model.pair("main", "bmi", rho, seed, 0.5)
            w1, w2 = pair.weights(MARKER)["enet"]
            assert w1 != 0.0 and w2 != 0.0 and w1 * w2 > 0  # both kept, same sign
            # Zou & Hastie's grouping effect, in this parametrisation:
            # |w1 - w2| <= sqrt(2 (1 - rho)) rms(y) / (2 lam (1 - alpha)), rms(y) = 1.
            assert abs(w1 - w2) <= math.sqrt(2 * (1 - rho)) / (2 * MARKER * 0.5) + 1e-12


def test_the_pair_sentence_says_what_the_solution_says():
    pair = model.pair("quadratic", "bmi", 0.995, 0, 0.5)
    text = model.pair_sentence(pair, MARKER)
    w = pair.weights(MARKER)
    assert w["lasso"][1] == 0.0 and w["lasso"][0] > 0
    assert f"keeps `bmi` ({w['lasso'][0]:.3f}) and puts its copy at **exactly 0**" in text
    assert f"`bmi` {w['ridge'][0]:.3f}, its copy {w['ridge'][1]:.3f}" in text
    high, low = pair.one_only()
    assert f"at λ = {high:.3g}, and from there down to λ = {low:.3g}" in text


# --- more features than patients -----------------------------------------------------------
@pytest.mark.parametrize("n", [20, 40, 65, 120])
def test_with_p_above_n_the_lasso_keeps_at_most_n_minus_1_weights_and_ridge_all(n):
    fit = model.subsample(n, 1)
    pieces = (fit.lasso.coefs[:-1] != 0.0) | (fit.lasso.coefs[1:] != 0.0)
    assert pieces.sum(axis=1).max() <= n - 1  # inside every piece, so at every λ >= 0
    assert fit.lasso_most_nonzero() <= min(n - 1, 64)
    assert fit.rank == min(n - 1, 64)
    if n <= 64:
        assert fit.lasso_most_nonzero() == n - 1  # reached at the bottom of the path
    assert fit.ridge_fewest_nonzero() == 64
    data = model.design("quadratic")
    rows = np.sort(np.random.default_rng(1).choice(442, size=n, replace=False))
    for lam in (0.05, 0.005):
        reference = sk_lasso(data.X[rows], data.y[rows], lam)
        assert np.count_nonzero(reference) <= n - 1
        np.testing.assert_allclose(fit.lasso.at(lam), reference, atol=1e-6)
    text = model.subsample_sentence(fit)
    assert f"rank {fit.rank} ≤ n − 1 = {n - 1}" in text and "**64 of 64**" in text
    assert fit.floor <= 1e-5 < model.GRID[-1]  # 0 but where the Gram is singular to rounding


# --- the figures -----------------------------------------------------------------------------
def test_the_figures_are_valid_plotly_and_name_every_feature():
    from figures.real_data import pair_figure, paths_figure
    from figures.real_data_counts import cv_figure, zero_count_figure

    fits = model.design_fits("quadratic", 0.5)
    for axis in model.AXES:
        figure = paths_figure(
            model.path_panels(fits, MARKER, axis),
            fits.names,
            model.highlighted(fits),
            log_x=axis == "log_lambda",
            x_title="x",
            title="t",
        )
        spec = go.Figure(figure.to_dict()).to_dict()  # validated
        first_panel = [t for t in spec["data"] if t.get("xaxis", "x") == "x"]
        named = {t["name"] for t in first_panel}
        hovered = {n for t in first_panel for n in t.get("customdata", []) if n}
        assert set(fits.names) <= named | hovered
        # Each grey feature's points are named after it, and only its own.
        (grey,) = [t for t in first_panel if t.get("legendgroup") == "others"]
        x, y = (np.frombuffer(base64.b64decode(grey[a]["bdata"]), grey[a]["dtype"]) for a in "xy")
        hover = np.array(grey["customdata"])
        assert hover.size == y.size == x.size
        gaps = np.isnan(y)
        assert np.array_equal(gaps, np.isnan(x)) and set(hover[gaps]) == {""}
        # Between two gaps, one feature's line: one name, each grey feature once.
        lines = np.split(hover, np.flatnonzero(gaps) + 1)[:-1]
        line_names = [set(line[:-1]) for line in lines]
        assert all(len(n) == 1 for n in line_names)
        assert sorted(n.pop() for n in line_names) == sorted(hovered - named)
        legend = [t["name"] for t in spec["data"] if t.get("showlegend", True)]
        assert len(legend) == model.HIGHLIGHTED + 1  # seven colours and "57 other features"
    go.Figure(zero_count_figure(model.zero_curves(fits), MARKER, 64).to_dict())
    go.Figure(cv_figure(model.design_cv("quadratic", 1.0, 10, 0), 64).to_dict())
    pair = model.pair("main", "bmi", 0.99, 0, 0.5)
    go.Figure(pair_figure(model.pair_panels(pair, MARKER), "<b>x</b>").to_dict())
    assert "&lt;b&gt;" in pair_figure(model.pair_panels(pair, MARKER), "<b>x</b>").data[0].name


def test_the_tour_step_is_computed():
    step = model.tour_step()
    assert step.page == "real_data" and step.slug == "real-data"
    cv = model.design_cv("quadratic", 1.0, 10, 0)
    assert f"**{cv.zeros_1se} of the 64**" in step.text()
    assert "Ridge has no exact zeros" in step.text()
    figures = step.figures()
    assert len(figures) == 2 and all(isinstance(f, go.Figure) for f in figures)


# --- what the words claim (each recomputed independently) ------------------------------------
def test_the_count_title_says_how_often_the_lasso_zero_count_rises_again():
    from sklearn.linear_model import lars_path

    from figures.real_data_counts import zero_count_figure

    fits = model.design_fits("quadratic", 0.5)
    data = model.design("quadratic")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        alphas, _, coefs = lars_path(data.X, data.y - data.y.mean(), method="lasso")
    zero = np.abs(coefs.T) <= 1e-12 * np.maximum(1.0, np.abs(coefs.T).max(axis=1, keepdims=True))
    # Between two breakpoints a weight is 0 exactly when it is 0 at both ends.
    counts = (zero[:-1] & zero[1:]).sum(axis=1)
    drops = np.count_nonzero(~zero[:-1] & zero[1:], axis=1) > 0  # a weight leaves at k + 1
    plotted = alphas[1:-1] >= model.GRID[-1]  # the breakpoint between pieces k and k + 1
    returns = int(np.count_nonzero((np.diff(counts) > 0) & plotted))
    assert returns == int(np.count_nonzero(drops[:-1] & plotted))
    assert returns > 10  # not monotone: "falls in steps" alone was false
    title = zero_count_figure(model.zero_curves(fits), 0.01, fits.p).layout.title.text
    assert "not monotonically" in title and f"returns to 0 {returns} times" in title


def test_the_cv_caption_names_each_rows_grid():
    from studies.cross_validation import lambda_grid

    data = model.design("quadratic")
    lasso, ridge = lambda_grid(data.X, data.y, 1.0), lambda_grid(data.X, data.y, 0.0)
    assert lasso.size == ridge.size == 100
    assert lasso[-1] / lasso[0] == pytest.approx(1e-3)
    assert ridge[-1] / ridge[0] == pytest.approx(1e-7)  # 10 e_max down to 1e-6 e_max
    e_max = np.linalg.eigvalsh(data.X.T @ data.X / len(data.y))[-1]
    assert ridge[0] == pytest.approx(10 * e_max)


@pytest.mark.parametrize("n", [20, 40])
def test_with_p_above_n_the_path_ends_at_the_minimum_l1_interpolant(n):
    from scipy.optimize import linprog

    fit = model.subsample(n, 0)
    assert fit.rank < fit.p and fit.floor == 0.0
    data = model.design("quadratic")
    rows = np.sort(np.random.default_rng(0).choice(442, size=n, replace=False))
    X, y = data.X[rows], data.y[rows]
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    # min |w|_1 subject to Xc w = yc, as a linear programme in w = u - v, u, v >= 0.
    result = linprog(
        np.ones(2 * fit.p), A_eq=np.hstack([Xc, -Xc]), b_eq=yc, bounds=(0, None), method="highs"
    )
    assert result.status == 0
    end = fit.lasso.coefs[-1]
    np.testing.assert_allclose(Xc @ end, yc, atol=1e-8)  # it interpolates
    assert np.abs(end).sum() == pytest.approx(result.fun, rel=1e-7)  # with the least l1 norm
    words = model.subsample_sentence(fit)
    assert "down to λ = 0" not in words and "λ → 0⁺" in words and "smallest ℓ1 norm" in words
