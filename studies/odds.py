"""How often: shares of random problems with exact zeros, with their confidence intervals.

A share estimated from ``n`` independent problems is a binomial proportion;
its 95% interval is Wilson's score interval (Wilson, "Probable inference, the
law of succession, and statistical inference", JASA 22, 1927), which, unlike
``p ± 1.96 sqrt(p(1-p)/n)``, stays inside [0, 1] and does not collapse to a
point when no problem (or every problem) has a zero.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from geometry import NormBall, QuadraticLoss
from geometry.validation import finite_scalar
from solvers.constrained import solve_constrained
from solvers.homotopy import solve_l1_homotopy

__all__ = ["Z_95", "DimensionOdds", "Share", "dimension_odds", "near_zero", "wilson_interval"]

Z_95 = 1.959963984540054  # the 97.5% quantile of the standard normal


def wilson_interval(hits: int, total: int, z: float = Z_95) -> tuple[float, float]:
    """Wilson's score interval for the proportion ``hits / total``; (0, 1) when total is 0."""
    if total < 0 or not 0 <= hits <= total:
        raise ValueError(f"hits must lie in [0, total], got hits={hits}, total={total}")
    if total == 0:
        return 0.0, 1.0
    share = hits / total
    z2 = z * z
    centre = (share + z2 / (2 * total)) / (1 + z2 / total)
    half = z / (1 + z2 / total) * math.sqrt(share * (1 - share) / total + z2 / (4 * total**2))
    # At 0 or n hits the interval touches the bound exactly, not 1e-17 away.
    low = 0.0 if hits == 0 else max(centre - half, 0.0)
    high = 1.0 if hits == total else min(centre + half, 1.0)
    return low, high


@dataclass(frozen=True)
class Share:
    """``hits`` of ``total`` problems, with Wilson's 95% interval."""

    hits: int
    total: int

    @property
    def value(self) -> float:
        """The proportion; 0 when there are no problems."""
        return self.hits / self.total if self.total else 0.0

    @property
    def interval(self) -> tuple[float, float]:
        """Wilson's 95% score interval."""
        return wilson_interval(self.hits, self.total)

    @classmethod
    def of(cls, mask: np.ndarray) -> Share:
        """The share of True entries of a boolean array."""
        mask = np.asarray(mask, dtype=bool)
        return cls(int(np.count_nonzero(mask)), int(mask.size))


def near_zero(solutions: np.ndarray, tolerance: float) -> np.ndarray:
    """Which solutions have a coordinate counted as zero: ``== 0.0`` exactly, or ``|w_i| < tol``.

    Parameters
    ----------
    solutions : ndarray, shape (N, n)
        The solutions.
    tolerance : float
        0 for the exact count; a positive value mimics a simulation that rounds.

    Returns
    -------
    ndarray of bool, shape (N,)
    """
    tolerance = finite_scalar("tolerance", tolerance)
    if tolerance < 0.0:
        raise ValueError(f"tolerance must be >= 0, got {tolerance!r}")
    small = solutions == 0.0 if tolerance == 0.0 else np.abs(solutions) < tolerance
    return np.any(small, axis=1)


@dataclass(frozen=True)
class DimensionOdds:
    """Zeros of random n-D problems under the L1 and the L2 ball.

    Attributes
    ----------
    dim : int
        The dimension.
    zero_coordinates : dict
        ``{"L1": Share, "L2": Share}``: share of all coordinates that are exactly 0.0.
    any_zero : dict
        ``{"L1": Share, "L2": Share}``: share of problems with at least one exact zero.
    nonzeros : dict
        ``{"L1": ndarray, "L2": ndarray}``: the number of non-zero weights of each solution.
    """

    dim: int
    zero_coordinates: dict[str, Share]
    any_zero: dict[str, Share]
    nonzeros: dict[str, np.ndarray]


def dimension_odds(centers: np.ndarray, hessians: np.ndarray, radius: float) -> DimensionOdds:
    """Solve each n-D problem exactly under the L1 and L2 balls of ``radius`` and count zeros.

    Parameters
    ----------
    centers : ndarray, shape (N, n)
        Unconstrained optima.
    hessians : ndarray, shape (N, n, n)
        Their Hessians.
    radius : float
        The budget t.

    Returns
    -------
    DimensionOdds
    """
    count, dim = centers.shape
    losses = [QuadraticLoss(center=c, hessian=h) for c, h in zip(centers, hessians, strict=True)]
    solvers = {
        # The homotopy follows one path, where face enumeration would visit 3^n faces.
        "L1": lambda loss: solve_l1_homotopy(loss, radius),
        "L2": lambda loss: solve_constrained(loss, NormBall(p=2, radius=radius)),
    }
    zero_coordinates, any_zero, nonzeros = {}, {}, {}
    for name, solve in solvers.items():
        zeros = np.array([solve(loss).w == 0.0 for loss in losses]).reshape(count, dim)
        zero_coordinates[name] = Share(int(zeros.sum()), zeros.size)
        any_zero[name] = Share.of(zeros.any(axis=1))
        nonzeros[name] = dim - zeros.sum(axis=1)
    return DimensionOdds(dim, zero_coordinates, any_zero, nonzeros)
