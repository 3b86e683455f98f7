"""AppTest for the How often page: every control, the published setup, the URL, bad values."""

import math
import re

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from geometry import NormBall
from lessons import tour
from lessons.how_often import PUBLISHED_SETUP
from studies import experiments as ex
from studies.catchment import catchment_shares
from studies.ensembles import sample_published_hessians
from tests.apptest_support import charts as chart_specs
from tests.apptest_support import open_page as open_how_often
from tests.apptest_support import text, values

CHARTS = {"odds", "scatter", "budget", "p", "map_1", "map_2", "dim"}
SMALL = {"n": "1000"}  # most tests need only the wiring, not 100,000 problems


def open_page(**query: str) -> AppTest:
    return open_how_often("how_often", query)


def charts(app) -> dict:
    return chart_specs(app, prefix="chart_")


def odds_bars(app) -> dict[str, float]:
    bar = charts(app)["odds"]["data"][0]
    return dict(zip(bar["y"], values(bar["x"]), strict=True))


def test_defaults_count_exact_zeros_of_100000_problems():
    app = open_page()
    assert set(charts(app)) == CHARTS
    problems = ex.draw_problems("random", 100_000, 4.0, "disk", 100.0, 0)
    l1 = ex.zero_share(ex.solve_and_classify(problems, NormBall(1, 1.0))[1], False)
    assert f"{100 * l1.value:.1f}% of 100,000 problems have an exact zero" in text(app)
    assert "**L2:** 0 of 100,000: exactly none" in text(app)
    bars = odds_bars(app)
    assert bars["L2"] == 0.0
    assert bars["L1"] == pytest.approx(100 * l1.value)
    assert bars["L0.5"] > bars["L1"]  # sharper corners catch more


def test_a_coarse_tolerance_invents_l2_zeros_and_boundary_sampling_does_too():
    app = open_page(**SMALL)
    assert "L2 would report **0%** “zeros” (0 problems)" in text(app)
    app.selectbox(key="tol").set_value("0.01").run()
    match = re.search(r"L2 would report \*\*([\d.]+)%\*\* “zeros” \(([\d,]+) problems\)", text(app))
    assert match and float(match.group(1)) > 0.0
    assert "every one of them false" in text(app)
    sampled = re.search(r"360 points of the circle reports \*\*([\d.]+)%\*\*", text(app))
    assert sampled and float(sampled.group(1)) > 0.0


def test_the_published_setup_button_loads_the_published_simulation():
    app = open_page(**SMALL)
    app.sidebar.button[0].click().run()
    assert not app.exception
    assert app.sidebar.selectbox(key="setup").value == "published"
    assert app.sidebar.selectbox(key="domain").value == "square"
    assert app.sidebar.slider(key="spread").value == 10.0
    assert app.sidebar.slider(key="t").value == 2.0
    assert app.sidebar.toggle(key="outside").value is True
    problems = ex.draw_problems("published", 1_000, 10.0, "square", 100.0, 0)
    codes = ex.solve_and_classify(problems, NormBall(1, 2.0))[1]
    share = ex.zero_share(codes, outside_only=True)
    assert share.total == np.count_nonzero(np.abs(problems.centers).sum(axis=1) > 2.0)
    assert f"{100 * share.value:.1f}% of {share.total:,} problems" in text(app)


def test_counting_only_centres_outside_drops_the_inside_ones():
    app = open_page(**SMALL)
    app.sidebar.slider(key="t").set_value(3.0).run()
    assert "of 1,000 problems" in text(app)
    app.sidebar.toggle(key="outside").set_value(True).run()
    total = int(
        re.search(r"\*\*L1:\*\* [\d.]+% of ([\d,]+) problems", text(app)).group(1).replace(",", "")
    )
    assert 0 < total < 1_000


@pytest.mark.parametrize(
    ("kind", "key", "value", "chart"),
    [
        ("selectbox", "setup", "symmetric", "odds"),
        ("selectbox", "n", "10000", "odds"),
        ("slider", "spread", 8.0, "scatter"),
        ("selectbox", "domain", "square", "map_1"),
        ("selectbox", "max_cond", "1000", "odds"),
        ("slider", "t", 2.0, "scatter"),
        ("slider", "p", 1.5, "odds"),
        ("slider", "en_a", 0.8, "budget"),
        ("slider", "map_cond", 20.0, "map_1"),
        ("slider", "map_angle", 90.0, "map_2"),
        ("slider", "dim", 30.0, "dim"),
    ],
)
def test_each_control_changes_its_figure(kind, key, value, chart):
    app = open_page(**SMALL)
    before = charts(app)[chart]
    getattr(app, kind)(key=key).set_value(value).run()
    assert not app.exception, app.exception
    assert charts(app)[chart] != before


