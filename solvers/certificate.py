"""The KKT certificate that picks the optimal face, with scale-free tolerances.

The face-enumeration solvers (``planar``, ``l1_ball``, ``elastic_net``, ``box``,
``batch``, ``penalized``) compute one candidate per face and keep the one whose
optimality conditions hold, never the one with the least loss: when
``||c|| / t`` is large the losses of a vertex and of the true edge point are
equal in floating point, and a loss comparison then reports a false exact zero.

For the L1 part of a penalty (the lasso, the L1 ball, the elastic net) the
conditions at ``w`` with gradient ``g = H (w - c)``, multiplier ``lam`` and an
off-support threshold ``lam * a`` are (Bertsekas, *Nonlinear Programming*, 3.3):

- ``lam >= 0``;
- ``w`` strictly inside its face: ``sign(w_S) = s`` and ``w_j = 0`` off ``S``
  (built as 0.0, never rounded to it);
- ``-g`` in the normal cone: on ``S`` by construction of the candidate, and
  ``|g_j| <= lam * a`` for every ``j`` off ``S``.

Tolerance model. Each inequality ``x <= y`` is accepted when
``x <= y + tol * (|y| + terms)``, where ``terms`` is the sum of the absolute
values of the products that made ``x`` (for ``g_j``:
``sum_i |H_ji| (|w_i| + |c_i|)``) and ``tol = ROUNDING * kappa`` grows with
``kappa``, the condition number of the linear system that made ``w``: a bound
on the rounding of that very computation, relative to each quantity's own
scale, so the test means the same at every scale of ``c``, ``H`` and ``t``.
The signs are tested strictly (``s_i w_i > 0``), without tolerance.

When exactly one face passes, it is the optimum. When none passes or more
than one does (the data are degenerate to within rounding, e.g. ``||c|| / t``
beyond ~1e13), the solvers do not guess: the polyhedral ones re-solve the
candidate faces in exact rational arithmetic (``solvers.exact_faces``) and
keep the face whose certificate holds exactly, and the elastic net decides
its corners exactly in ``Q(sqrt D)``; what still cannot be decided raises
``ValueError`` (``UncertifiedError``) rather than return a false exact zero.
"""

from __future__ import annotations

import numpy as np

__all__ = [
    "EPS",
    "ROUNDING",
    "UncertifiedError",
    "at_most",
    "block_condition",
    "off_support_fits",
    "single",
    "tolerance",
    "violation",
]

EPS = float(np.finfo(np.float64).eps)
# A few roundings per term (difference, product, sum) with room to spare: far
# below the gaps a face choice hinges on (a vertex beside the true edge point
# misses its certificate by about t / ||c|| relative) until ||c|| / t ~ 1e13.
ROUNDING = 32.0 * EPS


class UncertifiedError(ValueError):
    """No face of the region could be certified optimal, even with the careful fallback."""


def tolerance(condition: float | np.ndarray = 1.0) -> float | np.ndarray:
    """The relative tolerance for quantities made through a system of this condition number."""
    return ROUNDING * condition


def at_most(x, y, terms, tol):
    """``x <= y`` up to rounding: ``x <= y + tol * (|y| + terms)``; floats or arrays alike."""
    return x <= y + tol * (abs(y) + terms)


def block_condition(block: np.ndarray, inverse: np.ndarray) -> float:
    """The 1-norm condition number ``||A||_1 ||A^-1||_1`` of a symmetric block (cheap, no SVD)."""
    return float(np.max(np.sum(np.abs(block), axis=0)) * np.max(np.sum(np.abs(inverse), axis=0)))


def off_support_fits(
    hessian: np.ndarray,
    center: np.ndarray,
    points: np.ndarray,
    support: list[int],
    thresholds: np.ndarray,
    tol: float,
) -> np.ndarray:
    """Whether ``|g_j| <= threshold`` (up to rounding) off ``support``, for each row of ``points``.

    Parameters
    ----------
    hessian, center : ndarray
        ``H`` (n, n) and ``c`` (n,).
    points : ndarray, shape (m, n)
        Candidates, exactly 0.0 off ``support``.
    support : list of int
        The indices that may be nonzero.
    thresholds : ndarray, shape (m,)
        ``lam * a`` for each candidate (the half-width of the subgradient interval at 0).
    tol : float
        The relative tolerance (``tolerance(kappa)``).

    Returns
    -------
    ndarray of bool, shape (m,)
    """
    off = np.setdiff1d(np.arange(center.size), support)
    if off.size == 0:
        return np.ones(points.shape[0], dtype=bool)
    columns = hessian[:, off]
    pulls = (points - center) @ columns  # g_j = H_j . (w - c), H symmetric
    terms = (np.abs(points) + np.abs(center)) @ np.abs(columns)
    return np.all(at_most(np.abs(pulls), thresholds[:, None], terms, tol), axis=1)


def violation(
    hessian: np.ndarray,
    center: np.ndarray,
    points: np.ndarray,
    support: list[int],
    signs: np.ndarray,
    thresholds: np.ndarray,
) -> np.ndarray:
    """How far each candidate misses its certificate, relative to its own scale (<= 0: it holds).

    Used only to order the faces for the exact fallback (the closest first).
    """
    off = np.setdiff1d(np.arange(center.size), support)
    worst = np.full(points.shape[0], -np.inf)
    if off.size:
        columns = hessian[:, off]
        pulls = np.abs((points - center) @ columns)
        terms = (np.abs(points) + np.abs(center)) @ np.abs(columns)
        scale = thresholds[:, None] + terms + 1e-300
        worst = np.max((pulls - thresholds[:, None]) / scale, axis=1)
    if len(support):
        on = points[:, support]
        size = np.max(np.abs(on), axis=1) + 1e-300
        worst = np.maximum(worst, np.max(-signs * on, axis=1) / size)
    return np.maximum(worst, -thresholds / (np.abs(thresholds) + 1e-300))


def single(certified: list[bool] | np.ndarray) -> int | None:
    """The index of the only certified candidate, or None when there are none or several."""
    hits = np.flatnonzero(np.asarray(certified))
    return int(hits[0]) if hits.size == 1 else None
