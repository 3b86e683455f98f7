"""The Three weights page's presets: named situations, each a set of controls and a claim.

Each preset names the piece of the octahedron (and of the double cone) the exact
solution must land on; the tests check every claim against the solvers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from lessons.three_weights.controls import DEFAULTS, PRESET_KEYS

__all__ = ["PRESETS", "Preset", "matching_preset"]


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
