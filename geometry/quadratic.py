"""Quadratic losses ``L(w) = 0.5 (w - c)^T H (w - c)`` and their level sets.

Every smooth loss looks like this near its minimum (second-order Taylor), and
least squares is exactly this with ``H = X^T X / n`` and ``c`` the OLS fit, so
the lesson loses nothing by working with quadratics. Level sets are ellipses
centred on ``c`` with axes along the eigenvectors of ``H``; they are drawn here
as exact parametric curves, not traced from a grid.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cached_property

import numpy as np

from geometry.validation import finite_scalar, finite_vector, positive_scalar, spd_matrix

__all__ = ["QuadraticLoss"]


class QuadraticLoss:
    """The quadratic loss ``0.5 (w - c)^T H (w - c)`` with ``H`` symmetric positive definite.

    Parameters
    ----------
    center : array_like, shape (n,)
        The unconstrained minimiser ``c`` (for least squares, the OLS estimate).
    hessian : array_like, shape (n, n)
        The curvature ``H``; must be symmetric positive definite.

    Raises
    ------
    ValueError
        If ``center`` is not a finite vector, or ``hessian`` is not a finite
        symmetric positive definite matrix of matching size.
    """

    def __init__(self, center: Sequence[float] | np.ndarray, hessian: np.ndarray) -> None:
        center_array = finite_vector("center", center)
        hessian_array = spd_matrix("hessian", hessian, center_array.size)
        center_array.setflags(write=False)
        hessian_array.setflags(write=False)
        self._center = center_array
        self._hessian = hessian_array

    @classmethod
    def from_shape(
        cls,
        center: Sequence[float],
        eigenvalues: Sequence[float] = (1.0, 1.0),
        angle_deg: float = 0.0,
    ) -> QuadraticLoss:
        """Build a 2-D loss from the shape of its ellipses.

        Parameters
        ----------
        center : (float, float)
            The unconstrained minimiser.
        eigenvalues : (float, float)
            Curvatures along the first and second principal axes; both > 0.
            The first axis points at ``angle_deg``; the ellipses are longest
            along the axis with the smaller curvature.
        angle_deg : float
            Angle of the first principal axis, counter-clockwise from the w1 axis.

        Returns
        -------
        QuadraticLoss
            The loss with ``H = R diag(eigenvalues) R^T``, ``R`` the rotation by ``angle_deg``.
        """
        values = finite_vector("eigenvalues", eigenvalues, dim=2)
        for index, value in enumerate(values):
            positive_scalar(f"eigenvalues[{index}]", value)
        angle = math.radians(finite_scalar("angle_deg", angle_deg))
        cos, sin = math.cos(angle), math.sin(angle)
        rotation = np.array([[cos, -sin], [sin, cos]])
        hessian = rotation @ np.diag(values) @ rotation.T
        # Rounding leaves the two off-diagonal entries unequal in the last bit.
        hessian = 0.5 * (hessian + hessian.T)
        return cls(finite_vector("center", center, dim=2), hessian)

    @property
    def center(self) -> np.ndarray:
        """The unconstrained minimiser ``c`` (read-only)."""
        return self._center

    @property
    def hessian(self) -> np.ndarray:
        """The curvature matrix ``H`` (read-only)."""
        return self._hessian

    @property
    def dim(self) -> int:
        """Number of weights ``n``."""
        return self._center.size

    @cached_property
    def eigh(self) -> tuple[np.ndarray, np.ndarray]:
        """Eigenvalues (ascending) and orthonormal eigenvectors (columns) of ``H``."""
        values, vectors = np.linalg.eigh(self._hessian)
        values.setflags(write=False)
        vectors.setflags(write=False)
        return values, vectors

    @cached_property
    def linear_term(self) -> np.ndarray:
        """``H c``: the loss is ``0.5 w^T H w - (H c)^T w + const``."""
        product = self._hessian @ self._center
        product.setflags(write=False)
        return product

    @property
    def condition_number(self) -> float:
        """Ratio of the largest to the smallest eigenvalue of ``H``."""
        values, _ = self.eigh
        return float(values[-1] / values[0])

    def value(self, w: np.ndarray) -> np.ndarray | float:
        """Loss at ``w``; ``w`` may be one point (n,) or a stack of points (..., n)."""
        diff = np.asarray(w, dtype=np.float64) - self._center
        result = 0.5 * np.einsum("...i,ij,...j->...", diff, self._hessian, diff)
        return float(result) if result.ndim == 0 else result

    def gradient(self, w: np.ndarray) -> np.ndarray:
        """Gradient ``H (w - c)`` at ``w`` (one point or a stack of points)."""
        diff = np.asarray(w, dtype=np.float64) - self._center
        return diff @ self._hessian  # H is symmetric, so this is H (w - c) row by row

    def level_curve(self, level: float, n_points: int = 181) -> np.ndarray:
        """Points on the ellipse ``L(w) = level`` (2-D only), as an (n_points, 2) closed curve.

        The ellipse is ``c + Q diag(sqrt(2 level / d)) (cos s, sin s)`` with
        ``H = Q diag(d) Q^T``: exact, evenly spaced in the parameter ``s``.
        A level of 0 gives the single point ``c`` repeated.
        """
        if self.dim != 2:
            raise ValueError(f"level_curve needs a 2-D loss, this one has dim={self.dim}")
        level = finite_scalar("level", level)
        if level < 0:
            raise ValueError(f"level must be >= 0, got {level}")
        values, vectors = self.eigh
        semi_axes = np.sqrt(2.0 * level / values)
        s = np.linspace(0.0, 2.0 * math.pi, n_points)
        unit_circle = np.stack([np.cos(s), np.sin(s)], axis=1)
        return self._center + (unit_circle * semi_axes) @ vectors.T

    def __repr__(self) -> str:
        return f"QuadraticLoss(center={self._center.tolist()}, hessian={self._hessian.tolist()})"
