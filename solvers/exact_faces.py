"""Exact rational arithmetic for one face: the careful fallback of the face-enumeration solvers.

Every float is a rational number, so ``c``, ``H``, ``t`` and ``lam`` are exact
``Fraction`` s and, on a polyhedral face, the KKT conditions are a linear
system with rational coefficients. Solving it by Gaussian elimination in
``fractions.Fraction`` and testing the certificate's inequalities exactly
decides, without any tolerance, whether the face holds the optimum of the
problem as stored in floating point. Only the answer is rounded, once (a
correctly rounded ``float(Fraction)``), and off-support coordinates stay 0.0.

It is slow (big integers) and used only when the float certificate
(``solvers.certificate``) cannot single out a face.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

import numpy as np

__all__ = [
    "ExactProblem",
    "box_face",
    "elastic_corner",
    "l1_face",
    "rational_matrix",
    "rational_vector",
    "solve_rational",
]


def rational_matrix(values: np.ndarray) -> list[list[Fraction]]:
    """A float matrix as exact fractions."""
    return [[Fraction(x) for x in row] for row in np.asarray(values, dtype=np.float64).tolist()]


def rational_vector(values: np.ndarray) -> list[Fraction]:
    """A float vector as exact fractions."""
    return [Fraction(x) for x in np.asarray(values, dtype=np.float64).tolist()]


def solve_rational(matrix: list[list[Fraction]], rhs: list[Fraction]) -> list[Fraction] | None:
    """Solve ``matrix x = rhs`` exactly by Gaussian elimination; None if singular."""
    size = len(rhs)
    rows = [[*matrix[i], rhs[i]] for i in range(size)]
    for col in range(size):
        pivot = next((r for r in range(col, size) if rows[r][col] != 0), None)
        if pivot is None:
            return None
        rows[col], rows[pivot] = rows[pivot], rows[col]
        head = rows[col]
        for r in range(col + 1, size):
            factor = rows[r][col] / head[col]
            if factor:
                rows[r] = [a - factor * b for a, b in zip(rows[r], head, strict=True)]
    x = [Fraction(0)] * size
    for i in range(size - 1, -1, -1):
        tail = sum((rows[i][j] * x[j] for j in range(i + 1, size)), Fraction(0))
        x[i] = (rows[i][size] - tail) / rows[i][i]
    return x


class ExactProblem:
    """``H``, ``c`` and ``b = H c`` as exact fractions, shared by the faces tried."""

    def __init__(self, hessian: np.ndarray, center: np.ndarray) -> None:
        self.h = rational_matrix(hessian)
        self.c = rational_vector(center)
        self.n = len(self.c)
        self.b = [
            sum((hij * cj for hij, cj in zip(row, self.c, strict=True)), Fraction(0))
            for row in self.h
        ]

    def pull(self, w: dict[int, Fraction], j: int) -> Fraction:
        """``(H w - H c)_j`` exactly, for ``w`` given by its support."""
        return sum((self.h[j][i] * wi for i, wi in w.items()), Fraction(0)) - self.b[j]

    def point(self, w: dict[int, Fraction]) -> np.ndarray:
        """The float point, correctly rounded, exactly 0.0 off the support."""
        out = np.zeros(self.n)
        for i, wi in w.items():
            out[i] = float(wi)
        return out


def l1_face(
    problem: ExactProblem,
    radius: float,
    support: Sequence[int],
    signs: Sequence[float],
    lam: float | None = None,
    l1_ratio: float = 1.0,
) -> tuple[np.ndarray, float] | None:
    """Exact optimum on an L1-type face, or None when that face does not hold it.

    Constrained (``lam is None``): solve ``H_SS w_S + lam s = b_S``,
    ``s^T w_S = radius`` for ``(w_S, lam)``. Penalised (``lam`` given):
    solve ``(H_SS + 2 (1 - a) lam I) w_S = b_S - lam a s``. Then check
    ``lam > 0`` (constrained), ``s_i w_i > 0`` and ``|g_j| <= lam a`` off ``S``.

    Returns
    -------
    (w, lam) as floats, or None.
    """
    support = list(support)
    s = [Fraction(int(x)) for x in signs]
    k = len(support)
    h, b = problem.h, problem.b
    if lam is None:
        matrix = [[h[i][j] for j in support] + [s[r]] for r, i in enumerate(support)]
        matrix.append([*s, Fraction(0)])
        solution = solve_rational(matrix, [b[i] for i in support] + [Fraction(radius)])
        if solution is None:
            return None
        values, multiplier = solution[:k], solution[k]
        a = Fraction(1)
        if multiplier <= 0:
            return None
    else:
        multiplier, a = Fraction(lam), Fraction(l1_ratio)
        ridge = 2 * (1 - a) * multiplier
        matrix = [[h[i][j] + (ridge if i == j else 0) for j in support] for i in support]
        rhs = [b[i] - multiplier * a * s[r] for r, i in enumerate(support)]
        values = solve_rational(matrix, rhs) if k else []
        if values is None:
            return None
    if any(si * wi <= 0 for si, wi in zip(s, values, strict=True)):
        return None
    w = dict(zip(support, values, strict=True))
    threshold = multiplier * a
    for j in range(problem.n):
        if j not in w and abs(problem.pull(w, j)) > threshold:
            return None
    return problem.point(w), float(multiplier)


def box_face(
    problem: ExactProblem, radius: float, bound: Sequence[int], signs: Sequence[float]
) -> np.ndarray | None:
    """Exact optimum on a face of the box ``|w_i| <= radius``, or None.

    The bound coordinates are ``w_B = s radius``; the free ones solve
    ``H_FF w_F = b_F - H_FB w_B`` and must lie strictly inside ``(-radius, radius)``;
    the pull on each bound coordinate must point outwards: ``-s_i g_i >= 0``.
    """
    t = Fraction(radius)
    w = {i: int(si) * t for i, si in zip(bound, signs, strict=True)}
    free = [i for i in range(problem.n) if i not in w]
    if free:
        h = problem.h
        matrix = [[h[i][j] for j in free] for i in free]
        rhs = [problem.b[i] - sum((h[i][j] * wj for j, wj in w.items()), Fraction(0)) for i in free]
        values = solve_rational(matrix, rhs)
        if values is None or any(abs(v) >= t for v in values):
            return None
        w.update(zip(free, values, strict=True))
    for i, si in zip(bound, signs, strict=True):
        if -int(si) * problem.pull(w, i) < 0:
            return None
    return problem.point(w)


def _surd_sign(x: Fraction, y: Fraction, d: Fraction) -> int:
    """The sign of ``x + y sqrt(d)`` (``d >= 0``), exactly."""
    sx, sy = (x > 0) - (x < 0), (y > 0) - (y < 0)
    if sy == 0 or d == 0:
        return sx
    if sx == 0 or sx == sy:
        return sy
    gap = x * x - y * y * d
    return sx if gap > 0 else (sy if gap < 0 else 0)


def elastic_corner(
    problem: ExactProblem, radius: float, l1_ratio: float, axis: int, sign: float
) -> bool:
    """Whether the elastic-net corner ``sign * v e_axis`` holds the optimum, decided exactly.

    ``v`` is the positive root of ``(1 - a) v^2 + a v = r``, i.e.
    ``(-a + sqrt(D)) / (2 (1 - a))`` with ``D = a^2 + 4 (1 - a) r``: every
    quantity of the corner's KKT conditions is ``x + y v`` with rational
    ``x, y`` once ``v^2`` is reduced by its equation, so each test is the sign
    of ``x + y sqrt(D)``. KKT: ``lam = -sign g_i / (a + 2 (1 - a) v) > 0`` and
    ``|g_j| (a + 2 (1 - a) v) <= a (-sign g_i)`` for ``j != i``, ``g = H (w - c)``.
    """
    a, r, sigma = Fraction(l1_ratio), Fraction(radius), int(sign)
    kappa = 2 * (1 - a)
    d = a * a + 2 * kappa * r

    def as_surd(x: Fraction, y: Fraction) -> tuple[Fraction, Fraction]:
        # x + y v  with  v = (-a + sqrt(D)) / kappa
        return x - y * a / kappa, y / kappa

    def g(j: int) -> tuple[Fraction, Fraction]:  # g_j = alpha + beta v
        return -problem.b[j], sigma * problem.h[j][axis]

    alpha_i, beta_i = g(axis)
    if _surd_sign(*as_surd(-sigma * alpha_i, -sigma * beta_i), d) <= 0:
        return False  # lam <= 0
    for j in range(problem.n):
        if j == axis:
            continue
        alpha, beta = g(j)
        for side in (1, -1):
            # side * g_j * (a + kappa v) + a sigma g_i, with v^2 = (r - a v) / (1 - a)
            x = side * (alpha * a + 2 * beta * r) + a * sigma * alpha_i
            y = side * (alpha * kappa - beta * a) + a * sigma * beta_i
            if _surd_sign(*as_surd(x, y), d) > 0:
                return False
    return True
