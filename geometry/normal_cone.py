"""Normal cones of the 2-D regions: why a corner holds the optimum.

At a boundary point ``w`` of a convex region the normal cone is the set of
directions ``v`` with ``v . (x - w) <= 0`` for every ``x`` in the region. The
point minimises a loss over the region exactly when ``-grad L(w)`` lies in it
(for a norm ball this is the subgradient condition
``-grad L(w) in lam * d||w||``). On a smooth piece of boundary the cone is a
single ray, the outward normal: the arrow must point exactly along it, a
condition of measure zero. At a corner it is a whole wedge: every loss whose
negative gradient falls anywhere inside it is optimal there. That positive
size is why the diamond's corners catch the optimum so often.

For the non-convex p < 1 star, the corners are outward cusps whose (regular)
normal cone is a half-plane: a local optimum sits there whenever the loss
would fall by moving outward along the axis.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

import numpy as np

from geometry.balls import ElasticNetBall, NormBall

__all__ = ["ConeKind", "NormalCone", "normal_cone"]

ConeKind = Literal["zero", "ray", "wedge", "halfplane"]


@dataclass(frozen=True)
class NormalCone:
    """A cone in the plane, by its kind and unit generators.

    ``ray``: one generator. ``wedge``: the two edge directions; the cone is
    their non-negative combinations. ``halfplane``: the two opposite edge
    directions, plus ``inward`` the direction that points into the half-plane.
    ``zero``: only the zero vector (an interior point).
    """

    kind: ConeKind
    generators: tuple[np.ndarray, ...] = ()
    inward: np.ndarray | None = None

    def contains(self, v: np.ndarray, rtol: float = 1e-9, atol: float = 0.0) -> bool:
        """Whether ``v`` lies in the cone, up to ``atol + rtol * |v|`` for rounding.

        ``atol`` matters when ``v`` is a gradient computed with cancellation
        (a centre just outside the region): its direction is then only known
        to the absolute accuracy of the terms it was computed from.
        """
        v = np.asarray(v, dtype=np.float64)
        size = float(np.linalg.norm(v))
        slack = atol + rtol * size
        if self.kind == "zero" or size == 0.0:
            return size <= slack
        if self.kind == "ray":
            (g,) = self.generators
            return abs(_cross(g, v)) <= slack and float(g @ v) > -slack
        if self.kind == "halfplane":
            return float(self.inward @ v) >= -slack
        g1, g2 = self.generators
        # v = alpha g1 + beta g2 with alpha, beta >= 0
        alpha, beta = np.linalg.solve(np.column_stack([g1, g2]), v)
        return alpha >= -slack and beta >= -slack

    @property
    def opening_degrees(self) -> float:
        """Angle of the cone: 0 for a ray, up to 180 for a half-plane."""
        if self.kind in ("zero", "ray"):
            return 0.0
        if self.kind == "halfplane":
            return 180.0
        g1, g2 = self.generators
        return math.degrees(math.acos(max(-1.0, min(1.0, float(g1 @ g2)))))


def _cross(a: np.ndarray, b: np.ndarray) -> float:
    return float(a[0] * b[1] - a[1] * b[0])


def _unit(v) -> np.ndarray:
    v = np.asarray(v, dtype=np.float64)
    return v / np.linalg.norm(v)


def normal_cone(region: NormBall | ElasticNetBall, w: np.ndarray) -> NormalCone:
    """The normal cone of a 2-D ``region`` at the boundary point ``w``.

    Parameters
    ----------
    region : NormBall or ElasticNetBall
        The region.
    w : ndarray, shape (2,)
        A point of the region, typically a solver's optimum (whose corner
        coordinates are exact zeros).

    Returns
    -------
    NormalCone
        ``zero`` inside the region, a ``ray`` on a smooth piece, a ``wedge`` at
        a convex corner, a ``halfplane`` at a corner of the p < 1 star.
    """
    w = np.asarray(w, dtype=np.float64)
    inside = region.norm(w) if isinstance(region, NormBall) else region.penalty(w)
    if inside < region.radius * (1.0 - 1e-12):
        return NormalCone("zero")
    signs = np.sign(w)
    zero_axes = [i for i in range(2) if w[i] == 0.0]
    if isinstance(region, ElasticNetBall):
        a = region.l1_ratio
        smooth_part = 2.0 * (1.0 - a) * w
        if a > 0.0 and zero_axes:
            (j,) = zero_axes
            i = 1 - j
            base = np.zeros(2)
            base[i] = a * signs[i] + smooth_part[i]
            left, right = base.copy(), base.copy()
            left[j], right[j] = -a, a
            return NormalCone("wedge", (_unit(left), _unit(right)))
        return NormalCone("ray", (_unit(a * signs + smooth_part),))
    p = region.p
    if p == 1.0:
        if zero_axes:
            (j,) = zero_axes
            left, right = signs.copy(), signs.copy()
            left[j], right[j] = -1.0, 1.0
            return NormalCone("wedge", (_unit(left), _unit(right)))
        return NormalCone("ray", (_unit(signs),))
    if math.isinf(p):
        at_bound = [i for i in range(2) if abs(w[i]) == region.radius]
        if len(at_bound) == 2:
            return NormalCone("wedge", (np.array([signs[0], 0.0]), np.array([0.0, signs[1]])))
        (i,) = at_bound
        direction = np.zeros(2)
        direction[i] = signs[i]
        return NormalCone("ray", (direction,))
    if p < 1.0 and zero_axes:
        (j,) = zero_axes
        i = 1 - j
        edge = np.zeros(2)
        edge[j] = 1.0
        inward = np.zeros(2)
        inward[i] = signs[i]
        return NormalCone("halfplane", (edge, -edge), inward=inward)
    # Smooth: the gradient of ||w||_p, sgn(w_i) |w_i|^(p-1).
    return NormalCone("ray", (_unit(signs * np.abs(w) ** (p - 1.0)),))
