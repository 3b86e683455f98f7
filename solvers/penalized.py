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
from geometry.validation import finite_scalar, unit_interval
from solvers.certificate import (
    ROUNDING,
    UncertifiedError,
    at_most,
    block_condition,
    off_support_fits,
    tolerance,
    violation,
)
from solvers.exact_faces import ExactProblem, l1_face
from solvers.l1_ball import EXACT_LIMIT, require_enumerable, sign_patterns, supports
from solvers.solution import Solution, face_of_dimension

__all__ = ["PENALTIES", "solve_penalized"]

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
    """The certified (w, support size) over all supports and sign patterns."""
    n = loss.dim
    require_enumerable(loss)
    center, hessian, linear = loss.center, loss.hessian, loss.linear_term
    threshold = lam * a

    # w = 0: every pull |(H c)_j| fits in lam a.
    terms = np.abs(center) @ np.abs(hessian)
    zero_fits = bool(np.all(at_most(np.abs(linear), threshold, terms, ROUNDING)))
    zero_gap = float(np.max((np.abs(linear) - threshold) / (threshold + terms + 1e-300)))
    groups = [((), np.zeros((1, 0)), np.zeros((1, n)), np.array([zero_fits]), np.array([zero_gap]))]
    for support in [(i,) for i in range(n)] + list(supports(n)):
        indices = list(support)
        signs = sign_patterns(len(indices))
        system = hessian[np.ix_(indices, indices)] + 2.0 * (1.0 - a) * lam * np.eye(len(indices))
        inverse = np.linalg.inv(system)
        candidates = (linear[indices] - threshold * signs) @ inverse  # inverse is symmetric
        points = np.zeros((len(signs), n))
        points[:, indices] = candidates
        thresholds = np.full(len(signs), threshold)
        tol = tolerance(block_condition(system, inverse))
        certified = np.all(signs * candidates > 0.0, axis=1) & off_support_fits(
            hessian, center, points, indices, thresholds, tol
        )
        worst = violation(hessian, center, points, indices, signs, thresholds)
        groups.append((support, signs, points, certified, worst))

    hits = [(g, int(r)) for g in groups for r in np.flatnonzero(g[3])]
    if len(hits) == 1:
        (support, _, points, _, _), r = hits[0]
        return points[r], len(support)
    rows = [(g[0], g[1][r]) for g in groups for r in range(len(g[1]))]
    keys = np.concatenate([np.where(g[3], -np.inf, g[4]) for g in groups])
    problem = ExactProblem(hessian, center)
    for index in np.argsort(keys, kind="stable")[:EXACT_LIMIT].tolist():
        support, signs = rows[index]
        found = l1_face(problem, 0.0, support, signs, lam=lam, l1_ratio=a)
        if found is not None:
            return found[0], len(support)
    raise UncertifiedError(
        f"no support of the penalised problem (lam={lam}, l1_ratio={a}) could be certified "
        f"optimal (tried {min(len(rows), EXACT_LIMIT)} in exact arithmetic)"
    )
