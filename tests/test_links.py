"""Links: every page's state round-trips through its link; garbage gives defaults and a note."""

from __future__ import annotations

import json
import math
import urllib.parse
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from tests.apptest_support import SMALL, controls, link, multi_pills, notes, open_page
from ui.registry import PAGE, PAGES
from ui.url_values import app_address, parse_choices, parse_number, snap

SNAP_CASES = Path(__file__).resolve().parents[1] / "live" / "tests" / "snap_cases.json"


def _change_everything(app: AppTest) -> None:
    for slider in app.get("slider"):
        if slider.key in ("n",):
            continue
        span = slider.max - slider.min
        target = slider.min + round(0.7 * span / slider.step) * slider.step
        if math.isclose(target, slider.value):
            target = slider.min + round(0.3 * span / slider.step) * slider.step
        slider.set_value(round(float(target), 9))  # a value on the slider's grid, as typed
    for box in app.get("selectbox"):
        if box.key != "n":
            box.select_index(len(box.options) - 1)
    for toggle in app.get("toggle"):
        if toggle.key != "present":
            toggle.set_value(not toggle.value)
    for pills in multi_pills(app):  # one option fewer (values are slugs, not labels)
        pills.set_value(list(pills.value)[1:])


@pytest.mark.parametrize("path", list(PAGE))
def test_every_page_round_trips_through_its_link(path):
    app = open_page(path, SMALL.get(path))
    _change_everything(app)
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    before = controls(app)
    url = urllib.parse.urlsplit(link(app))
    assert url.path.strip("/") == PAGE[path].url_path
    query = dict(urllib.parse.parse_qsl(url.query))
    again = open_page(path, query)
    after = controls(again)
    assert after == {key: before[key] for key in after}
    assert not notes(again)


# --- garbage in the URL: defaults or clamped values, a note, never an exception ---------

NUMBERS = st.sampled_from(["nan", "NaN", "inf", "-inf", "1e308", "-1e308", "1e400", "-7", "0"])
GARBAGE = st.one_of(
    NUMBERS,
    st.text(min_size=0, max_size=12),
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
)


def _baseline(path: str) -> dict[str, tuple]:
    app = open_page(path, SMALL.get(path))
    specs = {s.key: ("slider", s.min, s.max, s.value, s.step) for s in app.get("slider")}
    for kind in ("selectbox", "radio"):
        for w in app.get(kind):
            specs[w.key] = (kind, w.options, None, w.value)
    for w in app.get("toggle"):
        specs[w.key] = ("toggle", None, None, w.value)
    return specs


BASELINES: dict[str, dict[str, tuple]] = {}


def _expected_number(
    raw: str, low: float, high: float, step: float, default: float
) -> tuple[float, bool]:
    """(value the slider must show, whether the link needs a note).

    In range: the nearest point of the slider's grid ``low + k step`` (a note
    when that moves the value by more than float noise, 1e-9 of the value or of 1:
    a link's "1E-10" for 0 is silently 0); out of range: the nearer end;
    unreadable: the default.
    """
    try:
        value = float(raw.strip())
    except ValueError:
        return default, True
    if not math.isfinite(value):
        return default, True
    if value < low or value > high:
        return min(max(value, low), high), True
    # The grid counted in decimal, on the numbers as written: a link's 0.15 on a grid of
    # 0.1 is halfway, which floats (0.15 + 3) / 0.1 = 31.499999999999996 would not see.
    exact = (Decimal(repr(value)) - Decimal(repr(low))) / Decimal(repr(step))
    below = Decimal(repr(low)) + math.floor(exact) * Decimal(repr(step))
    candidates = (below + Decimal(repr(step)), below)  # a tie goes up: the first wins
    nearest = float(min(candidates, key=lambda grid: abs(grid - Decimal(repr(value)))))
    nearest = min(max(nearest, low), high)
    return nearest, abs(nearest - value) > 1e-9 * max(1.0, abs(value))


@pytest.mark.parametrize("path", list(PAGE))
@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_garbage_in_the_link_gives_defaults_or_clamps_and_a_note(path, data):
    if path not in BASELINES:
        BASELINES[path] = _baseline(path)
    specs = BASELINES[path]
    numeric = [key for key, spec in specs.items() if spec[0] == "slider"]
    if numeric:  # the tour has none
        key = data.draw(st.sampled_from(numeric))
        raw = data.draw(GARBAGE)
        app = open_page(path, {**SMALL.get(path, {}), key: raw})
        _, low, high, default, step = specs[key]
        expected, noted = _expected_number(raw, low, high, step, default)
        shown = controls(app)[key]
        assert low <= shown <= high
        assert shown == pytest.approx(expected, rel=1e-9, abs=1e-12)
        assert bool(notes(app)) is noted
    # A choice that is not one of the options: the default, and a note.
    choices = [k for k, spec in specs.items() if spec[0] in ("selectbox", "radio") and k != "n"]
    if choices:
        choice = data.draw(st.sampled_from(choices))
        word = data.draw(st.text(alphabet="xyz#!", min_size=1, max_size=8))
        again = open_page(path, {**SMALL.get(path, {}), choice: word})
        assert controls(again)[choice] == specs[choice][3]
        assert "is not one of the choices" in notes(again)


