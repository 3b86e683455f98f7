"""AppTest: the Three weights page: every control and preset, its numbers, link and projection."""

from __future__ import annotations

import math
import urllib.parse

import numpy as np
import pytest

from figures.labels import format_number, format_point
from figures.odds import percent
from figures.style import PRESENT_HEIGHT
from geometry import QuadraticLoss
from lessons import three_weights as model
from lessons.three_weights import PRESETS, Shape3D
from solvers import solve_constrained
from studies.ensembles import sample_problems_nd
from studies.odds import Share
from studies.three_d import l1_batch_3d
from tests.apptest_support import (
    badges,
    charts,
    controls,
    link,
    listed_links,
    notes,
    open_page,
    sent_charts,
    text,
)

SCENES = ("scene_l1", "scene_l2", "scene_group")
PAYLOAD_BUDGET = 300 * 1024


def _expected_badges(state: dict, second: str = "l2") -> list[str]:
    shape = Shape3D.from_state(state)
    return [
        f"{model.REGION_NAMES[kind]}: {model.scene(shape, kind, state['t'], state['en_a']).words}"
        for kind in ("l1", second, "group")
    ]


def _independent_solution(state: dict, kind: str):
    """The exact solution from a loss built here: H = k I - (k - 1) u u^T."""
    state = {**model.DEFAULTS, **state}
    az, el = math.radians(state["azim"]), math.radians(state["elev"])
    u = np.array([math.cos(el) * math.cos(az), math.cos(el) * math.sin(az), math.sin(el)])
    k = state["cond"]
    hessian = k * np.eye(3) - (k - 1.0) * np.outer(u, u)
    loss = QuadraticLoss([state["c1"], state["c2"], state["c3"]], 0.5 * (hessian + hessian.T))
    return solve_constrained(loss, model.region(kind, state["t"], state["en_a"]))


def _payload(app) -> int:
    return sum(c.size for c in sent_charts(app) if c.key.startswith("scene_"))


def test_default_view_states_its_lessons_and_prints_exact_numbers():
    app = open_page("three_weights")
    state = model.DEFAULTS
    assert badges(app) == [
        "L1 octahedron: vertex: w2 = w3 = 0 exactly",
        "L2 sphere: smooth point: no zeros",
        "Group lasso double cone: rim: w3 = 0 exactly",
    ]
    assert any("**Vertex hit.**" in box.value for box in app.info)
    figures = charts(app)
    assert set(figures) == {*SCENES, "chart_landing", "chart_dimension"}
    for key in SCENES:
        layout = figures[key]["layout"]
        scene = layout["scene"]
        assert scene["aspectmode"] == "cube"
        ranges = {tuple(scene[axis]["range"]) for axis in ("xaxis", "yaxis", "zaxis")}
        assert len(ranges) == 1  # equal ranges: a sphere looks round
        assert layout["uirevision"]  # the reader's rotation survives a rerun
        assert layout["height"] <= PRESENT_HEIGHT
    assert figures["scene_l1"]["layout"]["title"]["text"] == (
        "L1 octahedron<br>vertex: w2 = w3 = 0 exactly"
    )
    # The readout tables: every number recomputed from a loss built here.
    tables = [m.value for m in app.markdown if m.value.startswith("| L")]
    for table, kind in zip(tables, ("l1", "l2"), strict=True):
        solution = _independent_solution(state, kind)
        assert f"| w* | {format_point(solution.w)} |" in table
        assert f"| loss L(w*) | {format_number(solution.loss)} |" in table
        assert f"| KKT multiplier λ | {format_number(solution.multiplier)} |" in table
    comparison = next(m.value for m in app.markdown if m.value.startswith("| | L1 |"))
    for kind in model.REGION_NAMES:
        assert format_point(_independent_solution(state, kind).w) in comparison
    assert "L1 zeroes w2 and w3, one weight at a time" in text(app)
    assert _payload(app) <= PAYLOAD_BUDGET


def test_the_odds_printed_are_recomputed_from_the_draws():
    app = open_page("three_weights")
    words = text(app)
    rng = np.random.default_rng(model.ODDS_SEED)
    centers, hessians = sample_problems_nd(
        rng, model.ODDS_COUNT, 3, model.ODDS_SPREAD, model.ODDS_MAX_CONDITION
    )
    W, pieces = l1_batch_3d(centers, hessians, model.ODDS_BUDGET)
    for name, code in (("a vertex", 0), ("an edge", 1), ("a face", 2), ("inside (slack)", -1)):
        share = Share.of(pieces == code)
        low, high = share.interval
        line = f"**L1**, {name}: {percent(share.value)} ({percent(low)} to {percent(high)})"
        assert line in words, line
    inside = np.linalg.norm(centers, axis=1) <= model.ODDS_BUDGET
    smooth = Share.of(~inside)
    assert f"**L2**, a smooth point: {percent(smooth.value)}" in words
    assert f"Weights exactly 0: **L1 {percent(Share.of(W == 0.0).value)}** of 60,000" in words
    assert "**L2 0%**" in words


