"""Closed forms for the 2-D lesson, written once for plain floats and numpy arrays alike.

The lesson lives in the plane, where the exact solutions are short formulas.
Each kernel below uses only arithmetic, so it runs on Python floats (the
scalar solve behind every page rerun, where numpy's per-call overhead would
dominate) and on arrays of N problems (``solvers.batch``) unchanged. The
n-dimensional solvers in ``l1_ball`` and ``l2_ball`` are an independent
derivation of the same optima; the tests hold all of them to one answer.

A Hessian is passed as its three distinct entries ``h11, h12, h22``.

L1 ball ``|w1| + |w2| <= t``: its boundary is four vertices ``±t e_i`` and
four open edges ``s1 w1 + s2 w2 = t`` (``s`` in {±1}^2, ``sign(w) = s``). On
the line through an edge the minimiser is ``w = c - lam H^{-1} s`` with
``lam = (s^T c - t) / (s^T H^{-1} s)``; it counts only if it lies strictly
inside the edge. The optimum is the feasible candidate with least loss.

L2 ball ``||w||_2 <= t``: ``w(nu) = (H + nu I)^{-1} H c`` at the root of the
secular equation ``1/||w(nu)|| = 1/t`` (see ``l2_ball``).
"""

from __future__ import annotations

import math

from scipy.optimize import brentq

from solvers.solution import Solution

# Vertices as (axis, sign) and edges as sign pairs, in the order both
# solvers enumerate them.
VERTICES = ((0, 1.0), (0, -1.0), (1, 1.0), (1, -1.0))
EDGES = ((1.0, 1.0), (1.0, -1.0), (-1.0, 1.0), (-1.0, -1.0))

_RTOL = 4.0 * 2.220446049250313e-16  # Brent's finest relative tolerance: 4 eps


def quadratic_form(d1, d2, h11, h12, h22):
    """``d^T H d`` for the symmetric 2x2 ``H``."""
    return h11 * d1 * d1 + 2.0 * h12 * d1 * d2 + h22 * d2 * d2


def shifted_solve(nu, r1, r2, h11, h12, h22):
    """``(H + nu I)^{-1} r`` by the adjugate.

    With ``h12 == 0`` and ``r1 == 0`` the first coordinate is an exact 0.0:
    an axis-aligned loss centred on an axis keeps its L2 solution on that axis.
    """
    a11, a22 = h11 + nu, h22 + nu
    det = a11 * a22 - h12 * h12
    return (a22 * r1 - h12 * r2) / det, (a11 * r2 - h12 * r1) / det


def edge_candidate(c1, c2, h11, h12, h22, radius, s1, s2):
    """Minimiser on the line ``s1 w1 + s2 w2 = radius``: returns ``(w1, w2, lam, inside)``.

    ``inside`` is True when the point lies strictly inside the edge (signs ``s``).
    """
    direction1, direction2 = shifted_solve(0.0, s1, s2, h11, h12, h22)
    multiplier = (s1 * c1 + s2 * c2 - radius) / (s1 * direction1 + s2 * direction2)
    w1 = c1 - multiplier * direction1
    w2 = c2 - multiplier * direction2
    return w1, w2, multiplier, (s1 * w1 > 0.0) & (s2 * w2 > 0.0)


def solve_l1_planar(
    c1: float, c2: float, h11: float, h12: float, h22: float, radius: float
) -> Solution:
    """Exact minimiser of the 2-D quadratic over the L1 ball ``|w1| + |w2| <= radius``."""
    if abs(c1) + abs(c2) <= radius:
        return Solution((c1, c2), 0.0, 0.0, radius, active=False, face="interior")
    best = None
    for axis, sign in VERTICES:
        w = [0.0, 0.0]
        w[axis] = sign * radius
        value = quadratic_form(w[0] - c1, w[1] - c2, h11, h12, h22)
        if best is None or value < best[0]:
            # KKT at a vertex: -grad_axis = lam * sign, so lam = -sign * grad_axis.
            gradient = (h11, h12)[axis] * (w[0] - c1) + (h12, h22)[axis] * (w[1] - c2)
            best = (value, w, -sign * gradient, "vertex")
    for s1, s2 in EDGES:
        w1, w2, multiplier, inside = edge_candidate(c1, c2, h11, h12, h22, radius, s1, s2)
        if inside:
            value = quadratic_form(w1 - c1, w2 - c2, h11, h12, h22)
            if value < best[0]:
                best = (value, [w1, w2], multiplier, "edge")
    value, w, multiplier, face = best
    return Solution(w, 0.5 * value, multiplier, radius, active=True, face=face)


def solve_l2_planar(
    c1: float, c2: float, h11: float, h12: float, h22: float, radius: float
) -> Solution:
    """Exact minimiser of the 2-D quadratic over the disc ``||w||_2 <= radius``.

    The secular equation is solved in the original basis with Brent's method
    on the bracket ``[0, ||H c|| / radius]``; ``multiplier`` is ``nu / 2``.
    """
    if math.hypot(c1, c2) <= radius:
        return Solution((c1, c2), 0.0, 0.0, radius, active=False, face="interior")
    b1, b2 = h11 * c1 + h12 * c2, h12 * c1 + h22 * c2
    inverse_radius = 1.0 / radius

    def secular(nu: float) -> float:
        return 1.0 / math.hypot(*shifted_solve(nu, b1, b2, h11, h12, h22)) - inverse_radius

    # c lies outside, so secular(0) < 0 in exact arithmetic; when c is outside by
    # a rounding error the computed value can say otherwise, and nu = 0 is the root.
    nu = 0.0
    if secular(0.0) < 0.0:
        upper = math.hypot(b1, b2) / radius
        nu = brentq(secular, 0.0, upper, xtol=1e-300, rtol=_RTOL, maxiter=500)
    w1, w2 = shifted_solve(nu, b1, b2, h11, h12, h22)
    value = 0.5 * quadratic_form(w1 - c1, w2 - c2, h11, h12, h22)
    return Solution((w1, w2), value, 0.5 * nu, radius, active=True, face="smooth")
