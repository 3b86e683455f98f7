"""The Training page's optimisers: who reaches the lasso's exact zeros, and who only hovers.

Oracles: problems built with a known solution (below), ``solve_penalized``'s
exact support enumeration, scikit-learn's ``Lasso``, a bounded scalar search
for the proximal map, and the closed forms of one step of each method.
"""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import minimize_scalar
from sklearn.linear_model import Lasso

from geometry import QuadraticLoss
from solvers import solve_penalized
from solvers.coordinate_descent import coordinate_descent, soft_threshold_scalar
from solvers.descent import subgradient_descent
from solvers.identification import (
    exact_zero_count,
    final_distance,
    identification_iteration,
    summarise_run,
    threshold_matches_support,
    thresholded_zero_count,
)
from solvers.iteration import MAX_ITERATIONS, MAX_WORK, check_iterations
from solvers.minibatch import LeastSquares, minibatches, steps_per_epoch
from solvers.proximal import fista, ista, lipschitz_step, prox_l1
from solvers.shrinkage import soft_threshold
from solvers.stochastic import adam, sgd
from studies.training_problems import (
    DIABETES_LAM,
    LESSON_LAM,
    diabetes_problem,
    lesson_problem,
    synthetic_regression,
)
from tests.problems import random_loss_nd

seeds = st.integers(0, 2**32 - 1)


def _spd(rng: np.random.Generator, n: int, max_condition: float) -> np.ndarray:
    basis, _ = np.linalg.qr(rng.normal(size=(n, n)))
    eigenvalues = np.exp(rng.uniform(0.0, np.log(max_condition), size=n)) * rng.uniform(0.5, 2.0)
    hessian = basis @ np.diag(eigenvalues) @ basis.T
    return 0.5 * (hessian + hessian.T)


def strictly_complementary_problem(seed: int) -> tuple[QuadraticLoss, float, np.ndarray]:
    """A lasso whose solution is known by construction, with strict complementarity.

    Choose ``w*`` (some zeros; nonzeros of size >= 0.5), ``H`` and ``lam``; the
    pulls ``g = grad L(w*)`` are ``-lam sign(w*_j)`` on the support and
    ``lam u_j`` with ``|u_j| <= 0.8`` off it, and ``c = w* - H^{-1} g``. Then
    ``0 in g + lam d||w*||_1`` (KKT), so ``w*`` is the unique minimiser, and
    every zero sits strictly inside its dead zone: the proximal methods and
    coordinate descent must set it to exactly 0.0 after finitely many steps
    (at ``|u_j| = 1`` they need not, see ``solvers.descent``). The nonzeros'
    margin and the condition number <= 20 keep the runs short.
    """
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 5))
    hessian = _spd(rng, n, 20.0)
    lam = float(rng.uniform(0.2, 3.0))
    support = rng.random(n) < 0.5
    support[rng.integers(n)] = False  # at least one zero to identify
    solution = np.where(support, rng.choice([-1.0, 1.0], n) * rng.uniform(0.5, 3.0, n), 0.0)
    pull = np.where(support, -lam * np.sign(solution), lam * rng.uniform(-0.8, 0.8, n))
    center = solution - np.linalg.solve(hessian, pull)
    return QuadraticLoss(center, hessian), lam, solution


def _exact_methods(loss, lam, iterations, start):
    step = lipschitz_step(loss)
    return {
        "ISTA": ista(loss, lam, step, iterations, start),
        "FISTA": fista(loss, lam, step, iterations, start),
        "FISTA with restart": fista(loss, lam, step, iterations, start, restart=True),
        "coordinate descent": coordinate_descent(loss, lam, iterations, start),
    }


