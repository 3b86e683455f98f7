"""Minimisation of a 2-D quadratic over the ball ``||w||_p <= t`` for any p, along its boundary.

For p other than 1, 2 and inf there is no closed form, but in the plane the
boundary is a closed curve. If ``||c||_p <= t`` the answer is ``c``.
Otherwise the optimum lies on the boundary (moving from an interior point
towards ``c`` lowers the loss), at a local minimum of the loss along it.

The curve is walked as eight arcs, one per half-quadrant, each by its angle
``alpha`` in [0, pi/4] from its nearest axis (so angles next to every axis
are small numbers with full precision):

    w_i = s_i t cos(alpha) / N,  w_j = s_j t sin(alpha) / N,  N = (cos^p + sin^p)^(1/p).

On each arc we bracket the sign changes (- to +) of ``d L(w(alpha)) / d alpha``
on a grid that is geometric near the axis (down to 1e-200: the edges of the
p < 1 spikes hug the axis that closely) and refine each bracket with Brent's
method in the chart whose unknown is the small coordinate ``u = w_j`` (the
other being ``(t^p - |u|^p)^(1/p)``): exact to machine precision, also when
the tangency's small coordinate is far below the angle's resolution.

For 0 < p < 1 the region is a non-convex star. Its corners ``±t e_i`` are
cusps; a corner is a local minimum exactly when the loss would fall by moving
outward along its axis (``s_i * grad_i < 0``): every other nearby point of the
star is closer to the origin along that axis. Boundary points where the loss
is stationary along the curve but the gradient points out of the star
(negative multiplier) are not local minima of the constrained problem: the
loss falls by stepping inside. Every local minimum is reported in
``Solution.local_minima``, the global one first.
"""

from __future__ import annotations

import math

import numpy as np
from scipy.optimize import brentq

from geometry import NormBall, QuadraticLoss
from solvers.solution import Solution

_RTOL = 4.0 * np.finfo(np.float64).eps
# Quadrant signs (s1, s2), counter-clockwise from the first quadrant.
_QUADRANTS = ((1.0, 1.0), (-1.0, 1.0), (-1.0, -1.0), (1.0, -1.0))


def _alpha_grid(p: float) -> np.ndarray:
    """Angles from the axis: geometric near it, even up to (a little past) the diagonal."""
    near = np.logspace(-200.0, -2.0, 400)
    far = np.linspace(0.01, 0.25 * math.pi + 0.02, 700)  # overlap the next arc a little
    grid = np.concatenate([near, far[1:]])
    # For p > 1 the curve is smooth through the axis, where the slope is finite.
    return np.concatenate([[0.0], grid]) if p > 1.0 else grid


def _arc(alpha: np.ndarray, p: float) -> tuple[np.ndarray, np.ndarray]:
    """(cos, sin)/N and its derivative in alpha, on the first-quadrant unit curve."""
    cos, sin = np.cos(alpha), np.sin(alpha)
    power_sum = cos**p + sin**p
    norm = power_sum ** (1.0 / p)
    with np.errstate(divide="ignore", invalid="ignore"):
        # (d power_sum / d alpha) / p = -cos^(p-1) sin + sin^(p-1) cos (finite for p > 1 at 0)
        drift = -(cos ** (p - 1.0)) * sin + np.where(sin > 0.0, sin ** (p - 1.0) * cos, 0.0)
    point = np.stack([cos, sin], axis=-1) / norm[..., None]
    slope = (
        np.stack([-sin, cos], axis=-1)
        - np.stack([cos, sin], axis=-1) * (drift / power_sum)[..., None]
    ) / norm[..., None]
    return point, slope


