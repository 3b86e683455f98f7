"""The answer every solver returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import numpy as np

__all__ = ["Face", "Solution", "face_of_dimension"]

# Where on the region the optimum sits. "interior": the constraint is slack
# (the unconstrained optimum is feasible); "vertex": a corner of the region
# (the diamond's, the square's, the elastic net's or the p < 1 star's);
# "edge"/"face": the relative interior of a 1-D / higher boundary piece
# between corners (straight for the diamond and square, curved for the
# elastic net); "smooth": a point of a smooth boundary (the L2 circle, 1 < p < inf);
# "origin": w = 0 (a penalty strong enough to zero every weight).
Face = Literal["interior", "vertex", "edge", "face", "smooth", "origin"]


def face_of_dimension(dimension: int) -> Face:
    """The name of a polyhedral boundary piece of this dimension: 0 vertex, 1 edge, else face."""
    return {0: "vertex", 1: "edge"}.get(dimension, "face")


@dataclass(frozen=True)
class Solution:
    """An exact optimum and its certificate.

    Attributes
    ----------
    w : ndarray, shape (n,)
        The minimiser. Coordinates that are zero at the optimum are exactly 0.0:
        the solver builds them as zeros from the face it identified, never by rounding.
    loss : float
        The loss at ``w``.
    multiplier : float
        The KKT multiplier ``lambda >= 0`` of the constraint, in the form that
        matches the usual penalty: ``w`` also minimises (is stationary for, when
        p < 1) ``loss + lambda * R(w)`` with the bridge penalty
        ``R = sum_i |w_i|^p`` for a p-norm ball (``||w||_1`` for L1, ``||w||_2^2``
        for L2: lasso and ridge), ``R = ||w||_inf`` for the square, and
        ``R = a ||w||_1 + (1 - a) ||w||_2^2`` for the elastic net. It is 0 when
        the constraint is slack. For ``solve_penalized`` it is the penalty weight.
    radius : float
        The budget ``t`` of the ball (constrained), or the equivalent budget:
        the size of ``w`` in the ball's own measure (penalised; 0 when w = 0).
    active : bool
        True when the constraint changes the answer (the unconstrained optimum
        lies outside the ball, so the solution sits on its boundary).
    face : str
        Where on the region the optimum lies: "interior", "vertex", "edge",
        "face", "smooth" or "origin".
    local_minima : tuple of ndarray
        For the non-convex p < 1 star: every local minimum on the boundary
        (each a tangency or a corner), the global one first. Empty otherwise.
    zeros : tuple of int
        Indices ``i`` with ``w[i] == 0.0`` exactly (derived from ``w``).
    """

    w: np.ndarray
    loss: float
    multiplier: float
    radius: float
    active: bool
    face: Face
    local_minima: tuple[np.ndarray, ...] = ()
    zeros: tuple[int, ...] = field(init=False)

    def __post_init__(self) -> None:
        w = np.array(self.w, dtype=np.float64)
        w.setflags(write=False)
        object.__setattr__(self, "w", w)
        object.__setattr__(self, "loss", float(self.loss))
        object.__setattr__(self, "multiplier", float(self.multiplier))
        # A plain loop: for the 2-D lesson it is cheaper than numpy's flatnonzero.
        zeros = tuple(i for i, value in enumerate(w.tolist()) if value == 0.0)
        object.__setattr__(self, "zeros", zeros)
