"""The flawed method, kept to show its error: minimise over sampled boundary points only.

Some published simulations "solve" the constrained problem by evaluating the
loss at a few hundred points of the boundary and keeping the best. Whenever
the best sample is one of the points on the axes, which every even sampling
contains, the method reports an exact zero, even for the L2 circle, whose
true optimum is on an axis for a set of centres of zero area. The How often
page runs it next to the exact solver so that the invented zeros are visible.
"""

from __future__ import annotations

import numpy as np

from geometry import NormBall
from solvers.batch import validate_batch

__all__ = ["sampled_boundary_solutions"]


def sampled_boundary_solutions(
    centers: object, hessians: object, ball: NormBall, n_points: int = 360
) -> np.ndarray:
    """The best of ``n_points`` evenly spaced boundary points (or the centre, when inside).

    Parameters
    ----------
    centers : array_like, shape (N, 2)
        Unconstrained optima.
    hessians : array_like, shape (N, 2, 2) or (2, 2)
        Their Hessians.
    ball : NormBall
        The region whose boundary is sampled.
    n_points : int
        Samples around the boundary, at least 8; they include the four axis points.

    Returns
    -------
    ndarray, shape (N, 2)
        Approximate minimisers: wrong by up to the sampling step, and
        sometimes exactly on an axis where the true optimum is not.
    """
    if not isinstance(ball, NormBall):
        raise ValueError(f"ball must be a NormBall, got {type(ball).__name__}")
    if isinstance(n_points, bool) or not isinstance(n_points, int | np.integer) or n_points < 8:
        raise ValueError(f"n_points must be an integer >= 8, got {n_points!r}")
    centers, hessians = validate_batch(centers, hessians)
    samples = ball.boundary(int(n_points))[:-1]  # the closing point repeats the first
    dx = samples[None, :, 0] - centers[:, 0, None]  # (N, K)
    dy = samples[None, :, 1] - centers[:, 1, None]
    h11, h12, h22 = (hessians[:, i, j, None] for i, j in ((0, 0), (0, 1), (1, 1)))
    values = h11 * dx * dx + 2.0 * h12 * dx * dy + h22 * dy * dy
    result = samples[np.argmin(values, axis=1)]
    inside = np.asarray(ball.norm(centers)) <= ball.radius
    result[inside] = centers[inside]
    return result
