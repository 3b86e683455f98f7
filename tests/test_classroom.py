"""The classroom: presets, links that round-trip, notes for bad links, presentation and export."""

from __future__ import annotations

import json
import math
import urllib.parse
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from figures.style import PRESENT_HEIGHT
from geometry import QuadraticLoss
from pages.common import PRESETS, PanelChoice, solve_panel

APP = str(Path(__file__).resolve().parents[1] / "app.py")
PAGES = {
    "": "pages/constraint_regions.py",
    "tour": "pages/tour.py",
    "one_weight": "pages/one_weight.py",
    "how_often": "pages/how_often.py",
    "questions": "pages/questions.py",
}
# The How often page would solve 100,000 problems per run; the wiring needs 1,000.
SMALL = {"how_often": {"n": "1,000"}}


def open_page(path: str, query: dict[str, str] | None = None) -> AppTest:
    """A fresh session whose first request is ``/path?query``, as a shared link is."""
    app = AppTest.from_file(APP, default_timeout=120)
    for key, value in (query or {}).items():
        app.query_params[key] = value
    if path:
        app.switch_page(PAGES[path])
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def controls(app: AppTest) -> dict[str, object]:
    """Every keyed control's value (the preset buttons are a row of buttons, not state)."""
    values = {}
    for kind in ("slider", "selectbox", "radio", "toggle"):
        for widget in app.get(kind):
            if widget.key and not widget.key.startswith("$$"):
                values[widget.key] = widget.value
    return values


def link(app: AppTest) -> str:
    (code,) = [c.value for c in app.code if c.value.startswith("http")]
    return code


def notes(app: AppTest) -> str:
    return " ".join(c.value for c in app.caption if c.value.startswith("⚠️ From the link"))


# --- presets --------------------------------------------------------------------------


def _panels_of(state: dict) -> dict[str, object]:
    loss = QuadraticLoss.from_shape(
        (state["c1"], state["c2"]), eigenvalues=(1.0, state["cond"]), angle_deg=state["angle"]
    )
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
    app = open_page("", preset.query())
    shown = controls(app)
    for key, value in preset.full_state().items():
        if key in shown:
            assert shown[key] == pytest.approx(value) if isinstance(value, float) else value
    assert any(f"**{preset.name}.**" in element.value for element in app.info)
    assert not notes(app)


@pytest.mark.parametrize("name", ["edge", "star", "correlated"])
def test_clicking_a_preset_sets_every_control(name):
    app = open_page("")
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


# --- every page's state round-trips through its link -----------------------------------


def _change_everything(app: AppTest) -> None:
    for slider in app.get("slider"):
        if slider.key in ("n",):
            continue
        span = slider.max - slider.min
        target = slider.min + round(0.7 * span / slider.step) * slider.step
        if math.isclose(target, slider.value):
            target = slider.min + round(0.3 * span / slider.step) * slider.step
        slider.set_value(float(target))
    for box in app.get("selectbox"):
        if box.key != "n":
            box.select_index(len(box.options) - 1)
    for toggle in app.get("toggle"):
        if toggle.key != "present":
            toggle.set_value(not toggle.value)


@pytest.mark.parametrize("path", list(PAGES))
def test_every_page_round_trips_through_its_link(path):
    app = open_page(path, SMALL.get(path))
    _change_everything(app)
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    before = controls(app)
    url = urllib.parse.urlsplit(link(app))
    assert url.path.strip("/") == path
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
    specs = {s.key: ("slider", s.min, s.max, s.value) for s in app.get("slider")}
    for kind in ("selectbox", "radio"):
        for w in app.get(kind):
            specs[w.key] = (kind, w.options, None, w.value)
    for w in app.get("toggle"):
        specs[w.key] = ("toggle", None, None, w.value)
    return specs


BASELINES: dict[str, dict[str, tuple]] = {}


