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
``lam = (s^T c - t) / (s^T H^{-1} s)``. That form cancels when ``||c|| / t`` is
large (``c`` and ``lam H^{-1} s`` are both of size ``||c||``, ``w`` of size
``t``), so the point is computed from the edge's own equations instead, with
``d = adj(H) s`` and ``q = s^T d``:

    w = (t d + (s2, -s1) (c1 d2 - c2 d1)) / q,   then one refinement along d,

the point ``t d / q`` where the edge meets ``span(d)`` plus the part of ``c``
along the edge (exactly 0 when ``c`` lies on that span, as for ``H = I``,
``c = (1e4, 1e4)``). The optimum is the one candidate whose KKT certificate
holds (``solvers.certificate``); should none or several hold, the faces are
decided in exact rational arithmetic (``solvers.exact_faces``).

L2 ball ``||w||_2 <= t``: ``w(nu) = (H + nu I)^{-1} H c`` at the root of the
secular equation ``1/||w(nu)|| = 1/t`` (see ``l2_ball``).
"""

from __future__ import annotations

import math

from scipy.optimize import brentq

from solvers.certificate import ROUNDING, UncertifiedError, at_most
from solvers.exact_faces import ExactProblem, l1_face
from solvers.solution import Solution

__all__ = [
    "EDGES",
    "FACES",
    "VERTICES",
    "edge_candidate",
    "exact_l1_planar",
    "l1_candidates",
    "quadratic_form",
    "shifted_solve",
    "solve_l1_planar",
    "solve_l2_planar",
    "vertex_candidate",
]

# Vertices as (axis, sign) and edges as sign pairs, in the order both
# solvers enumerate them; FACES names each candidate by (support, signs).
VERTICES = ((0, 1.0), (0, -1.0), (1, 1.0), (1, -1.0))
EDGES = ((1.0, 1.0), (1.0, -1.0), (-1.0, 1.0), (-1.0, -1.0))
FACES = tuple(((axis,), (sign,)) for axis, sign in VERTICES) + tuple(
    ((0, 1), signs) for signs in EDGES
)

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


def vertex_candidate(c1, c2, h11, h12, h22, radius, axis, sign):
    """The vertex ``sign * radius * e_axis``: returns ``(w1, w2, lam, certified)``.

    KKT there: ``lam = -sign * g_axis >= 0`` and ``|g_other| <= lam``, with
    ``g = H (w - c)`` computed directly (no solve, so no condition number in
    the tolerance; see ``solvers.certificate``).
    """
    if axis == 0:
        ca, cb, haa, hbb = c1, c2, h11, h22
    else:
        ca, cb, haa, hbb = c2, c1, h22, h11
    wa = sign * radius
    ea = wa - ca
    along, across = haa * ea - h12 * cb, h12 * ea - hbb * cb
    size_a = abs(wa) + abs(ca)
    terms_along = abs(haa) * size_a + abs(h12) * abs(cb)
    terms_across = abs(h12) * size_a + abs(hbb) * abs(cb)
    lam = -sign * along
    certified = (lam >= -ROUNDING * terms_along) & at_most(
        abs(across), lam, terms_across + terms_along, ROUNDING
    )
    zero = abs(ca) * 0.0  # +0.0, or an array of them in the batch
    w1, w2 = (wa, zero) if axis == 0 else (zero, wa)
    return w1, w2, lam, certified


def edge_candidate(c1, c2, h11, h12, h22, radius, s1, s2):
    """Minimiser on the line ``s1 w1 + s2 w2 = radius``: returns ``(w1, w2, lam, certified)``.

    ``certified`` is True when the point lies strictly inside the edge (signs
    ``s``) and ``lam >= 0`` up to rounding; an edge has no off-support pull.
    """
    d1, d2 = h22 * s1 - h12 * s2, h11 * s2 - h12 * s1  # adj(H) s
    q = s1 * d1 + s2 * d2  # s^T adj(H) s = det(H) s^T H^-1 s > 0
    cross = c1 * d2 - c2 * d1  # c's part along the edge, the only cancellation left
    w1 = (radius * d1 + s2 * cross) / q
    w2 = (radius * d2 - s1 * cross) / q
    # One refinement along d puts w back on the line s^T w = t to rounding of
    # t (for ill-conditioned H, t d / q and the cross part can cancel).
    step = (radius - (s1 * w1 + s2 * w2)) / q
    w1, w2 = w1 + step * d1, w2 + step * d2
    excess = s1 * c1 + s2 * c2 - radius
    lam = (h11 * h22 - h12 * h12) * excess / q
    inside = (s1 * w1 > 0.0) & (s2 * w2 > 0.0)
    return w1, w2, lam, inside & (excess >= -ROUNDING * (abs(c1) + abs(c2) + radius))


def l1_candidates(c1, c2, h11, h12, h22, radius):
    """The eight candidates in the order of ``FACES``: each ``(w1, w2, lam, certified)``."""
    return [vertex_candidate(c1, c2, h11, h12, h22, radius, *v) for v in VERTICES] + [
        edge_candidate(c1, c2, h11, h12, h22, radius, *e) for e in EDGES
    ]


def exact_l1_planar(c1, c2, h11, h12, h22, radius, first=()) -> tuple[tuple, float, int]:
    """Decide the face in exact rational arithmetic: ``((w1, w2), lam, face index)``.

    ``first`` lists the candidates to try before the others. Raises
    ``UncertifiedError`` if none holds exactly (impossible for valid input).
    """
    problem = ExactProblem([[h11, h12], [h12, h22]], [c1, c2])
    order = list(first) + [k for k in range(len(FACES)) if k not in first]
    for k in order:
        found = l1_face(problem, radius, *FACES[k])
        if found is not None:
            w, lam = found
            return (float(w[0]), float(w[1])), lam, k
    raise UncertifiedError(f"no face of the L1 ball certified for center=({c1}, {c2}), t={radius}")


def solve_l1_planar(
    c1: float, c2: float, h11: float, h12: float, h22: float, radius: float
) -> Solution:
    """Exact minimiser of the 2-D quadratic over the L1 ball ``|w1| + |w2| <= radius``.

    The face is the one whose KKT certificate holds; if rounding leaves none or
    several, it is decided in exact rational arithmetic.
    """
    if abs(c1) + abs(c2) <= radius:
        return Solution((c1, c2), 0.0, 0.0, radius, active=False, face="interior")
    # The same kernels as the batch (so the answers agree to the bit); a
    # candidate whose multiplier is negative cannot be certified, so the
    # scalar path, where each kernel call costs a microsecond, skips it.
    certified, found = [], None
    for axis, sign in VERTICES:
        # The kernel's first test (lam >= 0 up to rounding), in its very operations.
        ca, cb, haa = (c1, c2, h11) if axis == 0 else (c2, c1, h22)
        lam = -sign * (haa * (sign * radius - ca) - h12 * cb)
        ok = False
        if lam >= -ROUNDING * (abs(haa) * (radius + abs(ca)) + abs(h12) * abs(cb)):
            candidate = vertex_candidate(c1, c2, h11, h12, h22, radius, axis, sign)
            ok = bool(candidate[3])
        certified.append(ok)
        found = candidate if ok else found
    for s1, s2 in EDGES:
        ok = False
        # Likewise the edge kernel's lam >= 0 test, operation for operation.
        if s1 * c1 + s2 * c2 - radius >= -ROUNDING * (abs(c1) + abs(c2) + radius):
            candidate = edge_candidate(c1, c2, h11, h12, h22, radius, s1, s2)
            ok = bool(candidate[3])
        certified.append(ok)
        found = candidate if ok else found
    hits = [k for k, ok in enumerate(certified) if ok]
    if len(hits) == 1:
        k = hits[0]
        w1, w2, lam, _ = found
        w = (w1, w2)
    else:
        w, lam, k = exact_l1_planar(c1, c2, h11, h12, h22, radius, hits)
    value = 0.5 * quadratic_form(w[0] - c1, w[1] - c2, h11, h12, h22)
    face = "vertex" if k < len(VERTICES) else "edge"
    # lam >= 0 was checked up to rounding; a rounding-sized negative is 0.
    return Solution(w, value, max(lam, 0.0), radius, active=True, face=face)


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
