"""``solve_constrained``: validate, then dispatch to the exact solver for the ball."""

from __future__ import annotations

import math

from geometry import ElasticNetBall, NormBall, QuadraticLoss
from geometry.group_lasso import GroupLassoBall
from solvers.box import solve_linf_ball
from solvers.elastic_net import solve_elastic_net_ball
from solvers.group_lasso import solve_group_lasso_ball
from solvers.homotopy import solve_l1_homotopy
from solvers.l1_ball import MAX_ENUMERATION_DIM, solve_l1_ball
from solvers.l2_ball import solve_l2_ball
from solvers.lp_ball import solve_lp_ball_planar
from solvers.planar import solve_l1_planar, solve_l2_planar
from solvers.solution import Solution

__all__ = ["solve_constrained"]


def solve_constrained(loss: QuadraticLoss, ball: NormBall | ElasticNetBall) -> Solution:
    """Minimise ``loss(w)`` subject to ``w`` lying in ``ball``, exactly.

    Parameters
    ----------
    loss : QuadraticLoss
        The quadratic loss ``0.5 (w - c)^T H (w - c)``.
    ball : NormBall or ElasticNetBall
        The constraint region. p = 1: face enumeration up to 10 dimensions, the
        lasso homotopy beyond;
        p = 2: the secular equation (any dimension), both with closed forms in
        2-D (``solvers.planar``); p = inf: active-bound enumeration (any small
        dimension); other p: the boundary angle with bracketed roots (2-D);
        elastic net: face enumeration with a bracketed root on curved pieces.

    Returns
    -------
    Solution
        ``w`` with exact zeros, the loss there, the KKT multiplier, the
        budget, whether the constraint is active, and the face it lies on.

    Raises
    ------
    ValueError
        If ``loss`` is not a QuadraticLoss or ``ball`` is not a ball.
    NotImplementedError
        For p other than 1, 2 and inf in more than two dimensions.
    """
    if not isinstance(loss, QuadraticLoss):
        raise ValueError(f"loss must be a QuadraticLoss, got {type(loss).__name__}")
    if isinstance(ball, NormBall):
        if ball.p in (1.0, 2.0) and loss.dim == 2:
            planar = solve_l1_planar if ball.p == 1.0 else solve_l2_planar
            (c1, c2), ((h11, h12), (_, h22)) = loss.center.tolist(), loss.hessian.tolist()
            return planar(c1, c2, h11, h12, h22, ball.radius)
        if ball.p == 1.0:
            if loss.dim > MAX_ENUMERATION_DIM:  # 3^n faces: follow the lasso path instead
                return solve_l1_homotopy(loss, ball.radius)
            return solve_l1_ball(loss, ball.radius)
        if ball.p == 2.0:
            return solve_l2_ball(loss, ball.radius)
        if math.isinf(ball.p):
            return solve_linf_ball(loss, ball.radius)
        if loss.dim == 2:
            return solve_lp_ball_planar(loss, ball)
        raise NotImplementedError(
            f"solve_constrained solves p = {ball.p:g} in 2-D only (by the boundary angle); "
            f"loss has dim={loss.dim}"
        )
    if isinstance(ball, ElasticNetBall):
        return solve_elastic_net_ball(loss, ball)
    if isinstance(ball, GroupLassoBall):
        return solve_group_lasso_ball(loss, ball)
    raise ValueError(
        f"ball must be a NormBall, ElasticNetBall or GroupLassoBall, got {type(ball).__name__}"
    )
