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


def rational_matrix(values: np.ndarray) -> list[list[Fraction]]:
    """A float matrix as exact fractions."""
    return [[Fraction(x) for x in row] for row in np.asarray(values, dtype=np.float64).tolist()]


def rational_vector(values: np.ndarray) -> list[Fraction]:
    """A float vector as exact fractions."""
    return [Fraction(x) for x in np.asarray(values, dtype=np.float64).tolist()]


def solve_rational(matrix: list[list[Fraction]], rhs: list[Fraction]) -> list[Fraction] | None:
    """Solve ``matrix x = rhs`` exactly by Gaussian elimination; None if singular."""
    size = len(rhs)
    rows = [list(matrix[i]) + [rhs[i]] for i in range(size)]
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
        self.b = [sum((hij * cj for hij, cj in zip(row, self.c, strict=True)), Fraction(0))
                  for row in self.h]

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
        matrix.append(s + [Fraction(0)])
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
        matrix = [
            [h[i][j] + (ridge if i == j else 0) for j in support] for i in support
        ]
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
        rhs = [problem.b[i] - sum((h[i][j] * wj for j, wj in w.items()), Fraction(0))
               for i in free]
        values = solve_rational(matrix, rhs)
        if values is None or any(abs(v) >= t for v in values):
            return None
        w.update(zip(free, values, strict=True))
    for i, si in zip(bound, signs, strict=True):
        if -int(si) * problem.pull(w, i) < 0:
            return None
    return problem.point(w)
