"""The live figure: what Python sends it, what a release does to the sliders, the words it shows.

Pure Python (the payload of ``lessons.constraint_regions``), AppTest (the component on
the page; its state set through session state moves the sliders and Python's
readout, as a release in the browser does), and Node (the browser's words for a
state against ``figures.labels`` and ``lessons.words`` for the same state). The browser itself is
in tests/test_live_figure_browser.py.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from figures.constraint_regions import LEVEL_MULTIPLES, contour_levels
from figures.labels import figure_title, region_legend
from figures.style import DARK_PAPER, DARK_VARIANT, PRESENT_CONTOUR
from geometry import QuadraticLoss
from geometry.regions import REGION_KINDS
from lessons.constraint_regions import (
    LIVE_KINDS,
    VIEW_KEYS,
    VIEW_MARGIN,
    VIEW_SCALE,
    LivePanel,
    PanelChoice,
    budget_path,
    budget_sides,
    live_payload,
    release_values,
    solve_panel,
    view_limit,
)
from lessons.loss_shape import DEFAULT_SHAPE, LossShape
from lessons.words import badge_colour, badge_text, panel_words
from solvers import solve_constrained
from tests.apptest_support import open_page, sliders

ROOT = Path(__file__).resolve().parents[1]


def payload(shape: LossShape = DEFAULT_SHAPE, kinds=("l1", "l2"), mode="constraint", **kw):
    loss = shape.loss
    panels = []
    for side, kind in zip(("left", "right"), kinds, strict=True):
        choice = PanelChoice(kind=kind, p=kw.pop(f"{side}_p", 0.5))
        region, solution = solve_panel(loss, choice, mode)
        panels.append(LivePanel(side, choice, region, solution, choice.uses_penalty(mode)))
    options = {"limit": 2.5, "show_cone": True, "presenting": False, "dark": False, **kw}
    return live_payload(shape, panels, **options)


def test_the_payload_carries_pythons_exact_solutions_and_words():
    data = payload()
    assert data["view"] == {
        "c1": 1.0,
        "c2": 2.0,
        "cond": 4.0,
        "angle": -30.0,
        "left_t": 1.0,
        "right_t": 1.0,
    }
    assert np.array_equal(data["hessian"], DEFAULT_SHAPE.loss.hessian)
    left, right = data["panels"]
    assert left["solution"]["w"] == [0.0, 1.0] and left["solution"]["zeros"] == [0]
    assert left["title"] == "L1: corner on the w2 axis → w1 = 0"
    assert left["badge"] == "w1 = 0 exactly: sparse" and left["colour"] == "green"
    assert left["legend"] == "L1: ‖w‖₁ ≤ 1"
    assert left["live"] and left["budgetHandle"] and left["path"] is None
    assert right["badge"] == "no exact zeros: not sparse" and right["colour"] == "orange"
    assert data["specs"]["t"] == {"low": 0.1, "high": 3.0, "step": 0.05}
    assert data["specs"]["angle"] == {"low": -90.0, "high": 90.0, "step": 5.0}
    # Plain JSON: doubles round-trip exactly, an exact zero stays 0.0.
    assert json.loads(json.dumps(data)) == data


def test_dark_and_presentation_palettes_follow_the_plotly_figures():
    light = payload()["palette"]
    dark = payload(dark=True, presenting=True)
    assert light["paper"] == "white" and dark["palette"]["paper"] == DARK_PAPER
    assert dark["palette"]["contour"] == DARK_VARIANT[PRESENT_CONTOUR]
    assert dark["presenting"] and dark["dark"]
    ochre = payload(kinds=("lp", "l2"), dark=True)["panels"][0]["style"]["colour"]
    assert ochre == "#E69F00"  # Okabe-Ito orange in its original brightness on a dark page


def test_regions_the_browser_cannot_solve_get_an_exact_path_for_play():
    data = payload(kinds=("lp", "elasticnet"), left_p=1.2)
    left, right = data["panels"]
    assert not left["live"] and right["live"]
    assert "updates on release" in data["panels"][0]["pendingNote"]
    loss = DEFAULT_SHAPE.loss
    path = budget_path(loss, PanelChoice(kind="lp", p=1.2), 3.0)
    budgets = [sample[0] for sample in path]
    assert budgets[0] == 3.0 and budgets[-1] == 0.0 and len(budgets) == 61
    assert all(a > b for a, b in itertools.pairwise(budgets))
    assert path[-1][1:3] == [0.0, 0.0]
    for t, w1, w2, badge, colour, title in path[::10][:-1]:
        region = REGION_KINDS["lp"].make(t, p=1.2)
        exact = solve_constrained(loss, region)
        assert [w1, w2] == [float(x) for x in exact.w]
        assert (badge, colour, title) == (
            badge_text(exact),
            badge_colour(exact),
            figure_title(region, exact),
        )
    assert path[-1][3:5] == ["w = 0 exactly: every weight is zero", "green"]


def test_penalised_panels_have_no_budget_handle_and_say_so():
    state = {"mode": "penalty", "left_region": "l1", "right_region": "linf"}
    assert budget_sides(state) == ("right",)  # L∞ has no penalty form: it stays a constraint
    data = payload(kinds=("l1", "linf"), mode="penalty")
    left, right = data["panels"]
    assert not left["live"] and not left["budgetHandle"]
    assert "recomputed on release" in left["note"]
    assert right["live"] and right["budgetHandle"]


def test_a_release_reports_only_the_controls_a_handle_moves():
    view = {"c1": 0.5, "c2": 1.0, "cond": 2.0, "angle": 5.0, "left_t": 2.0, "right_t": 1.5}
    assert release_values({**view, "seq": "1-1", "mode": "penalty"}, ("right",)) == {
        key: value for key, value in view.items() if key != "left_t"
    }


# --- AppTest ----------------------------------------------------------------------------


def figure_data(app) -> dict:
    (figure,) = [c for c in app.get("bidi_component") if c.proto.component_name.endswith("figure")]
    return json.loads(figure.proto.json)


def test_the_page_mounts_the_live_figure_with_its_data():
    app = open_page("constraint_regions")
    names = sorted(c.proto.component_name for c in app.get("bidi_component"))
    # and the budget path below them, an in-place Plotly chart (ui.plotly_chart), and the
    # toolbar's Copy link button (ui.share_link)
    assert names == [
        "sparsity_live_figure",
        "sparsity_live_modules",
        "sparsity_plotly_chart",
        "sparsity_share_link",
    ]
    data = figure_data(app)
    assert [p["title"] for p in data["panels"]] == [
        "L1: corner on the w2 axis → w1 = 0",
        "L2: a smooth point off the axes → no zeros",
    ]
    components = {c.proto.component_name: c.proto for c in app.get("bidi_component")}
    modules = components["sparsity_live_modules"]
    assert "figure/main.js" in modules.js_content  # every module travels in one message
    assert len(modules.js_content) > 50_000
    # What each rerun carries besides the data: a stub of a few lines for each element
    # (the modules travel once per session, in the hidden modules element).
    for name in ("sparsity_live_figure", "sparsity_plotly_chart", "sparsity_share_link"):
        assert len(components[name].js_content) < 1_000, name


def test_a_released_state_moves_the_sliders_the_readout_and_the_link():
    app = open_page("constraint_regions", {"c1": "1.5", "c2": "1.3", "cond": "1", "angle": "0"})
    assert "| w | (0.6, 0.4) |" in " ".join(e.value for e in app.markdown)  # the edge hit
    released = {"c1": 0.4, "c2": 2.4, "cond": 1.0, "angle": 0.0, "left_t": 1.5, "right_t": 1.0}
    app.session_state["live_figure"] = {"view": {**released, "seq": "test-1"}}
    app.run()
    assert not app.exception
    assert {key: sliders(app)[key] for key in released} == released
    text = " ".join(e.value for e in app.markdown)
    assert "| w | (0, 1.5) |" in text  # the corner (0, t) of the larger diamond
    assert figure_data(app)["view"] == released
    assert app.query_params["c1"] == "0.4" and app.query_params["left_t"] == "1.5"
    # A slider moved afterwards is not undone by the release still held in the state.
    app.sidebar.slider(key="c1").set_value(1.0).run()
    assert sliders(app)["c1"] == 1.0


def test_a_released_state_is_read_as_a_link_is_clamped_snapped_or_dropped():
    app = open_page("constraint_regions")
    app.session_state["live_figure"] = {
        "view": {"c1": 9.0, "c2": "abc", "cond": 4.04, "angle": -31.0, "seq": "test-2"}
    }
    app.run()
    values = sliders(app)
    assert values["c1"] == 3.0 and values["c2"] == 2.0  # clamped; unreadable: unchanged
    assert values["cond"] == 4.0 and values["angle"] == -30.0  # snapped to the steps


# --- the browser's words against Python's ---------------------------------------------

_WORDS_SCRIPT = """
import { readFileSync } from "node:fs";
import { solve2d } from "ROOT/live/solvers/index.js";
import { hessianFromShape } from "ROOT/live/figure/geometry.js";
import { badgeColour, badgeText, figureTitle, regionLegend } from "ROOT/live/figure/text.js";
const cases = JSON.parse(readFileSync(0, "utf8"));
const out = cases.map(({ c, cond, angle, region, hessian }) => {
  const solution = solve2d(c, hessian, region);
  return {
    w: solution.w,
    title: figureTitle(region, solution),
    badge: badgeText(solution),
    colour: badgeColour(solution),
    legend: regionLegend(region),
    hessian: hessianFromShape(cond, angle),
  };
});
process.stdout.write(JSON.stringify(out));
"""


def _node() -> str:
    path = shutil.which("node")
    if path:
        return path
    if os.environ.get("CI"):
        pytest.fail("CI=true but no node on PATH")
    pytest.skip("no node on this machine")


def test_the_browser_says_what_python_says_for_the_same_state(tmp_path):
    node = _node()
    rng = np.random.default_rng(7)
    cases, expected = [], []
    for _ in range(400):
        kind = LIVE_KINDS[rng.integers(len(LIVE_KINDS))]
        shape = LossShape(
            float(np.round(rng.uniform(-3, 3) / 0.05) * 0.05),
            float(np.round(rng.uniform(-3, 3) / 0.05) * 0.05),
            float(np.round(rng.uniform(1, 20), 1)),
            float(5 * rng.integers(-18, 19)),
        )
        t = float(np.round(rng.uniform(0.1, 3.0) / 0.05) * 0.05)
        choice = PanelChoice(kind=kind, l1_ratio=float(np.round(rng.uniform(0, 1), 2)), budget=t)
        region = choice.region(t)
        solution = solve_constrained(shape.loss, region)
        cases.append(
            {
                "c": [shape.c1, shape.c2],
                "cond": shape.condition,
                "angle": shape.angle,
                "hessian": shape.loss.hessian.tolist(),
                "region": {"kind": kind, "radius": t, "p": 0.5, "l1Ratio": choice.l1_ratio},
            }
        )
        expected.append((solution, region, shape.loss))
    script = tmp_path / "words.mjs"
    script.write_text(_WORDS_SCRIPT.replace("ROOT", ROOT.as_posix()))
    result = subprocess.run(
        [node, str(script)], input=json.dumps(cases), capture_output=True, text=True, check=True
    )
    for got, (solution, region, loss) in zip(json.loads(result.stdout), expected, strict=True):
        assert got["title"] == figure_title(region, solution)
        assert got["badge"] == badge_text(solution)
        assert got["legend"] == region_legend(region)
        assert np.allclose(got["w"], solution.w, rtol=0, atol=1e-9)
        assert np.allclose(got["hessian"], loss.hessian, rtol=1e-15, atol=1e-15)


def test_the_browser_colours_and_words_its_badge_as_the_payload_does(tmp_path):
    # The payload's words are computed once (lessons.words.panel_words); while a
    # handle moves the browser words its own solution: the two must agree.
    node = _node()
    cases, expected = [], []
    for kind, c in itertools.product(LIVE_KINDS, ([1.0, 2.0], [0.2, 0.1], [1.5, 1.3], [2.0, 0.0])):
        shape = LossShape(c[0], c[1], 1.0 if c == [1.5, 1.3] else 4.0, -30.0)
        region = PanelChoice(kind=kind).region(1.0)
        solution = solve_constrained(shape.loss, region)
        cases.append(
            {
                "c": c,
                "cond": shape.condition,
                "angle": shape.angle,
                "hessian": shape.loss.hessian.tolist(),
                "region": {"kind": kind, "radius": 1.0, "p": 0.5, "l1Ratio": 0.5},
            }
        )
        expected.append(panel_words(kind, region, solution))
    script = tmp_path / "badges.mjs"
    script.write_text(_WORDS_SCRIPT.replace("ROOT", ROOT.as_posix()))
    result = subprocess.run(
        [node, str(script)], input=json.dumps(cases), capture_output=True, text=True, check=True
    )
    got = json.loads(result.stdout)
    assert {words.colour for words in expected} == {"green", "gray", "orange"}
    for drawn, words in zip(got, expected, strict=True):
        assert (drawn["badge"], drawn["colour"]) == (words.badge, words.colour)
        assert (drawn["title"], drawn["legend"]) == (words.title, words.legend)


def test_the_hessian_the_browser_builds_is_pythons_for_the_page_defaults():
    loss = QuadraticLoss.from_shape((1.0, 2.0), eigenvalues=(1.0, 4.0), angle_deg=-30.0)
    assert payload()["hessian"] == loss.hessian.tolist()


# --- Python's constants, which the browser reads from the payload ----------------------

_CONSTANTS_SCRIPT = """
import { readFileSync } from "node:fs";
import { contourLevels, viewLimit } from "ROOT/live/figure/geometry.js";
import { REGION_KINDS } from "ROOT/live/solvers/validate.js";
const { data, cases } = JSON.parse(readFileSync(0, "utf8"));
const out = cases.map(({ c, cond, extent, solution }) => ({
  limit: viewLimit(c, extent, data.viewRule),
  levels: contourLevels(solution, cond, extent, data.levelMultiples),
}));
process.stdout.write(JSON.stringify({ kinds: REGION_KINDS, out }));
"""


def test_the_payload_carries_the_constants_python_uses():
    data = payload()
    assert data["viewKeys"] == list(VIEW_KEYS)
    assert data["levelMultiples"] == list(LEVEL_MULTIPLES)
    assert data["viewRule"] == {"scale": VIEW_SCALE, "margin": VIEW_MARGIN}


def test_the_browser_draws_the_view_and_contours_python_draws_from_the_payload(tmp_path):
    node = _node()
    rng = np.random.default_rng(11)
    cases, expected = [], []
    for k in range(60):
        c1, c2 = (float(x) for x in rng.uniform(-3, 3, 2).round(2))
        shape = LossShape(c1, c2, float(np.round(rng.uniform(1, 20), 1)), 15.0)
        region = PanelChoice(kind="l1").region(float(rng.uniform(0.1, 3.0)))
        solution = solve_constrained(shape.loss, region)
        if k % 3 == 0:  # no ellipse touches: the levels follow the region's scale
            solution = solve_constrained(shape.loss, PanelChoice(kind="l1").region(10.0))
        extent = float(rng.uniform(0.1, 3.0))
        cases.append(
            {
                "c": [shape.c1, shape.c2],
                "cond": shape.condition,
                "extent": extent,
                "solution": {"active": bool(solution.active), "loss": float(solution.loss)},
            }
        )
        expected.append(
            (view_limit(shape.loss, extent), contour_levels(shape.loss, extent, solution))
        )
    script = tmp_path / "constants.mjs"
    script.write_text(_CONSTANTS_SCRIPT.replace("ROOT", ROOT.as_posix()))
    message = json.dumps({"data": payload(), "cases": cases})
    result = subprocess.run(
        [node, str(script)], input=message, capture_output=True, text=True, check=True
    )
    got = json.loads(result.stdout)
    assert tuple(got["kinds"]) == LIVE_KINDS  # what Python calls live is what solve2d solves
    for drawn, (limit, levels) in zip(got["out"], expected, strict=True):
        assert drawn["limit"] == limit
        assert np.allclose(drawn["levels"], levels, rtol=1e-12, atol=0)


def test_the_module_bundle_holds_every_browser_folder_and_nothing_else():
    from ui.live_modules import BROWSER_FOLDERS, LIVE, live_component, loader_js, sources

    bundled = sources()
    on_disk = {
        p.relative_to(LIVE).as_posix()
        for p in LIVE.glob("*/*.js")
        if p.parent.name not in {"tests", "tools"}
    }
    assert set(bundled) == on_disk  # a new folder of browser modules joins without a list
    assert {"chart", "figure", "share", "solvers"} <= set(BROWSER_FOLDERS)
    assert not {"tests", "tools"} & set(BROWSER_FOLDERS)
    assert '"figure/main.js"' in loader_js()
    with pytest.raises(ValueError, match="entry"):
        live_component("sparsity_no_such_figure", "figure/no_such.js")
