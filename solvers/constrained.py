"""``solve_constrained``: validate, then dispatch to the exact solver for the ball."""

from __future__ import annotations

from geometry import ElasticNetBall, NormBall, QuadraticLoss
from solvers.l1_ball import solve_l1_ball
from solvers.l2_ball import solve_l2_ball
from solvers.planar import solve_l1_planar, solve_l2_planar
from solvers.solution import Solution


def solve_constrained(loss: QuadraticLoss, ball: NormBall | ElasticNetBall) -> Solution:
    """Minimise ``loss(w)`` subject to ``w`` lying in ``ball``, exactly.

    Parameters
    ----------
    loss : QuadraticLoss
        The quadratic loss ``0.5 (w - c)^T H (w - c)``.
    ball : NormBall
        The constraint region. Exact solvers exist for p = 1 (face
        enumeration, any small dimension) and p = 2 (secular equation, any
        dimension); in 2-D both use the closed forms of ``solvers.planar``.

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
        For regions without an exact solver yet (p other than 1 and 2, elastic net).
    """
    if not isinstance(loss, QuadraticLoss):
        raise ValueError(f"loss must be a QuadraticLoss, got {type(loss).__name__}")
    if isinstance(ball, NormBall):
        if ball.p in (1.0, 2.0) and loss.dim == 2:
            planar = solve_l1_planar if ball.p == 1.0 else solve_l2_planar
            (c1, c2), ((h11, h12), (_, h22)) = loss.center.tolist(), loss.hessian.tolist()
            return planar(c1, c2, h11, h12, h22, ball.radius)
        if ball.p == 1.0:
            return solve_l1_ball(loss, ball.radius)
        if ball.p == 2.0:
            return solve_l2_ball(loss, ball.radius)
        raise NotImplementedError(
            f"solve_constrained solves p = 1 and p = 2 so far, got p = {ball.p:g}"
        )
    if isinstance(ball, ElasticNetBall):
        raise NotImplementedError("solve_constrained has no exact elastic-net solver yet")
    raise ValueError(f"ball must be a NormBall or ElasticNetBall, got {type(ball).__name__}")
