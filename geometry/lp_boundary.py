"""The boundary ``|w_1|^p + |w_2|^p = t^p`` near an axis, in the chart of its small coordinate.

Near axis ``i`` the unknown is the distance ``r = |w_j|`` from that axis, and

    w_j = s_j r,   w_i = s_i (t^p - r^p)^(1/p).

``w_i - s_i t`` is computed through expm1/log1p, so that points within 1e-300
of an axis keep their full precision (the edges of the p < 1 spikes hug the
axes that closely, and for p near 1 so do the tangencies). The planar Lp
solvers (``solvers.lp_ball`` and its batch twin ``solvers.lp_star_batch``)
walk the curve in this chart, and must do it with the same floating-point
operations: their answers are compared bit for bit.
"""

from __future__ import annotations

import numpy as np

__all__ = ["axis_offset", "axis_rate", "radius_grid"]


def axis_offset(r, p: float, radius: float):
    """``|w_i| - t`` on an arc at distance ``r`` from axis ``i``, accurately for tiny ``r``.

    ``t ((1 - (r/t)^p)^(1/p) - 1)`` through expm1/log1p (arrays or floats).
    """
    return radius * np.expm1(np.log1p(-((r / radius) ** p)) / p)


def axis_rate(r, offset, p: float, radius: float):
    """``d|w_i| / dr = -r^(p-1) |w_i|^(1-p)`` on the arc, with ``offset = axis_offset(r)``.

    Zero at ``r = 0`` for p > 1 (arrays or floats).
    """
    length = radius + offset
    with np.errstate(divide="ignore"):
        return -np.where(r > 0.0, r ** (p - 1.0), 0.0) * length ** (1.0 - p)


def radius_grid(p: float, radius: float) -> np.ndarray:
    """Distances from the axis: geometric near it, even up to a little past the diagonal."""
    diagonal = radius * 2.0 ** (-1.0 / p)
    near = np.logspace(-300.0, -2.0, 500) * radius
    far = np.linspace(0.01 * radius, 1.05 * diagonal, 700)
    grid = np.concatenate([near, far[far > near[-1]]])
    # For p > 1 the curve is smooth through the axis, where the slope is finite.
    return np.concatenate([[0.0], grid]) if p > 1.0 else grid
