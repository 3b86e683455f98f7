"""``solve_penalized``: the penalised form ``min L(w) + lam R(w)``, exactly.

    "l1":         R(w) = ||w||_1                          (lasso)
    "l2":         R(w) = ||w||_2^2                        (ridge)
    "elasticnet": R(w) = a ||w||_1 + (1 - a) ||w||_2^2    (a = l1_ratio)

Ridge has the closed form ``w = (H + 2 lam I)^{-1} H c``. For the penalties
with an L1 part the minimiser on a support ``S`` with signs ``s`` solves the
linear system ``(H_SS + 2 (1 - a) lam I) w_S = (H c)_S - lam a s`` (a = 1 for
the lasso): the soft-thresholding structure in matrix form. Enumerating the
supports and signs, keeping the candidates whose signs agree, and taking the
one with the least objective gives the global minimiser; the coordinates off
the support are set to 0.0, so the lasso's zeros are exact.

By Lagrange duality the same ``w`` solves the constrained problem with budget
``t = R(w)`` (``||w||_1``, ``||w||_2`` or the elastic-net penalty), with KKT
multiplier ``lam``; ``Solution.radius`` reports that budget.
"""

from __future__ import annotations

import numpy as np

from geometry import QuadraticLoss
from geometry._validate import finite_scalar, unit_interval
from solvers.l1_ball import require_enumerable, sign_patterns, supports
from solvers.solution import Solution, face_of_dimension

PENALTIES = ("l1", "l2", "elasticnet")


def solve_penalized(
    loss: QuadraticLoss, penalty: str = "l1", lam: float = 1.0, l1_ratio: float = 0.5
) -> Solution:
    """Minimise ``loss(w) + lam * R(w)`` exactly.

    Parameters
    ----------
    loss : QuadraticLoss
        The quadratic loss (any dimension up to 10 for penalties with an L1 part).
    penalty : {"l1", "l2", "elasticnet"}
        Which penalty ``R``.
    lam : float
        The penalty weight, >= 0.
    l1_ratio : float
        The L1 share ``a`` in [0, 1] of the elastic net (ignored otherwise).

    Returns
    -------
    Solution
        ``multiplier`` is ``lam``; ``radius`` the equivalent budget (``||w||_1``,
        ``||w||_2`` or the elastic-net penalty at ``w``); ``face`` where ``w`` sits
        on the ball of that budget ("origin" when every weight is zero).

    Raises
    ------
    ValueError
        If ``loss`` is not a QuadraticLoss, ``penalty`` is unknown, ``lam`` is
        negative or not finite, or ``l1_ratio`` is outside [0, 1].
    """
    if not isinstance(loss, QuadraticLoss):
        raise ValueError(f"loss must be a QuadraticLoss, got {type(loss).__name__}")
    if penalty not in PENALTIES:
        raise ValueError(f"penalty must be one of {PENALTIES}, got {penalty!r}")
    lam = finite_scalar("lam", lam)
    if lam < 0.0:
        raise ValueError(f"lam must be >= 0, got {lam}")
    a = {"l1": 1.0, "l2": 0.0}.get(penalty)
    if a is None:
        a = unit_interval("l1_ratio", l1_ratio)

    if lam == 0.0:  # no penalty: the unconstrained optimum, exactly
        w, face = loss.center.copy(), "interior"
    elif a == 0.0:
        w = np.linalg.solve(loss.hessian + 2.0 * lam * np.eye(loss.dim), loss.linear_term)
        face = "smooth" if np.any(w != 0.0) else "origin"
    else:
        w, support_size = _enumerate_supports(loss, lam, a)
        face = face_of_dimension(support_size - 1) if support_size else "origin"
    if penalty == "l2":
        budget = float(np.linalg.norm(w))
    else:
        budget = float(a * np.sum(np.abs(w)) + (1.0 - a) * (w @ w))
    return Solution(w, float(loss.value(w)), lam, budget, active=lam > 0.0, face=face)


def _enumerate_supports(loss: QuadraticLoss, lam: float, a: float) -> tuple[np.ndarray, int]:
    """Best (w, support size) over all supports and sign patterns."""
    n = loss.dim
    require_enumerable(loss)
    center, hessian, linear = loss.center, loss.hessian, loss.linear_term

    def objective(points: np.ndarray) -> np.ndarray:
        diffs = points - center
        smooth = 0.5 * np.einsum("ij,jk,ik->i", diffs, hessian, diffs)
        return smooth + lam * (
            a * np.sum(np.abs(points), axis=1) + (1.0 - a) * np.sum(points * points, axis=1)
        )

    # The optimum is the candidate whose signs agree and whose off-support pulls
    # fit in [-lam a, lam a] (KKT; unique, as the objective is strictly convex).
    # Supports are visited smallest first and the first that certifies wins: at
    # a degenerate lambda (the pull exactly at the threshold) a bigger support
    # reproduces the same point with a rounding-sized coordinate where the
    # geometry has an exact zero. Comparing objective values cannot decide
    # such cases: a coordinate of size d changes the objective by only d^2.
    slack = 1e-12 * (lam * a + np.linalg.norm(hessian, 2) * np.max(np.abs(center)))

    def certified(w: np.ndarray, support: list[int]) -> bool:
        pull = linear - hessian @ w
        off = np.setdiff1d(np.arange(n), support)
        return bool(np.all(np.abs(pull[off]) <= lam * a + slack))

    if certified(np.zeros(n), []):
        return np.zeros(n), 0
    best_w, best_size = np.zeros(n), 0
    best_value = float(objective(best_w[None, :])[0])
    tie = 16.0 * np.finfo(np.float64).eps * max(best_value, 1e-300)
    all_supports = [(i,) for i in range(n)] + list(supports(n))
    for support in all_supports:
        indices = list(support)
        signs = sign_patterns(len(indices))
        system = hessian[np.ix_(indices, indices)] + 2.0 * (1.0 - a) * lam * np.eye(len(indices))
        candidates = np.linalg.solve(system, (linear[indices] - lam * a * signs).T).T
        agree = np.all(signs * candidates > 0.0, axis=1)
        if not np.any(agree):
            continue
        points = np.zeros((len(signs), n))
        points[:, indices] = candidates
        values = objective(points)
        values[~agree] = np.inf
        for k in np.argsort(values)[: int(np.count_nonzero(agree))]:
            if certified(points[k], indices):
                return points[k], len(indices)
        j = int(np.argmin(values))
        # No certificate (rounding in a badly conditioned case): the least objective.
        if values[j] < best_value - tie:
            best_value, best_w, best_size = float(values[j]), points[j], len(indices)
    return best_w, best_size
