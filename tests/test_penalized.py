"""The penalised form: exact, equal to the constrained form at t = R(w), and to scikit-learn."""

import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sklearn.linear_model import ElasticNet, Lasso, Ridge

from geometry import ElasticNetBall, NormBall, QuadraticLoss
from lessons.loss_shape import DEFAULT_SHAPE
from solvers import solve_constrained, solve_penalized
from tests.problems import l1_kkt_residual, losses, random_loss, random_loss_nd, term_scale


def _ball_for(penalty, budget, l1_ratio=0.5):
    if penalty == "l1":
        return NormBall(p=1, radius=budget)
    if penalty == "l2":
        return NormBall(p=2, radius=budget)
    return ElasticNetBall(radius=budget, l1_ratio=l1_ratio)


@pytest.mark.parametrize("penalty", ["l1", "l2", "elasticnet"])
def test_penalised_and_constrained_forms_give_the_same_solution(penalty):
    rng = np.random.default_rng({"l1": 1, "l2": 2, "elasticnet": 3}[penalty])
    zeros_seen = 0
    for _ in range(500):
        loss = random_loss(rng, max_log10_condition=3.0)
        lam = float(10.0 ** rng.uniform(-2.0, 1.0))
        penalised = solve_penalized(loss, penalty, lam, l1_ratio=0.5)
        if penalised.radius == 0.0:
            assert penalised.face == "origin"
            continue
        constrained = solve_constrained(loss, _ball_for(penalty, penalised.radius))
        np.testing.assert_allclose(
            constrained.w, penalised.w, rtol=1e-9, atol=1e-10 * penalised.radius
        )
        assert constrained.zeros == penalised.zeros
        assert constrained.multiplier == pytest.approx(lam, rel=1e-7)
        assert constrained.face == penalised.face
        zeros_seen += bool(penalised.zeros)
    if penalty != "l2":
        assert zeros_seen > 50  # the lasso and elastic net do give exact zeros
    else:
        assert zeros_seen == 0  # ridge never does, on rotated losses


def test_penalised_and_constrained_agree_in_three_dimensions():
    rng = np.random.default_rng(33)
    for _ in range(100):
        loss = random_loss_nd(rng, 3, 2.0)
        for penalty in ("l1", "elasticnet"):
            penalised = solve_penalized(loss, penalty, float(rng.uniform(0.05, 3.0)))
            if penalised.radius == 0.0:
                continue
            constrained = solve_constrained(loss, _ball_for(penalty, penalised.radius))
            np.testing.assert_allclose(constrained.w, penalised.w, rtol=1e-9, atol=1e-12)


def _least_squares(loss: QuadraticLoss, rows: int = 2):
    """X, y with 1/(2 rows) ||y - X w||^2 = L(w): X = sqrt(rows) F, y = X c, H = F^T F."""
    factor = np.linalg.cholesky(loss.hessian).T
    return np.sqrt(rows) * factor, np.sqrt(rows) * factor @ loss.center


@pytest.mark.parametrize("penalty", ["l1", "l2", "elasticnet"])
def test_scikit_learn_agrees_on_the_penalised_form(penalty):
    rng = np.random.default_rng(11 + len(penalty))
    a = 0.5
    for _ in range(200):
        loss = random_loss(rng, max_log10_condition=2.0)
        lam = float(10.0 ** rng.uniform(-1.5, 0.5))
        X, y = _least_squares(loss)
        if penalty == "l1":  # 1/(2n)||y - Xw||^2 + alpha ||w||_1
            model = Lasso(alpha=lam, fit_intercept=False, tol=1e-14, max_iter=1_000_000)
        elif penalty == "l2":  # ||y - Xw||^2 + alpha ||w||^2 = 2 (L(w) + (alpha/2) ||w||^2)
            X, y = _least_squares(loss, rows=1)
            model = Ridge(alpha=2.0 * lam, fit_intercept=False, solver="cholesky")
        else:  # 1/(2n)||.||^2 + alpha rho ||w||_1 + alpha (1 - rho)/2 ||w||^2
            model = ElasticNet(
                alpha=lam * (2.0 - a),
                l1_ratio=a / (2.0 - a),
                fit_intercept=False,
                tol=1e-14,
                max_iter=1_000_000,
            )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model.fit(X, y)
        ours = solve_penalized(loss, penalty, lam, l1_ratio=a)
        np.testing.assert_allclose(model.coef_, ours.w, atol=1e-7 * max(1.0, np.abs(ours.w).max()))
        if penalty != "l2":
            np.testing.assert_array_equal(model.coef_ == 0.0, ours.w == 0.0)