@settings(max_examples=25, deadline=None)
@given(seed=seeds)
def test_proximal_and_coordinate_methods_converge_to_the_exact_lasso_and_its_zeros(seed):
    loss, lam, solution = strictly_complementary_problem(seed)
    exact = solve_penalized(loss, "l1", lam)
    # The enumeration finds the constructed solution, zeros included.
    np.testing.assert_allclose(exact.w, solution, atol=1e-9)
    assert exact.zeros == tuple(np.flatnonzero(solution == 0.0))
    start = np.random.default_rng(seed + 1).normal(scale=3.0, size=loss.dim)
    for name, path in _exact_methods(loss, lam, 2000, start).items():
        np.testing.assert_allclose(path[-1], exact.w, rtol=0, atol=1e-9, err_msg=name)
        np.testing.assert_array_equal(path[-1] == 0.0, exact.w == 0.0, err_msg=name)
        # Finitely many steps, and kept: identified well before the end of the run.
        identified = identification_iteration(path, exact.w)
        assert identified is not None and identified < 1000, name


def test_the_zero_pattern_once_identified_is_kept_in_a_longer_run():
    loss, lam, solution = strictly_complementary_problem(7)
    start = np.full(loss.dim, 2.0)
    short = _exact_methods(loss, lam, 500, start)
    long = _exact_methods(loss, lam, 20_000, start)
    for name in short:
        at = identification_iteration(short[name], solution)
        assert at is not None and at == identification_iteration(long[name], solution), name
        assert np.all((long[name][at:] == 0.0) == (solution == 0.0)), name


@settings(max_examples=40, deadline=None)
@given(seed=seeds, schedule=st.sampled_from(["constant", "sqrt"]))
def test_subgradient_sgd_and_adam_iterates_are_never_exactly_zero(seed, schedule):
    # Generic: every number drawn from a continuous distribution, so an exact
    # 0.0 would need a floating-point coincidence of probability ~2^-52.
    rng = np.random.default_rng(seed)
    loss = random_loss_nd(rng, int(rng.integers(2, 5)), max_log10_condition=1.5)
    lam = float(rng.uniform(0.1, 3.0))
    start = rng.normal(scale=3.0, size=loss.dim)
    step = float(rng.uniform(0.1, 1.0)) * lipschitz_step(loss)
    problem = synthetic_regression(loss, samples=32, seed=seed)
    runs = [
        subgradient_descent(loss, lam, step, 400, start, schedule),
        sgd(problem.data, lam, step, 400, start, batch_size=4, seed=seed, schedule=schedule),
        adam(loss, lam, 0.05, 400, start),
        adam(problem.data, lam, 0.05, 400, start, batch_size=8, seed=seed),
    ]
    for path in runs:
        assert np.count_nonzero(path == 0.0) == 0


def test_sign_subgradient_methods_hover_near_the_zeros_instead_of_landing():
    problem = lesson_problem()
    exact = solve_penalized(problem.loss, "l1", LESSON_LAM)
    assert exact.zeros == (0,)
    step = lipschitz_step(problem.loss)
    start = np.array([1.0, 1.0])
    constant = subgradient_descent(problem.loss, LESSON_LAM, step, 4000, start)
    decaying = subgradient_descent(problem.loss, LESSON_LAM, step, 4000, start, "sqrt")
    moment = adam(problem.loss, LESSON_LAM, 0.01, 4000, start)
    for path, band in [(constant, 2 * step * LESSON_LAM), (decaying, 0.05), (moment, 0.05)]:
        tail = path[2000:, 0]
        assert np.all(tail != 0.0) and np.any(tail > 0.0) and np.any(tail < 0.0)
        assert np.max(np.abs(tail)) < band
    # The decaying step hovers closer than the constant one: the band shrinks like eta_k.
    assert np.max(np.abs(decaying[-500:, 0])) < 0.1 * np.max(np.abs(constant[-500:, 0]))


@given(
    v=st.lists(st.floats(-20.0, 20.0, allow_subnormal=False), min_size=1, max_size=6),
    threshold=st.floats(0.0, 10.0),
)
def test_the_proximal_map_is_the_soft_threshold_and_minimises_its_objective(v, threshold):
    v = np.array(v)
    u = prox_l1(v, threshold)
    np.testing.assert_array_equal(u, soft_threshold(v, threshold))
    # The definition, coordinate by coordinate: argmin 0.5 (u - v)^2 + t |u|.
    for u_j, v_j in zip(u, v, strict=True):
        search = minimize_scalar(
            lambda x, v_j=v_j: 0.5 * (x - v_j) ** 2 + threshold * abs(x),
            bounds=(-25.0, 25.0),
            method="bounded",
            options={"xatol": 1e-10},
        )
        assert abs(u_j - search.x) < 1e-6
        if u_j == 0.0:
            assert abs(v_j) <= threshold  # 0 is optimal iff v is in the dead zone
        else:
            assert u_j - v_j + threshold * np.sign(u_j) == pytest.approx(0.0, abs=1e-12)


