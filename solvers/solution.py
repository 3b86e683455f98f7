"""The answer every solver returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import numpy as np

# Where on the region the optimum sits. "interior": the constraint is slack
# (the unconstrained optimum is feasible); "vertex": a corner of a polyhedral
# ball; "edge"/"face": the relative interior of a 1-D / higher face of a
# polyhedral ball; "smooth": a point of a smooth boundary (the L2 circle).
Face = Literal["interior", "vertex", "edge", "face", "smooth"]


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
        matches the usual penalty: ``w`` also minimises ``loss + lambda * R(w)``
        with ``R = ||w||_1`` for the L1 ball and ``R = ||w||_2^2`` for the L2
        ball (ridge). It is 0 when the constraint is slack.
    radius : float
        The budget ``t`` of the ball.
    active : bool
        True when the constraint changes the answer (the unconstrained optimum
        lies outside the ball, so the solution sits on its boundary).
    face : str
        Where on the region the optimum lies: "interior", "vertex", "edge",
        "face" or "smooth".
    zeros : tuple of int
        Indices ``i`` with ``w[i] == 0.0`` exactly (derived from ``w``).
    """

    w: np.ndarray
    loss: float
    multiplier: float
    radius: float
    active: bool
    face: Face
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

    @property
    def is_sparse(self) -> bool:
        """True when at least one weight is exactly zero."""
        return bool(self.zeros)
