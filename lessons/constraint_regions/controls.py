"""The Constraint regions page's controls: the loss's sliders, each panel's, and its choices."""

from __future__ import annotations

from geometry.regions import REGION_KINDS
from lessons.constraint_regions.words import (
    CONE_HELP,
    MODE_HELP,
    PLOTLY_HELP,
    PLOTLY_LABEL,
    REGION_HELP,
)
from lessons.controls import Choice, Slider, Toggle
from lessons.loss_shape import DEFAULT_SHAPE

SIDES = {"left": "l1", "right": "l2"}  # each panel's default region
REGION_LABELS = {slug: kind.label for slug, kind in REGION_KINDS.items()}
MODES = {"constraint": "Constraint", "penalty": "Penalty"}
BUDGET_RANGE = (0.1, 3.0)
PENALTY_RANGE = (0.0, 30.0)
MODE = Choice(
    key="mode",
    label="Form of the problem",
    options=MODES,
    default="constraint",
    help=MODE_HELP,
    radio=True,
)
SHOW_CONE = Toggle(key="cone", label="Show why: the normal cone", default=True, help=CONE_HELP)
PLOTLY_CHARTS = Toggle(key="plotly", label=PLOTLY_LABEL, default=False, help=PLOTLY_HELP)
# A panel's defaults, by what they set (model.PanelChoice's fields).
PANEL_DEFAULTS = {"p": 0.5, "l1_ratio": 0.5, "budget": 1.0, "penalty_weight": 1.0}

CENTRE = tuple(
    Slider(
        key=f"c{i}",
        label=f"ŵ{i}",
        low=-3.0,
        high=3.0,
        step=0.05,
        default=default,
        help=f"Coordinate {i} of the loss's minimum (the OLS estimate).",
    )
    for i, default in ((1, DEFAULT_SHAPE.c1), (2, DEFAULT_SHAPE.c2))
)
CONDITION = Slider(
    key="cond",
    label="Condition number",
    low=1.0,
    high=20.0,
    step=0.1,
    default=DEFAULT_SHAPE.condition,
    help="Steepest over flattest curvature: 1 gives circles, more gives longer, thinner "
    "ellipses (directions of very different scale). Correlated features are the tilt: with "
    "the long axis along a diagonal, the two weights trade off against each other.",
    fmt="%.1f",
)
ROTATION = Slider(
    key="angle",
    label="Rotation (degrees)",
    low=-90.0,
    high=90.0,
    step=5.0,
    default=DEFAULT_SHAPE.angle,
    help="Direction of the ellipses' long axis, from the w1 axis.",
    fmt="%.0f°",
)


def panel_sliders(side: str) -> dict[str, Slider]:
    """The sliders of one panel, by what they set: p, l1_ratio, budget, penalty_weight."""
    return {
        "p": Slider(
            key=f"{side}_p",
            label="p",
            low=0.3,
            high=10.0,
            step=0.05,
            default=PANEL_DEFAULTS["p"],
            help="The exponent: p < 1 is a non-convex star, p = 1 the diamond, 1 < p < 2 a "
            "rounded diamond (no corners), p > 2 towards the square.",
        ),
        "l1_ratio": Slider(
            key=f"{side}_ratio",
            label="L1 share α",
            low=0.0,
            high=1.0,
            step=0.05,
            default=PANEL_DEFAULTS["l1_ratio"],
            help="α‖w‖₁ + (1 − α)‖w‖₂² ≤ t: α = 1 is the diamond, α = 0 a circle; any α > 0 "
            "keeps corners on the axes. (scikit-learn's l1_ratio weights a halved L2 term.)",
        ),
        "budget": Slider(
            key=f"{side}_t",
            label="Budget t",
            low=BUDGET_RANGE[0],
            high=BUDGET_RANGE[1],
            step=0.05,
            default=PANEL_DEFAULTS["budget"],
            help="The size of the region.",
        ),
        "penalty_weight": Slider(
            key=f"{side}_lam",
            label="Penalty weight λ",
            low=PENALTY_RANGE[0],
            high=PENALTY_RANGE[1],
            step=0.05,
            default=PANEL_DEFAULTS["penalty_weight"],
            help="Minimise L(w) + λ·R(w).",
        ),
    }


def region_choice(side: str) -> Choice:
    """A panel's region: L1 on the left and L2 on the right at first."""
    return Choice(
        key=f"{side}_region",
        label="Region",
        options=REGION_LABELS,
        default=SIDES[side],
        help=REGION_HELP,
    )
