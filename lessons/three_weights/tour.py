"""The Three weights lesson's Tour stop: the octahedron's vertex hit against the sphere."""

from __future__ import annotations

import plotly.graph_objects as go

from figures.three_d import scene_figure
from lessons.three_weights.controls import DEFAULTS
from lessons.three_weights.presets import PRESETS
from lessons.three_weights.scenes import Shape3D, scene
from lessons.three_weights.words import tour_text
from lessons.tour_step import TourStep

__all__ = ["tour_step"]


def _tour_figures() -> list[go.Figure]:
    shape = Shape3D.from_state(PRESETS["vertex"].full_state())
    return [scene_figure(scene(shape, kind, DEFAULTS["t"])) for kind in ("l1", "l2")]


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
