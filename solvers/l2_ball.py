"""Exact minimisation of a quadratic over the L2 ball: the trust-region subproblem.

    minimise 0.5 (w - c)^T H (w - c)   subject to   ||w||_2 <= t

This is the trust-region subproblem (Moré & Sorensen, "Computing a trust
region step", SIAM J. Sci. Stat. Comput. 4(3), 1983; Nocedal & Wright,
*Numerical Optimization*, 2nd ed., section 4.3) with model gradient ``-H c``.
If ``||c||_2 <= t`` the constraint is slack and ``w = c``. Otherwise
``w(nu) = (H + nu I)^{-1} H c`` with the unique ``nu > 0`` at which
``||w(nu)|| = t``. In the eigenbasis ``H = Q diag(d) Q^T``,
``||w(nu)||^2 = sum_i (d_i c~_i / (d_i + nu))^2`` with ``c~ = Q^T c``.

Because ``H`` is positive definite here, ``||w(nu)||`` decreases strictly
from ``||c|| > t`` at ``nu = 0`` to 0, so the root exists, is unique and is
bracketed by ``[0, ||H c|| / t]``; the "hard case" of the general
trust-region problem (an indefinite ``H``) cannot occur. We solve the
secular equation in Moré–Sorensen's form ``1/||w(nu)|| - 1/t = 0``, which is
nearly linear in ``nu``, with Brent's bracketed method.
"""

from __future__ import annotations

import math

import numpy as np
from scipy.optimize import brentq

from geometry import QuadraticLoss
from solvers.solution import Solution

__all__ = ["secular_root", "solve_l2_ball"]

# Brent stops once the bracket is below rtol * |nu|; 4 eps is the finest it allows.
_RTOL = 4.0 * np.finfo(np.float64).eps


def secular_root(eigenvalues: np.ndarray, rotated_linear: np.ndarray, radius: float) -> float:
    """The ``nu > 0`` with ``||diag(d + nu)^{-1} b|| = radius``, by a bracketed Brent search.

    Parameters
    ----------
    eigenvalues : ndarray
        ``d``, the (positive) eigenvalues of ``H``.
    rotated_linear : ndarray
        ``b = Q^T H c``, the linear term in the eigenbasis.
    radius : float
        ``t``, with ``||b / d|| > t`` (the centre lies outside the ball).
    """
    inverse_radius = 1.0 / radius

    def secular(nu: float) -> float:
        return 1.0 / np.linalg.norm(rotated_linear / (eigenvalues + nu)) - inverse_radius

    upper = float(np.linalg.norm(rotated_linear)) / radius
    if secular(0.0) >= 0.0:  # outside only by a rounding error: nu = 0 is the root
        return 0.0
    return brentq(secular, 0.0, upper, xtol=1e-300, rtol=_RTOL, maxiter=500)


def solve_l2_ball(loss: QuadraticLoss, radius: float) -> Solution:
    """Minimise ``loss`` over ``{||w||_2 <= radius}`` exactly.

    Parameters
    ----------
    loss : QuadraticLoss
        The loss, in any dimension.
    radius : float
        The budget ``t`` > 0 (validated by the caller).

    Returns
    -------
    Solution
        With ``multiplier = nu / 2``, the ridge weight ``lambda`` for which ``w``
        also minimises ``loss + lambda ||w||_2^2``.
    """
    center = loss.center
    # math.hypot, as the planar and batch solvers use: the same rounding decides
    # "inside" for a centre within an ulp of the circle, whichever solver runs.
    if math.hypot(*center) <= radius:
        return Solution(center.copy(), 0.0, 0.0, radius, active=False, face="interior")
    eigenvalues, eigenvectors = loss.eigh
    nu = secular_root(eigenvalues, eigenvectors.T @ loss.linear_term, radius)
    # Solve in the original basis rather than rotating back from the eigenbasis:
    # when H is axis-aligned and c lies on an axis, the zero structure of
    # (H + nu I) and H c then gives an exact 0.0, as the geometry says it must.
    w = np.linalg.solve(loss.hessian + nu * np.eye(loss.dim), loss.linear_term)
    return Solution(w, float(loss.value(w)), 0.5 * nu, radius, active=True, face="smooth")
