"""AppTest: the app runs, every control moves the figures and the words, URLs restore state."""

import re

import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest_support import badges, charts, figures, open_page, sliders, trace_names

DEFAULTS = {"c1": 1.0, "c2": 2.0, "cond": 4.0, "angle": -30.0, "left_t": 1.0, "right_t": 1.0}


def run_app(**query: str) -> AppTest:
    """The page with its Plotly copies of the panels shown (they are off by default)."""
    return open_page("constraint_regions", {"plotly": "true", **query}, timeout=60)


def test_the_plotly_copies_of_the_panels_are_built_only_when_asked_for():
    app = open_page("constraint_regions", {}, timeout=60)
    assert list(charts(app)) == ["budget_path"]
    app.toggle(key="plotly").set_value(True).run()
    assert list(charts(app)) == ["figure_left", "figure_right", "budget_path"]
    assert app.query_params["plotly"] == "true"


def test_default_view_is_the_classic_picture():
    app = run_app()
    assert sliders(app) == DEFAULTS
    assert badges(app) == ["L1: w1 = 0 exactly: sparse", "L2: no exact zeros: not sparse"]
    l1, l2, budget_path = figures(app)
    assert budget_path["layout"]["xaxis"]["title"]["text"] == "penalty weight λ"
    assert l1["layout"]["title"]["text"] == "L1<br>corner on the w2 axis → w1 = 0"
    assert "w1 = 0: on the w2 axis" in trace_names(l1)
    assert not any(name.endswith("axis") for name in trace_names(l2))
    assert l1["layout"]["yaxis"]["scaleanchor"] == "x"  # equal aspect ratio
    readouts = [e.value for e in app.markdown if e.value.startswith("| L")]
    assert "| w | (0, 1) |" in readouts[0]
    assert "| constraint active | yes |" in readouts[0]
    text = " ".join(e.value for e in app.markdown)
    assert "touches it at its corner on the w2 axis, so w1 = 0 exactly" in text
    assert "there is no corner there to catch it, so neither weight is zero" in text
    assert app.latex, "the constrained problem is stated in LaTeX"


# Each control is moved from a starting view to a value where the geometry
# changes in a way checked by hand:
# - c1 -> -2: the ellipse slides left, the diamond is met on its upper-left edge;
# - c2 -> 0.5: the same on the upper-right edge;
# - cond -> 1 (circles) from c = (1, 2.5), angle 90 (H = diag(4, 1), edge point
#   (0.5, 0.5)): with H = I the edge's candidate (-0.25, 1.25) leaves the edge,
#   so the nearest point of the diamond is its corner (0, 1);
# - angle -> 90: H = diag(4, 1); the edge w1 + w2 = 1 gives w = (0.6, 0.4);
# - left_t -> 3: ||(1, 2)||_1 = 3, so ŵ lies inside the diamond.
MOVES = [
    ("c1", {}, -2.0, "L1: no exact zeros: not sparse"),
    ("c2", {}, 0.5, "L1: no exact zeros: not sparse"),
    ("cond", {"c2": "2.5", "angle": "90"}, 1.0, "L1: w1 = 0 exactly: sparse"),
    ("angle", {}, 90.0, "L1: no exact zeros: not sparse"),
    ("left_t", {}, 3.0, "L1: inside the region: no zeros, no shrinkage"),
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
    app = run_app(c1="2.5", c2="-0.5", cond="1", angle="0", left_t="1.2", right_t="1.2")
    assert sliders(app) == {
        "c1": 2.5,
        "c2": -0.5,
        "cond": 1.0,
        "angle": 0.0,
        "left_t": 1.2,
        "right_t": 1.2,
    }
    assert badges(app)[0] == "L1: w2 = 0 exactly: sparse"


def link_notes(app: AppTest) -> str:
    return " ".join(c.value for c in app.caption if c.value.startswith("⚠️ From the link"))


@pytest.mark.parametrize(
    "query",
    [
        {"c1": "nan"},
        {"c1": "inf"},
        {"cond": "abc"},
        {"c2": ""},
        {"left_t": "1;2"},
        {"left_region": "L7"},
        {"mode": "both"},
        {"right_region": ""},
        {"cone": "maybe"},
    ],
)
def test_unreadable_url_values_fall_back_to_defaults_with_a_note(query):
    app = run_app(**query)
    assert sliders(app) == DEFAULTS
    assert [box.value for box in app.sidebar.selectbox] == ["l1", "l2"]
    assert app.sidebar.radio(key="mode").value == "constraint"
    assert len(figures(app)) == 3
    (key,) = query
    assert "using" in link_notes(app), key


@pytest.mark.parametrize(
    ("key", "raw", "clamped"),
    [
        ("left_t", "-1", 0.1),
        ("left_t", "0", 0.1),
        ("right_t", "1e308", 3.0),
        ("angle", "720", 90.0),
    ],
)
def test_out_of_range_url_values_are_clamped_with_a_note(key, raw, clamped):
    app = run_app(**{key: raw})
    assert sliders(app) == {**DEFAULTS, key: clamped}
    assert "is outside" in link_notes(app) and f"using {clamped:g}" in link_notes(app)


def _readouts(app: AppTest) -> list[str]:
    return [e.value for e in app.markdown if "| w |" in e.value]


def _numbers(row: str) -> list[float]:
    return [float(x) for x in re.findall(r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?", row.split("|")[2])]


def _row(readout: str, name: str) -> str:
    return next(line for line in readout.splitlines() if line.startswith(f"| {name} |"))


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"right_region": "Elastic net", "right_ratio": "0.3"},
        {"left_region": "Elastic net", "right_region": "L1", "right_t": "2.2", "c2": "0.4"},
        {"angle": "90", "left_t": "0.5"},
    ],
)
def test_switching_modes_keeps_the_same_solution(query):
    app = run_app(**query)
    before = _readouts(app)
    app.sidebar.radio(key="mode").set_value("penalty").run()
    assert not app.exception
    penalised = _readouts(app)
    # Same w, same loss, same budget; the multiplier became the penalty weight.
    for old, new in zip(before, penalised, strict=True):
        for name in ("loss L(w)", "KKT multiplier λ", "where"):
            assert _row(old, name) == _row(new, name)
        # The same w; a coordinate at rounding level (angle 90° leaves an off-diagonal
        # of 1e-16 in H) may differ in its last bits between the two forms.
        assert _numbers(_row(old, "w")) == pytest.approx(_numbers(_row(new, "w")), abs=1e-12)
        if _row(old, "constraint active").endswith("yes |"):
            # (A slack budget is not unique: the penalty form reports R(ŵ) instead.)
            assert _row(old, "budget t") == _row(new, "budget t")
    lam_keys = sorted(s.key for s in app.sidebar.slider if s.key.endswith("_lam"))
    assert lam_keys == ["left_lam", "right_lam"]
    app.sidebar.radio(key="mode").set_value("constraint").run()
    for old, back in zip(before, _readouts(app), strict=True):
        assert _numbers(_row(old, "w")) == pytest.approx(_numbers(_row(back, "w")), abs=1e-12)


