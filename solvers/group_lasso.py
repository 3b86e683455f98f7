"""Exact minimisation of a quadratic over the 3-D group-lasso ball (the double cone).

    minimise L(w) = 0.5 (w - c)^T H (w - c)   subject to   ||g||_2 + |z| <= t,

writing ``g = (w1, w2)`` for the pair group and ``z = w3`` for the single one
(any pair-plus-single grouping is permuted into this order). KKT (Rockafellar,
*Convex Analysis*, 1970, section 28; the group lasso of Yuan & Lin 2006):
``H (w - c) + lam xi = 0`` with ``xi`` in the subdifferential of the norm,
``lam >= 0``. Each face of the double cone has its own certificate:

- interior, ``||c_g|| + |c_z| <= t``: ``w = c``, ``lam = 0``;
- a tip ``s t e3`` (``g = 0``, face "vertex"): ``lam = -s dL/dz >= ||grad_g L||``
  (the pull lies in the tip's solid normal cone);
- the rim (``z = 0``, ``||g|| = t``, face "edge"): ``grad_g L = -lam g / t`` with
  ``lam >= 0`` (a trust-region subproblem in the disc) and ``|dL/dz| <= lam``;
- a sheet (``g != 0``, ``sign z = s``, face "face"): ``grad_g L = -lam g / ||g||``
  and ``dL/dz = -s lam``, ``lam > 0``.

The sheet is a 1-D problem, but not in ``lam``: fixing ``lam`` leaves a
penalised group-lasso problem with no closed form. It is 1-D in ``z``. Let
``V(z) = min {L(g, z) : ||g|| <= t - |z|}``, a trust-region subproblem in the
plane for each ``z`` (Moré & Sorensen, SIAM J. Sci. Stat. Comput. 4, 1983),
solved by its secular equation ``||(A + nu I)^{-1} q(z)|| = t - |z|`` with
``A = H_gg``, ``q(z) = (H c)_g - H_gz z``, bracketed by ``[0, ||q|| / (t - |z|)]``.
``V`` is the partial minimum of a strictly convex function over a convex set,
so it is strictly convex, and by the envelope theorem its slope on side ``s``
is ``V'(z) = dL/dz + s kappa(z)`` with ``kappa = nu (t - |z|)`` the disc's
multiplier. At ``z = 0`` its one-sided slopes are ``dL/dz -+ kappa``: the rim
certificate says exactly that 0 lies between them. Otherwise the optimum is
on the side ``s = -sign(dL/dz)``, where ``s V'(s zeta)`` increases strictly in
``zeta`` from a negative value at 0 to ``||grad_g L|| - lam_tip`` at ``zeta = t``:
positive unless the tip certificate holds. So the sheet's point is the one
root of ``s V'(s zeta)`` in ``(0, t)``, a proven bracket for Brent's method, and
there ``lam = kappa = -s dL/dz``. No face is chosen by comparing loss values.
"""

from __future__ import annotations

import math

import numpy as np
from scipy.optimize import brentq

from geometry import QuadraticLoss
from geometry.group_lasso import GroupLassoBall
from solvers.solution import Solution

__all__ = ["solve_group_lasso_ball"]

_RTOL = 4.0 * np.finfo(np.float64).eps  # the finest relative bracket brentq accepts


class _DoubleCone:
    """One problem, permuted so that the pair group is (0, 1) and the single coordinate 2."""

    def __init__(self, center: np.ndarray, hessian: np.ndarray, radius: float) -> None:
        self.t = radius
        (self.a11, self.a12, self.h1), (_, self.a22, self.h2), (_, _, self.eta) = hessian.tolist()
        self.b1, self.b2, self.b3 = (hessian @ center).tolist()
        # The eigenbasis of A = H_gg gives the secular equation without cancellation.
        values, vectors = np.linalg.eigh(hessian[:2, :2])
        (self.d1, self.d2), self.q = values.tolist(), vectors.tolist()

    def disc(self, z: float) -> tuple[float, float, float]:
        """The pair ``g`` minimising ``L(g, z)`` on ``||g|| <= t - |z|``, and its multiplier kappa.

        kappa is the weight of ``||g||`` in the Lagrangian (``grad_g L = -kappa g / ||g||``),
        0 when the disc's constraint is slack.
        """
        rho = self.t - abs(z)
        q1, q2 = self.b1 - self.h1 * z, self.b2 - self.h2 * z
        if rho <= 0.0:  # the tip: g = 0, and kappa tends to ||q|| as the disc shrinks
            return 0.0, 0.0, math.hypot(q1, q2)
        (v11, v12), (v21, v22) = self.q
        e1, e2 = v11 * q1 + v21 * q2, v12 * q1 + v22 * q2  # Q^T q
        nu = 0.0
        if math.hypot(e1 / self.d1, e2 / self.d2) > rho:

            def secular(nu: float) -> float:  # Moré–Sorensen's nearly linear form
                return 1.0 / math.hypot(e1 / (self.d1 + nu), e2 / (self.d2 + nu)) - 1.0 / rho

            upper = math.hypot(q1, q2) / rho  # there ||g(nu)|| < ||q|| / nu = rho
            nu = brentq(secular, 0.0, upper, xtol=1e-300, rtol=_RTOL, maxiter=500)
        # Solve in the original basis: a zero that the data's symmetry makes exact stays 0.0.
        m11, m22 = self.a11 + nu, self.a22 + nu
        det = m11 * m22 - self.a12 * self.a12
        g1, g2 = (m22 * q1 - self.a12 * q2) / det, (m11 * q2 - self.a12 * q1) / det
        return g1, g2, nu * rho

    def dl_dz(self, g1: float, g2: float, z: float) -> float:
        """``dL/dz = (H (w - c))_3`` at ``w = (g1, g2, z)``."""
        return self.h1 * g1 + self.h2 * g2 + self.eta * z - self.b3

    def sheet_slope(self, zeta: float, side: float) -> float:
        """``s V'(s zeta)``: strictly increasing in ``zeta`` on [0, t]."""
        g1, g2, kappa = self.disc(side * zeta)
        return side * self.dl_dz(g1, g2, side * zeta) + kappa


