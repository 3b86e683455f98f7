"""Many 2-D problems over the non-convex p < 1 star at once, by the method of solvers.lp_ball.

``solve_lp_ball_planar`` walks the boundary as eight arcs, brackets the sign
changes of ``d L / d r`` on a fixed grid and refines each with Brent's method.
Here the same grid, the same slope formula (the same floating-point operations
in the same order, so the same brackets) and the same choice of the global
minimum run for a whole block of problems at once. Each bracket is refined by
bisection on the bit patterns of its end points: positive floats are ordered
like their bits, so at most 64 halvings leave two adjacent floats around the
sign change, exact to machine precision without a tolerance.

The choice is the scalar solver's, candidate by candidate: smooth stationary
points with a non-negative multiplier (arc by arc, roots by increasing ``r``)
and the corners that the loss pulls outward, the one with the smallest loss
(the first of equals); then a corner with no first-order pull wins if its
loss is strictly smaller.
"""

from __future__ import annotations

import numpy as np

from geometry import NormBall
from geometry.lp_boundary import axis_offset, axis_rate, radius_grid
from solvers.batch import validate_batch

__all__ = ["BLOCK", "solve_lp_star_batch"]

_EPS = np.finfo(np.float64).eps
# (axis, axis sign, side sign), in the scalar solver's loop order
_ARCS = tuple(
    (axis, axis_sign, side_sign)
    for axis in (0, 1)
    for axis_sign in (1.0, -1.0)
    for side_sign in (1.0, -1.0)
)
_CORNERS = tuple((axis, sign) for axis in (0, 1) for sign in (1.0, -1.0))
# Problems per block of the grid scan: 32 x 1,200 points x 8 bytes (300 KB) stays in cache.
BLOCK = 32
_MAX_HALVINGS = 70  # 64 suffice: the bit patterns of two positive floats differ by < 2^63


def solve_lp_star_batch(centers: object, hessians: object, ball: NormBall) -> np.ndarray:
    """Minimise N 2-D losses ``0.5 (w - c_k)^T H_k (w - c_k)`` over the star ``||w||_p <= t``.

    Parameters
    ----------
    centers : array_like, shape (N, 2)
        Unconstrained optima ``c_k``.
    hessians : array_like, shape (N, 2, 2) or (2, 2)
        Symmetric positive definite Hessians, or one shared by all.
    ball : NormBall
        The region, with ``0 < p < 1``.

    Returns
    -------
    ndarray, shape (N, 2)
        The global minimisers, equal to ``solve_lp_ball_planar``'s to the last
        few bits; a corner is exact (its other coordinate is 0.0) and a centre
        inside the star is returned unchanged.

    Raises
    ------
    ValueError
        For inputs of the wrong shape, non-finite entries, a Hessian that is not
        symmetric positive definite, or a ``ball`` that is not a NormBall with
        ``0 < p < 1``.
    """
    if not isinstance(ball, NormBall) or not 0.0 < ball.p < 1.0:
        raise ValueError(f"ball must be a NormBall with 0 < p < 1, got {ball!r}")
    centers, hessians = validate_batch(centers, hessians)
    solutions = centers.copy()
    # The scalar solver's test, with its allowance for the rounding of the norm.
    outside = np.flatnonzero(ball.norm(centers) > ball.radius * (1.0 + 8.0 * _EPS))
    if outside.size:
        solutions[outside] = _solve_outside(
            centers[outside], np.ascontiguousarray(hessians[outside]), _Grid(ball.p, ball.radius)
        )
    return solutions


class _Grid:
    """The bracketing grid and the parts of the arc that depend on ``r`` alone."""

    def __init__(self, p: float, radius: float) -> None:
        self.p, self.radius = p, radius
        self.r = radius_grid(p, radius)
        self.offset = self.axis_offset(self.r)
        self.rate = self.axis_rate(self.r, self.offset)

    def axis_offset(self, r: np.ndarray) -> np.ndarray:
        """``|w_i| - t`` on the arc (``geometry.lp_boundary.axis_offset``)."""
        return axis_offset(r, self.p, self.radius)

    def axis_rate(self, r: np.ndarray, offset: np.ndarray) -> np.ndarray:
        """``d|w_i| / dr`` on the arc (``geometry.lp_boundary.axis_rate``)."""
        return axis_rate(r, offset, self.p, self.radius)


