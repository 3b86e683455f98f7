"""Where many 2-D optima land: inside the region, on an axis (an exact zero), or elsewhere.

Decided exactly, never by rounding: for the L1 and L2 balls from the batch
solver's answers, whose zeros are exact; for the other convex regions
(elastic net, p > 1, the square) by the optimality condition itself: the
axis point ``v`` is the optimum exactly when the pull ``H (c - v)`` lies in
the normal cone at ``v`` (KKT, sufficient by convexity). For the p < 1 star
the optimum is global, not local: the problems are solved along the star's
boundary, all at once, by ``solvers.lp_star_batch`` (the scalar solver's method).
"""

from __future__ import annotations

from typing import Final

import numpy as np

from geometry import ElasticNetBall, NormBall, normal_cone
from geometry.regions import Region
from solvers.batch import solve_constrained_batch, validate_batch
from solvers.lp_star_batch import solve_lp_star_batch
from studies.catchment import axis_points

__all__ = [
    "INSIDE",
    "OFF_AXIS",
    "ON_W1_AXIS",
    "ON_W2_AXIS",
    "classify_solutions",
    "landing_batch",
    "on_axis",
]

INSIDE: Final = 0
ON_W1_AXIS: Final = 1  # the optimum is (v, 0): w2 == 0.0
ON_W2_AXIS: Final = 2  # the optimum is (0, v): w1 == 0.0
OFF_AXIS: Final = 3  # on the boundary with no zero


def on_axis(codes: np.ndarray) -> np.ndarray:
    """Which landing codes are an exact zero (on either axis)."""
    return (codes == ON_W1_AXIS) | (codes == ON_W2_AXIS)


def classify_solutions(centers: np.ndarray, solutions: np.ndarray, region: Region) -> np.ndarray:
    """Landing codes (N,) of exact solutions ``solutions`` (N, 2) for centres ``centers`` (N, 2)."""
    codes = np.full(centers.shape[0], OFF_AXIS, dtype=np.int8)
    codes[solutions[:, 1] == 0.0] = ON_W1_AXIS
    codes[solutions[:, 0] == 0.0] = ON_W2_AXIS
    codes[np.asarray(region.contains(centers), dtype=bool)] = INSIDE
    return codes


def _cross(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return a[..., 0] * b[..., 1] - a[..., 1] * b[..., 0]


def _landing_by_cones(centers: np.ndarray, hessians: np.ndarray, region: Region) -> np.ndarray:
    codes = np.full(centers.shape[0], OFF_AXIS, dtype=np.int8)
    for index, apex in enumerate(axis_points(region)):
        pull = np.einsum("nij,nj->ni", hessians, centers - apex)
        cone = normal_cone(region, apex)
        if cone.kind == "wedge":
            first, second = cone.generators
            if _cross(first, second) < 0.0:
                first, second = second, first
            hit = (_cross(first, pull) >= 0.0) & (_cross(pull, second) >= 0.0)
        else:  # a ray: only a pull exactly along it
            (direction,) = cone.generators
            hit = (_cross(direction, pull) == 0.0) & (pull @ direction > 0.0)
        codes[hit] = ON_W1_AXIS if index % 2 == 0 else ON_W2_AXIS
    codes[np.asarray(region.contains(centers), dtype=bool)] = INSIDE
    return codes


def landing_batch(centers: object, hessians: object, region: Region) -> np.ndarray:
    """Where the optima of many 2-D problems land, decided exactly.

    Parameters
    ----------
    centers : array_like, shape (N, 2)
        Unconstrained optima.
    hessians : array_like, shape (N, 2, 2) or (2, 2)
        Their Hessians (symmetric positive definite), or one shared by all.
    region : NormBall or ElasticNetBall
        The constraint region, any p.

    Returns
    -------
    ndarray of int8, shape (N,)
        ``INSIDE``, ``ON_W1_AXIS``, ``ON_W2_AXIS`` or ``OFF_AXIS`` per problem.

    Raises
    ------
    ValueError
        For inputs of the wrong shape, non-finite entries or a Hessian that is
        not symmetric positive definite, or a region of another type.
    """
    if not isinstance(region, NormBall | ElasticNetBall):
        raise ValueError(f"region must be a NormBall or ElasticNetBall, got {region!r}")
    if isinstance(region, NormBall) and region.p in (1.0, 2.0):
        solutions = solve_constrained_batch(centers, hessians, region)  # validates its input
        return classify_solutions(np.asarray(centers, dtype=np.float64), solutions, region)
    if isinstance(region, NormBall) and region.p < 1.0:
        solutions = solve_lp_star_batch(centers, hessians, region)  # validates its input
        return classify_solutions(np.asarray(centers, dtype=np.float64), solutions, region)
    centers, hessians = validate_batch(centers, hessians)
    return _landing_by_cones(centers, hessians, region)
