"""Extreme inputs (issue 12): large ||c|| / t, condition numbers to 1e8, degenerate faces.

The problems are built with a known optimal face (w* strictly inside it, the
pull chosen inside the normal cone, then c = w* + lam H^-1 z), and every
answer is checked by a certificate computed here, in exact rational arithmetic
(or 60-digit decimals for the elastic net's curved pieces), on the problem
exactly as stored in floating point: the face the solver returns must be the
optimal one, with no tolerance at all. Never by comparing float losses.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geometry import ElasticNetBall, NormBall, QuadraticLoss
from solvers import solve_constrained, solve_constrained_batch, solve_penalized

EPS = np.finfo(np.float64).eps


# ---------------------------------------------------------------- exact maths, written here


def gauss_jordan(matrix: list[list], rhs: list) -> list:
    """Solve a small linear system exactly (Fractions) or to the context's precision (Decimals)."""
    rows = [[*row, r] for row, r in zip(matrix, rhs, strict=True)]
    size = len(rows)
    for col in range(size):
        pivot = next(r for r in range(col, size) if rows[r][col] != 0)
        rows[col], rows[pivot] = rows[pivot], rows[col]
        head = [x / rows[col][col] for x in rows[col]]
        rows[col] = head
        for r in range(size):
            if r != col and rows[r][col] != 0:
                factor = rows[r][col]
                rows[r] = [x - factor * y for x, y in zip(rows[r], head, strict=True)]
    return [row[size] for row in rows]


def exact_data(loss: QuadraticLoss, kind=Fraction):
    h = [[kind(x) for x in row] for row in loss.hessian.tolist()]
    c = [kind(x) for x in loss.center.tolist()]
    b = [sum((hij * cj for hij, cj in zip(row, c, strict=True)), kind(0)) for row in h]
    return h, c, b


def exact_l1_face(loss: QuadraticLoss, radius: float, w: np.ndarray):
    """The exact KKT point on the face of ``w`` (support and signs): (w*, lam*, optimal?)."""
    h, _, b = exact_data(loss)
    support = np.flatnonzero(w).tolist()
    s = [Fraction(int(np.sign(w[i]))) for i in support]
    k = len(support)
    matrix = [[h[i][j] for j in support] + [s[r]] for r, i in enumerate(support)]
    matrix.append([*s, Fraction(0)])
    solution = gauss_jordan(matrix, [b[i] for i in support] + [Fraction(radius)])
    values, lam = solution[:k], solution[k]
    point = dict(zip(support, values, strict=True))
    pulls = [
        sum((h[j][i] * v for i, v in point.items()), Fraction(0)) - b[j] for j in range(len(b))
    ]
    optimal = (
        lam > 0
        and all(si * v > 0 for si, v in zip(s, values, strict=True))
        and all(abs(pulls[j]) <= lam for j in range(len(b)) if j not in point)
    )
    exact_w = np.array([float(point.get(i, 0)) for i in range(len(b))])
    return exact_w, float(lam), optimal


def assert_l1_optimal(loss: QuadraticLoss, radius: float, w: np.ndarray, multiplier: float):
    """The returned face is exactly optimal, and w is its point up to the backward error."""
    exact_w, lam, optimal = exact_l1_face(loss, radius, w)
    assert optimal, (loss, radius, w)
    kappa = loss.condition_number
    bound = 64 * loss.dim * EPS * kappa * (np.max(np.abs(loss.center)) + radius)
    assert np.max(np.abs(w - exact_w)) <= bound, (w, exact_w, bound)
    assert multiplier == pytest.approx(lam, rel=max(1e-9, 64 * EPS * kappa))
    assert np.sum(np.abs(w)) <= radius * (1 + 8 * loss.dim * EPS)


# ---------------------------------------------------------------- problems with a known face


def spd(rng: np.random.Generator, n: int, condition: float, scale: float) -> np.ndarray:
    basis, _ = np.linalg.qr(rng.normal(size=(n, n)))
    eigenvalues = scale * np.geomspace(1.0, condition, n)
    rng.shuffle(eigenvalues)
    hessian = basis @ np.diag(eigenvalues) @ basis.T
    return 0.5 * (hessian + hessian.T)


