"""Many 2-D problems at once: vectorised closed forms over arrays of problems.

The Monte-Carlo and map lessons solve 10^5 problems per rerun, so the 2-D
closed forms of ``solvers.planar`` run here on arrays of problems, with no
Python loop over problems.

L1: all eight candidates (four vertices, four edges) for every problem at
once, by the very kernels of the scalar solver; keep the one whose KKT
certificate holds (``solvers.certificate``). The rare problem where rounding
leaves none or several certified goes through the scalar solver, which
decides it in exact arithmetic; so batch and scalar answers are identical.

L2: the secular equation ``1/||w(nu)|| - 1/t = 0`` with
``w(nu) = (H + nu I)^{-1} H c`` is concave and increasing in ``nu``, so Newton's
method started at ``nu = 0`` (left of the root) climbs to the root
monotonically (Moré & Sorensen 1983); the bracket ``[nu_k, ||Hc|| / t]`` is
kept and a bisection step taken should rounding ever throw Newton outside it.
"""

from __future__ import annotations

import numpy as np

from geometry import NormBall
from geometry.validation import SYMMETRY_RTOL
from solvers.planar import l1_candidates, shifted_solve, solve_l1_planar

__all__ = ["solve_constrained_batch", "validate_batch"]

_NEWTON_MAX_ITERATIONS = 100
_EPS = np.finfo(np.float64).eps