@given(a=st.floats(-1e6, 1e6), lam=st.floats(0.0, 1e3))
def test_coordinate_descents_scalar_soft_threshold_is_the_shared_one_bit_for_bit(a, lam):
    for value in (a, lam, -lam, 0.0, -0.0):
        assert soft_threshold_scalar(value, lam) == float(soft_threshold(value, lam))


def test_one_step_of_each_method_is_its_textbook_formula():
    loss = QuadraticLoss(np.array([1.5, -0.5]), np.array([[2.0, 0.5], [0.5, 1.0]]))
    lam, eta, w0 = 0.7, 0.3, np.array([0.4, 0.2])
    gradient = np.array([[2.0, 0.5], [0.5, 1.0]]) @ (w0 - np.array([1.5, -0.5]))
    moved = w0 - eta * gradient
    ista_step = np.sign(moved) * np.maximum(np.abs(moved) - eta * lam, 0.0)
    np.testing.assert_allclose(ista(loss, lam, eta, 1, w0)[1], ista_step, rtol=1e-15)
    # FISTA's first step is ISTA's (t_1 = 1: no momentum yet).
    np.testing.assert_array_equal(fista(loss, lam, eta, 1, w0)[1], ista(loss, lam, eta, 1, w0)[1])
    # Coordinate descent: minimise over w1 with w2 fixed, then over w2 with the new w1.
    rho1 = 2.0 * 1.5 + 0.5 * -0.5 - 0.5 * 0.2
    w1 = np.sign(rho1) * max(abs(rho1) - lam, 0.0) / 2.0
    rho2 = 0.5 * 1.5 + 1.0 * -0.5 - 0.5 * w1
    w2 = np.sign(rho2) * max(abs(rho2) - lam, 0.0) / 1.0
    np.testing.assert_allclose(coordinate_descent(loss, lam, 1, w0)[1], [w1, w2], rtol=1e-14)
    # Adam's first step (Kingma & Ba, algorithm 1): m_hat = g, v_hat = g^2.
    g = gradient + lam * np.sign(w0)
    adam_step = w0 - 0.01 * g / (np.abs(g) + 1e-8)
    np.testing.assert_allclose(adam(loss, lam, 0.01, 1, w0)[1], adam_step, rtol=1e-14)
    # The decaying schedule: eta, then eta / sqrt(2).
    path = subgradient_descent(loss, lam, eta, 2, w0, "sqrt")
    first = w0 - eta * (gradient + lam * np.sign(w0))
    second = first - eta / np.sqrt(2.0) * (loss.gradient(first) + lam * np.sign(first))
    np.testing.assert_allclose(path[1:], [first, second], rtol=1e-14)


def test_fistas_momentum_is_beck_and_teboulles():
    loss = QuadraticLoss(np.array([2.0, -1.0]), np.array([[3.0, 1.0], [1.0, 2.0]]))
    lam, eta, x0 = 0.5, 0.25, np.array([-1.0, 2.0])

    def forward_backward(y):
        moved = y - eta * (np.array([[3.0, 1.0], [1.0, 2.0]]) @ (y - np.array([2.0, -1.0])))
        return np.sign(moved) * np.maximum(np.abs(moved) - eta * lam, 0.0)

    # y1 = x0, t1 = 1; x_k = p(y_k); t_{k+1} = (1 + sqrt(1 + 4 t_k^2)) / 2;
    # y_{k+1} = x_k + (t_k - 1) / t_{k+1} (x_k - x_{k-1})  (Beck & Teboulle 2009, FISTA).
    xs, y, t = [x0], x0, 1.0
    for _ in range(4):
        x = forward_backward(y)
        t_next = (1.0 + np.sqrt(1.0 + 4.0 * t * t)) / 2.0
        y = x + (t - 1.0) / t_next * (x - xs[-1])
        xs.append(x)
        t = t_next
    path = fista(loss, lam, eta, 4, x0)
    np.testing.assert_allclose(path, xs, rtol=1e-13, atol=1e-15)
    assert not np.allclose(path[3:], ista(loss, lam, eta, 4, x0)[3:])  # the momentum acts


