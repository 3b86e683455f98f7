"""Words generated from a solution: the badge, the readout and the landing sentence.

Pure functions of the exact solution, so that what the app says is tested
without a browser; "on an axis" comes from the solver's exact zeros and face,
never from rounding a float.
"""

from __future__ import annotations

import math

import numpy as np

from figures.names import region_name, sklearn_mix
from figures.style import region_style
from geometry import ElasticNetBall, NormBall, QuadraticLoss, normal_cone
from geometry.regions import Region
from solvers import Solution

__all__ = [
    "FACE_WORDS",
    "SUBSCRIPT",
    "badge_text",
    "cone_check",
    "figure_title",
    "format_number",
    "format_point",
    "landing_sentence",
    "readout_rows",
    "region_legend",
    "zero_statement",
]

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


def _l1_share(penalty: str, l1_ratio: float) -> float:
    return {"l1": 1.0, "l2": 0.0}.get(penalty, float(l1_ratio))


def _is_star(region: Region) -> bool:
    return isinstance(region, NormBall) and region.p < 1.0


def region_legend(region: Region) -> str:
    """The region's legend entry: its name and budget; for the elastic net, the mix in words."""
    style = region_style(region)
    text = f"{region_name(region)}: {style.norm_text} ≤ {region.radius:.3g}"
    if isinstance(region, ElasticNetBall):
        text += f" ({sklearn_mix(region.l1_ratio)})"
    return text


def figure_title(region: Region | None, solution: Solution) -> str:
    """A title that states the conclusion: where the optimum landed, and what follows."""
    if region is None:
        return "The penalty wins outright → w = 0"
    label = region_name(region)
    if not solution.active:
        return f"{label}: ŵ fits the budget, nothing to shrink"
    if solution.face == "vertex" and solution.zeros:
        axis = 2 - solution.zeros[0]
        tip = "spike" if _is_star(region) else "corner"
        return f"{label}: {tip} on the w{axis} axis → {zero_statement(solution)}"
    if solution.zeros:
        return f"{label}: on an axis by coincidence, not a corner → {zero_statement(solution)}"
    if solution.face == "vertex":
        return f"{label}: a corner off the axes → no zeros"
    if solution.face == "edge":
        return f"{label}: an edge, not a corner → no zeros"
    return f"{label}: a smooth point off the axes → no zeros"


def landing_sentence(
    region: Region | None, solution: Solution, *, penalty: str = "l1", l1_ratio: float = 0.5
) -> str:
    """Where the solution landed and why, in one or two plain sentences.

    Parameters
    ----------
    region : NormBall, ElasticNetBall or None
        The region drawn; None when a penalty has set every weight to 0.
    solution : Solution
        The exact solution.
    penalty, l1_ratio : str, float
        The penalty (as for ``solve_penalized``) that gave ``solution``; only
        read when ``region`` is None.
    """
    if region is None:
        alpha = _l1_share(penalty, l1_ratio)
        if alpha == 0.0:
            return (
                "w = 0 exactly, but only because ŵ = 0: ridge's penalty has slope 0 at 0 "
                "and never holds a weight there against any pull."
            )
        strength = "λ" if alpha == 1.0 else "λα (the L1 part's weight)"
        return (
            "The penalty is so strong that no weight is worth its cost: w = 0 exactly. "
            f"A penalty with an L1 part does this outright once {strength} is at least every "
            "|component| of −∇L(0) = Hŵ."
        )
    shape = region_style(region).shape_name
    if not solution.active:
        return (
            f"The unconstrained optimum ŵ already lies inside the {shape}, so the budget "
            f"does not bind: w = ŵ and λ = 0. Shrink the region to see the constraint act."
        )
    if solution.face == "vertex" and solution.zeros:
        axis = SUBSCRIPT[1 - solution.zeros[0]]
        where = "the tip of its spike" if _is_star(region) else "its corner"
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
            f"The smallest ellipse touching the {shape} touches it on an axis, where the "
            f"{shape} has no corner: its normal cone there is a single ray, and ŵ happens to "
            f"lie on the one line of centres whose pull points along it (for example on an "
            f"axis of ellipses aligned with the coordinate axes). So "
            f"{zero_statement(solution)} by coincidence of the data, a set of centres of zero "
            f"area, not because of the {shape}."
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


def _zero_check(pull: np.ndarray, lam: float, alpha: float) -> str:
    """The optimality of w = 0 under ``lam (alpha ||w||_1 + (1 - alpha) ||w||_2^2)``."""
    pull_text = f"At w = 0, −∇L(w) = {format_point(pull)}"
    largest = format_number(float(np.max(np.abs(pull))))
    if alpha == 1.0:
        return (
            f"{pull_text}. The L1 penalty's slope at 0 is the whole interval: "
            f"λ·∂‖0‖₁ = [−λ, λ]², λ = {format_number(lam)}, and both components fit inside it "
            f"(the larger is {largest}), so the penalty holds every weight at exactly 0."
        )
    if alpha == 0.0:
        return (
            f"{pull_text}: the loss has no pull at its own minimum. Ridge's slope at 0 is 0, "
            f"so w = 0 here only because ŵ = 0."
        )
    return (
        f"{pull_text}. Only the elastic net's L1 part has a kink at 0 (the slope of "
        f"(1−α)‖w‖₂² is 0 there), so its subgradient at 0 is [−λα, λα]², "
        f"λα = {format_number(lam)} × {format_number(alpha)} = {format_number(lam * alpha)}: "
        f"w = 0 is optimal exactly when |−∂L/∂wᵢ| ≤ λα for every i. Here the larger "
        f"component is {largest}: it holds, so every weight stays at exactly 0."
    )


def _tip_check(pull: np.ndarray, solution: Solution) -> str:
    """At a tip of the p < 1 star: a local minimum, and whether other tips or points compete."""
    (j,) = solution.zeros
    text = (
        f"−∇L(w) = {format_point(pull)}. At the tip of a spike the normal cone is a whole "
        f"half-plane: any pull outward along the {SUBSCRIPT[1 - j]} axis, whatever its "
        f"sideways part ({format_number(pull[j])}), makes the tip a local minimum. The star "
        f"is not convex, so that alone does not make it the optimum"
    )
    others = solution.local_minima[1:]
    if not others:
        return text + ": here no other point of the boundary is a local minimum, so it is."
    points = ", ".join(format_point(m) for m in others)
    return (
        text + f": {points} {'is' if len(others) == 1 else 'are'} a local minimum too. "
        f"Comparing the losses picks this one (L = {format_number(solution.loss)})."
    )


def cone_check(
    loss: QuadraticLoss,
    region: Region | None,
    solution: Solution,
    *,
    penalty: str = "l1",
    l1_ratio: float = 0.5,
) -> str:
    """The optimality check at w in words and numbers: is −∇L(w) inside the normal cone?

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
        read when ``region`` is None, where the check is the penalty's
        subgradient at 0.
    """
    pull = -loss.gradient(solution.w)
    if region is None:
        return _zero_check(pull, solution.multiplier, _l1_share(penalty, l1_ratio))
    if not solution.active:
        return "ŵ is inside the region: the loss has no pull at its own minimum, nothing to resist."
    pull_text = f"−∇L(w) = {format_point(pull)}"
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
        return _tip_check(pull, solution)
    (normal,) = cone.generators
    return (
        f"{pull_text} points exactly along the outward normal {format_point(normal)}: away "
        f"from a corner the normal cone is a single ray, so the optimum sits here only for "
        f"the one pull direction that matches it (KKT multiplier λ = {format_number(lam)})."
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
