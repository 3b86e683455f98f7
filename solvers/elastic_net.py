"""Exact minimisation of a quadratic over the elastic-net region, by face enumeration.

    minimise 0.5 (w - c)^T H (w - c)   subject to   a ||w||_1 + (1 - a) ||w||_2^2 <= r

The region's boundary splits, like the diamond's, into pieces chosen by a
support ``S`` and signs ``s``: the corners ``±v e_i`` on the axes (support of
one), and curved pieces ``a s^T w_S + (1 - a) ||w_S||^2 = r`` with
``sign(w_S) = s``. On a curved piece the stationary points satisfy

    (H_SS + 2 (1 - a) lam I) w_S = (H c)_S - lam a s,

and the penalty ``P(lam) = a s^T w_S + (1 - a) ||w_S||^2`` along this curve
decreases strictly in ``lam`` (its derivative is ``-v^T M^{-1} v`` with
``v = a s + 2 (1 - a) w_S``), so ``P(lam) = r`` has one root, found with a
bracketed Brent search on ``[0, upper]``. Only ``lam >= 0`` can be the
optimum (KKT), so a piece with ``P(0) <= r`` offers no candidate.

The optimum is the candidate whose KKT certificate holds (signs ``s`` on the
support, ``|(H (w - c))_j| <= lam a`` off it; ``solvers.certificate``), never
the one with the least loss, which for large ``||c|| / r`` cannot tell a
corner from the curved piece beside it. When rounding certifies none or
several, the corners are decided exactly (``exact_faces.elastic_corner``: the
corner ``v`` is a quadratic surd, so its KKT signs are exact); if no corner
holds and still not exactly one curved piece is certified, ``UncertifiedError`` (a
ValueError) is raised rather than a guess returned.
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
from scipy.optimize import brentq

from geometry import ElasticNetBall, QuadraticLoss
from solvers.certificate import UncertifiedError, off_support_fits, tolerance
from solvers.exact_faces import ExactProblem, elastic_corner
from solvers.l1_ball import (
    corner_faces,
    require_enumerable,
    sign_patterns,
    solve_l1_ball,
    supports,
)
from solvers.l2_ball import solve_l2_ball
from solvers.solution import Solution, face_of_dimension

__all__ = ["solve_elastic_net_ball"]

_RTOL = 4.0 * np.finfo(np.float64).eps
# How far outside (relative) a centre may compute and still lie on the boundary:
# a few roundings of a ||c||_1 + (1 - a) ||c||^2.
_ON_BOUNDARY = 8.0 * np.finfo(np.float64).eps


def _curved_piece(
    hessian_ss: np.ndarray, linear_s: np.ndarray, signs: np.ndarray, l1_ratio: float, radius: float
) -> tuple[np.ndarray, float, float] | None:
    """The stationary point on one curved piece with ``lam >= 0``: (point, lam, condition), or None.

    ``condition`` is that of the system ``H_SS + 2 (1 - a) lam I`` that made the point.
    """
    curvature = 2.0 * (1.0 - l1_ratio)
    eigenvalues, basis = np.linalg.eigh(hessian_ss)
    rotated_linear, rotated_signs = basis.T @ linear_s, basis.T @ signs

    def point(lam: float) -> np.ndarray:
        return basis @ (
            (rotated_linear - lam * l1_ratio * rotated_signs) / (eigenvalues + curvature * lam)
        )

    def excess(lam: float) -> float:
        w = point(lam)
        return l1_ratio * float(signs @ w) + (1.0 - l1_ratio) * float(w @ w) - radius

    if excess(0.0) <= 0.0:
        return None
    upper = 1.0
    while excess(upper) > 0.0:  # P(lam) -> -a^2 k / (4 (1 - a)) < 0, so this ends
        upper *= 2.0
    lam = brentq(excess, 0.0, upper, xtol=1e-300, rtol=_RTOL, maxiter=500)
    shifted = eigenvalues + curvature * lam
    return point(lam), lam, float(shifted[-1] / shifted[0])


def solve_elastic_net_ball(loss: QuadraticLoss, ball: ElasticNetBall) -> Solution:
    """Minimise ``loss`` over the elastic-net region ``ball`` exactly.

    Parameters
    ----------
    loss : QuadraticLoss
        The loss, in any dimension up to ``MAX_ENUMERATION_DIM``.
    ball : ElasticNetBall
        The region; ``l1_ratio = 1`` is handed to the L1 solver.

    Returns
    -------
    Solution
        With ``multiplier`` the weight ``lambda`` for which ``w`` also minimises
        ``loss + lambda (a ||w||_1 + (1 - a) ||w||_2^2)``.
    """
    a, radius = ball.l1_ratio, ball.radius
    if a == 1.0:
        return solve_l1_ball(loss, radius)
    if a == 0.0:
        # The disc ||w||_2^2 <= r: the L2 solver's multiplier is already the ridge weight.
        return replace(solve_l2_ball(loss, math.sqrt(radius)), radius=radius)
    n = loss.dim
    require_enumerable(loss)
    center, hessian, linear = loss.center, loss.hessian, loss.linear_term
    penalty = ball.penalty(center)
    if penalty <= radius:
        return Solution(center.copy(), 0.0, 0.0, radius, active=False, face="interior")
    if penalty <= radius * (1.0 + _ON_BOUNDARY):
        # The centre lies on the boundary up to the rounding of its penalty: it is
        # the optimum (loss 0, lam = 0). Its pieces' stationary points would be
        # recomputed through an eigenbasis and could fall inside, or leave 1e-16
        # where the centre has an exact zero; the centre itself has neither fault.
        support = int(np.count_nonzero(center))
        return Solution(
            center.copy(), 0.0, 0.0, radius, active=True, face=face_of_dimension(support - 1)
        )

    corner = ball.axis_intercept
    corners = corner_faces(loss, corner, a + 2 * (1 - a) * corner, a)
    candidates = [  # (w, lam, face, certified)
        (corners.points[r], float(corners.multipliers[r]), "vertex", bool(corners.certified[r]))
        for r in range(2 * n)
    ]
    for support in supports(n):
        indices = list(support)
        for signs in sign_patterns(len(indices)):
            found = _curved_piece(
                hessian[np.ix_(indices, indices)], linear[indices], signs, a, radius
            )
            if found is None:
                continue
            piece_point, lam, condition = found
            if not np.all(signs * piece_point > 0.0):
                continue
            w = np.zeros(n)
            w[indices] = piece_point
            fits = off_support_fits(
                hessian, center, w[None, :], indices, np.array([lam * a]), tolerance(condition)
            )
            candidates.append((w, lam, face_of_dimension(len(indices) - 1), bool(fits[0])))

    chosen = [c for c in candidates if c[3]]
    if len(chosen) != 1:
        chosen = _decide_exactly(loss, ball, candidates, corners.violation)
    w, lam, face, _ = chosen[0]
    return Solution(w, float(loss.value(w)), max(lam, 0.0), radius, active=True, face=face)


def _decide_exactly(loss: QuadraticLoss, ball: ElasticNetBall, candidates: list, order) -> list:
    """Rounding certified no piece or several: decide the corners exactly, then the pieces."""
    problem = ExactProblem(loss.hessian, loss.center)
    for r in np.argsort(order, kind="stable").tolist():
        axis, sign = divmod(r, 2)
        if elastic_corner(problem, ball.radius, ball.l1_ratio, axis, 1.0 - 2.0 * sign):
            return [candidates[r]]
    pieces = [c for c in candidates[2 * loss.dim :] if c[3]]
    if len(pieces) == 1:
        return pieces
    raise UncertifiedError(
        f"no piece of the elastic-net region {ball} could be certified optimal for this loss "
        f"({len(pieces)} curved pieces pass the float certificate, no corner holds exactly)"
    )
