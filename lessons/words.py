"""What several lessons say about a solution: the badge and its colour, the panel's label,
where the optimum landed and why, the optimality check in words, the readout table.

Computed once, from the exact solution's zeros and face (never a rounded float): the
pages print them and the live figure's payload carries them; only while a handle moves
does live/figure/text.js word the browser's own solution (tests/test_live_figure.py
holds the two equal). The words a figure draws itself are ``figures.labels``'.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from figures.labels import (
    SUBSCRIPT,
    figure_title,
    format_number,
    format_point,
    is_star,
    region_legend,
    zero_statement,
)
from figures.style import region_style
from geometry import NormBall, QuadraticLoss
from geometry.regions import REGION_KINDS, Region
from solvers import Solution
from studies.optimality import OptimalityCheck, l1_share, optimality_check

FACE_WORDS = {
    "interior": "inside the region",
    "vertex": "a corner",
    "edge": "an edge",
    "face": "a face",
    "smooth": "a smooth point",
    "origin": "the origin",
}
# The 3-D pieces as Three weights names them (any other face by its own name).
PIECE_WORDS = {"smooth": "smooth point", "interior": "inside"}


def badge_text(solution: Solution) -> str:
    """One short phrase: is the solution sparse, exactly?"""
    if len(solution.zeros) == solution.w.size:
        return "w = 0 exactly: every weight is zero"
    if not solution.active and not solution.zeros:
        return "inside the region: no zeros, no shrinkage"
    if solution.zeros:
        return f"{zero_statement(solution)} exactly: sparse"
    return "no exact zeros: not sparse"


def badge_colour(solution: Solution) -> str:
    """The badge's colour: green for an exact zero, gray when ŵ is inside, orange otherwise."""
    if solution.zeros:
        return "green"
    return "orange" if solution.active else "gray"


def panel_label(kind: str, region: Region | None) -> str:
    """The panel's name: the region's label, or the region kind's when a penalty zeroed w."""
    return region.label if region is not None else REGION_KINDS[kind].label


@dataclass(frozen=True)
class PanelWords:
    """What a 2-D panel says about its solution, computed once for the page and the figure."""

    label: str
    badge: str
    colour: str
    title: str
    legend: str


def panel_words(kind: str, region: Region | None, solution: Solution) -> PanelWords:
    """The panel's label, badge text and colour, title and legend entry (no region: no legend)."""
    return PanelWords(
        label=panel_label(kind, region),
        badge=badge_text(solution),
        colour=badge_colour(solution),
        title=figure_title(region, solution),
        legend=region_legend(region) if region is not None else "",
    )


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
        alpha = l1_share(penalty, l1_ratio)
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
        where = "the tip of its spike" if is_star(region) else "its corner"
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


def _zero_check(check: OptimalityCheck) -> str:
    """The optimality of w = 0 under ``lam (alpha ||w||_1 + (1 - alpha) ||w||_2^2)``."""
    lam, alpha = check.multiplier, check.alpha
    pull_text = f"At w = 0, −∇L(w) = {format_point(check.pull)}"
    largest = format_number(check.largest)
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

    The numbers are ``studies.optimality.optimality_check``'s.

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
    check = optimality_check(loss, region, solution, penalty=penalty, l1_ratio=l1_ratio)
    pull = check.pull
    if region is None:
        return _zero_check(check)
    if not solution.active:
        return "ŵ is inside the region: the loss has no pull at its own minimum, nothing to resist."
    pull_text = f"−∇L(w) = {format_point(pull)}"
    cone = check.cone
    lam = check.multiplier
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


def _names(indices: tuple[int, ...]) -> str:
    return " = ".join(f"w{i + 1}" for i in indices)


def landing_words(solution: Solution) -> str:
    """Where the 3-D optimum sits and which weights are exactly 0: "vertex: w1 = w3 = 0 exactly".

    A pure function of the solution's ``face`` and exact ``zeros`` (1-based names).
    A zero off a corner (a smooth point or the interior) is named a coincidence of
    the data, since nothing in the region's shape holds it there.
    """
    piece = PIECE_WORDS.get(solution.face, solution.face)
    if solution.face == "interior":
        text = "inside: the budget is slack, w is the unconstrained optimum"
        return text + (f" ({_names(solution.zeros)} = 0 there)" if solution.zeros else "")
    if not solution.zeros:
        return f"{piece}: no zeros"
    words = f"{piece}: {_names(solution.zeros)} = 0 exactly"
    if solution.face == "smooth":
        words += " (a coincidence of the data: a smooth point has no corner to hold it)"
    return words
