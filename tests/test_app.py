"""AppTest: the app runs, every control moves the figures and the words, URLs restore state."""

import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "app.py")
BADGE = re.compile(r"^:(\w+)-badge\[(.*)\]$")


def run_app(**query: str) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=60)
    for key, value in query.items():
        app.query_params[key] = value
    app.run()
    assert not app.exception, app.exception
    return app


def badges(app: AppTest) -> list[str]:
    return [m.group(2) for e in app.markdown if (m := BADGE.match(e.value))]


def figures(app: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]


def trace_names(figure: dict) -> list[str]:
    return [trace.get("name", "") for trace in figure["data"]]


def sliders(app: AppTest) -> dict[str, float]:
    return {slider.key: slider.value for slider in app.sidebar.slider}


def test_default_view_is_the_classic_picture():
    app = run_app()
    assert sliders(app) == {"c1": 1.0, "c2": 2.0, "cond": 4.0, "angle": -30.0, "t": 1.0}
    assert badges(app) == ["L1: w1 = 0 exactly: sparse", "L2: no exact zeros: not sparse"]
    l1, l2 = figures(app)
    assert l1["layout"]["title"]["text"] == "L1: corner on the w2 axis → w1 = 0"
    assert "w1 = 0: on the w2 axis" in trace_names(l1)
    assert not any("axis" in name for name in trace_names(l2))
    assert l1["layout"]["yaxis"]["scaleanchor"] == "x"  # equal aspect ratio
    readouts = [e.value for e in app.markdown if e.value.startswith("| L")]
    assert "| w | (0, 1) |" in readouts[0]
    assert "| constraint active | yes |" in readouts[0]
    text = " ".join(e.value for e in app.markdown)
    assert "touches it at its corner on the w2 axis, so w1 = 0 exactly" in text
    assert "the circle has no corners to catch it, so neither weight is zero" in text
    assert app.latex, "the constrained problem is stated in LaTeX"


# Each control is moved from a starting view to a value where the geometry
# changes in a way checked by hand:
# - c1 -> -2: the ellipse slides left, the diamond is met on its upper-left edge;
# - c2 -> 0.5: the same on the upper-right edge;
# - cond -> 1 (circles) from c = (1, 2.5), angle 90 (H = diag(4, 1), edge point
#   (0.5, 0.5)): with H = I the edge's candidate (-0.25, 1.25) leaves the edge,
#   so the nearest point of the diamond is its corner (0, 1);
# - angle -> 90: H = diag(4, 1); the edge w1 + w2 = 1 gives w = (0.6, 0.4);
# - t -> 3: ||(1, 2)||_1 = 3, so ŵ lies inside both regions.
MOVES = [
    ("c1", {}, -2.0, "L1: no exact zeros: not sparse"),
    ("c2", {}, 0.5, "L1: no exact zeros: not sparse"),
    ("cond", {"c2": "2.5", "angle": "90"}, 1.0, "L1: w1 = 0 exactly: sparse"),
    ("angle", {}, 90.0, "L1: no exact zeros: not sparse"),
    ("t", {}, 3.0, "L1: inside the region: no zeros, no shrinkage"),
]


@pytest.mark.parametrize(("key", "start", "value", "l1_badge"), MOVES)
def test_each_control_changes_the_figure_and_the_badge(key, start, value, l1_badge):
    app = run_app(**start)
    figures_before, badges_before = figures(app), badges(app)
    app.sidebar.slider(key=key).set_value(value).run()
    assert not app.exception
    assert sliders(app)[key] == value
    figures_after, badges_after = figures(app), badges(app)
    assert badges_after[0] == l1_badge
    assert badges_after != badges_before
    for before, after in zip(figures_before, figures_after, strict=True):
        assert before["data"] != after["data"] or before["layout"] != after["layout"]


def test_the_edge_case_names_the_edge():
    app = run_app(angle="90")
    text = " ".join(e.value for e in app.markdown)
    assert "| w | (0.6, 0.4) |" in text
    assert "touches it along an edge (w1 > 0, w2 > 0), not at a corner" in text


def test_url_parameters_set_the_view():
    app = run_app(c1="2.5", c2="-0.5", cond="1", angle="0", t="1.2")
    assert sliders(app) == {"c1": 2.5, "c2": -0.5, "cond": 1.0, "angle": 0.0, "t": 1.2}
    assert badges(app)[0] == "L1: w2 = 0 exactly: sparse"


@pytest.mark.parametrize(
    "query",
    [
        {"c1": "nan"},
        {"c1": "inf"},
        {"t": "-1"},
        {"t": "0"},
        {"t": "1e308"},
        {"cond": "abc"},
        {"angle": "720"},
        {"c2": ""},
        {"t": "1;2"},
    ],
)
def test_bad_url_values_fall_back_to_defaults_without_error(query):
    app = run_app(**query)
    defaults = {"c1": 1.0, "c2": 2.0, "cond": 4.0, "angle": -30.0, "t": 1.0}
    assert sliders(app) == defaults
    assert len(figures(app)) == 2
