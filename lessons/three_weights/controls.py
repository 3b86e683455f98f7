"""The Three weights page's controls: the loss's centre and shape, the budget, the second view."""

from __future__ import annotations

from lessons.controls import Choice, Slider
from lessons.three_weights.scenes import SHAPE_DEFAULTS, SHAPE_KEYS

__all__ = [
    "AZIMUTH",
    "BUDGET",
    "CENTRE",
    "CONDITION",
    "DEFAULTS",
    "ELEVATION",
    "EN_SHARE",
    "PRESET_KEYS",
    "SECOND",
]

CENTRE = tuple(
    Slider(
        key=f"c{i}",
        label=f"ŵ{i}",
        low=-3.0,
        high=3.0,
        step=0.05,
        default=SHAPE_DEFAULTS[f"c{i}"],
        help=f"Coordinate {i} of the loss's minimum ŵ (the unconstrained optimum).",
    )
    for i in (1, 2, 3)
)
CONDITION = Slider(
    key="cond",
    label="Condition number",
    low=1.0,
    high=20.0,
    step=0.5,
    default=SHAPE_DEFAULTS["cond"],
    help="Curvature across the ellipsoid's long axis over the curvature along it: 1 gives "
    "spheres, more gives longer cigars (a direction in which the data say little).",
    fmt="%.1f",
)
AZIMUTH = Slider(
    key="azim",
    label="Long axis: azimuth (degrees)",
    low=-180.0,
    high=180.0,
    step=5.0,
    default=SHAPE_DEFAULTS["azim"],
    help="Direction of the long axis in the w1–w2 plane, from the w1 axis.",
    fmt="%.0f°",
)
ELEVATION = Slider(
    key="elev",
    label="Long axis: elevation (degrees)",
    low=-90.0,
    high=90.0,
    step=5.0,
    default=SHAPE_DEFAULTS["elev"],
    help="Angle of the long axis above the w1–w2 plane (90: along w3).",
    fmt="%.0f°",
)
BUDGET = Slider(
    key="t",
    label="Budget t",
    low=0.1,
    high=3.0,
    step=0.05,
    default=1.0,
    help="The size of every region.",
)
EN_SHARE = Slider(
    key="en_a",
    label="Elastic net's L1 share α",
    low=0.05,
    high=0.95,
    step=0.05,
    default=0.5,
    help="α‖w‖₁ + (1 − α)‖w‖₂² ≤ t: any α > 0 keeps the corners on the axes.",
    fmt="%.2f",
)
SECOND = Choice(
    key="second",
    label="Beside the octahedron",
    options={"l2": "L2 sphere", "elasticnet": "Elastic-net ball"},
    default="l2",
    help="The L2 sphere (no corners) or the elastic-net ball: corners on the axes (two "
    "weights 0) and twelve curved creases in the coordinate planes (one weight 0, with "
    "positive probability, as on the octahedron's edges), smooth between.",
)
"""What the view beside the octahedron shows (the URL keeps the slug)."""

PRESET_KEYS = (*SHAPE_KEYS, "t")  # what a preset sets
DEFAULTS: dict[str, object] = {  # every control of the page
    **{spec.key: spec.default for spec in (*CENTRE, CONDITION, AZIMUTH, ELEVATION, BUDGET)},
    SECOND.key: SECOND.default,
    EN_SHARE.key: EN_SHARE.default,
}
