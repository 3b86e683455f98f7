"""Extreme inputs: large ||c|| / t, condition numbers to 1e8, degenerate faces.

For the L1 ball, the elastic net, the box and the penalised form, the problems
are built with a known optimal face (w* strictly inside it, the pull chosen
inside the normal cone, then c = w* + lam H^-1 z: ``tests.problems.face_optimal``),
and every answer is checked by a certificate computed here or in
``tests.problems``, in exact rational arithmetic (or 60-digit decimals for the
elastic net's curved pieces), on the problem exactly as stored in floating
point: the face the solver returns must be the optimal one, with no tolerance
at all. Never by comparing float losses.
"""

from __future__ import annotations

from decimal import Decimal, localcontext
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geometry import ElasticNetBall, NormBall, QuadraticLoss
from solvers import solve_constrained, solve_constrained_batch, solve_penalized
from tests.problems import (
    EPS,
    assert_l1_optimal,
    exact_data,
    exact_l1_face,
    face_optimal,
    gauss_jordan,
    shapes,
    spd,
)

# ---------------------------------------------------------------- the elastic net


def decimal_elastic_face(loss: QuadraticLoss, ball: ElasticNetBall, w: np.ndarray):
    """The KKT point of the face of ``w`` to 60 digits: (w*, lam*, optimal?).

    A corner is the closed-form root; a curved piece's multiplier is bisected on
    ``a s^T w(lam) + (1 - a) ||w(lam)||^2 = r`` with
    ``w(lam) = (H_SS + 2 (1 - a) lam I)^-1 (b_S - lam a s)``.
    """
    with localcontext() as context:
        context.prec = 60
        h, _, b = exact_data(loss, Decimal)
        a, r = Decimal(ball.l1_ratio), Decimal(ball.radius)
        support = np.flatnonzero(w).tolist()
        s = [Decimal(int(np.sign(w[i]))) for i in support]
        n = len(b)

        def point(lam):
            matrix = [
                [h[i][j] + (2 * (1 - a) * lam if i == j else 0) for j in support] for i in support
            ]
            return gauss_jordan(
                matrix, [b[i] - lam * a * si for i, si in zip(support, s, strict=True)]
            )

        def excess(lam):
            x = point(lam)
            return (
                a * sum(si * xi for si, xi in zip(s, x, strict=True))
                + (1 - a) * sum(xi * xi for xi in x)
                - r
            )

        if len(support) == 1:
            v = (-a + (a * a + 4 * (1 - a) * r).sqrt()) / (2 * (1 - a))
            i = support[0]
            values = [s[0] * v]
            lam = -s[0] * (h[i][i] * values[0] - b[i]) / (a + 2 * (1 - a) * v)  # -s g_i / slope
        else:
            low, high = Decimal(0), Decimal(1)
            while excess(high) > 0:
                high *= 2
            for _ in range(400):
                mid = (low + high) / 2
                low, high = (mid, high) if excess(mid) > 0 else (low, mid)
            lam = (low + high) / 2
            values = point(lam)
        full = dict(zip(support, values, strict=True))
        pulls = [sum(h[j][i] * x for i, x in full.items()) - b[j] for j in range(n)]
        optimal = (
            lam > 0
            and all(si * x > 0 for si, x in zip(s, values, strict=True))
            and all(abs(pulls[j]) <= lam * a for j in range(n) if j not in full)
        )
        return np.array([float(full.get(i, 0)) for i in range(n)]), float(lam), optimal


@settings(max_examples=50, deadline=None)
@given(shape=shapes, n=st.integers(2, 3), a=st.sampled_from([0.2, 0.5, 0.9]), data=st.data())
def test_elastic_net_returns_the_optimal_piece(shape, n, a, data):
    k = data.draw(st.integers(1, n))
    rng = np.random.default_rng(shape["seed"])
    radius = 10.0 ** shape["log_radius"]
    ratio, condition = 10.0 ** shape["log_ratio"], 10.0 ** shape["log_condition"]
    loss, w_star = face_optimal(rng, n, k, ratio, condition, radius, elastic_a=a)
    ball = ElasticNetBall(radius=radius, l1_ratio=a)
    sol = solve_constrained(loss, ball)
    exact_w, lam, optimal = decimal_elastic_face(loss, ball, sol.w)
    assert optimal, (loss, ball, sol)
    assert sol.multiplier == pytest.approx(lam, rel=max(1e-9, 1e3 * EPS * condition))
    scale = np.max(np.abs(loss.center)) + ball.axis_intercept
    bound = 1e3 * n * EPS * condition * scale + 1e-12 * np.max(np.abs(exact_w))
    assert np.max(np.abs(sol.w - exact_w)) <= bound
    if decimal_elastic_face(loss, ball, w_star)[2]:
        assert sol.zeros == tuple(np.flatnonzero(w_star == 0.0))


# ---------------------------------------------------------------- the box and the penalised form


