"""Random test problems and the optimality certificates the tests check."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import strategies as st

from geometry import QuadraticLoss

EPS = np.finfo(np.float64).eps


def random_loss(
    rng: np.random.Generator, max_log10_condition: float = 4.0, center_scale: float = 3.0
) -> QuadraticLoss:
    """A 2-D loss with random rotation, condition number up to 10**max_log10_condition."""
    condition = 10.0 ** rng.uniform(0.0, max_log10_condition)
    scale = 10.0 ** rng.uniform(-1.0, 1.0)
    center = rng.normal(size=2) * center_scale
    return QuadraticLoss.from_shape(center, (scale, scale * condition), rng.uniform(0.0, 180.0))


def random_loss_nd(
    rng: np.random.Generator, n: int, max_log10_condition: float = 4.0, center_scale: float = 3.0
) -> QuadraticLoss:
    """An n-D loss with a random orthonormal basis and log-spread eigenvalues."""
    basis, _ = np.linalg.qr(rng.normal(size=(n, n)))
    eigenvalues = 10.0 ** rng.uniform(0.0, max_log10_condition, size=n)
    hessian = basis @ np.diag(eigenvalues) @ basis.T
    return QuadraticLoss(rng.normal(size=n) * center_scale, 0.5 * (hessian + hessian.T))


@st.composite
def losses(draw, max_log10_condition: float = 4.0) -> QuadraticLoss:
    """Hypothesis strategy for 2-D losses: any centre, rotation and shape."""
    coordinate = st.floats(-6.0, 6.0, allow_nan=False)
    center = (draw(coordinate), draw(coordinate))
    log_condition = draw(st.floats(0.0, max_log10_condition))
    scale = 10.0 ** draw(st.floats(-1.0, 1.0))
    angle = draw(st.floats(0.0, 180.0))
    return QuadraticLoss.from_shape(center, (scale, scale * 10.0**log_condition), angle)


radii = st.floats(0.05, 5.0)


def term_scale(loss: QuadraticLoss, w: np.ndarray, multiplier: float) -> float:
    """Size of the terms the stationarity condition adds up: ||H|| (||w|| + ||c||) + lam.

    Rounding in w of relative size eps shows up in H (w - c) multiplied by
    ||H||, so a residual is only meaningful relative to this (a backward error).
    """
    # Max-norms: squaring 1e-200 in a 2-norm would underflow to 0.
    size = np.linalg.norm(loss.hessian, 2) * (np.max(np.abs(w)) + np.max(np.abs(loss.center)))
    return max(float(size), multiplier, 1e-300)


def l1_kkt_residual(loss: QuadraticLoss, w: np.ndarray, multiplier: float, radius: float) -> float:
    """Largest violation of the KKT conditions of min loss s.t. ||w||_1 <= radius.

    0 in grad + lam * d||w||_1: on the support grad_i = -lam sign(w_i); off it
    |grad_i| <= lam. Plus lam >= 0 and lam (||w||_1 - t) = 0.
    """
    gradient = loss.gradient(w)
    scale = term_scale(loss, w, multiplier)
    nonzero = w != 0.0
    violations = [
        np.max(np.abs(gradient[nonzero] + multiplier * np.sign(w[nonzero])), initial=0.0),
        np.max(np.abs(gradient[~nonzero]) - multiplier, initial=0.0),
        -multiplier,
        abs(multiplier * (np.sum(np.abs(w)) - radius)) / max(radius, 1.0),
    ]
    return max(0.0, *[float(v) for v in violations]) / scale


def l2_kkt_residual(loss: QuadraticLoss, w: np.ndarray, multiplier: float, radius: float) -> float:
    """Largest violation of the KKT conditions with the ridge-form multiplier.

    grad + 2 lam w = 0, lam >= 0, lam (||w||_2 - t) = 0.
    """
    gradient = loss.gradient(w)
    scale = term_scale(loss, w, multiplier)
    violations = [
        float(np.max(np.abs(gradient + 2.0 * multiplier * w))),
        -multiplier,
        abs(multiplier * (np.linalg.norm(w) - radius)) / max(radius, 1.0),
    ]
    return max(0.0, *violations) / scale


def feasible_neighbours(
    rng: np.random.Generator,
    w: np.ndarray,
    p: float,
    radius: float,
    count: int = 200,
    spread: float = 0.05,
) -> np.ndarray:
    """Points near ``w`` pulled radially into the ball ``||.||_p <= radius``."""
    points = w + rng.normal(size=(count, w.size)) * spread * max(radius, 1e-3)
    norms = np.linalg.norm(points, ord=p, axis=1)
    shrink = np.minimum(1.0, radius / np.maximum(norms, 1e-300))
    return points * shrink[:, None]


# --- exact maths: certificates in rational (or 60-digit) arithmetic ---------------------


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


# --- problems with a known optimal face -------------------------------------------------


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
