"""Presets of the Constraint regions page: each link reproduces its state and its claim."""

from __future__ import annotations

import urllib.parse

import pytest

from lessons.constraint_regions import PanelChoice, solve_panel
from lessons.constraint_regions.presets import PRESETS
from lessons.loss_shape import DEFAULT_SHAPE, LossShape
from tests.apptest_support import controls, listed_links, notes, open_page


def _panels_of(state: dict) -> dict[str, object]:
    loss = LossShape.from_state(state, DEFAULT_SHAPE).loss
    return {
        side: solve_panel(
            loss,
            PanelChoice(
                state[f"{side}_region"],
                state[f"{side}_p"],
                state[f"{side}_ratio"],
                state[f"{side}_t"],
                state[f"{side}_lam"],
            ),
            state["mode"],
        )[1]
        for side in ("left", "right")
    }


# What each preset's sentence claims, checked on the exact solutions.
CLAIMS = {
    "corner": lambda p: p["left"].zeros and not p["right"].zeros,
    "edge": lambda p: p["left"].face == "edge" and not p["left"].zeros,
    "inside": lambda p: not p["left"].active and not p["right"].active,
    "correlated": lambda p: (
        len(p["left"].zeros) == 1
        and not p["right"].zeros
        and abs(p["right"].w[0] - p["right"].w[1]) < 0.1 * abs(p["right"].w[0])
    ),
    "round": lambda p: p["left"].zeros and not p["right"].zeros,
    "star": lambda p: p["left"].zeros and not p["right"].zeros and len(p["left"].local_minima) > 1,
    "elasticnet": lambda p: p["left"].zeros and not p["right"].zeros,
}


@pytest.mark.parametrize("name", list(PRESETS))
def test_each_preset_link_reproduces_its_state_and_its_claim(name):
    preset = PRESETS[name]
    assert CLAIMS[name](_panels_of(preset.full_state()))
    app = open_page("constraint_regions", preset.query())
    shown = controls(app)
    for key, value in preset.full_state().items():
        if key in shown:
            assert shown[key] == pytest.approx(value) if isinstance(value, float) else value
    assert any(f"**{preset.name}.**" in element.value for element in app.info)
    assert not notes(app)


@pytest.mark.parametrize("name", ["edge", "star", "correlated"])
def test_clicking_a_preset_sets_every_control(name):
    app = open_page("constraint_regions")
    app.button_group(key="preset").set_value(name).run()
    assert not app.exception
    shown = controls(app)
    for key, value in PRESETS[name].full_state().items():
        if key in shown:
            assert shown[key] == value, key
    assert any(f"**{PRESETS[name].name}.**" in element.value for element in app.info)
    # Moving a control away from the preset drops its sentence.
    app.slider(key="c1").set_value(-2.0).run()
    assert not any(f"**{PRESETS[name].name}.**" in element.value for element in app.info)


def test_the_page_lists_every_preset_link_for_slides():
    app = open_page("constraint_regions")
    links = listed_links(app)
    assert list(links) == [preset.name for preset in PRESETS.values()]
    for preset in PRESETS.values():
        url = links[preset.name]
        assert urllib.parse.urlsplit(url).path == "/"
        assert dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query)) == preset.query()