def exact_box_face(loss: QuadraticLoss, radius: float, w: np.ndarray):
    """The exact KKT point on the box face of ``w`` (``|w_i| = t``: bound): (w*, optimal?)."""
    h, _, b = exact_data(loss)
    t = Fraction(radius)
    bound = {i: int(np.sign(w[i])) * t for i in range(len(b)) if abs(w[i]) == radius}
    free = [i for i in range(len(b)) if i not in bound]
    rhs = [b[i] - sum((h[i][j] * x for j, x in bound.items()), Fraction(0)) for i in free]
    values = gauss_jordan([[h[i][j] for j in free] for i in free], rhs) if free else []
    point = {**bound, **dict(zip(free, values, strict=True))}
    pulls = [
        sum((h[j][i] * x for i, x in point.items()), Fraction(0)) - b[j] for j in range(len(b))
    ]
    optimal = all(abs(x) < t for x in values) and all(-x * pulls[i] >= 0 for i, x in bound.items())
    return np.array([float(point[i]) for i in range(len(b))]), optimal


@settings(max_examples=60, deadline=None)
@given(shape=shapes, n=st.integers(2, 4), data=st.data())
def test_box_returns_the_exactly_optimal_face(shape, n, data):
    bound_count = data.draw(st.integers(1, n))
    rng = np.random.default_rng(shape["seed"])
    radius = 10.0 ** shape["log_radius"]
    condition = 10.0 ** shape["log_condition"]
    hessian = spd(rng, n, condition, 10.0 ** rng.uniform(-2, 2))
    bound = rng.choice(n, size=bound_count, replace=False)
    w_star = rng.uniform(-0.9, 0.9, size=n) * radius  # free coordinates strictly inside
    w_star[bound] = rng.choice([-1.0, 1.0], size=bound_count) * radius
    pull = np.zeros(n)  # -grad: zero on the free coordinates, outwards on the bound ones
    pull[bound] = np.sign(w_star[bound]) * rng.uniform(0.1, 1.0, size=bound_count)
    direction = np.linalg.solve(hessian, pull)
    scale = 10.0 ** shape["log_ratio"] * radius / np.max(np.abs(direction))
    loss = QuadraticLoss(w_star + scale * direction, hessian)  # H (w* - c) = -scale * pull
    sol = solve_constrained(loss, NormBall(p=np.inf, radius=radius))
    exact_w, optimal = exact_box_face(loss, radius, sol.w)
    assert optimal, (loss, radius, sol)
    bound_error = 64 * n * EPS * condition * (np.max(np.abs(loss.center)) + radius)
    assert np.max(np.abs(sol.w - exact_w)) <= bound_error
    if exact_box_face(loss, radius, w_star)[1]:
        assert np.flatnonzero(np.abs(sol.w) == radius).tolist() == sorted(bound.tolist())


def exact_penalized_support(loss: QuadraticLoss, lam: float, a: float, w: np.ndarray):
    """The exact minimiser on the support and signs of ``w``: (w*, optimal?)."""
    h, _, b = exact_data(loss)
    lam_, a_ = Fraction(lam), Fraction(a)
    support = np.flatnonzero(w).tolist()
    s = [Fraction(int(np.sign(w[i]))) for i in support]
    matrix = [[h[i][j] + (2 * (1 - a_) * lam_ if i == j else 0) for j in support] for i in support]
    rhs = [b[i] - lam_ * a_ * si for i, si in zip(support, s, strict=True)]
    values = gauss_jordan(matrix, rhs) if support else []
    point = dict(zip(support, values, strict=True))
    pulls = [
        sum((h[j][i] * x for i, x in point.items()), Fraction(0)) - b[j] for j in range(len(b))
    ]
    optimal = all(si * x > 0 for si, x in zip(s, values, strict=True)) and all(
        abs(pulls[j]) <= lam_ * a_ for j in range(len(b)) if j not in point
    )
    return np.array([float(point.get(i, 0)) for i in range(len(b))]), optimal


@settings(max_examples=60, deadline=None)
@given(shape=shapes, n=st.integers(2, 4), a=st.sampled_from([1.0, 0.5]), data=st.data())
def test_penalized_returns_the_exactly_optimal_support(shape, n, a, data):
    k = data.draw(st.integers(0, n))
    rng = np.random.default_rng(shape["seed"])
    condition = 10.0 ** shape["log_condition"]
    hessian = spd(rng, n, condition, 10.0 ** rng.uniform(-2, 2))
    support = rng.choice(n, size=k, replace=False)
    w_star = np.zeros(n)
    w_star[support] = rng.choice([-1.0, 1.0], size=k) * rng.uniform(0.1, 1.0, size=k)
    w_star *= 10.0 ** shape["log_radius"]
    z = rng.uniform(-0.9, 0.9, size=n)  # the subgradient of |w| off the support
    z[support] = np.sign(w_star[support])
    gradient = a * z + 2 * (1 - a) * w_star  # of the penalty at w*
    direction = np.linalg.solve(hessian, gradient)
    size = max(np.max(np.abs(w_star)), 10.0 ** shape["log_radius"])
    lam = 10.0 ** shape["log_ratio"] * size / np.max(np.abs(direction))
    loss = QuadraticLoss(w_star + lam * direction, hessian)  # H (w* - c) + lam * gradient = 0
    penalty = "l1" if a == 1.0 else "elasticnet"
    sol = solve_penalized(loss, penalty, lam=lam, l1_ratio=a)
    exact_w, optimal = exact_penalized_support(loss, lam, a, sol.w)
    assert optimal, (loss, lam, sol)
    error = (
        64 * n * EPS * condition * (np.max(np.abs(loss.center)) + lam * np.max(np.abs(direction)))
    )
    assert np.max(np.abs(sol.w - exact_w)) <= error
    if exact_penalized_support(loss, lam, a, w_star)[1]:
        assert sol.zeros == tuple(np.flatnonzero(w_star == 0.0))


