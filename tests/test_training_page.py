"""AppTest for the Training page: every control changes what it should, the link, bad values."""

from __future__ import annotations

import json
import urllib.parse

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from lessons import training
from lessons.training import DiabetesSettings, RaceSettings
from tests.apptest_support import charts as chart_specs
from tests.apptest_support import controls, link, notes, open_page, text, values

CHARTS = {"zeros", "diabetes", "sweep"}  # the race is the live figure (ui.live_race)


def page(**query: str) -> AppTest:
    return open_page("training", query)


def charts(app: AppTest) -> dict:
    return chart_specs(app, prefix="chart_")


def tables(app: AppTest) -> list:
    return [t.value for t in app.table]


def race_data(app: AppTest) -> dict:
    """The live race's payload (lessons.training.race_payload), as the browser gets it."""
    (race,) = [c for c in app.get("bidi_component") if c.proto.component_name.endswith("race")]
    return json.loads(race.proto.json)


@pytest.fixture(scope="module")
def default() -> AppTest:
    return page()


def test_defaults_show_the_race_its_zeros_and_the_diabetes_tables(default):
    assert set(charts(default)) == CHARTS
    race, diabetes = tables(default)
    expected = training.lesson_race(RaceSettings())
    assert list(race.index) == [training.OPTIMISERS[s] for s in training.DEFAULT_SHOWN]
    for slug in training.DEFAULT_SHOWN:
        row = race.loc[training.OPTIMISERS[slug]]
        summary = expected.summaries[slug]
        shown = "never within 200" if summary.identified_at is None else str(summary.identified_at)
        assert row["support exact from iteration"] == shown
        assert row["exact zeros"] == f"{summary.zeros} of 2"
    assert diabetes.loc["ISTA (proximal)", "exact zeros"] == "5 of 10"
    assert diabetes.loc["Adam", "exact zeros"] == "0 of 10"
    race_payload = race_data(default)
    assert race_payload["problem"]["iterations"] == 200
    assert race_payload["shown"] == list(training.DEFAULT_SHOWN)
    assert race_payload["exact"]["w"] == expected.exact.w.tolist()
    assert race_payload["steps"]["sgdStep"] == expected.sgd_step
    assert len(race_payload["problem"]["rows"]) == 200 * 8  # SGD's batches, one row a character
    assert "bounded: at most 100,000 steps" in text(default)
    assert "**ISTA (proximal).** After the gradient step" in text(default)


def test_the_start_sliders_move_every_start(default):
    app = page()
    app.sidebar.slider(key="w1_0").set_value(-2.0)
    app.sidebar.slider(key="w2_0").set_value(1.0).run()
    assert race_data(app)["controls"]["start"] == [-2.0, 1.0]
    assert app.query_params["w1_0"] == "-2.0" and app.query_params["w2_0"] == "1.0"


def test_step_lambda_and_iterations_change_the_runs():
    app = page()
    app.sidebar.slider(key="step").set_value(0.5).run()
    assert "Here 1/L = 0.25, so η = 0.125" in text(app)
    assert "ηλ = 0.3125" in text(app)
    app.sidebar.slider(key="iters").set_value(50).run()
    race = tables(app)[0]
    assert race_data(app)["problem"]["iterations"] == 50
    assert race.loc["Adam", "support exact from iteration"] == "never within 50"
    app.sidebar.slider(key="lam").set_value(1.0).run()
    assert "has no zero" in text(app)  # lambda = 1: the optimum is off the axes
    assert (tables(app)[0]["exact zeros"] == "0 of 2").all()


def test_batch_seed_and_adam_rate_change_sgd_and_adam():
    app = page()
    before = race_data(app)["problem"]["rows"]
    app.sidebar.selectbox(key="batch").set_value("64").run()  # the full batch
    assert "η = 0.25, on the gradient of 64 of the 64 samples" in text(app)
    assert race_data(app)["problem"]["rows"] is None  # the full batch needs no rows
    app.sidebar.selectbox(key="batch").set_value("8")
    app.sidebar.slider(key="seed").set_value(3).run()
    after = race_data(app)["problem"]["rows"]
    assert len(after) == len(before) and after != before
    app.sidebar.selectbox(key="adam_lr").set_value("0.01").run()
    assert "about α = 0.01 per step" in text(app)


def test_the_optimiser_pills_choose_what_is_drawn():
    app = page()
    shown = [s for s in training.OPTIMISERS if s in training.DEFAULT_SHOWN and s != "adam"]
    app.sidebar.pills(key="opt").set_value([*shown, "subgradient_sqrt"]).run()
    names = [style["name"] for style in race_data(app)["styles"].values()]
    assert "subgradient, η/√(k+1)" in names and "Adam" not in names
    assert "Adam" not in tables(app)[0].index
    assert list(tables(app)[0].index) == [
        training.OPTIMISERS[s] for s in training.OPTIMISERS if s in {*shown, "subgradient_sqrt"}
    ]
    app.sidebar.pills(key="opt").set_value([]).run()
    assert not app.exception
    assert "Choose at least one optimiser" in app.info[0].value
    query = urllib.parse.urlsplit(link(app)).query
    assert dict(urllib.parse.parse_qsl(query, keep_blank_values=True)) == {"opt": ""}
    assert "Choose at least one optimiser" in page(opt="").info[0].value  # the link keeps it


def test_a_link_chooses_the_optimisers_and_names_what_it_cannot_read():
    app = page(opt="cd, ISTA (proximal),adamw,cd")
    assert list(tables(app)[0].index) == [training.OPTIMISERS["ista"], training.OPTIMISERS["cd"]]
    assert "“adamw” is not among the choices; left out" in notes(app)
    query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(link(app)).query))
    assert query == {"opt": "ista,cd"}  # slugs, once each, in the page's order


