"""How an optimiser's run compares with the exact lasso solution: zeros, support, distance.

"Identified the support" means the iterate's zero pattern (which weights are
exactly 0.0) equals the exact solution's, from some iteration on and for the
rest of the run. The exact solution comes from ``solvers.solve_penalized``,
whose zeros are exact by construction. Thresholding afterwards (setting
``|w_i| < tau`` to 0) is how one reads zeros off an optimiser that never
produces them; its answer depends on ``tau``, which the data do not choose.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from geometry.validation import finite_scalar, finite_vector
from solvers.solution import Solution

__all__ = [
    "RunSummary",
    "exact_zero_count",
    "final_distance",
    "identification_iteration",
    "summarise_run",
    "threshold_matches_support",
    "thresholded_zero_count",
]


def _iterates(iterates: object, dim: int) -> np.ndarray:
    path = np.asarray(iterates, dtype=np.float64)
    if path.ndim != 2 or path.shape[0] == 0 or path.shape[1] != dim:
        raise ValueError(f"iterates must have shape (k + 1, {dim}), got {path.shape}")
    return path


def _weights(w: object) -> np.ndarray:
    # Not required finite: a diverged run (a step too large) is still summarised;
    # inf and NaN are simply not zeros.
    array = np.asarray(w, dtype=np.float64)
    if array.ndim != 1 or array.size == 0:
        raise ValueError(f"w must be a non-empty 1-D vector, got shape {array.shape}")
    return array


def _tau(tau: object) -> float:
    tau = finite_scalar("tau", tau)
    if tau < 0.0:
        raise ValueError(f"tau must be >= 0, got {tau}")
    return tau


def identification_iteration(iterates: object, exact: object) -> int | None:
    """The first iteration from which the zero pattern equals ``exact``'s and stays so.

    Parameters
    ----------
    iterates : array_like, shape (k + 1, n)
        A run, start included (row 0 is iteration 0).
    exact : array_like, shape (n,)
        The exact solution, its zeros exactly 0.0.

    Returns
    -------
    int or None
        The smallest ``i`` with ``iterates[j] == 0.0`` exactly where ``exact == 0.0``
        (and nowhere else) for every ``j >= i``; None when the last iterate's
        pattern differs ("never within the budget").
    """
    target = finite_vector("exact", exact) == 0.0
    path = _iterates(iterates, target.size)
    matches = np.all((path == 0.0) == target, axis=1)
    if not matches[-1]:
        return None
    misses = np.flatnonzero(~matches)
    return int(misses[-1]) + 1 if misses.size else 0


def final_distance(iterates: object, exact: object) -> float:
    """``||w_last - w*||_2``, the last iterate's Euclidean distance to the exact solution."""
    exact = finite_vector("exact", exact)
    return float(np.linalg.norm(_iterates(iterates, exact.size)[-1] - exact))


def exact_zero_count(w: object) -> int:
    """How many entries of ``w`` are exactly 0.0."""
    return int(np.count_nonzero(_weights(w) == 0.0))


def _thresholded_zeros(w: object, tau: object) -> np.ndarray:
    w = _weights(w)
    return (w == 0.0) | (np.abs(w) < _tau(tau))


def thresholded_zero_count(w: object, tau: float) -> int:
    """Zeros left after setting every ``|w_i| < tau`` to 0; with ``tau = 0``, the exact zeros."""
    return int(np.count_nonzero(_thresholded_zeros(w, tau)))


def threshold_matches_support(w: object, tau: float, exact: object) -> bool:
    """Whether thresholding ``w`` at ``tau`` gives exactly the exact solution's zero pattern."""
    exact = finite_vector("exact", exact)
    zeros = _thresholded_zeros(w, tau)
    if zeros.size != exact.size:
        raise ValueError(f"w must have {exact.size} entries, got {zeros.size}")
    return bool(np.array_equal(zeros, exact == 0.0))


@dataclass(frozen=True)
class RunSummary:
    """What a race table shows about one run.

    Attributes
    ----------
    identified_at : int or None
        ``identification_iteration``: from which iteration the zero pattern is the
        exact one and stays; None when not within the run.
    distance : float
        ``final_distance`` to the exact solution.
    zeros : int
        Exact zeros of the last iterate.
    exact_zeros : int
        Zeros of the exact solution.
    tau : float
        The threshold of the "threshold afterwards" reading.
    thresholded_zeros : int
        Zeros of the last iterate after setting ``|w_i| < tau`` to 0.
    threshold_matches : bool
        Whether those are exactly the solution's zeros.
    """

    identified_at: int | None
    distance: float
    zeros: int
    exact_zeros: int
    tau: float
    thresholded_zeros: int
    threshold_matches: bool


def summarise_run(iterates: object, solution: Solution, tau: float = 0.0) -> RunSummary:
    """The ``RunSummary`` of a run against the exact ``solve_penalized(loss, "l1", lam)``."""
    if not isinstance(solution, Solution):
        raise ValueError(f"solution must be a Solution, got {type(solution).__name__}")
    path = _iterates(iterates, solution.w.size)
    last = path[-1]
    return RunSummary(
        identified_at=identification_iteration(path, solution.w),
        distance=final_distance(path, solution.w),
        zeros=exact_zero_count(last),
        exact_zeros=len(solution.zeros),
        tau=_tau(tau),
        thresholded_zeros=thresholded_zero_count(last, tau),
        threshold_matches=threshold_matches_support(last, tau, solution.w),
    )
