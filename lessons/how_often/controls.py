"""The How often page's controls: its sliders, its choices and the published setup."""

from __future__ import annotations

from lessons.controls import Slider

SETUP_NAMES = {
    "random": "Random bowls",
    "published": "Published a, b, c",
    "symmetric": "Symmetric bowls",
}
COUNTS = {"1000": "1,000", "10000": "10,000", "100000": "100,000"}
CONDITIONS = {"1": "1 (round)", "10": "10", "100": "100", "1000": "1000"}
TOLERANCES = {"0": "exact (== 0.0)", "1e-9": "1e-9", "1e-6": "1e-6", "1e-3": "1e-3", "0.01": "0.01"}
DOMAINS = {"disk": "Disc", "square": "Square"}
DIMENSION_SAMPLE = 200  # problems per n of the "More weights" section
# The published simulation (see the page's citation): centres U(-10, 10)^2,
# budget 2, centres inside the region rejected.
PUBLISHED_SETUP = {
    "setup": "published",
    "spread": 10.0,
    "domain": "square",
    "t": 2.0,
    "outside": True,
}

SPREAD = Slider(
    key="spread",
    label="Centre spread",
    low=0.5,
    high=10.0,
    step=0.5,
    default=4.0,
    help="How far from 0 the loss centres are drawn.",
    fmt="%.1f",
)
BUDGET = Slider(
    key="t",
    label="Budget t",
    low=0.25,
    high=5.0,
    step=0.25,
    default=1.0,
    help="The size of each region.",
)
LP_EXPONENT = Slider(
    key="p",
    label="p of the Lp ball",
    low=0.3,
    high=3.0,
    step=0.1,
    default=0.5,
    help="p < 1: a star with sharper corners; p > 1: a round ball.",
    fmt="%.1f",
)
EN_SHARE = Slider(
    key="en_a",
    label="Elastic net's L1 share α",
    low=0.1,
    high=0.9,
    step=0.1,
    default=0.5,
    help="α‖w‖₁ + (1 − α)‖w‖₂² ≤ t",
    fmt="%.1f",
)
MAP_CONDITION = Slider(
    key="map_cond",
    label="Map: condition number",
    low=1.0,
    high=50.0,
    step=1.0,
    default=6.0,
    help="How elongated the bowl is.",
    fmt="%.0f",
)
MAP_TILT = Slider(
    key="map_angle",
    label="Map: tilt (degrees)",
    low=0.0,
    high=180.0,
    step=5.0,
    default=30.0,
    help="Direction of the long axis.",
    fmt="%.0f",
)
DIMENSION = Slider(
    key="dim",
    label="Number of weights n",
    low=2,
    high=50,
    step=1,
    default=10,
    help=f"Random n-dimensional bowls, {DIMENSION_SAMPLE} problems.",
    fmt="%.0f",
)
