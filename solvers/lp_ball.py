"""Minimisation of a 2-D quadratic over the ball ``||w||_p <= t`` for any p, along its boundary.

For p other than 1, 2 and inf there is no closed form, but in the plane the
boundary is a closed curve. If ``||c||_p <= t`` the answer is ``c``.
Otherwise the optimum lies on the boundary (moving from an interior point
towards ``c`` lowers the loss), at a local minimum of the loss along it.

The curve is walked as eight arcs, one per half-quadrant, each in the chart
of its small coordinate: near axis ``i`` the unknown is the distance
``r = |w_j|`` from that axis, and

    w_j = s_j r,   w_i = s_i (t^p - r^p)^(1/p),

with ``w_i - s_i t`` computed through expm1/log1p (``geometry.lp_boundary``)
so that points within 1e-300 of an axis keep their full precision. The arcs
run a little past the diagonal, so neighbouring arcs overlap. On each we
bracket the sign changes (- to +) of ``d L / d r`` on a grid that is geometric
near the axis and refine each with Brent's method in the same chart: exact
to machine precision.

For 0 < p < 1 the region is a non-convex star. Its corners ``±t e_i`` are
cusps; a corner is a local minimum when the loss would fall by moving
outward along its axis (``s_i * grad_i < 0``): along both spike edges the
axis coordinate falls like ``r^p / p``, which outweighs everything linear in
``r``. Boundary points where the loss is stationary along the curve but the
gradient points out of the star (negative multiplier) are not local minima
of the constrained problem: the loss falls by stepping inside. Every local
minimum is reported in ``Solution.local_minima``, the global one first.
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import brentq

from geometry import NormBall, QuadraticLoss
from geometry.lp_boundary import axis_offset, axis_rate, radius_grid
from solvers.solution import Solution

__all__ = ["Candidate", "solve_lp_ball_planar"]

_RTOL = 4.0 * np.finfo(np.float64).eps
_SIGNS = (1.0, -1.0)
Candidate = tuple[np.ndarray, str, float]  # point, face, multiplier


class _Arc:
    """One half-quadrant of the boundary in the chart of its small coordinate."""

    def __init__(
        self,
        loss: QuadraticLoss,
        p: float,
        radius: float,
        axis: int,
        axis_sign: float,
        side_sign: float,
    ) -> None:
        self.loss, self.p, self.radius = loss, p, radius
        self.axis, self.other = axis, 1 - axis
        self.axis_sign, self.side_sign = axis_sign, side_sign

    def _axis_offset(self, r):
        return axis_offset(r, self.p, self.radius)

    def point(self, r: float) -> np.ndarray:
        w = np.empty(2)
        w[self.other] = self.side_sign * r
        w[self.axis] = self.axis_sign * (self.radius + self._axis_offset(r))
        return w

    def gradient(self, r) -> tuple:
        """(grad along the axis, grad along the other coordinate), from accurate differences."""
        center, hessian = self.loss.center, self.loss.hessian
        diff = [None, None]
        diff[self.axis] = (
            self.axis_sign * self.radius - center[self.axis] + self.axis_sign * self._axis_offset(r)
        )
        diff[self.other] = self.side_sign * r - center[self.other]
        along_axis = hessian[self.axis, 0] * diff[0] + hessian[self.axis, 1] * diff[1]
        along_other = hessian[self.other, 0] * diff[0] + hessian[self.other, 1] * diff[1]
        return along_axis, along_other

    def slope(self, r):
        """d L / d r along the arc (arrays or floats)."""
        along_axis, along_other = self.gradient(r)
        rate = axis_rate(r, self._axis_offset(r), self.p, self.radius)
        return along_other * self.side_sign + along_axis * self.axis_sign * rate

    def multiplier(self, r: float) -> float:
        """Bridge multiplier from the axis coordinate (the larger one on this arc).

        ``grad_i + lambda p |w_i|^(p-1) sgn(w_i) = 0``, with the accurate gradient:
        next to an axis the rounded point would give a gradient of the wrong sign.
        """
        along_axis, _ = self.gradient(r)
        length = self.radius + self._axis_offset(r)
        # + 0.0 turns a -0.0 (no pull at all) into 0.0
        return float(-along_axis * self.axis_sign / (self.p * length ** (self.p - 1.0))) + 0.0


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
    # (|c1|^p + |c2|^p)^(1/p) is rounded a few times: a centre on the boundary
    # (say at a corner) must not be pushed outside by that rounding alone.
    if ball.norm(center) <= radius * (1.0 + 8.0 * np.finfo(np.float64).eps):
        return Solution(
            center.copy(),
            0.0,
            0.0,
            radius,
            active=False,
            face="interior",
            local_minima=(center.copy(),) if p < 1.0 else (),
        )

    grid = radius_grid(p, radius)
    candidates: list[Candidate] = []
    for axis in (0, 1):
        for axis_sign in _SIGNS:
            for side_sign in _SIGNS:
                arc = _Arc(loss, p, radius, axis, axis_sign, side_sign)
                slopes = arc.slope(grid)
                # Exactly stationary on the axis: an axis-aligned loss centred on it.
                roots = [0.0] if p > 1.0 and slopes[0] == 0.0 else []
                for k in np.flatnonzero((slopes[:-1] < 0.0) & (slopes[1:] > 0.0)):
                    # Brackets spanning many decades need Brent's bisection steps.
                    low, high = grid[k], grid[k + 1]
                    roots.append(
                        brentq(arc.slope, low, high, xtol=1e-300, rtol=_RTOL, maxiter=5000)
                    )
                candidates.extend((arc.point(r), "smooth", arc.multiplier(r)) for r in roots)

    degenerate_corners = []
    if p < 1.0:
        for axis in (0, 1):
            for sign in _SIGNS:
                corner = np.zeros(2)
                corner[axis] = sign * radius
                pull = sign * loss.gradient(corner)[axis]
                # Relative to the gradient's size: a pull of 1e-223 from a
                # subnormal coupling, beside a pull of 1 across, is no pull.
                scale = float(np.max(np.abs(loss.hessian) @ np.abs(corner - center)))
                noise = 8.0 * np.finfo(np.float64).eps * scale
                if pull < -noise:
                    candidates.append((corner, "vertex", _bridge_multiplier(loss, corner, p)))
                elif pull <= noise:
                    # No first-order pull along the axis: the second order
                    # decides. Such a corner can still be the global optimum
                    # (c = (t, t) with H = I), so it competes for that, unlisted.
                    degenerate_corners.append(corner)

    minima = _local_minima(loss, radius, candidates)
    corner = min(degenerate_corners, key=loss.value, default=None)
    if corner is not None and (not minima or loss.value(corner) < loss.value(minima[0][0])):
        minima.insert(0, (corner, "vertex", _bridge_multiplier(loss, corner, p)))
    if not minima:  # pragma: no cover - the boundary's global minimum always qualifies
        raise RuntimeError("no boundary minimum bracketed")
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
    loss: QuadraticLoss, radius: float, candidates: list[Candidate]
) -> list[Candidate]:
    """Distinct candidates with a non-negative multiplier, by increasing loss."""
    kept: list[Candidate] = []
    for point, face, multiplier in sorted(candidates, key=lambda item: loss.value(item[0])):
        if multiplier < 0.0:
            continue  # stationary along the curve, but the loss falls towards the inside
        if any(np.max(np.abs(point - seen)) <= 1e-12 * radius for seen, _, _ in kept):
            continue  # the neighbouring arcs overlap near the diagonals
        kept.append((point, face, multiplier))
    return kept


def _bridge_multiplier(loss: QuadraticLoss, w: np.ndarray, p: float) -> float:
    """``lambda`` with ``grad_i + lambda p |w_i|^(p-1) sgn(w_i) = 0`` on the largest coordinate."""
    i = int(np.argmax(np.abs(w)))
    return float(-loss.gradient(w)[i] * np.sign(w[i]) / (p * abs(w[i]) ** (p - 1.0))) + 0.0