def _pair_and_single(ball: GroupLassoBall) -> list[int]:
    """The coordinate order (pair, pair, single), or NotImplementedError for other groupings."""
    sizes = sorted(len(group) for group in ball.groups)
    if sizes != [1, 2]:
        raise NotImplementedError(
            f"solve_group_lasso_ball solves one pair and one single coordinate in 3-D, "
            f"got groups={ball.groups}"
        )
    pair, single = sorted(ball.groups, key=len, reverse=True)
    return [*pair, *single]


def solve_group_lasso_ball(loss: QuadraticLoss, ball: GroupLassoBall) -> Solution:
    """Minimise ``loss`` over the 3-D group-lasso ball exactly, by the faces' KKT certificates.

    Parameters
    ----------
    loss : QuadraticLoss
        A 3-D quadratic loss.
    ball : GroupLassoBall
        A double cone: groups of one pair and one single coordinate, e.g. ``((0, 1), (2,))``.

    Returns
    -------
    Solution
        ``face`` is "interior"; "vertex" at a tip (the pair is exactly 0.0, 0.0);
        "edge" on the rim (the single coordinate is exactly 0.0); "face" on a
        smooth sheet (no zeros). ``multiplier`` is the ``lam >= 0`` for which ``w``
        also minimises ``loss + lam * ball.norm(w)`` (the penalised group lasso).

    Raises
    ------
    ValueError
        If ``loss`` is not a QuadraticLoss, ``ball`` not a GroupLassoBall, or
        their dimensions differ.
    NotImplementedError
        For groupings other than one pair and one single coordinate.
    """
    if not isinstance(loss, QuadraticLoss):
        raise ValueError(f"loss must be a QuadraticLoss, got {type(loss).__name__}")
    if not isinstance(ball, GroupLassoBall):
        raise ValueError(f"ball must be a GroupLassoBall, got {type(ball).__name__}")
    if loss.dim != ball.dim:
        raise ValueError(f"loss has dim={loss.dim} but ball's groups cover {ball.dim} coordinates")
    order = _pair_and_single(ball)
    t = ball.radius
    if ball.norm(loss.center) <= t:
        return Solution(loss.center.copy(), 0.0, 0.0, t, active=False, face="interior")

    cone = _DoubleCone(loss.center[order], loss.hessian[np.ix_(order, order)], t)
    g1, g2, kappa = cone.disc(0.0)
    slope = cone.dl_dz(g1, g2, 0.0)
    if kappa > 0.0 and abs(slope) <= kappa:  # the rim holds: 0 in [dL/dz - kappa, dL/dz + kappa]
        point, lam, face = (g1, g2, 0.0), kappa, "edge"
    else:
        # V decreases towards side s. (slope = 0 with a slack disc would mean grad L = 0
        # at a point of the ball, i.e. c inside: only rounding; follow c's own side then.)
        side = -math.copysign(1.0, slope) if slope != 0.0 else math.copysign(1.0, cone.b3)
        tip_pull = math.hypot(cone.b1 - cone.h1 * side * t, cone.b2 - cone.h2 * side * t)
        tip_lam = -side * cone.dl_dz(0.0, 0.0, side * t)
        if tip_lam >= tip_pull:  # ||grad_g L|| <= lam: the pull is in the tip's normal cone
            point, lam, face = (0.0, 0.0, side * t), tip_lam, "vertex"
        else:
            # sheet_slope(0) = -|slope| + kappa < 0 < tip_pull - tip_lam = sheet_slope(t).
            zeta = brentq(
                cone.sheet_slope, 0.0, t, args=(side,), xtol=1e-300, rtol=_RTOL, maxiter=500
            )
            g1, g2, lam = cone.disc(side * zeta)
            point, face = (g1, g2, side * zeta), "face"
            if zeta in (0.0, t):  # a root within an ulp of the rim or a tip: it is that face
                face = "edge" if zeta == 0.0 else "vertex"
    w = np.zeros(3)
    w[order] = point
    return Solution(w, float(loss.value(w)), float(lam), t, active=True, face=face)
