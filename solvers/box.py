"""Exact minimisation of a quadratic over the L-infinity ball (a box), by enumerating active bounds.

    minimise 0.5 (w - c)^T H (w - c)   subject to   |w_i| <= t for every i

Each coordinate is either free or held at one of its bounds ``±t``. For a
free set ``F`` and bound values ``w_B`` the minimiser on that face's affine
hull is ``w_F = H_FF^{-1} ((H c)_F - H_FB w_B)``; it counts when every free
coordinate lies strictly inside ``(-t, t)``. The optimum lies in the relative
interior of exactly one face: the one whose KKT certificate holds, the pull
``-g = -H (w - c)`` pointing out of the box on every bound coordinate
(``-s_i g_i >= 0``, up to the rounding of its own terms; ``solvers.certificate``).
Faces are not compared by their loss, which rounding cannot resolve when
``||c|| / t`` is large. The free coordinates are computed as
``w_F = c_F + H_FF^{-1} H_FB (c_B - w_B)``, which keeps ``c_F`` out of a round
trip through ``H_FF^{-1}``. If rounding certifies none or several faces, they
are decided in exact rational arithmetic (``solvers.exact_faces``), and
``UncertifiedError`` (a ValueError) is raised if none holds within ``EXACT_LIMIT``
tries: a box-constrained QP solved exactly, 3^n faces.
"""

from __future__ import annotations

import itertools
from functools import cache

import numpy as np

from geometry import QuadraticLoss
from solvers.certificate import UncertifiedError, block_condition, tolerance
from solvers.exact_faces import ExactProblem, box_face
from solvers.l1_ball import EXACT_LIMIT, require_enumerable
from solvers.solution import Solution, face_of_dimension

__all__ = ["solve_linf_ball"]


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
    center, hessian = loss.center, loss.hessian
    if np.max(np.abs(center)) <= radius:
        return Solution(center.copy(), 0.0, 0.0, radius, active=False, face="interior")

    faces = []  # (bound, signs, points, certified, violation) per bound set
    for bound, signs in _bound_patterns(n):
        bound_list = list(bound)
        free = [i for i in range(n) if i not in bound]
        points = np.zeros((len(signs), n))
        points[:, bound_list] = signs * radius
        tol, inside = tolerance(), np.ones(len(signs), dtype=bool)
        if free:
            block = hessian[np.ix_(free, free)]
            inverse = np.linalg.inv(block)
            tol = tolerance(block_condition(block, inverse))
            coupling = inverse @ hessian[np.ix_(free, bound_list)]
            shift = center[bound_list] - points[:, bound_list]
            points[:, free] = center[free] + shift @ coupling.T
            inside = np.all(np.abs(points[:, free]) < radius, axis=1)
        columns = hessian[:, bound_list]
        outward = -signs * ((points - center) @ columns)  # -s_i g_i, >= 0 at the optimum
        terms = (np.abs(points) + np.abs(center)) @ np.abs(columns)
        certified = inside & np.all(outward >= -tol * terms, axis=1)
        worst = np.max(-outward / (terms + 1e-300), axis=1)
        if free:
            margin = (np.abs(points[:, free]) - radius) / radius
            worst = np.maximum(worst, np.max(margin, axis=1))
        faces.append((bound, signs, points, certified, worst))

    hits = [(f, int(r)) for f in faces for r in np.flatnonzero(f[3])]
    if len(hits) == 1:
        (bound, _, points, _, _), r = hits[0]
        w, free_count = points[r], n - len(bound)
    else:
        w, free_count = _exact_fallback(loss, radius, faces)
    multiplier = float(np.sum(np.abs(hessian @ (w - center))))
    return Solution(
        w, float(loss.value(w)), multiplier, radius, active=True, face=face_of_dimension(free_count)
    )


def _exact_fallback(loss: QuadraticLoss, radius: float, faces: list) -> tuple[np.ndarray, int]:
    """Decide the face in exact rational arithmetic, the closest to certified first."""
    rows = [(bound, signs[r]) for bound, signs, _, _, _ in faces for r in range(len(signs))]
    keys = np.concatenate([np.where(f[3], -np.inf, f[4]) for f in faces])
    problem = ExactProblem(loss.hessian, loss.center)
    for index in np.argsort(keys, kind="stable")[:EXACT_LIMIT].tolist():
        bound, signs = rows[index]
        w = box_face(problem, radius, bound, signs)
        if w is not None:
            return w, loss.dim - len(bound)
    raise UncertifiedError(
        f"no face of the box of half-width {radius} could be certified optimal for this loss "
        f"(tried {min(len(rows), EXACT_LIMIT)} faces in exact arithmetic)"
    )