def test_round_bowls_map_matches_the_hand_computed_share():
    # H = I, t = 1, disc of radius 4: the four 90° wedges at (±1, 0), (0, ±1).
    app = open_page(**SMALL, map_cond="1", map_angle="0", spread="4.0")
    exact = catchment_shares(np.eye(2), NormBall(1, 1.0), "disk", 4.0)
    assert f"landing on an axis: **{100 * exact.on_axis:.1f}%**" in text(app)
    # One wedge ∩ disc: the region x >= 1 + |y| inside r <= 4, by a fine midpoint rule.
    x = np.linspace(-4, 4, 4001)[:-1] + 0.001
    gx, gy = np.meshgrid(x, x)
    wedge = (gx >= 1 + np.abs(gy)) & (gx**2 + gy**2 <= 16)
    assert 4 * wedge.sum() * 0.002**2 / (math.pi * 16) == pytest.approx(exact.on_axis, abs=2e-3)


def test_more_weights_reports_exact_zero_shares():
    app = open_page(**SMALL, dim="30")
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["L2: weights exactly zero"] == "0%"
    assert float(metrics["L1: weights exactly zero"].rstrip("%")) > 50.0
    assert charts(app)["dim"]["layout"]["title"]["text"].endswith("30 weights")


def test_url_state_is_restored():
    app = open_page(n="1,000", t="2.5", spread="6.0", domain="Square", setup="Symmetric bowls")
    assert app.sidebar.slider(key="t").value == 2.5
    assert app.sidebar.slider(key="spread").value == 6.0
    assert app.sidebar.selectbox(key="domain").value == "square"
    assert app.sidebar.selectbox(key="setup").value == "symmetric"


@pytest.mark.parametrize(
    ("key", "value"),
    [("t", "nan"), ("t", "1e308"), ("spread", "-3"), ("n", "10000000"), ("dim", "abc")],
)
def test_bad_url_values_fall_back_to_the_defaults(key, value):
    app = open_page(**{key: value})
    assert not app.exception
    assert "exactly none" in text(app)


# --- The usually sentence and the published simulation, cited ---------------------------


@pytest.fixture(scope="module")
def how_often():
    return open_how_often("how_often", {"n": "1000"})


def test_the_how_often_page_computes_its_usually_sentence(how_often):
    match = re.search(r"“Usually” has no fixed value\. (.*?): it tends to 100%", text(how_often))
    assert match
    quoted = re.findall(r"([\d.]+)% at spread ([\d.]+)", match.group(1))
    assert len(quoted) >= 3
    bowl = tour.CATCHMENT_BOWL  # the page's default map bowl: condition 6, tilt 30
    values = []
    for share, spread in quoted:
        exact = catchment_shares(bowl, NormBall(1, 1.0), "disk", float(spread)).on_axis
        assert float(share) == pytest.approx(100 * exact, abs=0.051)
        values.append(exact)
    assert values == sorted(values)


def test_the_published_setup_is_parrs_and_the_page_cites_it(how_often):
    assert PUBLISHED_SETUP == {
        "setup": "published",
        "spread": 10.0,
        "domain": "square",
        "t": 2.0,
        "outside": True,
    }
    hessians = sample_published_hessians(np.random.default_rng(0), 20_000)
    a, b, c = hessians[:, 0, 0] / 2, hessians[:, 1, 1] / 2, hessians[:, 0, 1]
    assert a.min() > 0.0 and a.max() < 10.0 and b.min() > 0.0 and b.max() < 10.0
    assert c.min() > -2.0 and c.max() < 2.0 and c.min() < -1.9 and c.max() > 1.9
    page = text(how_often)
    assert "https://explained.ai/regularization/L1vsL2.html" in page
    assert "a, b ~ U(0, 10) and c ~ U(−2, 2)" in page and "[−10, 10]², budget 2" in page
