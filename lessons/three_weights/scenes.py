"""One 3-D view of the Three weights page, computed: the loss, a region, its exact optimum.

The loss's shape is a "cigar": curvature 1 along one direction (the long axis
of the ellipsoids, given by two angles) and ``condition`` across it, so
``H = condition I - (condition - 1) u u^T`` for the unit long axis ``u``. A
``Scene`` holds what the figure draws: the region's mesh and kinks, the loss's
level set at ``L(w*)`` (the ellipsoid that first touches the region), the
exact optimum and the piece it lies on. Frozen, hashable inputs: the page caches on them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache

import numpy as np

from geometry import ElasticNetBall, NormBall, QuadraticLoss
from geometry.surfaces import Mesh, level_set_mesh
from lessons.three_weights.pieces import (
    REGION_NAMES,
    SHORT_NAMES,
    Piece,
    Region3D,
    creases,
    piece,
    region,
    region_mesh,
    words,
)
from solvers import Solution, solve_constrained

SHAPE_KEYS = ("c1", "c2", "c3", "cond", "azim", "elev")
# The default view: the vertex hit (w2 = w3 = 0 under L1).
SHAPE_DEFAULTS = {"c1": 1.6, "c2": 0.3, "c3": 0.25, "cond": 4.0, "azim": 30.0, "elev": 20.0}


@dataclass(frozen=True)
class Shape3D:
    """The 3-D loss as the sliders describe it: centre, condition number, long-axis angles.

    Frozen and hashable: a cache key as it stands.
    """

    c1: float
    c2: float
    c3: float
    condition: float
    azimuth: float
    elevation: float

    @property
    def long_axis(self) -> np.ndarray:
        """The unit vector along which the loss is flattest (curvature 1)."""
        az, el = math.radians(self.azimuth), math.radians(self.elevation)
        return np.array([math.cos(el) * math.cos(az), math.cos(el) * math.sin(az), math.sin(el)])

    @cached_property
    def loss(self) -> QuadraticLoss:
        """``0.5 (w - c)^T H (w - c)`` with ``H = k I - (k - 1) u u^T`` (validated on first use)."""
        u = self.long_axis
        hessian = self.condition * np.eye(3) - (self.condition - 1.0) * np.outer(u, u)
        hessian = 0.5 * (hessian + hessian.T)  # exactly symmetric
        return QuadraticLoss(center=(self.c1, self.c2, self.c3), hessian=hessian)

    @classmethod
    def from_state(cls, state: Mapping[str, object]) -> Shape3D:
        """The shape held in ``state`` by URL key, each missing value from the defaults."""
        return cls(*(float(state.get(key, SHAPE_DEFAULTS[key])) for key in SHAPE_KEYS))


DEFAULT_SHAPE = Shape3D.from_state({})


@dataclass(frozen=True)
class Scene:
    """Everything one 3-D view draws, computed.

    Attributes
    ----------
    kind : str
        A key of ``REGION_NAMES``.
    name : str
        The region's name ("L1 octahedron").
    region : NormBall, ElasticNetBall or GroupLassoBall
    mesh : Mesh
        The region's boundary.
    creases : tuple of ndarray
        Its kinks (edges, rim) as polylines, each of shape (m, 3).
    loss : QuadraticLoss
    solution : Solution
        The exact optimum.
    level_set : Mesh or None
        The ellipsoid ``L(w) = L(w*)``: the loss's level set that first touches the
        region (None when the budget is slack: then it is the point ŵ).
    piece : Piece
        The boundary piece that holds the optimum.
    words : str
        Where it lands, in words ("vertex: w1 = w3 = 0 exactly").
    limit : float
        Every axis runs over [-limit, limit] (the same for every view of the page).
    """

    kind: str
    name: str
    region: Region3D
    mesh: Mesh
    creases: tuple[np.ndarray, ...]
    loss: QuadraticLoss
    solution: Solution
    level_set: Mesh | None
    piece: Piece
    words: str
    limit: float

    @property
    def short_name(self) -> str:
        """ "L1", "L2", "Elastic net", "Group lasso": for legends."""
        return SHORT_NAMES[self.kind]

    @property
    def title(self) -> str:
        """The figure's title: the region, then the conclusion."""
        return f"{self.name}<br>{self.words}"


def view_limit(shape: Shape3D, budget: float, l1_ratio: float) -> float:
    """Half the side of the view cube: every region, ŵ and the touching ellipsoid, within reason.

    The cube holds the regions and ŵ with a margin, and the ellipsoid that
    touches the octahedron (the smallest region: its ellipsoid is the largest)
    only up to half as much again: for an ill-conditioned loss the ellipsoid is
    very long, and the cube stays fixed to the region (the rest is clipped).
    """
    loss = shape.loss
    base = max(budget, ElasticNetBall(budget, l1_ratio).axis_intercept)
    base = 1.15 * max(base, float(np.max(np.abs(loss.center))))
    level = solve_constrained(loss, NormBall(1, budget)).loss
    # The ellipsoid L(w) = level spans c_i +- sqrt(2 level (H^-1)_ii) along axis i.
    half = np.sqrt(2.0 * level * np.diag(np.linalg.inv(loss.hessian)))
    reach = 1.05 * float(np.max(np.abs(loss.center) + half))
    return max(base, min(reach, 1.5 * base))


@lru_cache(maxsize=64)
def scene(shape: Shape3D, kind: str, budget: float, l1_ratio: float = 0.5) -> Scene:
    """One view: the region of ``kind``, the loss, the exact optimum and what it touches."""
    loss = shape.loss
    ball = region(kind, budget, l1_ratio)
    solution = solve_constrained(loss, ball)
    mesh = region_mesh(kind, ball)
    level_set = level_set_mesh(loss, solution.loss) if solution.active else None
    return Scene(
        kind,
        REGION_NAMES[kind] + (f" (α = {l1_ratio:g})" if kind == "elasticnet" else ""),
        ball,
        mesh,
        creases(kind, ball, mesh),
        loss,
        solution,
        level_set,
        piece(kind, ball, mesh, solution),
        words(kind, solution),
        view_limit(shape, budget, l1_ratio),
    )


def comparison(shape: Shape3D, budget: float, l1_ratio: float) -> list[Scene]:
    """The same loss under L1, L2, the elastic net and the group lasso, in that order."""
    return [scene(shape, kind, budget, l1_ratio) for kind in REGION_NAMES]
