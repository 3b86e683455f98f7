"""The Training page's readings of a run: how close the zero weights come, and why they stay.

Every number the explanations and the Tour quote about a run is computed here,
from the iterates the model returns (``lessons.training.model``).
"""

from __future__ import annotations

import numpy as np

from lessons.training.model import Race


def watched(race: Race) -> tuple[tuple[int, ...], bool]:
    """The weights the log plot follows: the optimum's zeros, else its smallest weight."""
    if race.exact.zeros:
        return tuple(race.exact.zeros), True
    return (int(np.argmin(np.abs(race.exact.w))),), False


def distance_from_zero(race: Race, slug: str) -> np.ndarray:
    """``max |w_i|`` over the watched weights at each row of the run (0.0 when all are 0.0)."""
    indices, _ = watched(race)
    return np.abs(race.runs[slug][:, list(indices)]).max(axis=1)


def _late(race: Race) -> slice:
    """The second half of the run: where a method hovers, if it does."""
    return slice(race.rows // 2 + 1, None)


def hover(race: Race, slug: str) -> tuple[int, float, float, int]:
    """Over the second half: sign changes of the watched weights, min and max |w|, exact zeros."""
    indices, _ = watched(race)
    late = race.runs[slug][_late(race)][:, list(indices)]
    signs = np.sign(late)
    changes = int(np.count_nonzero(signs[1:] * signs[:-1] < 0))
    size = np.abs(late).max(axis=1)
    zeros = int(np.count_nonzero(np.all(race.runs[slug][:, list(indices)] == 0.0, axis=1)))
    return changes, float(size.min()), float(size.max()), zeros


def prox_inputs(race: Race, slug: str) -> np.ndarray:
    """ISTA's stepped points ``v_k = w_k - eta grad L(w_k)``, one per step (rows 0..k-1)."""
    path = race.runs[slug][:-1]
    return path - race.step * race.loss.gradient(path)


def partial_residuals(race: Race) -> np.ndarray:
    """Coordinate descent's ``rho_j`` at each sweep's update of ``w_j``: shape (sweeps, n).

    ``rho_j = (H c)_j - sum_{k != j} H_jk w_k`` with the weights before ``j``
    already updated in this sweep and the ones after it from the previous one.
    """
    path, hessian, linear = race.runs["cd"], race.loss.hessian, race.loss.linear_term
    n = path.shape[1]
    rho = np.empty((path.shape[0] - 1, n))
    for j in range(n):
        mixed = np.concatenate([path[1:, :j], path[:-1, j:]], axis=1)
        rho[:, j] = linear[j] - mixed @ hessian[j] + hessian[j, j] * mixed[:, j]
    return rho


def left_zero(race: Race, slug: str) -> int:
    """How often a watched weight went from exactly 0.0 back to non-zero."""
    indices, _ = watched(race)
    zero = race.runs[slug][:, list(indices)] == 0.0
    return int(np.count_nonzero(zero[:-1] & ~zero[1:]))
