"""The optimality check at a 2-D solution: the pull of the loss against the normal cone.

At the optimum ``w`` of ``L`` over a region, ``-grad L(w)`` lies in the region's
normal cone at ``w`` (the KKT condition ``-grad L(w) in lam * d R(w)``). When a
penalty with an L1 part has set every weight to 0, the condition is the
penalty's subgradient at 0: ``|-dL/dw_i| <= lam * alpha`` for every ``i``, where
``alpha`` is the penalty's L1 share (1 for the lasso, 0 for ridge). This module
gathers the numbers of that check; ``lessons.words.cone_check`` says them.
Pure numpy; never imports streamlit or plotly.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from geometry import NormalCone, QuadraticLoss, normal_cone
from geometry.regions import Region
from solvers import Solution

__all__ = ["OptimalityCheck", "l1_share", "optimality_check"]


def l1_share(penalty: str, l1_ratio: float) -> float:
    """The L1 share ``alpha`` of a penalty as ``solve_penalized`` names it.

    Parameters
    ----------
    penalty : {"l1", "l2", "elasticnet"}
        The penalty.
    l1_ratio : float
        The elastic net's L1 share; ignored for "l1" (share 1) and "l2" (share 0).
    """
    return {"l1": 1.0, "l2": 0.0}.get(penalty, float(l1_ratio))


@dataclass(frozen=True)
class OptimalityCheck:
    """The numbers of the KKT check at a solution.

    Attributes
    ----------
    pull : ndarray
        ``-grad L(w)``, the pull of the loss at the solution.
    multiplier : float
        The KKT multiplier (constrained) or the penalty weight (penalised).
    cone : NormalCone or None
        The region's normal cone at ``w``; None when there is no region (a
        penalty set w = 0) or the constraint is slack.
    alpha : float
        The penalty's L1 share (read only when there is no region).
    largest : float
        ``max_i |pull_i|``: at w = 0 under a penalty, the component that must fit
        within ``multiplier * alpha``.
    """

    pull: np.ndarray
    multiplier: float
    cone: NormalCone | None
    alpha: float
    largest: float


def optimality_check(
    loss: QuadraticLoss,
    region: Region | None,
    solution: Solution,
    *,
    penalty: str = "l1",
    l1_ratio: float = 0.5,
) -> OptimalityCheck:
    """The pull of the loss at ``solution.w`` and the cone (or subgradient) it must lie in.

    Parameters
    ----------
    loss : QuadraticLoss
        The loss.
    region : NormBall, ElasticNetBall or None
        The region drawn; None when a penalty has set every weight to 0.
    solution : Solution
        The exact solution.
    penalty, l1_ratio : str, float
        The penalty (as for ``solve_penalized``) that gave ``solution``; only
        read when ``region`` is None.

    Returns
    -------
    OptimalityCheck
    """
    pull = -loss.gradient(solution.w)
    cone = None
    if region is not None and solution.active:
        cone = normal_cone(region, solution.w)
    return OptimalityCheck(
        pull=pull,
        multiplier=float(solution.multiplier),
        cone=cone,
        alpha=l1_share(penalty, l1_ratio),
        largest=float(np.max(np.abs(pull))),
    )
