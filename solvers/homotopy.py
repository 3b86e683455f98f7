"""The L1 ball in many dimensions: the lasso homotopy (LARS-lasso), stopped at the budget.

Face enumeration visits 3^n faces; this follows the one path that matters.
In penalised form ``min 0.5 w^T H w - b^T w + lam ||w||_1`` (``b = H c``) the
solution ``w(lam)`` is piecewise linear in ``lam`` (Osborne, Presnell & Turlach,
"A new approach to variable selection in least squares problems", IMA J. Numer.
Anal. 20, 2000; Efron, Hastie, Johnstone & Tibshirani, "Least angle regression",
Ann. Statist. 32, 2004). With active set ``A`` and signs ``s``,

    w_A(lam) = H_AA^{-1} b_A - lam H_AA^{-1} s_A,     w_j = 0 off A,

valid until an inactive coordinate's correlation ``|b_j - H_jA w_A|`` reaches
``lam`` (it joins) or an active coordinate reaches 0 (it leaves). Starting
from ``w = 0`` at ``lam = ||b||_inf`` and moving down, ``||w(lam)||_1`` grows
linearly on each piece, so the budget ``||w||_1 = t`` is met inside one piece
and solved there in closed form; that ``lam`` is the KKT multiplier. Every
step is a linear solve: exact up to floating point, and inactive coordinates
are exactly 0.0.
"""

from __future__ import annotations

import numpy as np

from geometry import QuadraticLoss
from solvers.solution import Solution, face_of_dimension

__all__ = ["solve_l1_homotopy"]

_MAX_STEPS_PER_DIM = 50


def solve_l1_homotopy(loss: QuadraticLoss, radius: float) -> Solution:
    """Minimise ``loss`` over ``{||w||_1 <= radius}`` by the lasso homotopy, for any dimension.

    Parameters
    ----------
    loss : QuadraticLoss
        The loss, in any dimension.
    radius : float
        The budget ``t`` > 0 (validated by the caller).

    Returns
    -------
    Solution
        With ``multiplier`` the KKT multiplier (the lasso's ``lam`` at this budget).
    """
    center, hessian = loss.center, loss.hessian
    n = loss.dim
    if np.sum(np.abs(center)) <= radius:
        return Solution(center.copy(), 0.0, 0.0, radius, active=False, face="interior")
    b = loss.linear_term
    first = int(np.argmax(np.abs(b)))
    active, signs = [first], [float(np.sign(b[first]))]
    lam = float(abs(b[first]))
    # The coordinate that just changed status sits exactly at its own event; it
    # may trigger the opposite event only clearly below, not again by rounding.
    just_joined, just_left = first, -1
    echo = 1.0 - 1e-9
    for _ in range(_MAX_STEPS_PER_DIM * n):
        index = np.array(active)
        s = np.array(signs)
        block = hessian[np.ix_(index, index)]
        base = np.linalg.solve(block, b[index])  # w_A at lam = 0 on this piece
        slope = np.linalg.solve(block, s)  # w_A(lam) = base - lam * slope

        # Events below the current lam: joins and leaves.
        inactive = np.setdiff1d(np.arange(n), index)
        events: list[tuple[float, str, int, float]] = []
        if inactive.size:
            coupling = hessian[np.ix_(inactive, index)]
            u = b[inactive] - coupling @ base
            v = coupling @ slope
            for sign in (1.0, -1.0):
                with np.errstate(divide="ignore", invalid="ignore"):
                    hits = u / (sign - v)  # g_j(x) = u + x v = sign * x
                for j, x in zip(inactive, hits, strict=True):
                    # Joins at the current lam itself are ties (several
                    # coordinates reaching the bound together): all must join.
                    ok = 0.0 <= x < lam * echo if j == just_left else 0.0 <= x <= lam
                    if ok and np.isfinite(x):
                        events.append((float(x), "join", int(j), sign))
        with np.errstate(divide="ignore", invalid="ignore"):
            zeros_at = base / slope
        for position, x in enumerate(zeros_at):
            limit = lam * echo if active[position] == just_joined else lam
            if 0.0 <= x < limit and np.isfinite(x):
                events.append((float(x), "leave", position, 0.0))
        next_lam, kind, which, sign = max(events, default=(0.0, "end", -1, 0.0))

        if float(s @ (base - next_lam * slope)) >= radius:  # ||w||_1 at the piece's end
            # The budget is met inside this piece: ||w(x)||_1 = s.base - x s.slope = t.
            multiplier = (float(s @ base) - radius) / float(s @ slope)
            w = np.zeros(n)
            w[index] = base - multiplier * slope
            return Solution(
                w,
                float(loss.value(w)),
                multiplier,
                radius,
                active=True,
                face=face_of_dimension(len(active) - 1),
            )
        lam = next_lam
        if kind == "join":
            active.append(which)
            signs.append(sign)
            just_joined, just_left = which, -1
        elif kind == "leave":
            just_joined, just_left = -1, active[which]
            del active[which], signs[which]
        else:  # pragma: no cover - lam reached 0 with ||c||_1 > t: impossible
            break
    raise RuntimeError("lasso homotopy did not reach the budget")  # pragma: no cover