def test_penalty_mode_moves_with_lambda_and_reaches_zero():
    app = run_app(mode="Penalty")
    assert app.sidebar.slider(key="left_lam").value == 1.0
    app.sidebar.slider(key="left_lam").set_value(8.0).run()  # > ||H c||_inf: the lasso zeroes w
    assert badges(app)[0] == "L1: w = 0 exactly: every weight is zero"
    assert figures(app)[0]["layout"]["title"]["text"].endswith("w = 0")
    assert "λ·∂‖0‖₁ = [−λ, λ]²" in " ".join(c.value for c in app.caption)


@pytest.mark.parametrize(
    ("query", "left_badge", "title_end"),
    [
        (
            {"left_region": "L∞"},
            "L∞: no exact zeros: not sparse",
            "a corner off the axes → no zeros",
        ),
        (
            {"left_region": "Lp", "left_p": "0.5"},
            "L0.5: w1 = 0 exactly: sparse",
            "spike on the w2 axis → w1 = 0",
        ),
        (
            {"left_region": "Lp", "left_p": "1.5"},
            "L1.5: no exact zeros: not sparse",
            "a smooth point off the axes → no zeros",
        ),
        (
            {"left_region": "Elastic net", "left_ratio": "0.9"},
            "Elastic net (α=0.9): w1 = 0 exactly: sparse",
            "corner on the w2 axis → w1 = 0",
        ),
    ],
)
def test_every_region_family(query, left_badge, title_end):
    app = run_app(**query)
    assert badges(app)[0] == left_badge
    assert figures(app)[0]["layout"]["title"]["text"].endswith(title_end)


@pytest.mark.parametrize(
    ("key", "start", "value"),
    [
        ("left_p", {"left_region": "Lp"}, 3.0),
        ("left_ratio", {"left_region": "Elastic net"}, 0.1),
        ("right_lam", {"mode": "Penalty"}, 5.0),
        ("right_t", {}, 0.5),
    ],
)
def test_each_region_control_changes_its_figure(key, start, value):
    app = run_app(**start)
    before = figures(app)
    app.sidebar.slider(key=key).set_value(value).run()
    assert not app.exception
    assert figures(app) != before


def test_the_normal_cone_toggle():
    app = run_app()
    assert any(
        name.startswith("normal cone: a wedge of 90°") for name in trace_names(figures(app)[0])
    )
    assert "lies inside the normal cone" in " ".join(c.value for c in app.caption)
    app.sidebar.toggle(key="cone").set_value(False).run()
    assert not any(name.startswith("normal cone") for name in trace_names(figures(app)[0]))
    assert "lies inside the normal cone" not in " ".join(c.value for c in app.caption)


def test_the_star_shows_its_other_local_minima():
    app = run_app(left_region="Lp", left_p="0.5")
    names = trace_names(figures(app)[0])
    assert "other local minima (not global)" in names
    assert any(name.startswith("normal cone: a half-plane") for name in names)


def test_choosing_a_region_in_the_selectbox():
    app = run_app()
    app.sidebar.selectbox(key="right_region").set_value("elasticnet").run()
    assert not app.exception
    assert badges(app)[1].startswith("Elastic net (α=0.5): ")
    assert [s.key for s in app.sidebar.slider if s.key.startswith("right_")] == [
        "right_ratio",
        "right_t",
    ]
    app.sidebar.selectbox(key="right_region").set_value("lp").run()
    assert [s.key for s in app.sidebar.slider if s.key.startswith("right_")] == [
        "right_p",
        "right_t",
    ]


def test_esl_comparison_p_near_one_has_no_corners_but_the_elastic_net_does():
    # ESL figure 3.13: q = 1.2 and the elastic net look alike; only the elastic net has corners.
    app = run_app(
        left_region="Lp",
        left_p="1.2",
        right_region="Elastic net",
        right_ratio="0.2",
        c1="0.2",
        c2="1.5",
        angle="0",
    )
    left, right = badges(app)
    assert left == "L1.2: no exact zeros: not sparse"
    assert right == "Elastic net (α=0.2): w1 = 0 exactly: sparse"
    # Nearly zero is not zero: the readout shows the small weight as it is.
    assert "| w | (9.997e-06, 1) |" in _readouts(app)[0]