@settings(max_examples=30, deadline=None)
@given(seed=seeds, lam=st.floats(0.0, 3.0), schedule=st.sampled_from(["constant", "sqrt"]))
def test_sgd_on_all_samples_is_full_batch_subgradient_descent(seed, lam, schedule):
    rng = np.random.default_rng(seed)
    loss = random_loss_nd(rng, int(rng.integers(2, 5)), max_log10_condition=1.5)
    problem = synthetic_regression(loss, samples=int(rng.integers(8, 40)), seed=seed)
    step, start = lipschitz_step(loss), rng.normal(size=loss.dim)
    full = sgd(problem.data, lam, step, 200, start, batch_size=problem.data.samples, seed=seed)
    other_seed = sgd(problem.data, lam, step, 200, start, problem.data.samples, seed + 1)
    descent = subgradient_descent(loss, lam, step, 200, start)
    np.testing.assert_array_equal(full, other_seed)  # no randomness in a full batch
    scale = 1.0 + np.max(np.abs(descent))
    np.testing.assert_allclose(full, descent, rtol=0, atol=1e-10 * scale)
    # Same with the decaying step, and Adam on the samples against Adam on the bowl.
    np.testing.assert_allclose(
        sgd(problem.data, lam, step, 200, start, problem.data.samples, schedule=schedule),
        subgradient_descent(loss, lam, step, 200, start, schedule),
        rtol=0,
        atol=1e-10 * scale,
    )
    np.testing.assert_allclose(
        adam(problem.data, lam, 0.05, 200, start), adam(loss, lam, 0.05, 200, start), atol=1e-9
    )


def test_minibatches_reshuffle_each_epoch_and_average_to_the_full_gradient():
    problem = lesson_problem(samples=24, seed=3)
    data, w = problem.data, np.array([0.3, -1.2])
    batches = minibatches(24, 6, np.random.default_rng(0))
    epochs = [[next(batches) for _ in range(steps_per_epoch(24, 6))] for _ in range(2)]
    for epoch in epochs:
        np.testing.assert_array_equal(np.sort(np.concatenate(epoch)), np.arange(24))
        mean = np.mean([data.gradient(w, rows) for rows in epoch], axis=0)
        np.testing.assert_allclose(mean, problem.loss.gradient(w), rtol=1e-12)
    assert not np.array_equal(np.concatenate(epochs[0]), np.concatenate(epochs[1]))
    # An uneven split keeps every sample: batches of 5, 5, 5, 5 and 4.
    batches = minibatches(24, 5, np.random.default_rng(0))
    sizes = [next(batches).size for _ in range(steps_per_epoch(24, 5))]
    assert sizes == [5, 5, 5, 5, 4]
    # Seeded: the same seed gives the same run, another seed another.
    one = sgd(data, 1.0, 0.1, 50, w, batch_size=4, seed=11)
    np.testing.assert_array_equal(one, sgd(data, 1.0, 0.1, 50, w, batch_size=4, seed=11))
    assert not np.array_equal(one, sgd(data, 1.0, 0.1, 50, w, batch_size=4, seed=12))


