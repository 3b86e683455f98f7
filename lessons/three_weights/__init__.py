"""The Three weights lesson: one 3-D loss against the octahedron, the sphere and friends.

In 3-D the L1 ball is an octahedron: 6 vertices (two weights exactly 0), 12
edges (one weight 0) and 8 faces (none). The lesson minimises one loss
``0.5 (w - c)^T H (w - c)`` over each 3-D region exactly and hands the page
what to draw and say:

- ``controls``: the sliders (``CENTRE``, ``CONDITION``, ``AZIMUTH``,
  ``ELEVATION``, ``BUDGET``, ``EN_SHARE``), the second view's choice
  (``SECOND``) and every control's default (``DEFAULTS``);
- ``presets``: ``PRESETS`` and ``matching_preset``;
- ``scenes`` and ``pieces``: ``Shape3D`` (the loss the sliders describe), ``scene``
  and ``comparison`` (frozen, hashable inputs: the page caches on them);
- ``odds``: the 3-D odds and the zeros against n, one fixed ensemble each;
- ``words``: every sentence the page prints;
- ``tour``: the Tour's stop, ``tour_step()``.

Its modules import numpy, geometry, solvers, studies, figures (the number
formats, and ``figures.three_d`` for the Tour's figures) and plotly (only for
the Tour figures' type); never streamlit.
"""

from lessons.three_weights.controls import (
    AZIMUTH,
    BUDGET,
    CENTRE,
    CONDITION,
    DEFAULTS,
    ELEVATION,
    EN_SHARE,
    PRESET_KEYS,
    SECOND,
)
from lessons.three_weights.odds import (
    BUDGET_PER_WEIGHT,
    DIMENSION_COUNTS,
    DIMENSIONS,
    ODDS_BUDGET,
    ODDS_COUNT,
    ODDS_MAX_CONDITION,
    ODDS_SEED,
    ODDS_SPREAD,
    three_d_odds,
    vertex_or_edge_share,
    zero_weight_shares,
    zeros_by_dimension,
)
from lessons.three_weights.pieces import REGION_NAMES, region
from lessons.three_weights.presets import PRESETS, Preset, matching_preset
from lessons.three_weights.scenes import Scene, Shape3D, comparison, scene, view_limit
from lessons.three_weights.tour import tour_step
from lessons.three_weights.words import (
    CENTRE_CAPTION,
    GROUPS_INTRO,
    INTRO,
    ODDS_SPINNER,
    SCENE_CAPTION,
    SHAPE_CAPTION,
    badge,
    comparison_table,
    dimension_caption,
    dimension_sentence,
    odds_summary,
    preset_note,
    readout,
    structured_sentence,
    tour_text,
    zero_names,
)

__all__ = [
    "AZIMUTH",
    "BUDGET",
    "BUDGET_PER_WEIGHT",
    "CENTRE",
    "CENTRE_CAPTION",
    "CONDITION",
    "DEFAULTS",
    "DIMENSIONS",
    "DIMENSION_COUNTS",
    "ELEVATION",
    "EN_SHARE",
    "GROUPS_INTRO",
    "INTRO",
    "ODDS_BUDGET",
    "ODDS_COUNT",
    "ODDS_MAX_CONDITION",
    "ODDS_SEED",
    "ODDS_SPINNER",
    "ODDS_SPREAD",
    "PRESETS",
    "PRESET_KEYS",
    "REGION_NAMES",
    "SCENE_CAPTION",
    "SECOND",
    "SHAPE_CAPTION",
    "Preset",
    "Scene",
    "Shape3D",
    "badge",
    "comparison",
    "comparison_table",
    "dimension_caption",
    "dimension_sentence",
    "matching_preset",
    "odds_summary",
    "preset_note",
    "readout",
    "region",
    "scene",
    "structured_sentence",
    "three_d_odds",
    "tour_step",
    "tour_text",
    "vertex_or_edge_share",
    "view_limit",
    "zero_names",
    "zero_weight_shares",
    "zeros_by_dimension",
]
