"""What the figures say is true: each corrected statement pinned against an exact computation."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from sklearn.linear_model import ElasticNet

from figures.catchment_map import catchment_map_figure
from figures.constraint_regions import constraint_figure
from figures.descent import descent_figure
from figures.labels import figure_title, format_number
from figures.names import sklearn_l1_ratio
from figures.odds import p_curve_figure
from figures.penalties import penalty_and_slope_figure
from figures.posterior import bayes_figure
from figures.shrinkage import many_weights_figure, shrinkage_figure
from geometry import ElasticNetBall, NormBall, QuadraticLoss
from lessons.words import cone_check, landing_sentence
from solvers import solve_constrained, solve_penalized
from solvers.shrinkage import elastic_net_shrink
from studies.catchment_map import catchment_map
from studies.odds import Share
from studies.one_weight import laplace_posterior, many_weights, penalty_curves, shrinkage_curves
from tests.figure_gallery import CLASSIC, STAR_LOSS, gallery


def _named(figure, start: str):
    (trace,) = [t for t in figure.data if t.name and t.name.startswith(start)]
    return trace


def _title(figure) -> str:
    """The title as one line: where it breaks is layout (figures.titles), not wording."""
    return figure.layout.title.text.replace("<br>", " ")


# --- the elastic net's dead zone at w = 0 ------------------------------------------------
def test_the_elastic_net_at_zero_states_the_dead_zone_the_solver_obeys():
    # The counterexample: the pull at 0 lies in [-lam, lam]^2, yet w != 0.
    pull = CLASSIC.linear_term  # -grad L(0) = H c
    np.testing.assert_allclose(pull, [4.35, 7.80], atol=0.01)
    assert np.all(np.abs(pull) <= 10.0)
    assert solve_penalized(CLASSIC, "elasticnet", 10.0, l1_ratio=0.5).w[1] == pytest.approx(
        0.211, abs=1e-3
    )
    zero_cases = 0
    for lam in np.linspace(0.5, 25.0, 50):
        for alpha in (0.1, 0.3, 0.5, 0.7, 0.9):
            solution = solve_penalized(CLASSIC, "elasticnet", lam, l1_ratio=alpha)
            # The stated criterion, evaluated independently: |(H c)_i| <= lam alpha.
            stated = bool(np.all(np.abs(pull) <= lam * alpha))
            assert stated == (len(solution.zeros) == 2), (lam, alpha, solution.w)
            if not stated:
                continue
            zero_cases += 1
            text = cone_check(CLASSIC, None, solution, penalty="elasticnet", l1_ratio=alpha)
            assert "[−λα, λα]²" in text and "[−λ, λ]²" not in text
            (bound,) = re.findall(r"λα = [^=]+ = ([-\d.e+]+):", text)
            assert float(bound) == pytest.approx(lam * alpha, rel=1e-3)
            sentence = landing_sentence(None, solution, penalty="elasticnet", l1_ratio=alpha)
            assert "λα" in sentence
    assert zero_cases > 20  # the sweep reaches well into the dead zone


def test_the_lasso_at_zero_keeps_its_interval():
    solution = solve_penalized(CLASSIC, "l1", 10.0)
    assert solution.zeros == (0, 1)
    text = cone_check(CLASSIC, None, solution)
    assert "λ·∂‖0‖₁ = [−λ, λ]²" in text and f"λ = {format_number(10.0)}" in text


# --- the elastic net's symbol and its scikit-learn counterpart ---------------------------
def test_the_shrinkage_legend_is_the_operator_the_solver_applies():
    lam, alpha = 0.8, 0.3
    figure = shrinkage_figure(shrinkage_curves(0.5, lam, alpha))
    curve = _named(figure, "elastic net:")
    # Read as one line: where the lines break is the figure's layout (a phone's width).
    shown = curve.name.replace("<br>", " ")
    assert "sign(a)(|a| − αλ)₊ / (1 + 2λ(1 − α)), α = 0.3" in shown
    a = np.asarray(curve.x)
    # The legend's formula, written out here.
    formula = np.sign(a) * np.maximum(np.abs(a) - alpha * lam, 0.0) / (1 + 2 * lam * (1 - alpha))
    np.testing.assert_allclose(curve.y, formula, atol=1e-15)
    np.testing.assert_allclose(elastic_net_shrink(a, lam, alpha), formula, atol=1e-15)


@pytest.mark.parametrize("alpha", [0.2, 0.5, 0.9])
def test_the_stated_scikit_learn_l1_ratio_gives_the_same_estimate(alpha):
    # An orthonormal design (X^T X / n = I): scikit-learn's objective is then
    # 0.5 (w - a)^2 + A (rho |w|_1 + 0.5 (1 - rho) |w|^2) with a = X^T y / n.
    rng = np.random.default_rng(1)
    n, d, lam = 200, 4, 0.6
    q, _ = np.linalg.qr(rng.normal(size=(n, d)))
    design = np.sqrt(n) * q
    response = design @ np.array([2.0, -0.3, 0.9, 0.1]) + rng.normal(size=n)
    a = design.T @ response / n
    rho = sklearn_l1_ratio(alpha)
    model = ElasticNet(alpha=(2 - alpha) * lam, l1_ratio=rho, fit_intercept=False, tol=1e-14)
    model.fit(design, response)
    np.testing.assert_allclose(model.coef_, elastic_net_shrink(a, lam, alpha), atol=1e-8)
    # ...and that is the number the legends print.
    legend = penalty_and_slope_figure(penalty_curves(lam, alpha)).data
    assert any(f"scikit-learn's l1_ratio {rho:.3g}" in (t.name or "") for t in legend)
    ball = ElasticNetBall(1.0, alpha)
    region = constraint_figure(CLASSIC, ball, solve_constrained(CLASSIC, ball), limit=3.0)
    assert f"l1_ratio {rho:.3g}" in region.data[0].name


def _texts(figure) -> list[str]:
    spec = figure.to_dict()
    texts = [spec["layout"].get("title", {}).get("text", "")]
    texts += [a.get("text", "") for a in spec["layout"].get("annotations", [])]
    for trace in spec["data"]:
        texts += [trace.get("name") or "", trace.get("hovertemplate") or ""]
    return texts


def test_no_figure_calls_the_l1_share_a():
    # "a" is the data's pull on the One weight page; the share is alpha everywhere.
    for name, figure in gallery().items():
        for text in _texts(figure):
            assert not re.search(r"\(a ?=|a‖w‖|\(1 ?− ?a\)|aλ", text), (name, text)


# --- the p < 1 star: a tip is a local minimum, not necessarily the optimum ---------------
def test_the_star_tip_is_called_a_local_minimum_and_its_rival_is_named():
    star = NormBall(p=0.5, radius=1.0)
    solution = solve_constrained(STAR_LOSS, star)
    tips = [np.array([1.0, 0.0]), np.array([0.0, 1.0])]
    # Both tips qualify: the pull H (c - v) points outward along their own axis...
    for tip in tips:
        assert (STAR_LOSS.hessian @ (STAR_LOSS.center - tip)) @ tip > 0
    # ...both are local minima, and only the one with the lower loss is the optimum.
    found = {tuple(m) for m in solution.local_minima}
    assert {(1.0, 0.0), (0.0, 1.0)} <= found
    assert tuple(solution.w) == (1.0, 0.0)
    assert STAR_LOSS.value(tips[0]) < STAR_LOSS.value(tips[1])
    text = cone_check(STAR_LOSS, star, solution)
    assert "makes the tip a local minimum" in text and "not convex" in text
    assert "(0, 1) is a local minimum too" in text
    assert "keeps the optimum at the tip" not in text


# --- an axis hit without a corner is a coincidence, not only of aligned ellipses ----------
def test_an_l2_optimum_on_an_axis_needs_no_aligned_ellipse():
    hessian = np.array([[3.0, 1.0], [1.0, 2.0]])  # tilted ellipses
    apex = np.array([0.0, 1.0])
    centre = apex + 2.0 * np.linalg.solve(hessian, apex)  # on the catchment ray of (0, 1)
    assert centre[0] != 0.0
    w = solve_constrained(QuadraticLoss(center=centre, hessian=hessian), NormBall(2, 1.0)).w
    np.testing.assert_allclose(w, apex, atol=1e-9)
    aligned = QuadraticLoss(center=(0.0, 3.0), hessian=np.diag([1.0, 5.0]))
    solution = solve_constrained(aligned, NormBall(2, 1.0))
    sentence = landing_sentence(NormBall(2, 1.0), solution)
    assert "only because" not in sentence and "by coincidence of the data" in sentence
    assert "by coincidence" in figure_title(NormBall(2, 1.0), solution)


def test_the_l2_catchment_map_has_no_edges():
    hessian = np.array([[3.0, 1.0], [1.0, 2.0]])
    figure = catchment_map_figure(catchment_map(hessian, NormBall(2, 1.0), "disk", 3.0, 20))
    names = [t.name for t in figure.data]
    assert "lands off the axes: no zero" in names and not any("edge" in n for n in names)
    assert "exact catchments (rays of zero area)" in names


# --- titles computed from the data, not assumed -------------------------------------------
def test_the_descent_title_counts_what_happened():
    prox = np.array([1.0, 0.5, 0.0, 0.0])
    assert _title(descent_figure(np.array([1.0, 0.4, -0.2, 0.3]), prox)) == (
        "Proximal steps reach exactly 0 at step 2 and stay there; subgradient steps never do"
    )
    passing = _title(descent_figure(np.array([1.0, 0.0, -0.2, 0.3]), prox))
    assert passing.endswith("subgradient steps hit it once, only in passing")


def test_ridge_zeroes_exactly_the_coefficients_already_zero():
    ols = np.array([2.0, 0.0, -0.5, 1.5])
    title = _title(many_weights_figure(many_weights(ols, 1.0, 0.5)))
    assert title == "At λ = 1 the lasso zeroes 2 of 4 weights; ridge only the 1 already 0"


def test_the_posterior_title_follows_mode_and_mean():
    assert _title(bayes_figure(laplace_posterior(0.0, 1.0))).startswith("At a = 0")
    outside = laplace_posterior(2.5, 1.0)
    assert outside.mode != 0.0 and outside.mean != 0.0
    assert "never 0" in _title(bayes_figure(outside))
    inside = _title(bayes_figure(laplace_posterior(0.8, 1.0)))
    assert inside == "The mode sits at exactly 0; the mean does not"


def test_the_p_curve_claims_no_zeros_for_smooth_balls_only_when_there_are_none():
    ps = [0.5, 1.0, 2.0]
    clean = p_curve_figure(ps, [Share(80, 100), Share(60, 100), Share(0, 100)])
    assert _title(clean).endswith("smooth balls (p > 1) none")
    rounded = p_curve_figure(ps, [Share(80, 100), Share(60, 100), Share(1, 100)])
    assert "none" not in _title(rounded)


# --- α, not a, names the elastic net's L1 share in the pages' text ----------------------


@pytest.mark.parametrize(
    "path",
    [
        "pages/constraint_regions.py",
        "pages/how_often.py",
        "pages/one_weight.py",
        "pages/questions.py",
        "lessons/tour/words.py",
        "lessons/tour/steps.py",
        "lessons/one_weight/words.py",
        "lessons/one_weight/tour.py",
        "lessons/one_weight/controls.py",
        "lessons/questions/words.py",
        "lessons/questions/controls.py",
    ],
)
def test_no_page_text_writes_the_l1_share_as_a(path):
    source = (Path(__file__).resolve().parents[1] / path).read_text(encoding="utf-8")
    for pattern in (r"\ba‖w‖₁", r"\(1 − a\)", r"\ba\|w\| \+", r"L1 share a\b"):
        assert not re.search(pattern, source), (path, pattern)
