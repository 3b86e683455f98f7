"""AppTest for the One weight page: every control, the dead zone, the units, the priors.

Sections 1, 2, 3 and 6 are live charts (``live/one_weight``, one component each):
their data carries Python's answers; tests/test_one_weight_live.py checks what the
browser draws from it.
"""

import json

import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest_support import badges, charts, text
from tests.apptest_support import open_page as open_one_weight

DEFAULTS = {"a": 0.8, "lam": 1.0, "ratio": 0.5}
LIVE = ("penalties", "problem_l1", "problem_l2", "shrinkage", "posterior")


def live_data(app: AppTest) -> dict[str, dict]:
    """Each live chart's data, by its panel."""
    found = [
        c for c in app.get("bidi_component") if c.proto.component_name == "sparsity_one_weight"
    ]
    return {data["panel"]: data for data in (json.loads(c.proto.json) for c in found)}


def open_page(**query: str) -> AppTest:
    return open_one_weight("one_weight", query, timeout=60)


def test_defaults_show_the_dead_zone():
    app = open_page()
    assert {s.key: s.value for s in app.sidebar.slider} == DEFAULTS
    assert app.sidebar.selectbox(key="units").value == "1"
    assert badges(app) == ["L1: w* = 0 exactly: |a| ≤ λ", "L2: w* = 0.2667: shrunk, not zero"]
    assert "|a| ≤ λ, so a is **inside the dead zone**" in text(app)
    assert sorted(charts(app)) == ["chart_bars", "chart_units", "chart_zeros"]
    assert tuple(live_data(app)) == LIVE  # in the page's order
    assert any(r"\operatorname{sign}(a)\,\max(|a| - \lambda" in e.value for e in app.latex)


def test_outside_the_dead_zone_the_lasso_moves_by_exactly_lambda():
    app = open_page()
    app.sidebar.slider(key="a").set_value(2.5).run()
    assert badges(app)[0] == "L1: w* = 1.5"
    assert "moves a towards 0 by exactly λ, to 1.5" in text(app)


@pytest.mark.parametrize(("key", "value"), [("a", -1.7), ("lam", 0.3), ("ratio", 0.9)])
def test_each_slider_changes_the_figures(key, value):
    app = open_page()
    before = live_data(app)
    app.sidebar.slider(key=key).set_value(value).run()
    assert not app.exception
    after = live_data(app)
    assert all(after[p]["view"] == {**DEFAULTS, key: value} for p in LIVE)
    assert all(before[p]["view"] == DEFAULTS for p in LIVE)


def test_units_move_the_crossover_but_not_the_zero():
    app = open_page()
    app.sidebar.selectbox(key="units").set_value("100").run()
    # Where the title breaks is layout (figures.titles): read it as one line.
    title = charts(app)["chart_units"]["layout"]["title"]["text"].replace("<br>", " ")
    assert title == "In units s = 100: the crossover sits at |w_new| = 100, not 1"
    assert "the lasso answer is 0 = s × 0" in text(app)
    assert badges(app)[0] == "L1: w* = 0 exactly: |a| ≤ λ"


def test_many_weights_and_the_bayesian_numbers():
    app = open_page(lam="1")
    joined = json.dumps(charts(app), ensure_ascii=False)  # the bars: Plotly, from Python
    # |OLS| <= 1 for 8 of the 12 hand-picked coefficients: exactly those are zeroed.
    assert "lasso: 8 exact zeros" in joined and "ridge: 0 exact zeros" in joined
    assert "the lasso answer, **0**" in text(app)
    assert "posterior **mean** under the very same prior is **0.3945**" in text(app)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"a": "nan"}, DEFAULTS),
        ({"units": "3"}, DEFAULTS),
        ({"a": "1e400"}, DEFAULTS),  # overflows to inf: unreadable
        ({"lam": "-2"}, {**DEFAULTS, "lam": 0.0}),  # clamped to the nearest end
        ({"ratio": "7"}, {**DEFAULTS, "ratio": 1.0}),
    ],
)
def test_bad_url_values_give_defaults_or_clamped_values_and_a_note(query, expected):
    app = open_page(**query)
    assert {s.key: s.value for s in app.sidebar.slider} == expected
    assert app.sidebar.selectbox(key="units").value == "1"
    assert any(c.value.startswith("⚠️ From the link") for c in app.caption)


def test_the_live_charts_carry_pythons_answers_and_the_sliders_grids():
    app = open_page(a="-0.4", lam="0.6", ratio="0.3")
    data = live_data(app)["problem_l1"]
    assert data["view"] == {"a": -0.4, "lam": 0.6, "ratio": 0.3}
    # Python's exact answers, drawn at rest: inside the dead zone the lasso is 0.0 exactly.
    assert data["reference"]["l1"] == 0.0
    assert data["reference"]["l2"] == -0.4 / (1 + 2 * 0.6)
    assert data["reference"]["mode"] == 0.0 and data["reference"]["mean"] < 0.0
    assert data["specs"] == {
        "a": {"low": -3.0, "high": 3.0, "step": 0.05},
        "lam": {"low": 0.0, "high": 3.0, "step": 0.05},
        "ratio": {"low": 0.0, "high": 1.0, "step": 0.05},
    }
    assert "α = 0.3" in live_data(app)["shrinkage"]["words"]["enetOperator"]


def test_a_released_drag_moves_the_sliders_the_words_and_the_link():
    app = open_page()
    app.session_state["ow_shrinkage"] = {"view": {"a": 2.5, "lam": 0.5, "seq": "t-1"}}
    app.run()
    assert not app.exception
    assert {s.key: s.value for s in app.sidebar.slider} == {**DEFAULTS, "a": 2.5, "lam": 0.5}
    assert badges(app)[0] == "L1: w* = 2"
    assert "moves a towards 0 by exactly λ, to 2" in text(app)
    assert app.query_params["a"] == "2.5" and app.query_params["lam"] == "0.5"
    assert all(d["view"]["a"] == 2.5 for d in live_data(app).values())
    # A slider moved afterwards is not undone by the release still held in the state.
    app.sidebar.slider(key="a").set_value(1.0).run()
    assert app.sidebar.slider(key="a").value == 1.0


def test_a_released_state_is_read_as_a_link_is_clamped_snapped_or_dropped():
    app = open_page()
    app.session_state["ow_posterior"] = {
        "view": {"a": 9.0, "lam": "abc", "ratio": 0.31, "seq": "t-2"}
    }
    app.run()
    values = {s.key: s.value for s in app.sidebar.slider}
    assert values == {"a": 3.0, "lam": 1.0, "ratio": 0.3}  # clamped, unchanged, snapped


def test_the_zeros_come_from_the_posterior_mode_not_from_the_prior():
    from solvers.bayes import laplace_map, laplace_posterior_mean
    from solvers.shrinkage import one_weight_solution

    words = text(open_page(a="1.5"))
    assert "taking the mode of a prior" not in words  # the prior's mode is 0 for every a
    assert "the posterior mode (MAP) under a prior with a kink at 0" in words
    # Outside the dead zone the MAP leaves 0, as the lasso does; the mean is never 0 there.
    for a in (0.5, 1.0, 1.5):
        assert laplace_map(a, 1.0) == float(one_weight_solution(a, 1.0, "l1"))
        assert laplace_posterior_mean(a, 1.0) != 0.0