# Each control, moved from the default view: the page shows the model's words for the new
# state (the model's own tests check the words against the solver) and redraws.
MOVES = [
    ("c1", -1.5),
    ("c2", 1.2),
    ("c3", 2.0),
    ("cond", 15.0),
    ("azim", -90.0),
    ("elev", 70.0),
    ("t", 2.5),
    ("en_a", 0.2),
]


@pytest.mark.parametrize(("key", "value"), MOVES)
def test_each_control_changes_the_scenes_and_the_words(key, value):
    app = open_page("three_weights", {"second": "elasticnet"})
    before = charts(app)
    app.sidebar.slider(key=key).set_value(value).run()
    assert not app.exception
    state = {**model.DEFAULTS, key: value}
    assert badges(app) == _expected_badges(state, "elasticnet")
    after = charts(app)
    views = ("scene_l1", "scene_elasticnet", "scene_group")
    changed = [k for k in views if before[k] != after[k]]
    assert changed == (["scene_elasticnet"] if key == "en_a" else list(views))
    assert f"{key}={value!r}" in link(app)


def test_the_second_view_switches_between_the_sphere_and_the_elastic_net():
    app = open_page("three_weights")
    app.sidebar.selectbox(key="second").set_value("elasticnet").run()
    figures = charts(app)
    assert "scene_elasticnet" in figures and "scene_l2" not in figures
    assert badges(app)[1] == "Elastic-net ball: edge: w2 = 0 exactly"
    assert "second=elasticnet" in link(app)


@pytest.mark.parametrize("name", list(PRESETS))
def test_clicking_a_preset_sets_every_control_and_shows_its_claim(name):
    preset = PRESETS[name]
    app = open_page("three_weights")
    app.button_group(key="preset3").set_value(name).run()
    assert not app.exception
    values = controls(app)
    for key, value in preset.full_state().items():
        assert values[key] == value, key
    assert any(f"**{preset.name}.**" in box.value for box in app.info)
    l1_badge, _, group_badge = badges(app)
    solution = _independent_solution(preset.full_state(), "l1")
    assert solution.face == preset.l1_face
    assert l1_badge.startswith(f"L1 octahedron: {preset.l1_face}:")
    if preset.group_face is not None:
        group = _independent_solution(preset.full_state(), "group")
        assert group.face == preset.group_face
        piece = {"vertex": "tip", "edge": "rim", "face": "sheet"}[preset.group_face]
        assert group_badge.startswith(f"Group lasso double cone: {piece}:")
    # Moving a control away drops the preset's sentence.
    app.sidebar.slider(key="t").set_value(0.55).run()
    assert not any(f"**{preset.name}.**" in box.value for box in app.info)


@pytest.mark.parametrize("name", ["edge", "face"])
def test_a_preset_link_reproduces_the_view_and_round_trips(name):
    preset = PRESETS[name]
    app = open_page("three_weights", {**preset.query(), "second": "elasticnet"})
    assert any(f"**{preset.name}.**" in box.value for box in app.info)
    query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(link(app)).query))
    assert query == {**preset.query(), "second": "elasticnet"}
    again = open_page("three_weights", query)
    assert controls(again) == controls(app) and not notes(again)
    assert _payload(again) <= PAYLOAD_BUDGET  # the elastic net's face patch included


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"c1": "nan"}, "is not a number"),
        ({"cond": "1e9"}, "is outside"),
        ({"second": "L7"}, "not one of"),
    ],
)
def test_garbage_in_the_link_gives_defaults_and_a_note(query, expected):
    app = open_page("three_weights", query)
    assert expected in notes(app)
    assert len(badges(app)) == 3


def test_presentation_enlarges_type_and_drops_the_tables():
    normal = charts(open_page("three_weights"))
    app = open_page("three_weights", {"present": "true"})
    present = charts(app)
    for key in SCENES:
        before, after = normal[key]["layout"], present[key]["layout"]
        assert after["font"]["size"] > 1.3 * before["font"]["size"]
        assert after["height"] == before["height"] <= PRESENT_HEIGHT
        assert after.get("showlegend", True)  # three entries: the legend stays
    assert not any(m.value.startswith("| L1 octahedron") for m in app.markdown)
    assert not any("Drag a scene" in m.value for m in app.markdown)


def test_the_listed_preset_links_match_the_presets():
    app = open_page("three_weights")
    links = listed_links(app)
    assert list(links) == [preset.name for preset in PRESETS.values()]
    for preset in PRESETS.values():
        url = links[preset.name]
        assert urllib.parse.urlsplit(url).path.endswith("/three_weights")
        assert dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query)) == preset.query()


def test_the_payload_is_what_the_charts_send():
    app = open_page("three_weights", PRESETS["face"].query())
    sizes = {c.key: c.size for c in sent_charts(app)}
    assert sum(sizes[k] for k in SCENES) == _payload(app) <= PAYLOAD_BUDGET
