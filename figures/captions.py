"""Words generated from a solution: the badge, the readout and the landing sentence.

Pure functions of the exact solution, so that what the app says is tested
without a browser; "on an axis" comes from the solver's exact zeros and face,
never from rounding a float.
"""

from __future__ import annotations

import math

import numpy as np

from figures.style import region_style
from geometry import ElasticNetBall, NormBall, QuadraticLoss, normal_cone
from solvers import Solution

SUBSCRIPT = {0: "w1", 1: "w2"}
FACE_WORDS = {
    "interior": "inside the region",
    "vertex": "a corner",
    "edge": "an edge",
    "face": "a face",
    "smooth": "a smooth point",
    "origin": "the origin",
}


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
    if not solution.active and not solution.zeros:
        return "inside the region: no zeros, no shrinkage"
    if solution.zeros:
        return f"{zero_statement(solution)} exactly: sparse"
    return "no exact zeros: not sparse"


def landing_sentence(region: NormBall | ElasticNetBall | None, solution: Solution) -> str:
    """Where the solution landed and why, in one or two plain sentences."""
    if region is None:
        return (
            "The penalty is so strong that no weight is worth its cost: w = 0 exactly. "
            "The L1 penalty does this outright once λ exceeds every component of −∇L(0)."
        )
    shape = region_style(region).shape_name
    if not solution.active:
        return (
            f"The unconstrained optimum ŵ already lies inside the {shape}, so the budget "
            f"does not bind: w = ŵ and λ = 0. Shrink the region to see the constraint act."
        )
    star = isinstance(region, NormBall) and region.p < 1.0
    if solution.face == "vertex" and solution.zeros:
        axis = SUBSCRIPT[1 - solution.zeros[0]]
        where = "the tip of its spike" if star else "its corner"
        return (
            f"The smallest ellipse touching the {shape} touches it at {where} on the "
            f"{axis} axis, so {zero_statement(solution)} exactly."
        )
    if solution.face == "vertex":
        return (
            f"The smallest ellipse touching the {shape} touches it at a corner, "
            f"{format_point(solution.w)}: the {shape}'s corners lie off the axes, so no "
            f"weight is zero. Corners make sparsity only when they sit on the axes."
        )
    if solution.zeros:
        return (
            f"The smallest ellipse touching the {shape} touches it on an axis only because "
            f"the ellipse's axes line up with the coordinate axes and ŵ lies on one: "
            f"{zero_statement(solution)} by symmetry of the data, not because of the {shape}."
        )
    signs = ", ".join(f"{SUBSCRIPT[i]} {'>' if x > 0 else '<'} 0" for i, x in enumerate(solution.w))
    if solution.face == "edge":
        return (
            f"The smallest ellipse touching the {shape} touches it along an edge ({signs}), "
            f"not at a corner, so neither weight is zero: corners often catch the optimum, "
            f"not always."
        )
    angle = math.degrees(math.atan2(solution.w[1], solution.w[0]))
    return (
        f"The smallest ellipse touching the {shape} touches it at a smooth point "
        f"(at {angle:.0f}° from the w1 axis): there is no corner there to catch it, "
        f"so neither weight is zero."
    )


def cone_check(
    loss: QuadraticLoss, region: NormBall | ElasticNetBall | None, solution: Solution
) -> str:
    """The optimality check at w in words and numbers: is −∇L(w) inside the normal cone?"""
    pull = -loss.gradient(solution.w)
    pull_text = f"−∇L(w) = {format_point(pull)}"
    if region is None:
        lam = solution.multiplier
        return (
            f"At w = 0, {pull_text}. The L1 penalty's slope at 0 is the whole interval: "
            f"λ·∂‖0‖₁ = [−λ, λ]², λ = {format_number(lam)}, and both components fit inside it, "
            f"so the penalty holds every weight at exactly 0."
        )
    if not solution.active:
        return "ŵ is inside the region: the loss has no pull at its own minimum, nothing to resist."
    cone = normal_cone(region, solution.w)
    lam = solution.multiplier
    if cone.kind == "wedge":
        text = (
            f"{pull_text} lies inside the normal cone, a wedge of {cone.opening_degrees:.0f}° "
            f"at this corner. Every pull that falls anywhere in the wedge keeps the optimum "
            f"at the corner: a set of directions of positive size, which is why corners are "
            f"hit so often."
        )
        if isinstance(region, NormBall) and region.p == 1.0 and solution.zeros:
            (j,) = solution.zeros
            i = 1 - j
            text += (
                f" In numbers: −∇L(w) ∈ λ·∂‖w‖₁ with λ = |{SUBSCRIPT[i]} component| = "
                f"{format_number(abs(pull[i]))}, and ∂|{SUBSCRIPT[j]}| at 0 is the whole "
                f"interval [−1, 1], so the condition is |{format_number(pull[j])}| ≤ "
                f"{format_number(abs(pull[i]))}: it holds."
            )
        return text
    if cone.kind == "halfplane":
        (j,) = solution.zeros
        return (
            f"{pull_text}. At the tip of a spike the normal cone is a whole half-plane: any "
            f"pull outward along the {SUBSCRIPT[1 - j]} axis keeps the optimum at the tip, "
            f"whatever its sideways part ({format_number(pull[j])})."
        )
    (normal,) = cone.generators
    return (
        f"{pull_text} points exactly along the outward normal {format_point(normal)}: on a "
        f"smooth piece of boundary the normal cone is a single ray, so the optimum sits here "
        f"only for the one pull direction that matches it (λ = {format_number(lam)})."
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
        ("where", FACE_WORDS[solution.face]),
    ]
