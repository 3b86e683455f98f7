"""AppTest for the One weight page: every control, the dead zone, the units, the priors."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest_support import badges, charts, text
from tests.apptest_support import open_page as open_one_weight

DEFAULTS = {"a": 0.8, "lam": 1.0, "ratio": 0.5}


def open_page(**query: str) -> AppTest:
    return open_one_weight("one_weight", query, timeout=60)


def test_defaults_show_the_dead_zone():
    app = open_page()
    assert {s.key: s.value for s in app.sidebar.slider} == DEFAULTS
    assert app.sidebar.selectbox(key="units").value == "1"
    assert badges(app) == ["L1: w* = 0 exactly: |a| ≤ λ", "L2: w* = 0.2667: shrunk, not zero"]
    assert "|a| ≤ λ, so a is **inside the dead zone**" in text(app)
    assert len(charts(app)) == 8
    assert any(r"\operatorname{sign}(a)\,\max(|a| - \lambda" in e.value for e in app.latex)


def test_outside_the_dead_zone_the_lasso_moves_by_exactly_lambda():
    app = open_page()
    app.sidebar.slider(key="a").set_value(2.5).run()
    assert badges(app)[0] == "L1: w* = 1.5"
    assert "moves a towards 0 by exactly λ, to 1.5" in text(app)


@pytest.mark.parametrize(("key", "value"), [("a", -1.7), ("lam", 0.3), ("ratio", 0.9)])
def test_each_slider_changes_the_figures(key, value):
    app = open_page()
    before = charts(app)
    app.sidebar.slider(key=key).set_value(value).run()
    assert not app.exception
    after = charts(app)
    assert sum(before[k] != after[k] for k in before) >= 2


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
    joined = json.dumps(charts(app), ensure_ascii=False)
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


def test_the_l1_problem_shades_its_dead_zone_and_marks_a():
    app = open_page(a="-0.4", lam="0.6")
    l1, l2 = charts(app)["chart_problem_l1"], charts(app)["chart_problem_l2"]
    zone = next(t for t in l1["data"] if t["name"].startswith("dead zone"))
    assert min(zone["x"]) == -0.6 and max(zone["x"]) == 0.6
    assert any(t["name"] == "a = -0.4" for t in l1["data"])
    assert not any(t["name"].startswith("dead zone") for t in l2["data"])
    assert l1["layout"]["title"]["text"] == "w* = 0 exactly"


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
