"""Exact minimisation of a quadratic over the L1 ball, by face enumeration.

    minimise 0.5 (w - c)^T H (w - c)   subject to   ||w||_1 <= t

The L1 ball is a polytope. Each face that does not contain the origin is
picked by a support ``S`` and a sign vector ``s`` on it:
``{w : w_i = 0 (i not in S), sign(w_S) = s, s^T w_S = t}``. On the affine hull
of a face the problem is an equality-constrained QP with the closed form

    w_S = H_SS^{-1} ((H c)_S - lam s),   lam = (s^T H_SS^{-1} (H c)_S - t) / (s^T H_SS^{-1} s),

the stationarity condition ``(H (w - c))_S + lam s = 0`` together with
``s^T w_S = t``. The optimum lies in the relative interior of exactly one face,
the one whose KKT certificate holds: ``lam >= 0``, signs ``s`` on ``S`` and
``|(H (w - c))_j| <= lam`` off it (``solvers.certificate``, tolerances relative
to each quantity's own scale). Faces are never compared by their loss: for
large ``||c|| / t`` a vertex and the true face point have equal losses in
floating point. The coordinates off the support are never computed: they are
set to 0.0, so a zero the geometry says is exact is exactly zero.

The point is computed in a form without cancellation of large terms. With
``u = H_SS^{-1} b_S = c_S + H_SS^{-1} H_SF c_F`` (``F`` off the support; no
round trip of ``c_S`` through ``H_SS^{-1} H_SS``), ``d = H_SS^{-1} s`` and
``q = s^T d``,

    w_S = (t d + sum_j s_j (u d_j - d u_j)) / q,

``t d / q`` plus the part of ``u`` along the face, whose 2x2 minors vanish
exactly when ``u`` is parallel to ``d`` (``H = I``, ``c = (1e4, 1e4, 1e4)``
gives ``w = t / 3`` to the last bit), instead of ``u - lam d`` with ``u`` and
``lam d`` both of size ``||c||``.

If rounding certifies no face or several (degenerate data, or ``||c|| / t``
beyond ~1e13), the faces are decided in exact rational arithmetic
(``solvers.exact_faces``), closest to certified first; ``UncertifiedError`` (a
ValueError) is raised if none of the first ``EXACT_LIMIT`` holds exactly.

There are 3^n - 1 faces, which is nothing for the 2-D lesson; this exact
enumeration is used up to ``MAX_ENUMERATION_DIM``.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import cache

import numpy as np

from geometry import QuadraticLoss
from solvers.certificate import (
    ROUNDING,
    UncertifiedError,
    at_most,
    block_condition,
    off_support_fits,
    tolerance,
    violation,
)
from solvers.exact_faces import ExactProblem, l1_face
from solvers.solution import Solution, face_of_dimension

__all__ = [
    "EXACT_LIMIT",
    "MAX_ENUMERATION_DIM",
    "Faces",
    "corner_faces",
    "require_enumerable",
    "sign_patterns",
    "solve_l1_ball",
    "supports",
]

# 3^10 faces is about 60 000 small solves: still exact, still under a second.
MAX_ENUMERATION_DIM = 10
# Faces tried in exact arithmetic before giving up (each costs milliseconds).
EXACT_LIMIT = 128


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


@dataclass
class Faces:
    """Candidates of one kind, one row each: the point, its multiplier and its certificate."""

    supports: list[tuple[int, ...]]
    signs: np.ndarray  # (m, k) for one support, or (m, 1) for the corners
    points: np.ndarray  # (m, n), exactly 0.0 off the support
    multipliers: np.ndarray  # (m,)
    certified: np.ndarray  # (m,) bool
    violation: np.ndarray  # (m,) how far from certified, for the fallback's order


def corner_faces(loss: QuadraticLoss, corner: float, slope: float, l1_ratio: float) -> Faces:
    """The 2n axis points ``±corner e_i`` with their KKT multipliers and certificates.

    ``slope`` is the penalty's derivative along the axis at the corner (1 for
    ``||w||_1``, ``a + 2 (1 - a) corner`` for the elastic net): KKT reads
    ``g_i + lam * sign * slope = 0`` and ``|g_j| <= lam * a`` for ``j != i``,
    with ``g = H (w - c)`` computed directly (no solve: condition number 1).
    """
    n, center, hessian = loss.dim, loss.center, loss.hessian
    rows = np.arange(2 * n)
    axes, signs = np.repeat(np.arange(n), 2), np.tile([1.0, -1.0], n)
    points = np.zeros((2 * n, n))
    points[rows, axes] = signs * corner
    pulls = (points - center) @ hessian
    terms = (np.abs(points) + np.abs(center)) @ np.abs(hessian)
    along, terms_along = pulls[rows, axes], terms[rows, axes]
    lam = -signs * along / slope
    thresholds = lam * l1_ratio
    # The multiplier's own rounding (from g_i) enters every off-axis test.
    off_terms = terms + (l1_ratio / slope) * terms_along[:, None]
    fits = at_most(np.abs(pulls), thresholds[:, None], off_terms, ROUNDING)
    fits[rows, axes] = True
    certified = (-signs * along >= -ROUNDING * terms_along) & np.all(fits, axis=1)
    scale = np.abs(thresholds)[:, None] + off_terms + 1e-300
    gaps = (np.abs(pulls) - thresholds[:, None]) / scale
    gaps[rows, axes] = -np.inf
    worst = np.maximum(np.max(gaps, axis=1), -signs * along / (terms_along + 1e-300))
    return Faces([(int(i),) for i in axes], signs[:, None], points, lam, certified, worst)


def _support_faces(loss: QuadraticLoss, support: tuple[int, ...], radius: float) -> Faces:
    """Every sign pattern on one support of size >= 2, in the well-scaled form above."""
    center, hessian = loss.center, loss.hessian
    indices = list(support)
    off = np.setdiff1d(np.arange(loss.dim), indices)
    block = hessian[np.ix_(indices, indices)]
    inverse = np.linalg.inv(block)
    tol = tolerance(block_condition(block, inverse))
    u = center[indices] + inverse @ (hessian[np.ix_(indices, off)] @ center[off])
    signs = sign_patterns(len(indices))
    d = signs @ inverse  # row r: H_SS^{-1} s_r (the inverse is symmetric)
    q = np.einsum("ij,ij->i", signs, d)
    minors = u[None, :, None] * d[:, None, :] - d[:, :, None] * u[None, None, :]
    along = np.einsum("rj,rij->ri", signs, minors)
    on_support = (radius * d + along) / q[:, None]
    # One refinement along d restores s^T w_S = t to rounding of t (the sums
    # of the minors can miss it by eps ||c||, which left w outside the ball).
    on_support += ((radius - np.einsum("ij,ij->i", signs, on_support)) / q)[:, None] * d
    excess = signs @ u - radius
    lam = excess / q
    points = np.zeros((len(signs), loss.dim))
    points[:, indices] = on_support
    certified = (
        (excess >= -tol * (np.sum(np.abs(u)) + radius))
        & np.all(signs * on_support > 0.0, axis=1)
        & off_support_fits(hessian, center, points, indices, lam, tol)
    )
    worst = violation(hessian, center, points, indices, signs, lam)
    return Faces([support] * len(signs), signs, points, lam, certified, worst)


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

    Raises
    ------
    UncertifiedError
        (a ValueError) if no face can be certified even in exact arithmetic
        within ``EXACT_LIMIT`` tries (not seen on valid input).
    """
    require_enumerable(loss)
    if np.sum(np.abs(loss.center)) <= radius:
        return Solution(loss.center.copy(), 0.0, 0.0, radius, active=False, face="interior")
    groups = [corner_faces(loss, radius, 1.0, 1.0)]
    groups += [_support_faces(loss, support, radius) for support in supports(loss.dim)]
    certified = np.concatenate([group.certified for group in groups])
    if np.count_nonzero(certified) == 1:
        g, r = next((g, int(np.flatnonzero(g.certified)[0])) for g in groups if g.certified.any())
        w, lam, size = g.points[r], float(g.multipliers[r]), len(g.supports[r])
    else:
        w, lam, size = _exact_fallback(loss, radius, groups)
    return Solution(
        w,
        float(loss.value(w)),
        max(lam, 0.0),
        radius,
        active=True,
        face=face_of_dimension(size - 1),
    )


def _exact_fallback(
    loss: QuadraticLoss, radius: float, groups: list[Faces]
) -> tuple[np.ndarray, float, int]:
    """Decide the face in exact rational arithmetic, the closest to certified first."""
    rows = [(g, r) for g in groups for r in range(len(g.supports))]
    keys = np.concatenate([np.where(g.certified, -np.inf, g.violation) for g in groups])
    problem = ExactProblem(loss.hessian, loss.center)
    for index in np.argsort(keys, kind="stable")[:EXACT_LIMIT].tolist():
        g, r = rows[index]
        found = l1_face(problem, radius, g.supports[r], g.signs[r])
        if found is not None:
            return found[0], found[1], len(g.supports[r])
    raise UncertifiedError(
        f"no face of the L1 ball of radius {radius} could be certified optimal for this loss "
        f"(tried {min(len(rows), EXACT_LIMIT)} faces in exact arithmetic)"
    )
