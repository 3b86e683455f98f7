"""The Three weights page's model: one 3-D loss against the octahedron, the sphere and friends.

In 3-D the L1 ball is an octahedron: 6 vertices (two weights exactly 0), 12
edges (one weight 0) and 8 faces (none). The page minimises one loss
``0.5 (w - c)^T H (w - c)`` over each 3-D region exactly (``solve_constrained``)
and draws, for each, the region, the loss's level set at the optimum's loss
(the ellipsoid that first touches the region) and the boundary piece the
optimum lies on. Everything here is computed from frozen, hashable values, so
that the page can cache on them; nothing imports streamlit or plotly.

The views themselves are computed in ``lessons.three_d_scenes`` (the loss and
one region) and ``lessons.three_d_pieces`` (the regions and their pieces);
this module holds the controls, the presets, the odds and the Tour's stop.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from figures.odds import percent
from geometry import ElasticNetBall, NormBall
from lessons.controls import Slider
from lessons.three_d_pieces import REGION_NAMES, region
from lessons.three_d_scenes import (
    SHAPE_DEFAULTS,
    SHAPE_KEYS,
    Scene,
    Shape3D,
    comparison,
    scene,
    structured_sentence,
    view_limit,
)
from lessons.three_weights_odds import (
    BUDGET_PER_WEIGHT,
    DIMENSION_COUNTS,
    DIMENSIONS,
    ODDS_BUDGET,
    ODDS_COUNT,
    ODDS_MAX_CONDITION,
    ODDS_SEED,
    ODDS_SPREAD,
    dimension_sentence,
    three_d_odds,
    vertex_or_edge_share,
    zero_weight_shares,
    zeros_by_dimension,
)
from lessons.tour_step import TourStep

__all__ = [  # the views, re-exported for the page
    # how often (lessons.three_weights_odds)
    "BUDGET_PER_WEIGHT",
    "DIMENSIONS",
    "DIMENSION_COUNTS",
    "ODDS_BUDGET",
    "ODDS_COUNT",
    "ODDS_MAX_CONDITION",
    "ODDS_SEED",
    "ODDS_SPREAD",
    "REGION_NAMES",
    "ElasticNetBall",
    "NormBall",
    "Scene",
    "Shape3D",
    "comparison",
    "dimension_sentence",
    "region",
    "scene",
    "structured_sentence",
    "three_d_odds",
    "vertex_or_edge_share",
    "view_limit",
    "zero_weight_shares",
    "zeros_by_dimension",
]

# --- the controls ------------------------------------------------------------------------
CENTRE = tuple(
    Slider(
        f"c{i}",
        f"ŵ{i}",
        -3.0,
        3.0,
        0.05,
        default,
        f"Coordinate {i} of the loss's minimum ŵ (the unconstrained optimum).",
    )
    for i, default in ((i, SHAPE_DEFAULTS[f"c{i}"]) for i in (1, 2, 3))
)
CONDITION = Slider(
    "cond",
    "Condition number",
    1.0,
    20.0,
    0.5,
    SHAPE_DEFAULTS["cond"],
    "Curvature across the ellipsoid's long axis over the curvature along it: 1 gives "
    "spheres, more gives longer cigars (a direction in which the data say little).",
    "%.1f",
)
AZIMUTH = Slider(
    "azim",
    "Long axis: azimuth (degrees)",
    -180.0,
    180.0,
    5.0,
    SHAPE_DEFAULTS["azim"],
    "Direction of the long axis in the w1–w2 plane, from the w1 axis.",
    "%.0f°",
)
ELEVATION = Slider(
    "elev",
    "Long axis: elevation (degrees)",
    -90.0,
    90.0,
    5.0,
    SHAPE_DEFAULTS["elev"],
    "Angle of the long axis above the w1–w2 plane (90: along w3).",
    "%.0f°",
)
BUDGET = Slider("t", "Budget t", 0.1, 3.0, 0.05, 1.0, "The size of every region.")
EN_SHARE = Slider(
    "en_a",
    "Elastic net's L1 share α",
    0.05,
    0.95,
    0.05,
    0.5,
    "α‖w‖₁ + (1 − α)‖w‖₂² ≤ t: any α > 0 keeps the corners on the axes.",
    "%.2f",
)
SECOND = {"l2": "L2 sphere", "elasticnet": "Elastic-net ball"}
"""What the view beside the octahedron shows (the URL keeps the slug)."""

PRESET_KEYS = (*SHAPE_KEYS, "t")  # what a preset sets
DEFAULTS: dict[str, object] = {  # every control of the page
    **{spec.key: spec.default for spec in (*CENTRE, CONDITION, AZIMUTH, ELEVATION, BUDGET)},
    "second": "l2",
    EN_SHARE.key: EN_SHARE.default,
}


# --- presets -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Preset:
    """A named situation: the controls it sets, its claim, and the piece L1 lands on."""

    name: str
    sentence: str
    state: dict[str, object]
    l1_face: str  # the face the exact L1 solution must report (checked by the tests)
    group_face: str | None = None  # and the double cone's, where the sentence names it

    def full_state(self) -> dict[str, object]:
        """The loss's and the budget's controls: the defaults, then this preset's values.

        The second view's region and the elastic net's α are the reader's: kept.
        """
        return {**{key: DEFAULTS[key] for key in PRESET_KEYS}, **self.state}

    def query(self) -> dict[str, str]:
        """The URL parameters of this preset (values that differ from the defaults)."""
        return {
            key: value if isinstance(value, str) else repr(float(value))
            for key, value in self.state.items()
            if value != DEFAULTS[key]
        }


PRESETS: dict[str, Preset] = {
    "vertex": Preset(
        "Vertex hit",
        "The ellipsoid first touches the octahedron at a vertex, on the w1 axis: two weights, "
        "w2 and w3, are exactly 0. The sphere has no vertex: all three weights stay non-zero.",
        {},
        "vertex",
    ),
    "edge": Preset(
        "Edge hit",
        "The ellipsoid first touches an edge of the octahedron: one weight is exactly 0, the "
        "other two share the budget. The sphere still has none.",
        {"c1": 1.5, "c2": 1.2, "c3": 0.1, "cond": 2.0, "azim": 45.0, "elev": 0.0},
        "edge",
    ),
    "face": Preset(
        "Face hit",
        "With the centre near the diagonal w1 = w2 = w3 the ellipsoid meets a face: no zeros. "
        "Vertices and edges win often in 3-D, not always.",
        {"c1": 1.2, "c2": 1.0, "c3": 0.9, "cond": 1.0, "azim": 0.0, "elev": 0.0},
        "face",
    ),
    "together": Preset(
        "Groups stay together",
        "L1 zeroes w1 alone and keeps w2: it splits the group (w1, w2). The double cone keeps "
        "w1 and w2 both: it can zero them only together, at a tip.",
        {"c1": 0.2, "c2": 1.0, "c3": 1.0, "cond": 1.0, "azim": 0.0, "elev": 0.0},
        "edge",
        "face",
    ),
    "tip": Preset(
        "A whole group zero",
        "The double cone is met at its tip on the w3 axis: the whole group (w1, w2) is exactly "
        "0 and only w3 survives. (The octahedron has a vertex there too.)",
        {"c1": 0.6, "c2": 0.5, "c3": 2.0, "cond": 3.0, "azim": 0.0, "elev": 0.0},
        "vertex",
        "vertex",
    ),
}


def matching_preset(state: Mapping[str, object]) -> Preset | None:
    """The preset whose state ``state`` shows now, if any."""
    for preset in PRESETS.values():
        if all(state.get(key, DEFAULTS[key]) == v for key, v in preset.full_state().items()):
            return preset
    return None


# --- the Tour's stop -----------------------------------------------------------------------
def _tour_figures():
    from figures.three_d import scene_figure  # figures import lessons' data, not the reverse

    shape = Shape3D.from_state(PRESETS["vertex"].full_state())
    return [scene_figure(scene(shape, kind, DEFAULTS["t"])) for kind in ("l1", "l2")]


@lru_cache(maxsize=1)
def tour_text() -> str:
    """The Tour's paragraph, "usually" given as the share in the page's own ensemble."""
    share = vertex_or_edge_share()
    low, high = share.interval
    return (
        "In 3-D the L1 ball is an octahedron. Its 6 vertices sit on the axes (two weights "
        "exactly 0), its 12 edges in the coordinate planes (one weight 0), and only its 8 "
        "faces hold no zero. Vertices and edges stick out, so the growing loss ellipsoid "
        f"touches one of them first in {percent(share.value)} of the page's "
        f"{ODDS_COUNT:,} random problems ({percent(low)} to {percent(high)}): here a vertex, "
        "w2 = w3 = 0. The sphere has no such pieces. Drag the scene to turn it."
    )


def tour_step() -> TourStep:
    """The Tour's stop on this page (nothing computed until it is shown)."""
    return TourStep(
        slug="three-weights",
        title="Three weights: vertices, edges and faces",
        text=tour_text,
        figures=_tour_figures,
        page="three_weights",
        page_title="Three weights",
        query=PRESETS["vertex"].query(),
    )