def _slope_and_pull(axis_base, axis_sign, other_diff, side_sign, offset, rate, h):
    """The scalar arc's ``d L / d r`` and gradient along its axis, operation for operation.

    On an arc with axis ``i`` and other coordinate ``j`` the scalar solver computes
    ``H[i, 0] d_0 + H[i, 1] d_1``; named by role that is ``H[i, i] d_i + H[i, j] d_j``
    for either axis (IEEE addition commutes exactly), so one formula serves all
    eight arcs and gives the scalar solver's bits.
    """
    h_aa, h_ao, h_oa, h_oo = h
    axis_diff = axis_base + axis_sign * offset
    along_axis = h_aa * axis_diff + h_ao * other_diff
    along_other = h_oa * axis_diff + h_oo * other_diff
    return along_other * side_sign + along_axis * axis_sign * rate, along_axis


def _roles(hessians: np.ndarray, axis, other, at=Ellipsis) -> tuple:
    """``(H_ii, H_ij, H_ji, H_jj)`` for axis ``i`` and other coordinate ``j``."""
    return (
        hessians[at, axis, axis],
        hessians[at, axis, other],
        hessians[at, other, axis],
        hessians[at, other, other],
    )


def _grid_brackets(centers: np.ndarray, hessians: np.ndarray, grid: _Grid):
    """(problem, arc, grid index) of every sign change (- to +) of the slope on the grid.

    Sorted by problem, then arc, then grid index: the scalar solver's order.
    """
    found = []
    for start in range(0, centers.shape[0], BLOCK):
        c, h = centers[start : start + BLOCK], hessians[start : start + BLOCK, None]
        for arc_index, (axis, axis_sign, side_sign) in enumerate(_ARCS):
            other = 1 - axis
            slopes, _ = _slope_and_pull(
                (axis_sign * grid.radius - c[:, axis])[:, None],
                axis_sign,
                side_sign * grid.r - c[:, other, None],
                side_sign,
                grid.offset,
                grid.rate,
                _roles(h, axis, other),
            )
            rows, ks = np.nonzero((slopes[:, :-1] < 0.0) & (slopes[:, 1:] > 0.0))
            found.append((rows + start, np.full(rows.size, arc_index), ks))
    rows, arcs, ks = (np.concatenate(column) for column in zip(*found, strict=True))
    order = np.lexsort((ks, arcs, rows))
    return rows[order], arcs[order], ks[order]


class _Brackets:
    """One row per bracket: its arc's signs and its problem's numbers, gathered by role."""

    def __init__(self, rows, arcs, centers: np.ndarray, hessians: np.ndarray, grid: _Grid):
        table = np.array(_ARCS)
        self.axis = table[arcs, 0].astype(np.intp)
        other = 1 - self.axis
        self.axis_sign, self.side_sign = table[arcs, 1], table[arcs, 2]
        self.axis_base = self.axis_sign * grid.radius - centers[rows, self.axis]
        self.center_other = centers[rows, other]
        self.h = _roles(hessians[rows], self.axis, other, np.arange(len(rows)))
        self.grid = grid

    def parts(self, r: np.ndarray, which=slice(None)):
        """(slope, gradient along the axis, ``|w_i| - t``) at ``r`` for the brackets ``which``."""
        grid = self.grid
        offset = grid.axis_offset(r)
        slope, pull = _slope_and_pull(
            self.axis_base[which],
            self.axis_sign[which],
            self.side_sign[which] * r - self.center_other[which],
            self.side_sign[which],
            offset,
            grid.axis_rate(r, offset),
            tuple(part[which] for part in self.h),
        )
        return slope, pull, offset


