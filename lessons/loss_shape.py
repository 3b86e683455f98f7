"""One value type for the loss the lessons draw: its centre, condition number and tilt."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

from geometry import QuadraticLoss


@dataclass(frozen=True)
class LossShape:
    """The loss ``0.5 (w - c)^T H (w - c)`` as the sliders describe it.

    ``H`` has eigenvalues 1 and ``condition``, its long axis (the flat
    direction) at ``angle`` degrees from the w1 axis. Frozen and hashable: a
    cache key as it stands.

    Attributes
    ----------
    c1, c2 : float
        The unconstrained optimum ŵ.
    condition : float
        Steepest over flattest curvature, >= 1.
    angle : float
        Direction of the ellipses' long axis, in degrees.
    """

    c1: float
    c2: float
    condition: float
    angle: float

    # The URL keys of the four sliders, in the field order above.
    KEYS = ("c1", "c2", "cond", "angle")

    @cached_property
    def loss(self) -> QuadraticLoss:
        """The QuadraticLoss (validated on first use)."""
        return QuadraticLoss.from_shape(
            (self.c1, self.c2), eigenvalues=(1.0, self.condition), angle_deg=self.angle
        )

    def as_state(self) -> dict[str, float]:
        """The sliders' values, by URL key."""
        return dict(zip(self.KEYS, (self.c1, self.c2, self.condition, self.angle), strict=True))

    @classmethod
    def from_state(cls, state: Mapping[str, object], default: LossShape) -> LossShape:
        """The shape held in ``state`` (by URL key), each missing value from ``default``."""
        fallback = default.as_state()
        return cls(*(float(state.get(key, fallback[key])) for key in cls.KEYS))


# The classic picture: L1 lands on the w2 axis, L2 does not.
DEFAULT_SHAPE = LossShape(c1=1.0, c2=2.0, condition=4.0, angle=-30.0)
