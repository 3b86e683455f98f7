"""The group-lasso ball: the sum of the groups' Euclidean lengths, within a budget.

``GroupLassoBall(radius, groups)`` is ``{w : sum_g ||w_g||_2 <= radius}`` (the
constraint form of the group lasso of Yuan & Lin, "Model selection and
estimation in regression with grouped variables", J. R. Statist. Soc. B 68,
2006). It is L1 across groups and L2 within them, so it zeroes whole groups at
once. In 3-D with the default groups ``((0, 1), (2,))`` it is the double cone
``||(w1, w2)||_2 + |w3| <= t``: two tips ``±t e3`` where ``w1 = w2 = 0``, a
rim (the circle ``w3 = 0``, ``||(w1, w2)|| = t``) where ``w3 = 0``, and two
smooth sheets between them where no group is zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from numbers import Integral

import numpy as np

from geometry.validation import positive_scalar

__all__ = ["GroupLassoBall"]


def _partition(name: str, value: object) -> tuple[tuple[int, ...], ...]:
    """Return ``value`` as a tuple of non-empty, disjoint index groups covering 0..n-1."""
    try:
        groups = tuple(tuple(group) for group in value)
    except TypeError:
        raise ValueError(f"{name} must be a sequence of index sequences, got {value!r}") from None
    indices: list[int] = []
    for group in groups:
        if not group:
            raise ValueError(f"{name} must not contain an empty group, got {value!r}")
        for index in group:
            if isinstance(index, bool) or not isinstance(index, Integral) or index < 0:
                raise ValueError(f"{name} must hold non-negative integers, got {index!r}")
            indices.append(int(index))
    if not indices or sorted(indices) != list(range(len(indices))):
        raise ValueError(
            f"{name} must split the indices 0..n-1 into disjoint groups, each index once, "
            f"got {value!r}"
        )
    return tuple(tuple(int(index) for index in group) for group in groups)


@dataclass(frozen=True)
class GroupLassoBall:
    """The region ``{w : sum_g ||w_g||_2 <= radius}`` for a partition of the coordinates.

    Parameters
    ----------
    radius : float
        The budget ``t`` > 0.
    groups : tuple of tuple of int
        A partition of ``0..n-1`` into groups; the default ``((0, 1), (2,))`` is
        the 3-D double cone ``||(w1, w2)||_2 + |w3| <= t``. All singletons give
        the L1 ball, one group the L2 ball.

    Raises
    ------
    ValueError
        If ``radius`` is not a finite number > 0 (the message names ``radius``),
        or ``groups`` is not a partition of ``0..n-1`` (it names ``groups``).
    """

    radius: float = 1.0
    groups: tuple[tuple[int, ...], ...] = ((0, 1), (2,))

    def __post_init__(self) -> None:
        object.__setattr__(self, "radius", positive_scalar("radius", self.radius))
        object.__setattr__(self, "groups", _partition("groups", self.groups))

    @property
    def dim(self) -> int:
        """The number of coordinates ``n`` the groups cover."""
        return sum(len(group) for group in self.groups)

    @property
    def label(self) -> str:
        """Short name for figures: "Group lasso {w1,w2}+{w3}"."""
        names = ("{" + ",".join(f"w{i + 1}" for i in group) + "}" for group in self.groups)
        return "Group lasso " + "+".join(names)

    @property
    def has_axis_corners(self) -> bool:
        """True when some group is a single coordinate: its axis ends in a tip (a corner)."""
        return any(len(group) == 1 for group in self.groups)

    def _check(self, w: object) -> np.ndarray:
        array = np.asarray(w, dtype=np.float64)
        if array.ndim == 0 or array.shape[-1] != self.dim:
            raise ValueError(f"w must have {self.dim} entries on its last axis, got {array.shape}")
        return array

    def norm(self, w: np.ndarray) -> np.ndarray | float:
        """``sum_g ||w_g||_2`` over the last axis of ``w``."""
        w = self._check(w)
        result = sum(np.sqrt(np.sum(w[..., list(g)] ** 2, axis=-1)) for g in self.groups)
        return float(result) if np.ndim(result) == 0 else result

    def dual_norm(self, v: np.ndarray) -> np.ndarray | float:
        """``max_g ||v_g||_2``: the ball's support function is ``radius * dual_norm(v)``."""
        v = self._check(v)
        lengths = np.stack([np.sqrt(np.sum(v[..., list(g)] ** 2, axis=-1)) for g in self.groups])
        result = np.max(lengths, axis=0)
        return float(result) if np.ndim(result) == 0 else result

    def contains(self, w: np.ndarray, rtol: float = 0.0) -> np.ndarray | bool:
        """Whether ``sum_g ||w_g||_2 <= radius * (1 + rtol)``."""
        inside = np.asarray(self.norm(w)) <= self.radius * (1.0 + rtol)
        return bool(inside) if inside.ndim == 0 else inside

    @property
    def axis_intercept(self) -> float:
        """Where the boundary crosses each axis: ``radius`` (one coordinate alone costs |w_i|)."""
        return self.radius

    def vertices(self) -> np.ndarray:
        """The tips ``±radius e_i`` of the single-coordinate groups, as a (2k, n) array.

        These are the corners (their normal cone is a solid cone); a group of two
        or more coordinates contributes no corner, only a smooth rim.
        """
        singles = [group[0] for group in self.groups if len(group) == 1]
        eye = np.eye(self.dim)[singles] * self.radius
        return np.concatenate([eye, -eye]) if singles else np.empty((0, self.dim))