def _refine(brackets: _Brackets, low: np.ndarray, high: np.ndarray) -> np.ndarray:
    """Bisect brackets (slope < 0 at ``low``, > 0 at ``high``) down to adjacent floats."""
    low_bits, high_bits = low.view(np.int64).copy(), high.view(np.int64).copy()
    for _ in range(_MAX_HALVINGS):
        open_ = np.flatnonzero(high_bits - low_bits > 1)
        if not open_.size:
            break
        middle_bits = low_bits[open_] + (high_bits[open_] - low_bits[open_]) // 2
        slope = brackets.parts(middle_bits.view(np.float64), open_)[0]
        exact = slope == 0.0
        falling = slope < 0.0
        low_bits[open_] = np.where(falling | exact, middle_bits, low_bits[open_])
        high_bits[open_] = np.where(~falling | exact, middle_bits, high_bits[open_])
    low, high = low_bits.view(np.float64), high_bits.view(np.float64)
    closer_low = np.abs(brackets.parts(low)[0]) <= np.abs(brackets.parts(high)[0])
    return np.where(closer_low, low, high)


def _loss(points: np.ndarray, centers: np.ndarray, hessians: np.ndarray) -> np.ndarray:
    diff = points - centers
    return 0.5 * np.einsum("ni,nij,nj->n", diff, hessians, diff)


def _solve_outside(centers: np.ndarray, hessians: np.ndarray, grid: _Grid) -> np.ndarray:
    """Global minimisers of problems whose centres lie outside the star."""
    count = centers.shape[0]
    p, radius = grid.p, grid.radius
    rows, arcs, ks = _grid_brackets(centers, hessians, grid)
    brackets = _Brackets(rows, arcs, centers, hessians, grid)
    r = _refine(brackets, grid.r[ks], grid.r[ks + 1])
    _, along_axis, offset = brackets.parts(r)
    multiplier = -along_axis * brackets.axis_sign / (p * (radius + offset) ** (p - 1.0)) + 0.0
    kept = ~(multiplier < 0.0)  # the loss falls towards the inside: not a local minimum
    points = np.empty((rows.size, 2))
    index = np.arange(rows.size)
    points[index, 1 - brackets.axis] = brackets.side_sign * r
    points[index, brackets.axis] = brackets.axis_sign * (radius + offset)
    candidate_rows, candidate_points = [rows[kept]], [points[kept]]
    candidate_order = [arcs[kept] * grid.r.size + ks[kept]]

    degenerate_points = np.full((count, 2), np.nan)
    degenerate_loss = np.full(count, np.inf)
    for corner_index, (axis, sign) in enumerate(_CORNERS):
        corner = np.zeros(2)
        corner[axis] = sign * radius
        diff = corner - centers
        pull = sign * np.einsum("ni,ni->n", diff, hessians[:, :, axis])
        scale = np.max(np.einsum("nij,nj->ni", np.abs(hessians), np.abs(diff)), axis=1)
        noise = 8.0 * _EPS * scale  # a pull of 1e-223 beside one of 1 across is no pull
        vertex = np.flatnonzero(pull < -noise)
        candidate_rows.append(vertex)
        candidate_order.append(np.full(vertex.size, len(_ARCS) * grid.r.size + corner_index))
        candidate_points.append(np.broadcast_to(corner, (vertex.size, 2)))
        # No first-order pull: such a corner competes for the global minimum, unlisted.
        flat = (pull >= -noise) & (pull <= noise)
        loss = _loss(np.broadcast_to(corner, (count, 2)), centers, hessians)
        better = flat & (loss < degenerate_loss)  # strict: the first of equal corners stays
        degenerate_loss[better] = loss[better]
        degenerate_points[better] = corner

    rows = np.concatenate(candidate_rows)
    order = np.concatenate(candidate_order)
    points = np.concatenate(candidate_points)
    loss = _loss(points, centers[rows], hessians[rows])
    ranked = np.lexsort((order, loss, rows))  # by problem, then loss, then the scalar order
    first = ranked[np.r_[True, rows[ranked][1:] != rows[ranked][:-1]]] if rows.size else ranked
    solutions = np.full((count, 2), np.nan)
    best_loss = np.full(count, np.inf)
    solutions[rows[first]] = points[first]
    best_loss[rows[first]] = loss[first]
    takes_corner = np.isfinite(degenerate_loss) & (degenerate_loss < best_loss)
    solutions[takes_corner] = degenerate_points[takes_corner]
    if np.isnan(solutions).any():  # pragma: no cover - the boundary's minimum always qualifies
        raise RuntimeError("no boundary minimum bracketed")
    return solutions