def test_a_note_cannot_inject_markdown_or_html():
    app = open_page("constraint_regions", {"c1": "<script>**x**</script>[a](b)"})
    note = notes(app)
    assert "<script>" not in note and "**x**" not in note and "](b)" not in note
    assert "is not a number" in note


# --- a choice of several, as the URL writes it ------------------------------------------
OPTIONS = {"sgd": "SGD (minibatch)", "adam": "Adam", "ista": "ISTA (proximal)", "cd": "CD"}


@given(raw=st.text(max_size=30))
def test_any_text_reads_as_options_once_each_in_their_order(raw):
    chosen, unread = parse_choices(raw, OPTIONS)
    assert list(chosen) == [slug for slug in OPTIONS if slug in chosen]
    parts = [p.strip() for p in raw.split(",") if p.strip()]
    assert set(unread) <= set(parts)
    assert len(chosen) + len(set(unread)) <= len(set(parts))


@given(subset=st.lists(st.sampled_from(list(OPTIONS)), unique=True))
def test_a_written_choice_reads_back(subset):
    written = ",".join(slug for slug in OPTIONS if slug in subset)
    assert parse_choices(written, OPTIONS) == (tuple(s for s in OPTIONS if s in subset), ())
    labels = ", ".join(OPTIONS[s].upper() for s in reversed(subset))  # labels, any case, order
    assert parse_choices(labels, OPTIONS)[0] == tuple(s for s in OPTIONS if s in subset)


def test_a_value_halfway_between_two_steps_snaps_up():
    # Python's round() would send 2.5 to 2 and 1.5 to 2: a link's 2.5 would land below.
    assert [snap(v, 0.0, 1.0) for v in (0.5, 1.5, 2.5, 2.49)] == [1.0, 2.0, 3.0, 2.0]
    assert snap(0.375, 0.0, 0.25) == 0.5 and snap(1.375, 1.0, 0.25) == 1.5
    assert snap(-1.5, -3.0, 1.0) == -1.0
    # Halfway in decimal, where binary division falls just short: (0.05 + 3) / 0.1 is
    # 30.499999999999996 in floats (a link's w1_0=.05 on Training landed on 0).
    assert snap(0.05, -3.0, 0.1) == 0.1 and snap(-0.05, -3.0, 0.1) == 0.0
    assert snap(0.15, 0.0, 0.1) == 0.2 and snap(0.025, 0.0, 0.05) == 0.05


@given(
    st.integers(min_value=-300, max_value=300),
    st.sampled_from([(0.1, -3.0), (0.05, -3.0), (0.25, 0.25), (0.001, 0.0), (5.0, 0.0)]),
)
def test_a_link_value_halfway_between_grid_points_snaps_to_the_upper_one(k, grid):
    step, low = grid
    upper = Decimal(repr(low)) + (k + 1) * Decimal(repr(step))
    halfway = float(upper - Decimal(repr(step)) / 2)
    assert snap(halfway, low, step) == float(upper)


def _exact_snap(value: float, low: float, high: float, step: float) -> float:
    """Clamp, snap (halfway up) and clamp in exact rationals of the numbers as written."""
    written = [Fraction(repr(float(x))) for x in (min(max(value, low), high), low, high, step)]
    at, low_, high_, step_ = written
    on_grid = low_ + math.floor((at - low_) / step_ + Fraction(1, 2)) * step_
    return float(min(max(on_grid, low_), high_))


def test_links_snap_as_the_browser_does_on_the_shared_cases():
    # live/tests/snap_cases.json is read by the browser's test too (live/tests/snap.test.js).
    cases = json.loads(SNAP_CASES.read_text())["cases"]
    assert len(cases) > 100
    for case in cases:
        low, high, step = case["low"], case["high"], case["step"]
        assert case["expected"] == _exact_snap(case["value"], low, high, step), case
        reading = parse_number(repr(case["value"]), low, high, step)
        assert reading.value == case["expected"], case


@pytest.mark.parametrize(
    ("shown", "address"),
    [
        ("http://localhost:8501/three_weights", "http://localhost:8501"),
        ("http://localhost:8501/three_weights/", "http://localhost:8501"),
        ("http://localhost:8501/", "http://localhost:8501"),
        ("https://lab.example/~/+/how_often", "https://lab.example/~/+"),
        ("https://lab.example/~/+", "https://lab.example/~/+"),
        # a path that only ends like a page's is kept whole
        ("https://lab.example/not_questions", "https://lab.example/not_questions"),
        (None, "http://localhost:8501"),
    ],
)
def test_the_app_address_drops_the_page_shown(shown, address):
    assert app_address(shown, [spec.url_path for spec in PAGES]) == address