def face_optimal(rng, n, k, ratio, condition, radius, *, elastic_a=1.0):
    """(loss, w*): w* strictly inside a face with k nonzeros, -grad inside the normal cone.

    The penalty's gradient on the support is ``a s + 2 (1 - a) w*`` (a = 1: L1),
    off it ``a z_j`` with ``|z_j| <= 0.9``; ``lam`` is set so that ||c|| ~ ratio * t.
    """
    support = rng.choice(n, size=k, replace=False)
    signs = rng.choice([-1.0, 1.0], size=k)
    magnitudes = rng.uniform(0.1, 1.0, size=k)
    w_star = np.zeros(n)
    w_star[support] = signs * magnitudes
    if elastic_a == 1.0:
        w_star *= radius / np.sum(np.abs(w_star))
    else:  # scale onto a ||w||_1 + (1 - a) ||w||^2 = radius
        l1, l2 = np.sum(np.abs(w_star)), np.sum(w_star**2)
        a = elastic_a
        w_star *= 2 * radius / (a * l1 + np.sqrt((a * l1) ** 2 + 4 * (1 - a) * l2 * radius))
    z = rng.uniform(-0.9, 0.9, size=n) * elastic_a
    z[support] = elastic_a * signs + 2 * (1 - elastic_a) * w_star[support]
    hessian = spd(rng, n, condition, 10.0 ** rng.uniform(-2, 2))
    direction = np.linalg.solve(hessian, z)
    lam = ratio * radius / np.max(np.abs(direction))
    return QuadraticLoss(w_star + lam * direction, hessian), w_star


shapes = st.fixed_dictionaries(
    {
        "seed": st.integers(0, 2**32 - 1),
        "log_ratio": st.floats(0.0, 12.0),
        "log_condition": st.floats(0.0, 8.0),
        "log_radius": st.floats(-6.0, 3.0),
    }
)


# ---------------------------------------------------------------- the examples


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


def test_l1_three_dimensions_tiny_budget_splits_between_two_weights():
    loss = QuadraticLoss([1.0, 1.0 + 2e-9, -0.5], np.eye(3))
    sol = solve_constrained(loss, NormBall(p=1, radius=1e-8))
    gap = Fraction(1.0 + 2e-9) - 1  # the stored data's gap, about 2e-9
    expected = [float((Fraction(1e-8) - gap) / 2), float((Fraction(1e-8) + gap) / 2), 0.0]
    assert sol.w.tolist() == expected  # (0.4 t, 0.6 t, 0), correctly rounded
    assert sol.zeros == (2,)


def test_l1_three_equal_coordinates_keep_full_relative_accuracy_and_stay_in_the_ball():
    sol = solve_constrained(QuadraticLoss([1e4] * 3, np.eye(3)), NormBall(p=1, radius=1e-6))
    np.testing.assert_allclose(sol.w, [1e-6 / 3] * 3, rtol=4 * EPS)
    assert np.sum(np.abs(sol.w)) <= 1e-6 * (1 + 4 * EPS)


def test_penalized_weak_coordinate_beside_a_strong_one_is_not_zeroed():
    loss = QuadraticLoss([1.005, 1e4], np.diag([1.0, 1e6]))
    sol = solve_penalized(loss, "l1", lam=1.0)
    # Soft thresholding per coordinate (H diagonal): w_i = c_i - lam / H_ii.
    assert sol.w.tolist() == [1.005 - 1.0, 1e4 - 1e-6]
    assert sol.zeros == ()


def test_batch_large_center_matches_the_edge_point():
    w = solve_constrained_batch([[1e4, 1e4], [-1e4, 1e4]], np.eye(2), NormBall(1, 1e-6))
    assert w.tolist() == [[5e-7, 5e-7], [-5e-7, 5e-7]]


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


# ---------------------------------------------------------------- property sweeps


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


@settings(max_examples=60, deadline=None)
@given(shape=shapes)
def test_batch_gives_the_scalar_answers_on_extreme_problems(shape):
    rng = np.random.default_rng(shape["seed"])
    radius = 10.0 ** shape["log_radius"]
    problems = [
        face_optimal(
            rng,
            2,
            int(rng.integers(1, 3)),
            10.0 ** rng.uniform(0, shape["log_ratio"]),
            10.0 ** rng.uniform(0, shape["log_condition"]),
            radius,
        )[0]
        for _ in range(16)
    ]
    centers = np.array([loss.center for loss in problems])
    hessians = np.array([loss.hessian for loss in problems])
    batch = solve_constrained_batch(centers, hessians, NormBall(p=1, radius=radius))
    for loss, w in zip(problems, batch, strict=True):
        scalar = solve_constrained(loss, NormBall(p=1, radius=radius))
        assert w.tolist() == scalar.w.tolist()
        assert_l1_optimal(loss, radius, w, scalar.multiplier)
