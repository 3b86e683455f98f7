"""Which loss centres land on an axis: the exact catchment regions, and their areas.

For a convex region ``B`` and the loss ``0.5 (w - c)^T H (w - c)``, the
boundary point ``v`` is the constrained optimum exactly when the pull
``H (c - v)`` lies in the normal cone ``N(v)`` (KKT, sufficient by convexity).
So the centres whose optimum is the axis point ``v`` form the set

    v + H^{-1} N(v).

At a corner of the L1 diamond ``N(v)`` is a wedge, so the set is a wedge of
positive area with apex ``v`` and edges along ``H^{-1}`` of the wedge's
generators. At a smooth point (the L2 circle) ``N(v)`` is a ray, so the set is
a ray: a line of zero area. Shares of a disc or square of centres are exact
areas: convex polygons clipped to the square (Sutherland-Hodgman) or
intersected with the disc edge by edge in closed form (the signed area of
disc ∩ triangle(0, a, b), split where the edge crosses the circle).
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import numpy as np

from geometry.balls import NormBall
from geometry.normal_cone import normal_cone
from geometry.regions import Region
from geometry.validation import positive_scalar, spd_matrix
from studies.ensembles import Domain, domain_area

__all__ = [
    "Catchment",
    "CatchmentShares",
    "area_in_domain",
    "axis_catchments",
    "axis_points",
    "catchment_shares",
    "clip_to_square",
    "polygon_area",
    "polygon_disc_area",
    "region_area_in_domain",
]


@dataclass(frozen=True)
class Catchment:
    """The centres whose optimum is the axis point ``apex``: ``apex + cone(directions)``.

    Attributes
    ----------
    apex : ndarray, shape (2,)
        The axis point of the region's boundary.
    directions : tuple of ndarray
        Two unit directions, counter-clockwise (a wedge of positive area), or
        one (a ray: a set of zero area).
    axis : int
        0 when ``apex`` lies on the w1 axis (the optimum has ``w2 = 0``), 1 for w2.
    """

    apex: np.ndarray
    directions: tuple[np.ndarray, ...]
    axis: int

    @property
    def has_area(self) -> bool:
        """True for a wedge, False for a ray."""
        return len(self.directions) == 2

    def polygon(self, reach: float) -> np.ndarray:
        """The wedge cut off where it is surely beyond distance ``reach`` of the origin.

        Returns the triangle ``apex, apex + L d1, apex + L d2`` (3, 2) whose far edge
        lies outside the disc of radius ``reach``; empty (0, 2) for a ray.
        """
        if not self.has_area:
            return np.empty((0, 2))
        d1, d2 = self.directions
        half_opening = 0.5 * math.atan2(_cross(d1, d2), float(d1 @ d2))
        # The far edge is at distance L cos(half opening) from the apex.
        length = 2.0 * (float(np.linalg.norm(self.apex)) + reach) / math.cos(half_opening)
        return np.array([self.apex, self.apex + length * d1, self.apex + length * d2])


def _cross(a: np.ndarray, b: np.ndarray) -> float:
    return float(a[0] * b[1] - a[1] * b[0])


def axis_points(region: Region) -> np.ndarray:
    """Where the boundary of ``region`` crosses the axes: ``(+v, 0), (0, +v), (-v, 0), (0, -v)``."""
    return region.axis_intercept * np.array([[1.0, 0.0], [0.0, 1.0], [-1.0, 0.0], [0.0, -1.0]])


def axis_catchments(hessian: object, region: Region) -> list[Catchment]:
    """The four sets of centres whose constrained optimum is an axis point of ``region``.

    Parameters
    ----------
    hessian : array_like, shape (2, 2)
        The loss's Hessian ``H`` (symmetric positive definite).
    region : NormBall or ElasticNetBall
        A convex region (``p >= 1``); for p < 1 the optimum is global, not local,
        and no such formula exists.

    Returns
    -------
    list of Catchment
        One per axis point, in the order of ``axis_points``.
    """
    hessian = spd_matrix("hessian", hessian, dim=2)
    if isinstance(region, NormBall) and region.p < 1.0:
        raise ValueError(
            f"region must be convex (p >= 1) for exact catchments, got p = {region.p:g}"
        )
    inverse = np.linalg.inv(hessian)
    catchments = []
    for index, apex in enumerate(axis_points(region)):
        cone = normal_cone(region, apex)
        directions = tuple(_unit(inverse @ g) for g in cone.generators)
        if len(directions) == 2 and _cross(*directions) < 0.0:
            directions = directions[::-1]
        catchments.append(Catchment(apex, directions, axis=index % 2))
    return catchments


def _unit(v: np.ndarray) -> np.ndarray:
    return v / np.linalg.norm(v)


def polygon_area(polygon: np.ndarray) -> float:
    """Signed area of a simple polygon (counter-clockwise positive), by the shoelace formula."""
    if len(polygon) < 3:
        return 0.0
    x, y = polygon[:, 0], polygon[:, 1]
    return 0.5 * float(np.sum(x * np.roll(y, -1) - np.roll(x, -1) * y))


def clip_to_square(polygon: np.ndarray, half_width: float) -> np.ndarray:
    """The part of a convex polygon inside ``[-half_width, half_width]^2`` (Sutherland-Hodgman)."""
    points = [np.asarray(p, dtype=np.float64) for p in polygon]
    for axis in (0, 1):
        for sign in (1.0, -1.0):
            # Keep the side sign * x_axis <= half_width.
            clipped: list[np.ndarray] = []
            for k, current in enumerate(points):
                previous = points[k - 1]
                inside_now = sign * current[axis] <= half_width
                inside_before = sign * previous[axis] <= half_width
                if inside_now != inside_before:
                    s = (half_width - sign * previous[axis]) / (
                        sign * current[axis] - sign * previous[axis]
                    )
                    crossing = previous + s * (current - previous)
                    crossing[axis] = sign * half_width  # exactly on the side
                    clipped.append(crossing)
                if inside_now:
                    clipped.append(current)
            points = clipped
            if not points:
                return np.empty((0, 2))
    return np.array(points)


def _segment_disc_area(a: np.ndarray, b: np.ndarray, radius: float) -> float:
    """Signed area of (disc of ``radius`` at 0) ∩ triangle(0, a, b)."""
    d = b - a
    qa, qb, qc = float(d @ d), 2.0 * float(a @ d), float(a @ a) - radius * radius
    cuts = [0.0, 1.0]
    discriminant = qb * qb - 4.0 * qa * qc
    if qa > 0.0 and discriminant > 0.0:
        root = math.sqrt(discriminant)
        # Stable pair of roots of qa s^2 + qb s + qc = 0.
        q = -0.5 * (qb + math.copysign(root, qb))
        roots = sorted(r for r in (q / qa, qc / q if q != 0.0 else math.nan) if 0.0 < r < 1.0)
        cuts = [0.0, *roots, 1.0]
    area = 0.0
    for s0, s1 in itertools.pairwise(cuts):
        p, q_point = a + s0 * d, a + s1 * d
        middle = a + 0.5 * (s0 + s1) * d
        if float(middle @ middle) <= radius * radius:
            area += 0.5 * _cross(p, q_point)  # a triangle inside the disc
        else:
            area += 0.5 * radius * radius * math.atan2(_cross(p, q_point), float(p @ q_point))
    return area


def polygon_disc_area(polygon: np.ndarray, radius: float) -> float:
    """Area of a counter-clockwise polygon ∩ the disc of ``radius`` at 0, in closed form."""
    if len(polygon) < 3:
        return 0.0
    edges = [(polygon[k], polygon[(k + 1) % len(polygon)]) for k in range(len(polygon))]
    origin_inside = all(_cross(b - a, -a) >= 0.0 for a, b in edges)
    if not origin_inside and all(_distance_to_origin(a, b) >= radius for a, b in edges):
        return 0.0  # disjoint: exactly nothing, not a sum of sectors that cancels to 1e-17
    area = sum(_segment_disc_area(a, b, radius) for a, b in edges)
    return min(max(area, 0.0), math.pi * radius * radius, polygon_area(polygon))


def _distance_to_origin(a: np.ndarray, b: np.ndarray) -> float:
    d = b - a
    s = min(max(-float(a @ d) / float(d @ d), 0.0), 1.0) if float(d @ d) > 0.0 else 0.0
    return float(np.linalg.norm(a + s * d))


def area_in_domain(polygon: np.ndarray, domain: Domain, spread: float) -> float:
    """Area of a counter-clockwise convex polygon inside the disc or square of ``spread``."""
    spread = positive_scalar("spread", spread)
    if domain == "disk":
        return polygon_disc_area(polygon, spread)
    if domain == "square":
        return polygon_area(clip_to_square(polygon, spread))
    raise ValueError(f"domain must be 'disk' or 'square', got {domain!r}")


def region_area_in_domain(region: NormBall, domain: Domain, spread: float) -> float:
    """Area of the L1 diamond or the L2 disc inside the domain (centres that need no shrinkage)."""
    t = region.radius
    if region.p == 1.0:
        return area_in_domain(axis_points(region), domain, spread)
    if region.p == 2.0:
        if domain == "disk":
            return math.pi * min(t, spread) ** 2
        square = spread * np.array([[-1.0, -1.0], [1.0, -1.0], [1.0, 1.0], [-1.0, 1.0]])
        return polygon_disc_area(square, t)
    raise ValueError(f"region must be the L1 or L2 ball, got p = {region.p:g}")


@dataclass(frozen=True)
class CatchmentShares:
    """Exact shares of a domain of centres by where their optimum lands.

    Attributes
    ----------
    axis : tuple of float
        Share landing on the w1 axis (``w2 = 0``) and on the w2 axis (``w1 = 0``).
    inside : float
        Share inside the region: no shrinkage at all.
    elsewhere : float
        Share landing on the boundary off the axes.
    """

    axis: tuple[float, float]
    inside: float
    elsewhere: float

    @property
    def on_axis(self) -> float:
        """Share with an exact zero (on either axis)."""
        return self.axis[0] + self.axis[1]

    @property
    def on_axis_given_outside(self) -> float:
        """Share with an exact zero among centres outside the region (those that get shrunk)."""
        outside = 1.0 - self.inside
        return self.on_axis / outside if outside > 0.0 else 0.0


def catchment_shares(
    hessian: object, region: NormBall, domain: Domain, spread: float
) -> CatchmentShares:
    """Exact shares of centres uniform in the domain by where the optimum lands (L1 or L2 ball).

    Parameters
    ----------
    hessian : array_like, shape (2, 2)
        The loss's Hessian, the same for every centre.
    region : NormBall
        The L1 or L2 ball.
    domain : {"disk", "square"}
        Centres fill the disc of radius ``spread`` or the square ``[-spread, spread]^2``.
    spread : float
        Its size; > 0.

    Returns
    -------
    CatchmentShares
    """
    total = domain_area(domain, spread)
    axis_area = [0.0, 0.0]
    for catchment in axis_catchments(hessian, region):
        axis_area[catchment.axis] += area_in_domain(catchment.polygon(spread), domain, spread)
    inside = region_area_in_domain(region, domain, spread) / total
    axis = (axis_area[0] / total, axis_area[1] / total)
    elsewhere = max(1.0 - inside - sum(axis), 0.0)
    return CatchmentShares(axis=axis, inside=inside, elsewhere=elsewhere)
