"""Exact minimisation of a quadratic over the L-infinity ball (a box), by enumerating active bounds.

    minimise 0.5 (w - c)^T H (w - c)   subject to   |w_i| <= t for every i

Each coordinate is either free or held at one of its bounds ``±t``. For a
free set ``F`` and bound values ``w_B`` the minimiser on that face's affine
hull is ``w_F = H_FF^{-1} ((H c)_F - H_FB w_B)``; it counts when every free
coordinate lies strictly inside ``(-t, t)``. The optimum lies in the relative
interior of exactly one face, so the best counting candidate is the global
optimum: a box-constrained QP solved exactly, 3^n faces.
"""

from __future__ import annotations

import itertools
from functools import cache

import numpy as np

from geometry import QuadraticLoss
from solvers.l1_ball import require_enumerable
from solvers.solution import Solution, face_of_dimension


@cache
def _bound_patterns(n: int) -> tuple[tuple[tuple[int, ...], np.ndarray], ...]:
    """For each non-empty bound set B: (B, all 2^|B| sign rows)."""
    patterns = []
    for k in range(1, n + 1):
        signs = np.array(list(itertools.product((1.0, -1.0), repeat=k)))
        patterns.extend((bound, signs) for bound in itertools.combinations(range(n), k))
    return tuple(patterns)


def solve_linf_ball(loss: QuadraticLoss, radius: float) -> Solution:
    """Minimise ``loss`` over the box ``{||w||_inf <= radius}`` exactly.

    Parameters
    ----------
    loss : QuadraticLoss
        The loss, in any dimension up to ``MAX_ENUMERATION_DIM``.
    radius : float
        The half-width ``t`` > 0 of the box (validated by the caller).

    Returns
    -------
    Solution
        With ``multiplier = ||grad L(w)||_1``, the weight ``lambda`` for which
        ``w`` also minimises ``loss + lambda ||w||_inf`` (the dual norm of the gradient).
    """
    n = loss.dim
    require_enumerable(loss)
    center, hessian, linear = loss.center, loss.hessian, loss.linear_term
    if np.max(np.abs(center)) <= radius:
        return Solution(center.copy(), 0.0, 0.0, radius, active=False, face="interior")

    best_value, best_w, best_free = np.inf, None, 0
    for bound, signs in _bound_patterns(n):
        free = [i for i in range(n) if i not in bound]
        points = np.zeros((len(signs), n))
        points[:, list(bound)] = signs * radius
        if free:
            coupling = hessian[np.ix_(free, list(bound))]
            rhs = linear[free] - points[:, list(bound)] @ coupling.T
            points[:, free] = np.linalg.solve(hessian[np.ix_(free, free)], rhs.T).T
            inside = np.all(np.abs(points[:, free]) < radius, axis=1)
        else:
            inside = np.ones(len(signs), dtype=bool)
        if not np.any(inside):
            continue
        diffs = points - center
        values = np.einsum("ij,jk,ik->i", diffs, hessian, diffs)
        values[~inside] = np.inf
        j = int(np.argmin(values))
        if values[j] < best_value:
            best_value, best_w, best_free = values[j], points[j], len(free)

    w = best_w
    multiplier = float(np.sum(np.abs(hessian @ (w - center))))
    return Solution(
        w, float(loss.value(w)), multiplier, radius, active=True, face=face_of_dimension(best_free)
    )
