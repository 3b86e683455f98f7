"""Words generated from a solution: the badge, the readout and the landing sentence.

Pure functions of the exact solution, so that what the app says is tested
without a browser; "on an axis" comes from the solver's exact zeros and face,
never from rounding a float.
"""

from __future__ import annotations

import math

import numpy as np

from figures.style import region_style
from geometry import NormBall
from solvers import Solution

SUBSCRIPT = {0: "w1", 1: "w2"}


def format_number(value: float) -> str:
    """Four significant digits; an exact zero is printed as ``0``, a tiny non-zero is not."""
    if value == 0.0:
        return "0"
    if abs(value) < 1e-3 or abs(value) >= 1e4:
        return f"{value:.3e}"
    return f"{value:.4g}"


def format_point(w: np.ndarray) -> str:
    """``(a, b)`` with each coordinate as ``format_number`` prints it."""
    return "(" + ", ".join(format_number(float(x)) for x in w) + ")"


def zero_statement(solution: Solution) -> str:
    """``"w1 = 0"`` style statement of the exact zeros (empty when there are none)."""
    return " and ".join(f"{SUBSCRIPT[i]} = 0" for i in solution.zeros)


def badge_text(solution: Solution) -> str:
    """One short phrase: is the solution sparse, exactly?"""
    if len(solution.zeros) == solution.w.size:
        return "w = 0 exactly: every weight is zero"
    if solution.zeros:
        return f"{zero_statement(solution)} exactly: sparse"
    if not solution.active:
        return "inside the region: no zeros, no shrinkage"
    return "no exact zeros: not sparse"


def landing_sentence(ball: NormBall, solution: Solution) -> str:
    """Where the solution landed and why, in one or two plain sentences."""
    shape = region_style(ball.p).shape_name
    if not solution.active:
        return (
            f"The unconstrained optimum ŵ already lies inside the {shape}, so the budget "
            f"does not bind: w = ŵ and λ = 0. Shrink t to see the constraint act."
        )
    if solution.face == "vertex":
        axis = SUBSCRIPT[1 - solution.zeros[0]]
        return (
            f"The smallest ellipse touching the {shape} touches it at its corner on the "
            f"{axis} axis, so {zero_statement(solution)} exactly."
        )
    if solution.face == "edge":
        signs = ", ".join(
            f"{SUBSCRIPT[i]} {'>' if x > 0 else '<'} 0" for i, x in enumerate(solution.w)
        )
        return (
            f"The smallest ellipse touching the {shape} touches it along an edge ({signs}), "
            f"not at a corner, so neither weight is zero: L1 often gives zeros, not always."
        )
    angle = math.degrees(math.atan2(solution.w[1], solution.w[0]))
    if solution.zeros:
        return (
            f"The smallest ellipse touching the {shape} touches it on an axis only because "
            f"the ellipse's axes line up with the coordinate axes and ŵ lies on one: "
            f"{zero_statement(solution)} by symmetry of the data, not because of the {shape}."
        )
    return (
        f"The smallest ellipse touching the {shape} touches it at a smooth point "
        f"(at {angle:.0f}° from the w1 axis): the {shape} has no corners to catch it, "
        f"so neither weight is zero."
    )


def readout_rows(solution: Solution) -> list[tuple[str, str]]:
    """(quantity, value) pairs for the panel's readout table."""
    w = solution.w
    return [
        ("w", format_point(w)),
        ("loss L(w)", format_number(solution.loss)),
        ("‖w‖₁", format_number(float(np.sum(np.abs(w))))),
        ("‖w‖₂", format_number(float(np.linalg.norm(w)))),
        ("KKT multiplier λ", format_number(solution.multiplier)),
        ("constraint active", "yes" if solution.active else "no (ŵ is inside)"),
    ]
