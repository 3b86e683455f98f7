"""The Constraint regions page's model: two panels, each a region as a constraint or a penalty."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from geometry import QuadraticLoss
from geometry.regions import REGION_KINDS, Region
from lessons.constraint_regions.controls import (
    BUDGET_RANGE,
    MODES,
    PANEL_DEFAULTS,
    PENALTY_RANGE,
    SIDES,
)
from solvers import Solution, solve_constrained, solve_penalized
from studies.budget_path import budget_curves, lambda_range, lasso_end

# The view's half-width: VIEW_SCALE times what it must show, plus VIEW_MARGIN.
# The live figure widens its view by the same rule while a handle moves (the
# payload sends it as ``viewRule``).
VIEW_SCALE = 1.2
VIEW_MARGIN = 0.1


@dataclass(frozen=True)
class PanelChoice:
    """What one panel shows: a region family, its shape parameter, and its strength."""

    kind: str
    p: float = PANEL_DEFAULTS["p"]
    l1_ratio: float = PANEL_DEFAULTS["l1_ratio"]
    budget: float = PANEL_DEFAULTS["budget"]
    penalty_weight: float = PANEL_DEFAULTS["penalty_weight"]

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


def view_limit(loss: QuadraticLoss, extent: float) -> float:
    """Half-width of a square view that shows a region of this extent and the loss's centre.

    Parameters
    ----------
    loss : QuadraticLoss
        The loss, whose centre ŵ must be in view.
    extent : float
        How far along the axes the regions reach (``view_extent``).
    """
    return VIEW_SCALE * max(extent, float(np.max(np.abs(loss.center)))) + VIEW_MARGIN


def panels_view_limit(
    loss: QuadraticLoss, panels: Mapping[str, tuple[Region | None, Solution]]
) -> float:
    """The one view both panels share: ``view_limit`` of their ``view_extent``."""
    return view_limit(loss, view_extent(panels))


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


def budget_marks(
    choices: Mapping[str, PanelChoice], panels: Mapping[str, tuple[Region | None, Solution]]
) -> list[tuple[str, float, float]]:
    """(kind, lambda, t) of each L1 or L2 panel: its place on the budget-penalty curves."""
    return [
        (choice.kind, panels[side][1].multiplier, panels[side][1].radius)
        for side, choice in choices.items()
        if choice.kind in ("l1", "l2")
    ]


def penalty_range(loss: QuadraticLoss, marks: list[tuple[str, float, float]]) -> float:
    """The right end of the lambda axis, in 1-2-5 steps (so that cached curves are reused)."""
    return lambda_range(loss, marks)


def penalty_budget_curves(
    loss: QuadraticLoss, lam_max: float
) -> tuple[dict[str, tuple[np.ndarray, np.ndarray]], float]:
    """The exact t(lambda) curves of the lasso and ridge up to ``lam_max``, and the lasso's end."""
    return budget_curves(loss, lam_max), lasso_end(loss)
