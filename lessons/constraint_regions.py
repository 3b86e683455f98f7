"""The Constraint regions page's model: two panels, each a region as a constraint or a penalty."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from geometry import QuadraticLoss
from geometry.regions import REGION_KINDS, Region
from lessons.controls import Slider
from lessons.loss_shape import DEFAULT_SHAPE
from solvers import Solution, solve_constrained, solve_penalized

SIDES = {"left": "l1", "right": "l2"}  # each panel's default region
REGION_LABELS = {slug: kind.label for slug, kind in REGION_KINDS.items()}
MODES = {"constraint": "Constraint", "penalty": "Penalty"}
BUDGET_RANGE = (0.1, 3.0)
PENALTY_RANGE = (0.0, 30.0)


@dataclass(frozen=True)
class PanelChoice:
    """What one panel shows: a region family, its shape parameter, and its strength."""

    kind: str
    p: float = 0.5
    l1_ratio: float = 0.5
    budget: float = 1.0
    penalty_weight: float = 1.0

    def region(self, budget: float) -> Region:
        """The panel's region with budget ``budget``."""
        return REGION_KINDS[self.kind].make(budget, p=self.p, l1_ratio=self.l1_ratio)

    def uses_penalty(self, mode: str) -> bool:
        """Whether the panel is solved as a penalty in this mode (some regions have no form)."""
        return mode == "penalty" and REGION_KINDS[self.kind].has_penalty_form

    def penalty_form(self) -> dict[str, object]:
        """The penalty and L1 share the captions need when a penalty has zeroed w."""
        penalty = self.kind if REGION_KINDS[self.kind].has_penalty_form else "l1"
        return {"penalty": penalty, "l1_ratio": self.l1_ratio}

    @classmethod
    def from_state(cls, state: Mapping[str, object], side: str) -> PanelChoice:
        """The choice held in ``state`` under the side's URL keys (``left_region``, ...)."""
        return cls(
            kind=str(state.get(f"{side}_region", SIDES[side])),
            p=float(state.get(f"{side}_p", cls.p)),
            l1_ratio=float(state.get(f"{side}_ratio", cls.l1_ratio)),
            budget=float(state.get(f"{side}_t", cls.budget)),
            penalty_weight=float(state.get(f"{side}_lam", cls.penalty_weight)),
        )


def solve_panel(
    loss: QuadraticLoss, choice: PanelChoice, mode: str
) -> tuple[Region | None, Solution]:
    """The panel's exact solution and the region to draw (None when a penalty zeroes w)."""
    if choice.uses_penalty(mode):
        solution = solve_penalized(
            loss, choice.kind, choice.penalty_weight, l1_ratio=choice.l1_ratio
        )
        region = choice.region(solution.radius) if solution.radius > 0.0 else None
        return region, solution
    region = choice.region(choice.budget)
    return region, solve_constrained(loss, region)


def view_extent(panels: Mapping[str, tuple[Region | None, Solution]]) -> float:
    """How far along the axes the drawn regions reach (both panels share one view)."""
    return max(
        (region.axis_intercept for region, _ in panels.values() if region is not None),
        default=0.0,
    )


@dataclass(frozen=True)
class CarriedValue:
    """A panel's control after a mode switch: the value set, and whether it was clamped."""

    key: str
    value: float
    clamped: bool


def carry_across_modes(
    loss: QuadraticLoss, state: Mapping[str, object], new_mode: str
) -> list[CarriedValue]:
    """On a mode switch, the value of each panel's new control that keeps its solution.

    Constraint -> penalty: lambda := the KKT multiplier at the current budget.
    Penalty -> constraint: t := the equivalent budget of the current penalty.
    Values are kept unrounded (a slider accepts a value between its steps); a
    value outside the slider's range is clamped and reported as such.
    """
    if new_mode not in MODES:
        raise ValueError(f"new_mode must be one of {tuple(MODES)}, got {new_mode!r}")
    old_mode = "penalty" if new_mode == "constraint" else "constraint"
    carried = []
    for side in SIDES:
        choice = PanelChoice.from_state(state, side)
        if not REGION_KINDS[choice.kind].has_penalty_form:
            continue  # such a panel stays in constraint mode
        _, solution = solve_panel(loss, choice, old_mode)
        if new_mode == "penalty":
            value, (low, high), key = solution.multiplier, PENALTY_RANGE, f"{side}_lam"
        else:
            value, (low, high), key = solution.radius, BUDGET_RANGE, f"{side}_t"
        carried.append(CarriedValue(key, min(max(value, low), high), not low <= value <= high))
    return carried


# --- the page's sliders ----------------------------------------------------------------

CENTRE = tuple(
    Slider(
        f"c{i}",
        f"ŵ{i}",
        -3.0,
        3.0,
        0.05,
        default,
        f"Coordinate {i} of the loss's minimum (the OLS estimate).",
    )
    for i, default in ((1, DEFAULT_SHAPE.c1), (2, DEFAULT_SHAPE.c2))
)
CONDITION = Slider(
    "cond",
    "Condition number",
    1.0,
    20.0,
    0.1,
    DEFAULT_SHAPE.condition,
    "Steepest over flattest curvature: 1 gives circles, more gives longer, thinner ellipses "
    "(directions of very different scale). Correlated features are the tilt: with the long "
    "axis along a diagonal, the two weights trade off against each other.",
    "%.1f",
)
ROTATION = Slider(
    "angle",
    "Rotation (degrees)",
    -90.0,
    90.0,
    5.0,
    DEFAULT_SHAPE.angle,
    "Direction of the ellipses' long axis, from the w1 axis.",
    "%.0f°",
)


def panel_sliders(side: str) -> dict[str, Slider]:
    """The sliders of one panel, by what they set: p, l1_ratio, budget, penalty_weight."""
    return {
        "p": Slider(
            f"{side}_p",
            "p",
            0.3,
            10.0,
            0.05,
            PanelChoice.p,
            "The exponent: p < 1 is a non-convex star, p = 1 the diamond, 1 < p < 2 a rounded "
            "diamond (no corners), p > 2 towards the square.",
        ),
        "l1_ratio": Slider(
            f"{side}_ratio",
            "L1 share α",
            0.0,
            1.0,
            0.05,
            PanelChoice.l1_ratio,
            "α‖w‖₁ + (1 − α)‖w‖₂² ≤ t: α = 1 is the diamond, α = 0 a circle; any α > 0 keeps "
            "corners on the axes. (scikit-learn's l1_ratio weights a halved L2 term.)",
        ),
        "budget": Slider(
            f"{side}_t",
            "Budget t",
            *BUDGET_RANGE,
            0.05,
            PanelChoice.budget,
            "The size of the region.",
        ),
        "penalty_weight": Slider(
            f"{side}_lam",
            "Penalty weight λ",
            *PENALTY_RANGE,
            0.05,
            PanelChoice.penalty_weight,
            "Minimise L(w) + λ·R(w).",
        ),
    }
