"""Constraint regions: the p-norm balls and the elastic-net ball.

``NormBall(p, radius)`` is ``{w : ||w||_p <= radius}`` for any ``p`` in
(0, inf]: p = 1 is the diamond (cross-polytope), p = 2 the disc, p = inf the
square; 0 < p < 1 gives a non-convex star. The balls with p <= 1 have their
corners exactly on the coordinate axes, which is the geometric reason the L1
constraint produces exact zeros.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from geometry.validation import positive_scalar, unit_interval

__all__ = ["ElasticNetBall", "NormBall"]


def _mirror_quadrant(quadrant: np.ndarray) -> np.ndarray:
    """Closed curve from its first-quadrant arc, which runs from (x, 0) to (0, y).

    Both balls are symmetric in each axis, so the other three quadrants are
    exact mirror images: the corners on the axes and the closing point are
    then exact, not the rounding of cos(pi/2) or sin(2 pi).
    """
    second = quadrant[::-1] * (-1.0, 1.0)
    third = quadrant * (-1.0, -1.0)
    fourth = quadrant[::-1] * (1.0, -1.0)
    return np.concatenate([quadrant, second[1:], third[1:], fourth[1:]])


def _quadrant_directions(n_points: int) -> tuple[np.ndarray, np.ndarray]:
    """Cosines and sines of evenly spaced angles over [0, pi/2], exact at both ends."""
    s = np.linspace(0.0, 0.5 * math.pi, max(n_points // 4, 2) + 1)
    cos, sin = np.cos(s), np.sin(s)
    cos[-1], sin[0] = 0.0, 0.0
    return cos, sin


@dataclass(frozen=True)
class NormBall:
    """The ball ``{w : ||w||_p <= radius}``.

    Parameters
    ----------
    p : float
        The norm's exponent, in (0, inf]; ``math.inf`` gives the square.
        For p < 1 the "norm" is the quasi-norm ``(sum |w_i|^p)^(1/p)``.
    radius : float
        The budget ``t`` > 0.

    Raises
    ------
    ValueError
        If ``p`` is not in (0, inf] or ``radius`` is not a finite number > 0.
    """

    p: float = 2.0
    radius: float = 1.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "p", positive_scalar("p", self.p, allow_inf=True))
        object.__setattr__(self, "radius", positive_scalar("radius", self.radius))

    @property
    def label(self) -> str:
        """Short name used in figures and text: "L1", "L2", "L∞", "L0.5"."""
        if math.isinf(self.p):
            return "L∞"
        return f"L{self.p:g}"

    @property
    def has_axis_corners(self) -> bool:
        """True when the ball's boundary has corners on the coordinate axes (p <= 1)."""
        return self.p <= 1.0

    def norm(self, w: np.ndarray) -> np.ndarray | float:
        """``||w||_p`` over the last axis of ``w``."""
        magnitudes = np.abs(np.asarray(w, dtype=np.float64))
        if math.isinf(self.p):
            result = np.max(magnitudes, axis=-1)
        elif self.p == 1.0:
            result = np.sum(magnitudes, axis=-1)
        elif self.p == 2.0:
            result = np.sqrt(np.sum(magnitudes * magnitudes, axis=-1))
        else:
            result = np.sum(magnitudes**self.p, axis=-1) ** (1.0 / self.p)
        return float(result) if np.ndim(result) == 0 else result

    @property
    def axis_intercept(self) -> float:
        """Where the boundary crosses each axis: ``radius``, for every p."""
        return self.radius

    def contains(self, w: np.ndarray, rtol: float = 0.0) -> np.ndarray | bool:
        """Whether ``||w||_p <= radius * (1 + rtol)``."""
        inside = np.asarray(self.norm(w)) <= self.radius * (1.0 + rtol)
        return bool(inside) if inside.ndim == 0 else inside

    def vertices(self, dim: int = 2) -> np.ndarray:
        """The ball's corner points: ``±radius e_i`` for p <= 1, the 2^dim box corners for p = inf.

        Smooth balls (1 < p < inf) have no corners and return an empty (0, dim) array.
        """
        if self.p <= 1.0:
            eye = np.eye(dim) * self.radius
            return np.concatenate([eye, -eye])
        if math.isinf(self.p):
            signs = np.array(np.meshgrid(*[[1.0, -1.0]] * dim, indexing="ij")).reshape(dim, -1).T
            return signs * self.radius
        return np.empty((0, dim))

    def boundary(self, n_points: int = 361) -> np.ndarray:
        """A closed curve (about n_points, 2) along the 2-D boundary ``||w||_p = radius``.

        p = 1 and p = inf are polygons returned through their exact corners
        (so a drawn corner is a true corner); other p use the superellipse
        parametrisation ``(sgn cos s |cos s|^(2/p), sgn sin s |sin s|^(2/p)) * radius``,
        which lies exactly on the boundary.
        """
        if self.p == 1.0:
            corners = [(1, 0), (0, 1), (-1, 0), (0, -1), (1, 0)]
            return np.array(corners, dtype=np.float64) * self.radius
        if math.isinf(self.p):
            corners = [(1, 1), (-1, 1), (-1, -1), (1, -1), (1, 1)]
            return np.array(corners, dtype=np.float64) * self.radius
        cos, sin = _quadrant_directions(n_points)
        exponent = 2.0 / self.p
        quadrant = np.stack([cos**exponent, sin**exponent], axis=1) * self.radius
        return _mirror_quadrant(quadrant)