def _expected_number(raw: str, low: float, high: float, default: float) -> tuple[float, bool]:
    """(value the slider must show, whether the link needs a note)."""
    try:
        value = float(raw.strip())
    except ValueError:
        return default, True
    if not math.isfinite(value):
        return default, True
    if value < low or value > high:
        return min(max(value, low), high), True
    return value, False


@pytest.mark.parametrize("path", list(PAGES))
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
        _, low, high, default = specs[key]
        expected, noted = _expected_number(raw, low, high, default)
        shown = controls(app)[key]
        assert low <= shown <= high
        assert shown == pytest.approx(expected, rel=1e-12, abs=1e-12)
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
    app = open_page("", {"c1": "<script>**x**</script>[a](b)"})
    note = notes(app)
    assert "<script>" not in note and "**x**" not in note and "](b)" not in note
    assert "is not a number" in note


# --- presentation mode and export -----------------------------------------------------


def _figures(app: AppTest) -> list[tuple[str, dict, dict]]:
    return [
        (c.proto.id, json.loads(c.proto.spec), json.loads(c.proto.config))
        for c in app.get("plotly_chart")
    ]


def test_presentation_mode_enlarges_type_and_fits_the_projector():
    normal = {i.rsplit("-", 1)[-1]: s for i, s, _ in _figures(open_page(""))}
    present = open_page("", {"present": "true"})
    assert controls(present)["present"] is True
    for chart_id, spec, _ in _figures(present):
        before = normal[chart_id.rsplit("-", 1)[-1]]["layout"]
        after = spec["layout"]
        assert after["font"]["size"] > before["font"]["size"] * 1.3
        assert after.get("height", 0) <= max(PRESENT_HEIGHT, before.get("height", 0))
        if before.get("height", 0) > PRESENT_HEIGHT:
            # The constraint panels' eight legend entries go; their titles say it.
            assert after["height"] == PRESENT_HEIGHT and after["showlegend"] is False
    # Fewer words on screen: the page's introduction goes.
    intro = "Both panels minimise"
    assert any(intro in m.value for m in open_page("").markdown)
    assert not any(intro in m.value for m in present.markdown)


@pytest.mark.parametrize(("label", "fmt"), [("PNG figures", "png"), ("SVG figures", "svg")])
def test_every_figure_downloads_in_the_chosen_format(label, fmt):
    for path in PAGES:
        app = open_page(path, {**SMALL.get(path, {}), "export": label})
        configs = [config for _, _, config in _figures(app)]
        assert configs, path
        for config in configs:
            assert config["toImageButtonOptions"]["format"] == fmt
            assert config["toImageButtonOptions"]["filename"].startswith("sparsity-lab-")
            assert config["displaylogo"] is False


def test_figures_are_white_by_default_and_follow_a_dark_theme_when_asked():
    from figures.style import DARK_PAPER, adapt_figure

    app = open_page("")
    for _, spec, _ in _figures(app):
        assert spec["layout"]["paper_bgcolor"] == "white"
    import plotly.graph_objects as go

    figure = go.Figure(layout={"paper_bgcolor": "white", "font": {"color": "#222222"}})
    dark = adapt_figure(figure, dark=True)
    assert dark.layout.paper_bgcolor == DARK_PAPER and figure.layout.paper_bgcolor == "white"


# --- tour and questions ---------------------------------------------------------------


def test_the_tour_walks_forward_and_back_through_every_step():
    app = open_page("tour")
    seen = []
    for _ in range(12):
        seen.append(app.selectbox(key="step").value)
        assert app.get("plotly_chart"), seen[-1]
        forward = next(b for b in app.button if b.label == "Next")
        if forward.disabled:
            break
        forward.click().run()
        assert not app.exception
    assert seen == [str(k) for k in range(1, 10)]
    next(b for b in app.button if b.label == "Back").click().run()
    assert app.selectbox(key="step").value == "8"


def test_a_tour_link_opens_its_step():
    app = open_page("tour", {"step": "7. How often: the catchment wedges"})
    assert app.selectbox(key="step").value == "7"
    assert any("exactly" in m.value and "% of the disc" in m.value for m in app.markdown)


