"""The Check yourself page's sliders: each question's controls, in the order they are shown."""

from __future__ import annotations

from lessons.controls import Slider
from lessons.questions.model import EDGE_DISTANCE

__all__ = ["DESCENT_STEP", "EDGE_ANGLE", "EDGE_RADIUS", "RIDGE_LAM", "RIDGE_OFFSET", "UNITS_SCALE"]

EDGE_ANGLE = Slider(
    key="q1_angle",
    label="Direction of the centre ŵ (degrees from the w1 axis)",
    low=0.0,
    high=90.0,
    step=5.0,
    default=70.0,
    help="Round contours, budget 1.",
    fmt="%.0f°",
)
EDGE_RADIUS = Slider(
    key="q1_distance",
    label="Distance of the centre |ŵ|",
    low=1.5,
    high=8.0,
    step=0.5,
    default=EDGE_DISTANCE,
    help="Edges catch strips of fixed width, corners catch widening wedges: "
    "the farther the centre, the fewer directions meet an edge.",
    fmt="%.1f",
)
DESCENT_STEP = Slider(
    key="q2_step",
    label="Step size η",
    low=0.05,
    high=0.9,
    step=0.05,
    default=0.3,
    help="The same step for both methods; the exact answer is w = 0.",
)
UNITS_SCALE = Slider(
    key="q3_units",
    label="Units: w_new = s·w",
    low=0.1,
    high=10.0,
    step=0.1,
    default=5.0,
    help="Change the units of w and watch the crossing move.",
    fmt="%.1f",
)
RIDGE_OFFSET = Slider(
    key="q4_offset",
    label="Centre's distance from the w1 axis",
    low=0.0,
    high=1.0,
    step=0.05,
    default=0.3,
    help="Round contours; 0 puts the centre exactly on the axis.",
)
RIDGE_LAM = Slider(
    key="q4_lam",
    label="Correlated features: ridge penalty weight λ",
    low=0.0,
    high=0.1,
    step=0.001,
    default=0.05,
    help="Find where w2 changes sign: between two neighbouring steps.",
    fmt="%.3f",
)