def validate_batch(centers: object, hessians: object) -> tuple[np.ndarray, np.ndarray]:
    """Check and broadcast many 2-D problems; return centers (N, 2) and hessians (N, 2, 2).

    Raises ValueError naming ``centers`` or ``hessians`` for a wrong shape, a
    non-finite entry, or a Hessian that is not symmetric positive definite.
    """
    try:
        centers = np.asarray(centers, dtype=np.float64)
        hessians = np.asarray(hessians, dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise ValueError(f"centers and hessians must be numeric arrays: {error}") from error
    if centers.ndim != 2 or centers.shape[1] != 2:
        raise ValueError(f"centers must have shape (N, 2), got {centers.shape}")
    if hessians.shape == (2, 2):
        hessians = np.broadcast_to(hessians, (centers.shape[0], 2, 2))
    if hessians.shape != (centers.shape[0], 2, 2):
        raise ValueError(
            f"hessians must have shape (N, 2, 2) or (2, 2) with N={centers.shape[0]}, "
            f"got {hessians.shape}"
        )
    if not np.all(np.isfinite(centers)):
        raise ValueError("centers must be finite (no NaN or inf)")
    if not np.all(np.isfinite(hessians)):
        raise ValueError("hessians must be finite (no NaN or inf)")
    h11, h12, h21, h22 = hessians[:, 0, 0], hessians[:, 0, 1], hessians[:, 1, 0], hessians[:, 1, 1]
    scale = np.max(np.abs(hessians), axis=(1, 2))
    asymmetric = np.flatnonzero(np.abs(h12 - h21) > SYMMETRY_RTOL * scale)
    if asymmetric.size:
        raise ValueError(f"hessians must be symmetric; hessians[{asymmetric[0]}] is not")
    not_definite = np.flatnonzero((h11 <= 0.0) | (h11 * h22 - h12 * h21 <= 0.0))
    if not_definite.size:
        raise ValueError(f"hessians must be positive definite; hessians[{not_definite[0]}] is not")
    return centers, hessians


def solve_constrained_batch(centers: object, hessians: object, ball: NormBall) -> np.ndarray:
    """Solve N 2-D problems ``min 0.5 (w - c_k)^T H_k (w - c_k)`` s.t. ``||w||_p <= t`` at once.

    Parameters
    ----------
    centers : array_like, shape (N, 2)
        The unconstrained optima ``c_k``.
    hessians : array_like, shape (N, 2, 2) or (2, 2)
        The Hessians ``H_k`` (symmetric positive definite), or one Hessian shared by all.
    ball : NormBall
        The constraint; p = 1 or p = 2.

    Returns
    -------
    ndarray, shape (N, 2)
        The exact minimisers, the same as ``solve_constrained`` gives one by one;
        zeros that the geometry makes exact are exactly 0.0.

    Raises
    ------
    ValueError
        If an argument has the wrong shape, a non-finite entry, or a Hessian is
        not symmetric positive definite, or ``ball`` is not a NormBall.
    NotImplementedError
        For a NormBall with p other than 1 or 2.
    """
    if not isinstance(ball, NormBall):
        raise ValueError(f"ball must be a NormBall, got {type(ball).__name__}")
    centers, hessians = validate_batch(centers, hessians)
    if ball.p == 1.0:
        return _l1_batch(centers, hessians, ball.radius)
    if ball.p == 2.0:
        return _l2_batch(centers, hessians, ball.radius)
    raise NotImplementedError(
        f"solve_constrained_batch solves p = 1 and p = 2 so far, got p = {ball.p:g}"
    )


def _l1_batch(centers: np.ndarray, hessians: np.ndarray, radius: float) -> np.ndarray:
    result = centers.copy()
    outside = np.flatnonzero(np.abs(centers[:, 0]) + np.abs(centers[:, 1]) > radius)
    if outside.size == 0:
        return result
    c1, c2 = centers[outside, 0], centers[outside, 1]
    h11, h12, h22 = hessians[outside, 0, 0], hessians[outside, 0, 1], hessians[outside, 1, 1]

    # Candidates, shape (8, M): the four vertices, then the four edges.
    candidates = l1_candidates(c1, c2, h11, h12, h22, radius)
    w1 = np.stack([np.broadcast_to(w, c1.shape) for w, _, _, _ in candidates])
    w2 = np.stack([np.broadcast_to(w, c1.shape) for _, w, _, _ in candidates])
    certified = np.stack([ok for _, _, _, ok in candidates])
    choice = np.argmax(certified, axis=0)
    columns = np.arange(outside.size)
    result[outside, 0], result[outside, 1] = w1[choice, columns], w2[choice, columns]

    # Rounding left none or several certified: the scalar solver decides exactly.
    for k in np.flatnonzero(np.count_nonzero(certified, axis=0) != 1).tolist():
        i = int(outside[k])
        (a, b), ((h_11, h_12), (_, h_22)) = centers[i].tolist(), hessians[i].tolist()
        result[i] = solve_l1_planar(a, b, h_11, h_12, h_22, radius).w
    return result


def _l2_batch(centers: np.ndarray, hessians: np.ndarray, radius: float) -> np.ndarray:
    result = centers.copy()
    outside = np.flatnonzero(np.hypot(centers[:, 0], centers[:, 1]) > radius)
    if outside.size == 0:
        return result
    c1, c2 = centers[outside, 0], centers[outside, 1]
    h11, h12, h22 = hessians[outside, 0, 0], hessians[outside, 0, 1], hessians[outside, 1, 1]
    b1, b2 = h11 * c1 + h12 * c2, h12 * c1 + h22 * c2

    # Iterate in the eigenbasis H = Q diag(d) Q^T, where ||w(nu)||^2 is
    # sum_i e_i^2 / (d_i + nu)^2 with e = Q^T H c.
    half_trace, half_gap = 0.5 * (h11 + h22), np.hypot(0.5 * (h11 - h22), h12)
    d_small, d_large = half_trace - half_gap, half_trace + half_gap
    angle = 0.5 * np.arctan2(2.0 * h12, h11 - h22)
    cos, sin = np.cos(angle), np.sin(angle)
    e_large, e_small = cos * b1 + sin * b2, cos * b2 - sin * b1

    # ||Hc|| / (d_large + nu) <= ||w(nu)|| <= ||Hc|| / (d_small + nu) brackets the root.
    scaled_norm = np.hypot(b1, b2) / radius
    lower = np.maximum(scaled_norm - d_large, 0.0)
    upper = scaled_norm - d_small
    nu = lower.copy()
    active = np.arange(outside.size)
    for _ in range(_NEWTON_MAX_ITERATIONS):
        x = nu[active]
        q_small, q_large = 1.0 / (d_small[active] + x), 1.0 / (d_large[active] + x)
        w_small, w_large = e_small[active] * q_small, e_large[active] * q_large
        norm = np.hypot(w_small, w_large)
        secular = 1.0 / norm - 1.0 / radius
        # d/dnu (1/||w||) = sum_i w_i^2 / (d_i + nu) / ||w||^3
        slope = (w_small * w_small * q_small + w_large * w_large * q_large) / norm**3
        proposal = x - secular / slope
        # Newton from the left never overshoots in exact arithmetic; should
        # rounding throw it outside the bracket, bisect instead.
        high = upper[active]
        proposal = np.where((proposal < x) | (proposal > high), 0.5 * (x + high), proposal)
        proposal = np.where(secular >= 0.0, x, proposal)  # at (or past) the root: stay
        nu[active] = proposal
        active = active[np.abs(proposal - x) > 4.0 * _EPS * proposal]
        if active.size == 0:
            break
    else:  # pragma: no cover - the monotone iteration converges in a handful of steps
        raise RuntimeError("L2 secular equation did not converge")
    # Back in the original basis, so that axis-aligned problems keep exact zeros.
    result[outside, 0], result[outside, 1] = shifted_solve(nu, b1, b2, h11, h12, h22)
    return result