@pytest.mark.parametrize(
    ("question", "right", "wrong"),
    [
        ("q1", "edge", "never"),
        ("q2", "prox", "small"),
        ("q3", "no", "yes"),
        ("q4", "measure_zero", "large"),
    ],
)
def test_each_question_answers_right_and_wrong(question, right, wrong):
    app = open_page("questions")
    assert not app.success and not app.warning
    app.radio(key=question).set_value(right).run()
    assert len(app.success) == 1 and app.success[0].value.startswith("Right.")
    app.radio(key=question).set_value(wrong).run()
    assert len(app.warning) == 1 and app.warning[0].value.startswith("Not quite")


def test_the_question_figures_show_the_answers():
    app = open_page("questions", {"q1_angle": "45"})
    spec = {
        c.proto.id.rsplit("-", 1)[-1]: json.loads(c.proto.spec) for c in app.get("plotly_chart")
    }
    assert "edge" in spec["question_edge"]["layout"]["title"]["text"]
    assert "exactly 0 at step" in spec["question_descent"]["layout"]["title"]["text"]
    on_axis = open_page("questions", {"q4_offset": "0"})
    titles = [
        json.loads(c.proto.spec)["layout"]["title"]["text"] for c in on_axis.get("plotly_chart")
    ]
    assert any("w2 = 0" in title for title in titles)  # the centre on the axis: an exact zero
    assert np.isfinite(float(controls(on_axis)["q4_offset"]))


def test_dark_adaptation_recolours_ink_everywhere_and_presentation_scales_a_copy():
    import plotly.graph_objects as go

    from figures.style import DARK_INK, INK, adapt_figure

    figure = go.Figure(
        go.Scatter(
            x=[0, 1],
            y=[0, 1],
            line={"color": INK, "width": 2},
            marker={"color": INK, "size": 10},
            error_y={"array": [0.1, 0.1], "color": INK},
        ),
        layout={"font": {"size": 13, "color": INK}, "height": 900},
    )
    dark = adapt_figure(figure, dark=True)
    (trace,) = dark.data
    assert trace.line.color == trace.marker.color == trace.error_y.color == DARK_INK
    assert dark.layout.font.color == DARK_INK
    big = adapt_figure(figure, presenting=True)
    assert big.data[0].line.width == pytest.approx(2 * 1.8) and big.data[0].marker.size == 15
    assert big.layout.height == PRESENT_HEIGHT and big.layout.font.size > 13
    assert figure.data[0].line.width == 2 and figure.layout.height == 900  # the original stays
    assert adapt_figure(figure) is figure


def test_presentation_darkens_the_pale_contours():
    import plotly.graph_objects as go

    from figures.style import CONTOUR, PRESENT_CONTOUR, adapt_figure

    figure = go.Figure(go.Scatter(x=[0, 1], y=[0, 1], line={"color": CONTOUR}))
    assert adapt_figure(figure, presenting=True).data[0].line.color == PRESENT_CONTOUR


def test_the_page_lists_every_preset_link_for_slides():
    app = open_page("")
    (block,) = [c.value for c in app.code if c.value.startswith("Corner hit:")]
    lines = block.splitlines()
    for preset in PRESETS.values():
        url = lines[lines.index(f"{preset.name}:") + 1].strip()
        assert dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query)) == preset.query()


def test_presentation_keeps_a_short_legend_on_one_row():
    import plotly.graph_objects as go

    from figures.style import adapt_figure

    figure = go.Figure(
        [go.Scatter(x=[0, 1], y=[0, 1], name=name) for name in ("L1", "L2", "elastic net")],
        layout={"height": 520, "legend": {"orientation": "v"}},
    )
    shown = adapt_figure(figure, presenting=True)
    assert shown.layout.showlegend is not False and shown.layout.legend.orientation == "h"
    assert shown.layout.height == PRESENT_HEIGHT
