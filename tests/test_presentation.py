"""Presentation mode, figure export and the dark theme, on every page."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from figures.adapt import adapt_figure
from figures.style import PRESENT_HEIGHT
from figures.titles import wrap_title
from tests.apptest_support import SMALL, controls, open_page, sent_charts
from ui.registry import PAGE


def _figures(app: AppTest) -> list[tuple[str, dict, dict]]:
    return [(c.key, c.figure, c.config) for c in sent_charts(app)]


def test_presentation_mode_enlarges_type_and_fits_the_projector():
    normal = {i.rsplit("-", 1)[-1]: s for i, s, _ in _figures(open_page("constraint_regions"))}
    present = open_page("constraint_regions", {"present": "true"})
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
    assert any(intro in m.value for m in open_page("constraint_regions").markdown)
    assert not any(intro in m.value for m in present.markdown)


@pytest.mark.parametrize(("label", "fmt"), [("PNG figures", "png"), ("SVG figures", "svg")])
def test_every_figure_downloads_in_the_chosen_format(label, fmt):
    for path in PAGE:
        app = open_page(path, {**SMALL.get(path, {}), "export": label})
        configs = [config for _, _, config in _figures(app)]
        assert configs, path
        for config in configs:
            assert config["toImageButtonOptions"]["format"] == fmt
            assert config["toImageButtonOptions"]["filename"].startswith("sparsity-lab-")
            assert config["displaylogo"] is False


def test_figures_are_white_by_default_and_follow_a_dark_theme_when_asked():
    from figures.style import DARK_PAPER

    app = open_page("constraint_regions")
    for _, spec, _ in _figures(app):
        assert spec["layout"]["paper_bgcolor"] == "white"
    import plotly.graph_objects as go

    figure = go.Figure(layout={"paper_bgcolor": "white", "font": {"color": "#222222"}})
    dark = adapt_figure(figure, dark=True)
    assert dark.layout.paper_bgcolor == DARK_PAPER and figure.layout.paper_bgcolor == "white"


def test_dark_adaptation_recolours_ink_everywhere_and_presentation_scales_a_copy():
    import plotly.graph_objects as go

    from figures.style import DARK_INK, INK

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

    from figures.style import CONTOUR, PRESENT_CONTOUR

    figure = go.Figure(go.Scatter(x=[0, 1], y=[0, 1], line={"color": CONTOUR}))
    assert adapt_figure(figure, presenting=True).data[0].line.color == PRESENT_CONTOUR


def test_presentation_keeps_a_short_legend_on_one_row():
    import plotly.graph_objects as go

    figure = go.Figure(
        [go.Scatter(x=[0, 1], y=[0, 1], name=name) for name in ("L1", "L2", "elastic net")],
        layout={"height": 520, "legend": {"orientation": "v"}},
    )
    shown = adapt_figure(figure, presenting=True)
    assert shown.layout.showlegend is not False and shown.layout.legend.orientation == "h"
    assert shown.layout.height == PRESENT_HEIGHT


@given(
    words=st.lists(st.text(alphabet="abcdefgh0123→‖", min_size=1, max_size=14), max_size=20),
    limit=st.integers(10, 60),
)
def test_a_wrapped_title_keeps_every_word_and_no_line_is_longer_than_it_must_be(words, limit):
    text = " ".join(words)
    lines = wrap_title(text, limit).split("<br>")
    assert " ".join(lines) == text  # the same words, in order, only the breaks added
    for line in lines:
        assert len(line) <= limit or " " not in line  # longer only as one long word


def test_a_title_with_markup_or_short_lines_is_left_alone():
    assert wrap_title("<b>L1</b> corner on the w2 axis, and a long tail of words here", 20) == (
        "<b>L1</b> corner on the w2 axis, and a long tail of words here"
    )
    assert wrap_title("short<br>lines", 10) == "short<br>lines"