@dataclass(frozen=True)
class ElasticNetBall:
    """The elastic-net region ``{w : a ||w||_1 + (1 - a) ||w||_2^2 <= radius}``, ``a = l1_ratio``.

    It has corners on the axes whenever ``l1_ratio > 0`` (the L1 part's kink)
    and curved edges between them (the L2 part).

    Parameters
    ----------
    radius : float
        The budget > 0 on the combined penalty.
    l1_ratio : float
        The weight ``a`` in [0, 1] of the L1 part; 1 is the L1 diamond of
        radius ``radius``, 0 the disc of radius ``sqrt(radius)``.
    """

    radius: float = 1.0
    l1_ratio: float = 0.5

    def __post_init__(self) -> None:
        object.__setattr__(self, "radius", positive_scalar("radius", self.radius))
        object.__setattr__(self, "l1_ratio", unit_interval("l1_ratio", self.l1_ratio))

    @property
    def label(self) -> str:
        """Short name used in figures and text."""
        return f"Elastic net (α={self.l1_ratio:g})"

    @property
    def has_axis_corners(self) -> bool:
        """True when the boundary has corners on the axes (any L1 part)."""
        return self.l1_ratio > 0.0

    def penalty(self, w: np.ndarray) -> np.ndarray | float:
        """``a ||w||_1 + (1 - a) ||w||_2^2`` over the last axis of ``w``."""
        w = np.asarray(w, dtype=np.float64)
        a = self.l1_ratio
        result = a * np.sum(np.abs(w), axis=-1) + (1.0 - a) * np.sum(w * w, axis=-1)
        return float(result) if np.ndim(result) == 0 else result

    def contains(self, w: np.ndarray, rtol: float = 0.0) -> np.ndarray | bool:
        """Whether the penalty at ``w`` is at most ``radius * (1 + rtol)``."""
        inside = np.asarray(self.penalty(w)) <= self.radius * (1.0 + rtol)
        return bool(inside) if inside.ndim == 0 else inside

    def _scale_along(self, l1_length: np.ndarray, l2_squared: np.ndarray) -> np.ndarray:
        """Largest s >= 0 with ``a s l1 + (1 - a) s^2 l2sq = radius``: the positive root."""
        a, r = self.l1_ratio, self.radius
        quadratic = (1.0 - a) * l2_squared
        linear = a * l1_length
        if a == 1.0:
            return r / linear
        # Stable form of the positive root of quadratic s^2 + linear s - r = 0.
        return 2.0 * r / (linear + np.sqrt(linear * linear + 4.0 * quadratic * r))

    @property
    def axis_intercept(self) -> float:
        """Where the boundary crosses each axis: ``v > 0`` with ``a v + (1 - a) v^2 = radius``."""
        return float(self._scale_along(np.array(1.0), np.array(1.0)))

    def vertices(self, dim: int = 2) -> np.ndarray:
        """The corners ``±v e_i`` on the axes (empty when ``l1_ratio == 0``: no corners)."""
        if self.l1_ratio == 0.0:
            return np.empty((0, dim))
        eye = np.eye(dim) * self.axis_intercept
        return np.concatenate([eye, -eye])

    def boundary(self, n_points: int = 361) -> np.ndarray:
        """A closed curve (about n_points, 2) on the 2-D boundary, through its exact corners."""
        cos, sin = _quadrant_directions(n_points)
        scale = self._scale_along(cos + sin, cos * cos + sin * sin)
        return _mirror_quadrant(np.stack([cos, sin], axis=1) * scale[:, None])
