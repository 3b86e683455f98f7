"""Exact minimisation of a quadratic over the L1 ball, by face enumeration.

    minimise 0.5 (w - c)^T H (w - c)   subject to   ||w||_1 <= t

The L1 ball is a polytope. Each face that does not contain the origin is
picked by a support ``S`` and a sign vector ``s`` on it:
``{w : w_i = 0 (i not in S), sign(w_S) = s, s^T w_S = t}``. On the affine hull
of a face the problem is an equality-constrained QP with the closed form

    w_S = H_SS^{-1} ((H c)_S - lam s),   lam = (s^T H_SS^{-1} (H c)_S - t) / (s^T H_SS^{-1} s),

the stationarity condition ``(H (w - c))_S + lam s = 0`` together with
``s^T w_S = t``. The optimum lies in the relative interior of exactly one face
and is the minimiser over that face's affine hull there, so the best candidate
that lies inside its face (signs as required) is the global optimum. The
coordinates off the support are never computed: they are set to 0.0, so a
zero the geometry says is exact is exactly zero.

There are 3^n - 1 faces, which is nothing for the 2-D lesson; this exact
enumeration is used up to ``MAX_ENUMERATION_DIM``.
"""

from __future__ import annotations

import itertools
from functools import cache

import numpy as np

from geometry import QuadraticLoss
from solvers.solution import Solution, face_of_dimension

# 3^10 faces is about 60 000 small solves: still exact, still under a second.
MAX_ENUMERATION_DIM = 10


def require_enumerable(loss: QuadraticLoss) -> None:
    """Raise ValueError naming ``loss`` when its dimension is beyond exact enumeration."""
    if loss.dim > MAX_ENUMERATION_DIM:
        raise ValueError(
            f"loss has dim={loss.dim}; exact enumeration of faces and supports is limited "
            f"to dim <= {MAX_ENUMERATION_DIM}"
        )


@cache
def sign_patterns(k: int) -> np.ndarray:
    """All 2^k sign vectors of length k, as a (2^k, k) float array."""
    return np.array(list(itertools.product((1.0, -1.0), repeat=k)))


@cache
def supports(n: int) -> tuple[tuple[int, ...], ...]:
    """All supports of size >= 2 (singletons are the vertices, handled in closed form)."""
    return tuple(
        support for k in range(2, n + 1) for support in itertools.combinations(range(n), k)
    )


def best_axis_corner(
    loss: QuadraticLoss, corner: float, penalty_slope: float
) -> tuple[float, np.ndarray, float]:
    """The best of the 2n axis points ``±corner e_i``: (2 loss, point, KKT multiplier).

    ``penalty_slope`` is the penalty's derivative along the axis at the corner
    (1 for ||w||_1, ``a + 2 (1 - a) corner`` for the elastic net); KKT there
    reads ``grad_i + lam * sign * penalty_slope = 0``. Losses are evaluated as
    (w - c)^T H (w - c), never through the expanded form 0.5 w^T H w - (Hc)^T w:
    near a corner the expanded form loses the digits that tell the vertex from
    the edge beside it.
    """
    center, hessian = loss.center, loss.hessian
    best: tuple[float, np.ndarray, float] = (np.inf, center, 0.0)
    for index in range(loss.dim):
        for sign in (1.0, -1.0):
            w = np.zeros(loss.dim)
            w[index] = sign * corner
            gradient = hessian @ (w - center)
            value = float((w - center) @ gradient)
            if value < best[0]:
                best = (value, w, -sign * gradient[index] / penalty_slope)
    return best


def solve_l1_ball(loss: QuadraticLoss, radius: float) -> Solution:
    """Minimise ``loss`` over ``{||w||_1 <= radius}`` exactly by enumerating the ball's faces.

    Parameters
    ----------
    loss : QuadraticLoss
        The loss, in any dimension up to ``MAX_ENUMERATION_DIM``.
    radius : float
        The budget ``t`` > 0 (validated by the caller).

    Returns
    -------
    Solution
        With ``multiplier`` the KKT multiplier of ``||w||_1 <= t``.
    """
    n = loss.dim
    require_enumerable(loss)
    center, hessian, linear = loss.center, loss.hessian, loss.linear_term
    if np.sum(np.abs(center)) <= radius:
        return Solution(center.copy(), 0.0, 0.0, radius, active=False, face="interior")

    # Candidates are compared by (w - c)^T H (w - c) (see best_axis_corner).
    best_value, vertex, multiplier = best_axis_corner(loss, radius, 1.0)
    best: tuple[np.ndarray, float, int] = (vertex, multiplier, 1)

    for support in supports(n):
        indices = list(support)
        sub_hessian = hessian[np.ix_(indices, indices)]
        inverse = np.linalg.inv(sub_hessian)
        signs = sign_patterns(len(indices))
        unconstrained = inverse @ linear[indices]
        directions = signs @ inverse  # row j: H_SS^{-1} s_j (the inverse is symmetric)
        multipliers = (signs @ unconstrained - radius) / np.einsum("ij,ij->i", signs, directions)
        candidates = unconstrained - multipliers[:, None] * directions
        # Only a candidate strictly inside its face counts; one with a zero
        # coordinate belongs to a smaller face, which is enumerated separately.
        inside = np.all(signs * candidates > 0.0, axis=1)
        if not np.any(inside):
            continue
        points = np.zeros((len(signs), n))
        points[:, indices] = candidates
        diffs = points - center
        values = np.einsum("ij,jk,ik->i", diffs, hessian, diffs)
        values[~inside] = np.inf
        j = int(np.argmin(values))
        if values[j] < best_value:
            best_value, best = values[j], (points[j], float(multipliers[j]), len(indices))

    w, multiplier, support_size = best
    return Solution(
        w,
        float(loss.value(w)),
        float(multiplier),
        radius,
        active=True,
        face=face_of_dimension(support_size - 1),
    )