@given(loss=losses(max_log10_condition=3.0), lam=st.floats(1e-3, 20.0))
def test_lasso_satisfies_its_subgradient_condition_with_exact_zeros(loss, lam):
    solution = solve_penalized(loss, "l1", lam)
    # 0 in grad + lam d||w||_1, the same certificate as the constrained L1 ball's.
    assert l1_kkt_residual(loss, solution.w, lam, float(np.sum(np.abs(solution.w)))) < 1e-9
    for i in solution.zeros:
        assert solution.w[i] == 0.0 and abs(loss.gradient(solution.w)[i]) <= lam * (1 + 1e-9)


@given(loss=losses(max_log10_condition=3.0), lam=st.floats(0.0, 20.0))
def test_ridge_is_the_closed_form(loss, lam):
    solution = solve_penalized(loss, "l2", lam)
    residual = loss.gradient(solution.w) + 2.0 * lam * solution.w
    assert np.max(np.abs(residual)) <= 1e-12 * term_scale(loss, solution.w, lam)
    assert solution.radius == pytest.approx(np.linalg.norm(solution.w), rel=1e-15)


def test_the_two_ends_of_lambda():
    loss = QuadraticLoss.from_shape((1.0, 2.0), (1.0, 4.0), -30.0)
    for penalty in ("l1", "l2", "elasticnet"):
        none = solve_penalized(loss, penalty, 0.0)
        np.testing.assert_array_equal(none.w, loss.center)
        assert none.face == "interior" and not none.active
    # The lasso sets w = 0 once lam >= ||H c||_inf (the gradient at 0 fits in [-lam, lam]).
    threshold = float(np.max(np.abs(loss.linear_term)))
    assert solve_penalized(loss, "l1", threshold * 1.0001).face == "origin"
    assert solve_penalized(loss, "l1", threshold * 0.9999).face != "origin"
    assert solve_penalized(loss, "l1", threshold * 1.0001).radius == 0.0


def test_a_pull_just_past_the_threshold_leaves_the_origin():
    # Found by hypothesis: |(H c)_1| = lam (1 + 4e-8). The objective gains only
    # ~1e-16 relative by leaving 0, far below rounding; the KKT certificate sees it.
    hessian = np.array(
        [[1.0000000402018698, -0.0002948348753475568], [-0.0002948348753475568, 3.1622776199665092]]
    )
    loss = QuadraticLoss(center=np.array([0.0078125, 0.0]), hessian=hessian)
    solution = solve_penalized(loss, "l1", 0.0078125)
    assert solution.w[0] > 0.0 and solution.w[1] == 0.0
    assert solution.w[0] == pytest.approx(
        (loss.linear_term[0] - 0.0078125) / hessian[0, 0], rel=1e-6
    )


# --- Constraint regions: the budget caption's ridge multiplier --------------------------


def test_the_ridge_budget_is_the_l2_norm_with_multiplier_lambda():
    loss = DEFAULT_SHAPE.loss
    for lam in (0.1, 0.7, 3.0):
        ridge = solve_penalized(loss, "l2", lam)
        assert ridge.radius == pytest.approx(np.linalg.norm(ridge.w))  # t = ||w||_2, not R(w)
        constrained = solve_constrained(loss, NormBall(2, ridge.radius))
        assert constrained.multiplier == pytest.approx(lam, rel=1e-9)
        np.testing.assert_allclose(constrained.w, ridge.w, atol=1e-12)