@given(seed=seeds, noise=st.floats(0.0, 5.0))
def test_the_synthetic_regressions_full_batch_loss_is_the_bowl_plus_a_constant(seed, noise):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 6))
    loss = random_loss_nd(rng, n, max_log10_condition=3.0)
    samples = int(rng.integers(n + 1, 60))
    problem = synthetic_regression(loss, samples=samples, noise=noise, seed=seed)
    x, y = problem.data.features, problem.data.response
    assert x.shape == (samples, n)
    np.testing.assert_allclose(x.T @ x / samples, loss.hessian, rtol=1e-12, atol=1e-12)
    assert problem.offset == pytest.approx(0.5 * noise**2, rel=1e-12, abs=1e-300)
    points = rng.normal(scale=5.0, size=(6, n))
    for w in points:
        full_batch = 0.5 * np.mean((y - x @ w) ** 2)
        scale = 1.0 + full_batch
        assert full_batch - loss.value(w) == pytest.approx(problem.offset, abs=1e-10 * scale)


def test_the_diabetes_problem_is_the_standardised_regression():
    problem = diabetes_problem()
    x, y = problem.data.features, problem.data.response
    assert x.shape == (442, 10)
    np.testing.assert_allclose(x.mean(axis=0), 0.0, atol=1e-12)
    np.testing.assert_allclose(x.std(axis=0), 1.0, rtol=1e-12)
    assert abs(y.mean()) < 1e-10
    rng = np.random.default_rng(1)
    for w in rng.normal(scale=20.0, size=(4, 10)):
        assert problem.data.value(w) == pytest.approx(
            problem.loss.value(w) + problem.offset, rel=1e-10
        )


@pytest.mark.parametrize("lam", [0.5, DIABETES_LAM, 20.0])
def test_coordinate_descent_on_diabetes_is_scikit_learns_lasso(lam):
    problem = diabetes_problem()
    model = Lasso(alpha=lam, fit_intercept=False, tol=1e-12, max_iter=1_000_000)
    model.fit(problem.data.features, problem.data.response)
    path = coordinate_descent(problem.loss, lam, 20_000, np.zeros(10))
    np.testing.assert_allclose(path[-1], model.coef_, rtol=0, atol=1e-8)
    np.testing.assert_array_equal(path[-1] == 0.0, model.coef_ == 0.0)
    # And both are the exact lasso (support enumeration), zeros included.
    exact = solve_penalized(problem.loss, "l1", lam)
    np.testing.assert_allclose(path[-1], exact.w, rtol=0, atol=1e-8)
    assert identification_iteration(path, exact.w) is not None


def test_ista_and_fista_on_diabetes_identify_the_exact_zeros():
    problem = diabetes_problem()
    exact = solve_penalized(problem.loss, "l1", DIABETES_LAM)
    # Strict complementarity at the default lambda (what makes identification finite).
    pulls = np.abs(problem.loss.gradient(exact.w))[list(exact.zeros)]
    assert len(exact.zeros) == 5 and np.all(pulls < 0.95 * DIABETES_LAM)
    step = lipschitz_step(problem.loss)
    for path in (
        ista(problem.loss, DIABETES_LAM, step, 5000, np.zeros(10)),
        fista(problem.loss, DIABETES_LAM, step, 5000, np.zeros(10)),
    ):
        summary = summarise_run(path, exact)
        assert summary.identified_at is not None and summary.identified_at < 2500
        assert summary.distance < 1e-9 and summary.zeros == summary.exact_zeros == 5


def test_run_summaries_read_the_zero_pattern_exactly():
    exact = np.array([0.0, 1.0, 0.0])
    path = np.array(
        [
            [1.0, 1.0, 1.0],  # 0: no zeros
            [0.0, 1.0, 0.0],  # 1: the pattern
            [0.0, 1.0, 1e-300],  # 2: lost (a tiny weight is not a zero)
            [0.0, 1.1, 0.0],  # 3: the pattern, kept to the end
            [0.0, 0.9, 0.0],
        ]
    )
    assert identification_iteration(path, exact) == 3
    assert identification_iteration(path[:3], exact) is None
    assert identification_iteration(path[[1, 3, 4]], exact) == 0
    assert final_distance(path, exact) == pytest.approx(0.1)
    assert exact_zero_count(path[2]) == 1
    hovering = np.array([3e-3, 1.2, -4e-4])
    assert thresholded_zero_count(hovering, 0.0) == 0
    assert thresholded_zero_count(hovering, 1e-3) == 1
    assert not threshold_matches_support(hovering, 1e-3, exact)
    assert threshold_matches_support(hovering, 1e-2, exact)
    assert not threshold_matches_support(hovering, 2.0, exact)  # too coarse: kills w2 too
    loss = QuadraticLoss(np.array([0.5, 2.0]), np.eye(2))
    solution = solve_penalized(loss, "l1", 1.0)  # (0, 1): w1 in its dead zone
    summary = summarise_run(np.array([[1.0, 1.0], [0.0, 1.0]]), solution, tau=0.1)
    assert (summary.identified_at, summary.zeros, summary.exact_zeros) == (1, 1, 1)
    assert summary.threshold_matches and summary.thresholded_zeros == 1