def solve_lp_ball_planar(loss: QuadraticLoss, ball: NormBall) -> Solution:
    """Minimise a 2-D ``loss`` over ``NormBall(p, t)`` for any finite p > 0.

    Parameters
    ----------
    loss : QuadraticLoss
        A 2-D loss.
    ball : NormBall
        The region, ``0 < p < inf``.

    Returns
    -------
    Solution
        The global minimiser, with ``multiplier`` the bridge-penalty weight
        ``lambda`` (stationarity of ``loss + lambda sum_i |w_i|^p``) and, for
        p < 1, ``local_minima`` listing every local minimum, global first.
    """
    p, radius = ball.p, ball.radius
    center = loss.center
    if ball.norm(center) <= radius:
        return Solution(
            center.copy(),
            0.0,
            0.0,
            radius,
            active=False,
            face="interior",
            local_minima=(center.copy(),) if p < 1.0 else (),
        )

    alpha = _alpha_grid(p)
    unit_point, unit_slope = _arc(alpha, p)
    candidates: list[tuple[np.ndarray, str]] = []
    for signs in _QUADRANTS:
        for axis in (0, 1):
            other = 1 - axis
            orient = np.array([axis, other])  # arc's (cos, sin) parts -> coordinates
            w = np.empty_like(unit_point)
            w[:, orient] = unit_point * radius
            w *= signs
            tangent = np.empty_like(unit_slope)
            tangent[:, orient] = unit_slope * radius
            tangent *= signs
            slopes = np.sum(loss.gradient(w) * tangent, axis=1)
            if p > 1.0 and slopes[0] == 0.0:
                # Exactly stationary on the axis (an axis-aligned loss centred on it).
                candidates.append((w[0].copy(), "smooth"))
            for k in np.flatnonzero((slopes[:-1] < 0.0) & (slopes[1:] > 0.0)):
                small_ends = sorted((w[k, other], w[k + 1, other]))
                point = _refine_in_chart(loss, p, radius, other, signs[axis], small_ends)
                if point is not None:
                    candidates.append((point, "smooth"))
    if p < 1.0:
        for axis in (0, 1):
            for sign in (1.0, -1.0):
                corner = np.zeros(2)
                corner[axis] = sign * radius
                if sign * loss.gradient(corner)[axis] < 0.0:
                    candidates.append((corner, "vertex"))

    minima = _local_minima(loss, p, radius, candidates)
    w, face, multiplier = minima[0]
    return Solution(
        w,
        float(loss.value(w)),
        multiplier,
        radius,
        active=True,
        face=face,
        local_minima=tuple(point for point, _, _ in minima) if p < 1.0 else (),
    )


def _local_minima(
    loss: QuadraticLoss, p: float, radius: float, candidates: list[tuple[np.ndarray, str]]
) -> list[tuple[np.ndarray, str, float]]:
    """Distinct candidates with a non-negative multiplier, by increasing loss."""
    kept: list[tuple[np.ndarray, str, float]] = []
    for point, face in sorted(candidates, key=lambda item: loss.value(item[0])):
        multiplier = _bridge_multiplier(loss, point, p)
        if multiplier < 0.0:
            continue  # stationary along the curve, but the loss falls towards the inside
        if any(np.max(np.abs(point - seen)) <= 1e-12 * radius for seen, _, _ in kept):
            continue  # the neighbouring arcs overlap near the diagonals
        kept.append((point, face, multiplier))
    if not kept:  # pragma: no cover - the boundary's global minimum always qualifies
        raise RuntimeError("no boundary minimum bracketed")
    return kept


def _refine_in_chart(
    loss: QuadraticLoss, p: float, radius: float, small: int, side: float, ends: list[float]
) -> np.ndarray:
    """The tangency with ``w[small]`` in ``ends``, solved with ``u = w[small]`` as the unknown.

    The other coordinate is ``v = side (t^p - |u|^p)^(1/p)``, so ``u`` is
    found to full relative precision however close to the axis it lies.
    Returns None when the bracket's ends do not straddle a root after all.
    """

    def offset(u: float) -> float:
        # v - side t, accurately: t ((1 - (u/t)^p)^(1/p) - 1) via expm1/log1p, since
        # a tangency next to the axis is decided by this tiny difference.
        return side * radius * math.expm1(math.log1p(-((abs(u) / radius) ** p)) / p)

    def point(u: float) -> np.ndarray:
        w = np.empty(2)
        w[small] = u
        w[1 - small] = side * radius + offset(u)
        return w

    def slope(u: float) -> float:
        diff = np.empty(2)
        diff[small] = u - loss.center[small]
        diff[1 - small] = (side * radius - loss.center[1 - small]) + offset(u)
        gradient = loss.hessian @ diff
        v = side * radius + offset(u)
        # dv/du = -side sgn(u) |u|^(p-1) |v|^(1-p)
        dv = -side * np.sign(u) * abs(u) ** (p - 1.0) * abs(v) ** (1.0 - p)
        return float(gradient[small] + gradient[1 - small] * dv)

    low, high = ends
    slope_low, slope_high = slope(low), slope(high)
    if slope_low == 0.0:
        return point(low)
    if slope_high == 0.0:
        return point(high)
    if (slope_low < 0.0) == (slope_high < 0.0):
        return None  # the angle grid's sign change was rounding noise, not a tangency
    # Brackets can span 200 decades next to an axis; Brent then needs its
    # bisection steps (hundreds), so the iteration cap is generous.
    return point(brentq(slope, low, high, xtol=1e-300, rtol=_RTOL, maxiter=5000))


def _bridge_multiplier(loss: QuadraticLoss, w: np.ndarray, p: float) -> float:
    """``lambda`` with ``grad_i + lambda p |w_i|^(p-1) sgn(w_i) = 0`` on the largest coordinate."""
    i = int(np.argmax(np.abs(w)))
    return float(-loss.gradient(w)[i] * np.sign(w[i]) / (p * abs(w[i]) ** (p - 1.0)))