# --- large ||c|| / t, beyond float resolution, uncertifiable faces ----------------------


def test_l1_planar_large_center_is_an_edge_point_not_a_vertex():
    sol = solve_constrained(QuadraticLoss([1e4, 1e4], np.eye(2)), NormBall(p=1, radius=1e-6))
    assert sol.w.tolist() == [5e-7, 5e-7]  # t / 2 each, by symmetry
    assert sol.zeros == () and sol.face == "edge"


def test_elastic_net_large_center_is_a_curved_edge_point():
    a, r = 0.9, 1e-6
    sol = solve_constrained(QuadraticLoss([1e4, 1e4], np.eye(2)), ElasticNetBall(r, a))
    x = 2 * r / (2 * a + np.sqrt(4 * a * a + 8 * (1 - a) * r))  # 2 a x + 2 (1 - a) x^2 = r
    np.testing.assert_allclose(sol.w, [x, x], rtol=1e-6)
    assert sol.zeros == ()


def test_beyond_float_resolution_the_exact_fallback_still_finds_the_edge():
    # ||c|| / t = 2e15: vertex and edge both pass the float certificate.
    sol = solve_constrained(QuadraticLoss([1e4, 1e4], np.eye(2)), NormBall(p=1, radius=1e-11))
    assert sol.w.tolist() == [5e-12, 5e-12]
    batch = solve_constrained_batch([[1e4, 1e4]], np.eye(2), NormBall(1, 1e-11))
    assert batch.tolist() == [[5e-12, 5e-12]]


def test_an_uncertifiable_face_raises_instead_of_guessing(monkeypatch):
    import solvers.l1_ball as l1_ball
    from solvers.certificate import UncertifiedError

    monkeypatch.setattr(l1_ball, "EXACT_LIMIT", 0)  # forbid the exact fallback
    loss = QuadraticLoss([1e4, 1e4, 1e4], np.eye(3))
    with pytest.raises(ValueError, match="could be certified"):
        solve_constrained(loss, NormBall(p=1, radius=1e-12))
    assert issubclass(UncertifiedError, ValueError)


# --- the L1 ball: property sweeps -------------------------------------------------------


@settings(max_examples=120, deadline=None)
@given(shape=shapes, k=st.integers(1, 2))
def test_planar_l1_returns_the_exactly_optimal_face(shape, k):
    rng = np.random.default_rng(shape["seed"])
    radius = 10.0 ** shape["log_radius"]
    loss, w_star = face_optimal(
        rng, 2, k, 10.0 ** shape["log_ratio"], 10.0 ** shape["log_condition"], radius
    )
    sol = solve_constrained(loss, NormBall(p=1, radius=radius))
    assert_l1_optimal(loss, radius, sol.w, sol.multiplier)
    if exact_l1_face(loss, radius, w_star)[2]:  # the built face survived rounding of c
        assert sol.zeros == tuple(np.flatnonzero(w_star == 0.0))


@settings(max_examples=60, deadline=None)
@given(shape=shapes, n=st.integers(3, 5), data=st.data())
def test_l1_ball_in_n_dimensions_returns_the_exactly_optimal_face(shape, n, data):
    k = data.draw(st.integers(1, n))
    rng = np.random.default_rng(shape["seed"])
    radius = 10.0 ** shape["log_radius"]
    loss, w_star = face_optimal(
        rng, n, k, 10.0 ** shape["log_ratio"], 10.0 ** shape["log_condition"], radius
    )
    sol = solve_constrained(loss, NormBall(p=1, radius=radius))
    assert_l1_optimal(loss, radius, sol.w, sol.multiplier)
    if exact_l1_face(loss, radius, w_star)[2]:
        assert sol.zeros == tuple(np.flatnonzero(w_star == 0.0))


# --- the penalised form: a weak coordinate beside a strong one --------------------------


def test_penalized_weak_coordinate_beside_a_strong_one_is_not_zeroed():
    loss = QuadraticLoss([1.005, 1e4], np.diag([1.0, 1e6]))
    sol = solve_penalized(loss, "l1", lam=1.0)
    # Soft thresholding per coordinate (H diagonal): w_i = c_i - lam / H_ii.
    assert sol.w.tolist() == [1.005 - 1.0, 1e4 - 1e-6]
    assert sol.zeros == ()