def test_bad_arguments_name_themselves():
    problem = lesson_problem(samples=10)
    loss, data, w = problem.loss, problem.data, np.zeros(2)
    wide = QuadraticLoss(np.zeros(30), np.eye(30))
    cases = [
        ("step", lambda: ista(loss, 1.0, 0.0, 10, w)),
        ("step", lambda: fista(loss, 1.0, -1.0, 10, w)),
        ("lam", lambda: coordinate_descent(loss, -0.1, 10, w)),
        ("lam", lambda: sgd(data, float("nan"), 0.1, 10, w, 2)),
        ("iterations", lambda: ista(loss, 1.0, 0.1, 2.5, w)),
        ("iterations", lambda: coordinate_descent(loss, 1.0, True, w)),
        ("iterations", lambda: fista(loss, 1.0, 0.1, MAX_ITERATIONS + 1, w)),
        ("iterations", lambda: ista(wide, 1.0, 0.1, MAX_WORK // 30 + 1, np.zeros(30))),
        ("start", lambda: ista(loss, 1.0, 0.1, 10, [0.0, np.inf])),
        ("start", lambda: coordinate_descent(loss, 1.0, 10, [0.0, 0.0, 0.0])),
        ("batch_size", lambda: sgd(data, 1.0, 0.1, 10, w, 0)),
        ("batch_size", lambda: sgd(data, 1.0, 0.1, 10, w, 11)),
        ("batch_size", lambda: adam(data, 1.0, 0.1, 10, w, batch_size=2.0)),
        ("batch_size", lambda: adam(loss, 1.0, 0.1, 10, w, batch_size=4)),
        ("seed", lambda: sgd(data, 1.0, 0.1, 10, w, 2, seed=-1)),
        ("seed", lambda: adam(data, 1.0, 0.1, 10, w, seed=1.5)),
        ("schedule", lambda: sgd(data, 1.0, 0.1, 10, w, 2, schedule="linear")),
        ("schedule", lambda: subgradient_descent(loss, 1.0, 0.1, 10, w, "exp")),
        ("beta1", lambda: adam(loss, 1.0, 0.1, 10, w, beta1=1.0)),
        ("beta2", lambda: adam(loss, 1.0, 0.1, 10, w, beta2=-0.1)),
        ("eps", lambda: adam(loss, 1.0, 0.1, 10, w, eps=0.0)),
        ("objective", lambda: adam("loss", 1.0, 0.1, 10, w)),
        ("data", lambda: sgd(loss, 1.0, 0.1, 10, w, 2)),
        ("loss", lambda: coordinate_descent(data, 1.0, 10, w)),
        ("samples", lambda: synthetic_regression(loss, samples=2, noise=1.0)),
        ("noise", lambda: synthetic_regression(loss, noise=-1.0)),
        ("features", lambda: LeastSquares(np.ones(3), np.ones(3))),
        ("response", lambda: LeastSquares(np.ones((3, 2)), np.ones(4))),
        ("tau", lambda: thresholded_zero_count(w, -1.0)),
        ("iterates", lambda: identification_iteration(np.zeros((3, 3)), w)),
    ]
    for name, call in cases:
        with pytest.raises(ValueError, match=name):
            call()
    # The cap itself is accepted: iterations x weights = MAX_WORK exactly.
    assert check_iterations(MAX_WORK // 40, 40) == MAX_WORK // 40
    assert ista(wide, 1.0, 0.1, 0, np.zeros(30)).shape == (1, 30)
