"""Presets of the Constraint regions page: the key situations, each a state and a sentence."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from lessons.constraint_regions.controls import SIDES
from lessons.constraint_regions.model import PanelChoice
from lessons.loss_shape import DEFAULT_SHAPE

PAGE_DEFAULTS: dict[str, object] = {
    **DEFAULT_SHAPE.as_state(),
    "mode": "constraint",
    "cone": True,
    **{f"{side}_region": kind for side, kind in SIDES.items()},
    **{
        f"{side}_{name}": getattr(PanelChoice, field)
        for side in SIDES
        for name, field in (
            ("p", "p"),
            ("ratio", "l1_ratio"),
            ("t", "budget"),
            ("lam", "penalty_weight"),
        )
    },
}


@dataclass(frozen=True)
class Preset:
    """A named situation: the state of the Constraint regions page, and why it matters."""

    name: str
    sentence: str
    state: dict[str, object]  # control key -> value, on top of the page's defaults

    def full_state(self) -> dict[str, object]:
        """Every control of the page: the defaults, then this preset's values."""
        return {**PAGE_DEFAULTS, **self.state}

    def query(self) -> dict[str, str]:
        """The URL parameters of this preset (values that differ from the defaults).

        Choices are written as their slugs ("lp"), numbers in their shortest form.
        """
        query = {}
        for key, value in self.state.items():
            if value == PAGE_DEFAULTS[key]:
                continue
            if isinstance(value, bool):
                query[key] = "true" if value else "false"
            elif isinstance(value, str):
                query[key] = value
            else:
                query[key] = f"{value:g}"
        return query


def matching_preset(state: Mapping[str, object]) -> Preset | None:
    """The preset whose state ``state`` shows now, if any."""
    for preset in PRESETS.values():
        if all(state.get(key, PAGE_DEFAULTS[key]) == v for key, v in preset.full_state().items()):
            return preset
    return None


PRESETS: dict[str, Preset] = {
    "corner": Preset(
        "Corner hit",
        "The textbook picture: the smallest ellipse that reaches the diamond touches it at a "
        "corner, so w1 is exactly 0. The circle has no corners: both weights stay non-zero.",
        {},
    ),
    "edge": Preset(
        "Edge hit",
        "It happens: with the centre near the diagonal the ellipse touches an edge of the "
        "diamond, and the L1 solution has no zero at all (how near depends on the distance: "
        "the edges catch strips, the corners wedges). Corners win often, not always.",
        {"c1": 1.5, "c2": 1.3, "cond": 1.0, "angle": 0.0},
    ),
    "inside": Preset(
        "Centre inside",
        "The unconstrained optimum already fits the budget: nothing is shrunk, nothing is "
        "zeroed, by either region. Regularisation only acts when it binds.",
        {"c1": 0.3, "c2": 0.4},
    ),
    "correlated": Preset(
        "Correlated features",
        "Two strongly correlated features make long, thin ellipses along the anti-diagonal. "
        "With a small budget L1 keeps one feature and drops the other; L2 splits the weight "
        "almost equally between them.",
        {"c1": 1.6, "c2": 1.2, "cond": 20.0, "angle": -45.0, "left_t": 0.25, "right_t": 0.25},
    ),
    "round": Preset(
        "Nearly round loss",
        "Almost circular contours: L1 still lands on a corner here, as it does for most "
        "centres away from the diagonals, but not for all (try the Edge hit).",
        {"c1": 2.0, "c2": 0.5, "cond": 1.2, "angle": 10.0},
    ),
    "star": Preset(
        "p < 1",
        "The p = 0.5 star has sharper corners than the diamond: it lands on an axis where "
        "L1 lands on an edge. But it is not convex, so there can be several local optima.",
        {
            "c1": 1.5,
            "c2": 1.3,
            "cond": 1.0,
            "angle": 0.0,
            "left_region": "lp",
            "left_p": 0.5,
            "right_region": "l1",
        },
    ),
    "elasticnet": Preset(
        "Elastic net",
        "Any L1 share α > 0 keeps the corners on the axes, so the elastic net still gives "
        "exact zeros, while its rounded sides spread weight like L2.",
        {
            "c1": 0.3,
            "c2": 2.5,
            "cond": 1.0,
            "angle": 0.0,
            "left_region": "elasticnet",
            "left_ratio": 0.5,
        },
    ),
}