def test_links_from_before_the_pills_still_choose_the_optimisers():
    app = page(show_adam="false", show_subgradient_sqrt="true", show_sgd="maybe")
    expected = [s for s in training.OPTIMISERS if s != "adam"]  # sgd: unreadable, so its default
    assert list(tables(app)[0].index) == [training.OPTIMISERS[s] for s in expected]
    query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(link(app)).query))
    assert query == {"opt": ",".join(expected)}


def test_the_diabetes_controls_and_the_threshold():
    app = page()
    app.sidebar.slider(key="d_lam").set_value(20.0).run()
    assert "λ = 20" in text(app)
    app.sidebar.slider(key="epochs").set_value(10).run()
    diabetes = tables(app)[1]
    assert diabetes.loc["Adam", "support exact from epoch"] == "never within 10"
    app.sidebar.selectbox(key="d_batch").set_value("442").run()
    expected = training.diabetes_race(DiabetesSettings(lam=20.0, epochs=10, batch=442), 0.01)
    row = tables(app)[1].loc["SGD (minibatch)"]
    assert row["distance to exact w"] == training.fmt(expected.summaries["sgd"].distance)
    app.sidebar.selectbox(key="d_adam_lr").set_value("3").run()
    expected = training.diabetes_race(
        DiabetesSettings(lam=20.0, epochs=10, batch=442, adam_rate=3.0), 0.01
    )
    assert tables(app)[1].loc["Adam", "distance to exact w"] == training.fmt(
        expected.summaries["adam"].distance
    )
    app.slider(key="log_tau").set_value(0.0).run()
    assert "zeros after |w| < τ → 0 (τ = 1)" in tables(app)[1].columns
    sweep = charts(app)["sweep"]
    marker = next(t for t in sweep["data"] if t["name"].startswith("your τ"))
    assert np.allclose(values(marker["x"]), 1.0)


def test_the_link_round_trips():
    app = page()
    app.sidebar.slider(key="w1_0").set_value(-1.0)
    app.sidebar.slider(key="lam").set_value(3.0)
    app.sidebar.pills(key="opt").set_value([s for s in training.DEFAULT_SHOWN if s != "sgd"])
    app.sidebar.selectbox(key="d_batch").set_value("8")
    app.slider(key="log_tau").set_value(-4.0).run()
    url = link(app)
    query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))
    assert urllib.parse.urlsplit(url).path == "/training"
    assert query == {
        "w1_0": "-1.0",
        "lam": "3.0",
        "opt": ",".join(s for s in training.DEFAULT_SHOWN if s != "sgd"),
        "d_batch": "8",
        "log_tau": "-4.0",
    }
    again = page(**query)
    assert controls(again) == controls(app)
    assert tables(again)[0].equals(tables(app)[0]) and tables(again)[1].equals(tables(app)[1])


def test_bad_link_values_are_clamped_with_a_note():
    app = page(step="5", iters="7", batch="3", seed="x")
    said = notes(app)
    assert "outside 0.05 to 1.9; using 1.9" in said
    assert "outside 10 to 2000; using 10" in said
    assert "is not one of the choices" in said and "is not a number" in said
    assert controls(app)["step"] == 1.9
    assert "FISTA's step is held at 1/L" in text(app)


def test_presentation_mode_fits_the_projector():
    app = page(present="true")
    race = race_data(app)
    assert race["presenting"] is True
    assert "<br>" not in race["title"]  # one line, in larger type
    assert "Add λ‖w‖₁ to a network's loss" not in text(app)
    assert not app.exception


def test_the_words_say_when_a_zero_is_reached_and_how_big_adams_step_is(default):
    words = text(default)
    # Finite identification holds for a strict zero, and FISTA keeps it only eventually.
    assert "for a strict zero, eventually stay there" in words
    assert "strict* when |∂ⱼL(w*)| < λ, as it is for almost all data" in words
    assert "FISTA is not monotone" in words
    assert "from 2/L on" not in words
    assert "convergence is guaranteed only for η < 2/L" in words
    adam = next(box for box in default.sidebar.selectbox if box.key == "adam_lr")
    assert "whatever the gradient's size" not in adam.help
    assert "at most about α" in adam.help


def test_a_released_start_moves_the_sliders_the_tables_and_the_link():
    app = page()
    app.session_state["live_race"] = {"start": {"w1_0": -2.0, "w2_0": 0.5, "seq": "t-1"}}
    app.run()
    assert not app.exception
    assert controls(app)["w1_0"] == -2.0 and controls(app)["w2_0"] == 0.5
    assert app.query_params["w1_0"] == "-2.0" and app.query_params["w2_0"] == "0.5"
    expected = training.lesson_race(RaceSettings(start=(-2.0, 0.5)))
    row = tables(app)[0].loc["Adam"]
    assert row["distance to exact w"] == training.fmt(expected.summaries["adam"].distance)
    assert race_data(app)["controls"]["start"] == [-2.0, 0.5]
    # A slider moved afterwards is not undone by the release still held in the state.
    app.sidebar.slider(key="w1_0").set_value(1.0).run()
    assert controls(app)["w1_0"] == 1.0


def test_a_released_start_is_read_as_a_link_is():
    app = page()
    app.session_state["live_race"] = {"start": {"w1_0": 9.0, "w2_0": "x", "seq": "t-2"}}
    app.run()
    assert controls(app)["w1_0"] == 3.0 and controls(app)["w2_0"] == -1.5  # clamped; kept
    app.session_state["live_race"] = {"start": {"w1_0": 0.04, "w2_0": 1.26, "seq": "t-3"}}
    app.run()
    assert controls(app)["w1_0"] == 0.0 and controls(app)["w2_0"] == 1.3  # snapped
