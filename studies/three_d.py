"""Three weights: where the 3-D optimum lands, and how often on each piece.

In 3-D the L1 ball is the octahedron: 6 vertices (two weights exactly 0), 12
edges (one weight 0) and 8 triangular faces (none). The odds here solve
thousands of random problems from ``studies.ensembles.sample_problems_nd`` at
once: the L1 ball by its 26 boundary pieces, each candidate judged by its own
KKT certificate (multiplier >= 0, strictly inside its piece, the other
coordinates' pull within the multiplier), never by comparing loss values; the
L2 ball by the trust-region secular equation (Moré & Sorensen 1983) with
Newton's monotone iteration. Shares carry Wilson's 95% interval
(``studies.odds``). Pure numpy; never imports streamlit or plotly.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np

from geometry.validation import positive_scalar
from studies.ensembles import sample_problems_nd
from studies.odds import DimensionOdds, Share, dimension_odds

__all__ = [
    "L1_LANDINGS",
    "L2_LANDINGS",
    "ThreeDOdds",
    "l1_batch_3d",
    "l2_batch_3d",
    "sample_three_d_odds",
    "three_d_odds",
    "zeros_against_dimension",
]

L1_LANDINGS = ("vertex", "edge", "face", "interior")  # index = dimension of the piece; -1 inside
L2_LANDINGS = ("smooth", "interior")
_INTERIOR = -1
_EPS = np.finfo(np.float64).eps
_NEWTON_MAX_ITERATIONS = 100


def _validate(centers: object, hessians: object) -> tuple[np.ndarray, np.ndarray]:
    centers = np.asarray(centers, dtype=np.float64)
    hessians = np.asarray(hessians, dtype=np.float64)
    if centers.ndim != 2 or centers.shape[1] != 3:
        raise ValueError(f"centers must have shape (N, 3), got {centers.shape}")
    if hessians.shape != (centers.shape[0], 3, 3):
        raise ValueError(
            f"hessians must have shape ({centers.shape[0]}, 3, 3), got {hessians.shape}"
        )
    if not (np.all(np.isfinite(centers)) and np.all(np.isfinite(hessians))):
        raise ValueError("centers and hessians must be finite (no NaN or inf)")
    scale = np.abs(hessians).max(initial=0.0)
    if np.any(np.abs(hessians - np.swapaxes(hessians, 1, 2)) > 1e-10 * scale):
        raise ValueError("hessians must be symmetric")
    if np.any(np.linalg.eigvalsh(hessians)[:, 0] <= 0.0):
        raise ValueError("hessians must be positive definite")
    return centers, hessians


def l1_batch_3d(
    centers: np.ndarray, hessians: np.ndarray, radius: float
) -> tuple[np.ndarray, np.ndarray]:
    """Exact minimisers over the 3-D L1 ball, many problems at once.

    Every piece ``(S, s)`` (support and signs) has the closed form
    ``w_S = H_SS^{-1} ((H c)_S - lam s)`` with
    ``lam = (s^T H_SS^{-1} (H c)_S - t) / (s^T H_SS^{-1} s)``.
    Its certificate margin is the least of ``lam``, ``s_i w_i`` (i in S) and
    ``lam - |grad_j|`` (j off S), each relative to its scale; the optimum is the
    one candidate with margin >= 0 (the largest margin, should rounding leave
    zero or two). Coordinates off the support are built as 0.0.

    Returns
    -------
    W : ndarray, shape (N, 3)
    pieces : ndarray of int, shape (N,)
        0 vertex, 1 edge, 2 face, -1 inside (the budget is slack).
    """
    centers, hessians = _validate(centers, hessians)
    return _l1_pieces(centers, hessians, positive_scalar("radius", radius))


def _l1_pieces(
    centers: np.ndarray, hessians: np.ndarray, t: float
) -> tuple[np.ndarray, np.ndarray]:
    n = centers.shape[0]
    linear = np.einsum("nij,nj->ni", hessians, centers)
    grad_scale = np.abs(linear).max(axis=1) + t * np.abs(hessians).max(axis=(1, 2))
    points, margins, dims = [], [], []
    for size in (1, 2, 3):
        for support in itertools.combinations(range(3), size):
            rows, off = list(support), [j for j in range(3) if j not in support]
            inverse = np.linalg.inv(hessians[:, rows][:, :, rows])
            unconstrained = np.einsum("nij,nj->ni", inverse, linear[:, rows])
            for signs in itertools.product((1.0, -1.0), repeat=size):
                s = np.array(signs)
                direction = inverse @ s
                lam = (unconstrained @ s - t) / (direction @ s)
                w = np.zeros((n, 3))
                w[:, rows] = unconstrained - lam[:, None] * direction
                gradient = np.einsum("nij,nj->ni", hessians, w) - linear
                slack = [lam / grad_scale, np.min(w[:, rows] * s, axis=1) / t]
                if off:
                    pull = np.max(np.abs(gradient[:, off]), axis=1)
                    slack.append((lam - pull) / grad_scale)
                points.append(w)
                margins.append(np.minimum.reduce(slack))
                dims.append(size - 1)
    best = np.argmax(np.stack(margins, axis=1), axis=1)
    W = np.stack(points, axis=1)[np.arange(n), best]
    pieces = np.asarray(dims)[best]
    inside = np.sum(np.abs(centers), axis=1) <= t
    W[inside], pieces[inside] = centers[inside], _INTERIOR
    return W, pieces


def l2_batch_3d(centers: np.ndarray, hessians: np.ndarray, radius: float) -> np.ndarray:
    """Exact minimisers over the 3-D L2 ball, many problems at once.

    ``1/||w(nu)|| - 1/t`` is concave and increasing in ``nu``, so Newton's
    method from a point left of the root climbs to it monotonically; the start
    ``max(||Hc|| / t - d_max, 0)`` is left of it since ``||w(nu)|| >= ||Hc|| / (d_max + nu)``.
    ``w`` is then solved in the original basis (exact zeros of axis-aligned data survive).
    """
    centers, hessians = _validate(centers, hessians)
    return _l2_points(centers, hessians, positive_scalar("radius", radius))


def _l2_points(centers: np.ndarray, hessians: np.ndarray, t: float) -> np.ndarray:
    W = centers.copy()
    outside = np.flatnonzero(np.sqrt(np.sum(centers * centers, axis=1)) > t)
    if outside.size == 0:
        return W
    H = hessians[outside]
    linear = np.einsum("nij,nj->ni", H, centers[outside])
    values, vectors = np.linalg.eigh(H)
    rotated = np.einsum("nji,nj->ni", vectors, linear)
    nu = np.maximum(np.linalg.norm(linear, axis=1) / t - values[:, -1], 0.0)
    active = np.arange(outside.size)
    for _ in range(_NEWTON_MAX_ITERATIONS):
        x = nu[active]
        inverse = 1.0 / (values[active] + x[:, None])
        w = rotated[active] * inverse
        norm = np.linalg.norm(w, axis=1)
        secular = 1.0 / norm - 1.0 / t
        slope = np.sum(w * w * inverse, axis=1) / norm**3
        step = np.where(secular >= 0.0, 0.0, -secular / slope)  # at or past the root: stay
        nu[active] = x + step
        active = active[step > 4.0 * _EPS * (x + step)]
        if active.size == 0:
            break
    shifted = H + nu[:, None, None] * np.eye(3)
    W[outside] = np.linalg.solve(shifted, linear[:, :, None])[:, :, 0]
    return W


@dataclass(frozen=True)
class ThreeDOdds:
    """Where the optima of random 3-D problems land.

    Attributes
    ----------
    l1 : dict of str to Share
        Share of problems on a "vertex", an "edge", a "face" or "interior" of the octahedron.
    l2 : dict of str to Share
        Share at a "smooth" point of the sphere or "interior" (there is nothing else).
    zero_weights : dict of str to Share
        ``{"L1": ..., "L2": ...}``: share of all 3N weights that are exactly 0.0.
    """

    l1: dict[str, Share]
    l2: dict[str, Share]
    zero_weights: dict[str, Share]


def three_d_odds(centers: np.ndarray, hessians: np.ndarray, radius: float) -> ThreeDOdds:
    """Solve N 3-D problems exactly under the L1 and L2 balls of ``radius`` and count landings.

    Parameters
    ----------
    centers : ndarray, shape (N, 3)
    hessians : ndarray, shape (N, 3, 3)
        Symmetric positive definite.
    radius : float
        The budget ``t`` > 0.

    Raises
    ------
    ValueError
        Naming ``centers``, ``hessians`` or ``radius`` when it is malformed.
    """
    centers, hessians = _validate(centers, hessians)  # once for both balls
    radius = positive_scalar("radius", radius)
    W1, pieces = _l1_pieces(centers, hessians, radius)
    W2 = _l2_points(centers, hessians, radius)
    codes = {"vertex": 0, "edge": 1, "face": 2, "interior": _INTERIOR}
    l1 = {name: Share.of(pieces == code) for name, code in codes.items()}
    inside = np.sqrt(np.sum(centers * centers, axis=1)) <= radius  # as _l2_points decides
    l2 = {"smooth": Share.of(~inside), "interior": Share.of(inside)}
    zeros = {"L1": Share.of(W1 == 0.0), "L2": Share.of(W2 == 0.0)}
    return ThreeDOdds(l1, l2, zeros)


def sample_three_d_odds(
    rng: np.random.Generator,
    count: int,
    spread: float = 2.0,
    max_condition: float = 100.0,
    radius: float = 1.0,
) -> ThreeDOdds:
    """``three_d_odds`` for ``count`` problems of ``sample_problems_nd`` in 3-D.

    Centres are uniform in ``[-spread, spread]^3``; bowls have uniformly random axes
    and curvatures log-uniform in ``[1, max_condition]``.
    """
    centers, hessians = sample_problems_nd(rng, count, 3, spread, max_condition)
    return three_d_odds(centers, hessians, radius)


def zeros_against_dimension(
    dims: range | tuple[int, ...] = range(2, 51),
    count: int = 200,
    spread: float = 2.0,
    max_condition: float = 100.0,
    radius: float = 1.0,
    seed: int = 0,
    radius_per_weight: float | None = None,
) -> list[DimensionOdds]:
    """Share of exact zeros against the dimension, via ``studies.odds.dimension_odds``.

    Each dimension gets its own stream ``default_rng((seed, n))``, so changing the
    list of dimensions does not change any one dimension's problems.

    With ``radius_per_weight`` the budget grows with the signal, ``t = n *
    radius_per_weight`` (``radius`` is then unused): the centres' expected
    ``||c||_1`` is ``n spread / 2``, so a fixed ``t`` shrinks relative to the
    signal as ``n`` grows and a scaled one does not.
    """
    if radius_per_weight is not None:
        radius_per_weight = positive_scalar("radius_per_weight", radius_per_weight)
    results = []
    for dim in dims:
        rng = np.random.default_rng((seed, dim))
        centers, hessians = sample_problems_nd(rng, count, dim, spread, max_condition)
        budget = radius if radius_per_weight is None else dim * radius_per_weight
        results.append(dimension_odds(centers, hessians, budget))
    return results
