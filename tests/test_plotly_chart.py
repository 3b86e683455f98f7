"""The in-place chart's Python half (ui/plotly_chart.py) and its template (ui/chart_theme.py)."""

from __future__ import annotations

import gc

import plotly.graph_objects as go
import pytest

from figures.style import chart_config
from ui import plotly_chart
from ui.chart_theme import chart_template, themed_layout
from ui.plotly_chart import PLOTLY_CHUNK, chart_payload, plotly_chunk, read_payload


def _figure(title: str = "w* = 0 exactly") -> go.Figure:
    return go.Figure(
        go.Scatter(x=[0.0, 1.0], y=[1.0, 0.0]),
        layout={"title": {"text": title}, "height": 320, "xaxis": {"title": {"text": "w1"}}},
    )


def test_the_payload_is_the_figure_with_the_template_its_config_and_the_chunk():
    figure = _figure()
    payload = read_payload(chart_payload(figure, chart_config("x", "svg"), dark=True))
    assert payload["plotly"] == PLOTLY_CHUNK
    assert payload["config"]["toImageButtonOptions"]["format"] == "svg"
    layout = payload["figure"]["layout"]
    assert layout["title"]["text"] == "w* = 0 exactly"  # the text as the page wrote it
    assert layout["height"] == 320 and layout["xaxis"]["title"]["text"] == "w1"
    assert layout["template"] == chart_template(dark=True)
    assert payload["figure"]["data"][0]["type"] == "scatter"
    # The figure itself keeps Streamlit's placeholder template: nothing was changed in it.
    assert (
        figure.layout.template.layout.paper_bgcolor
        != chart_template(True)["layout"]["paper_bgcolor"]
    )


def test_the_chunk_is_the_one_streamlit_serves_and_a_missing_or_doubled_one_is_an_error(tmp_path):
    assert plotly_chunk() == PLOTLY_CHUNK and PLOTLY_CHUNK.startswith("PlotlyChart.")
    with pytest.raises(RuntimeError, match="expected one PlotlyChart"):
        plotly_chunk(tmp_path)
    (tmp_path / "PlotlyChart.a.js").write_text("")
    assert plotly_chunk(tmp_path) == "PlotlyChart.a.js"
    (tmp_path / "PlotlyChart.b.js").write_text("")
    with pytest.raises(RuntimeError, match="found"):
        plotly_chunk(tmp_path)


def test_the_templates_differ_only_where_the_page_theme_does():
    light, dark = chart_template(False)["layout"], chart_template(True)["layout"]
    assert light["paper_bgcolor"] == "#FFFFFF" and dark["paper_bgcolor"] == "#0E1117"
    assert light["title"]["font"]["weight"] == "bold" == dark["title"]["font"]["weight"]
    assert sorted(light["colorway"]) == sorted(dark["colorway"])
    assert light["margin"] == dark["margin"] and light["xaxis"]["showgrid"] is False
    themed = themed_layout({"title": {"text": "t"}, "template": {"layout": {}}}, dark=False)
    assert themed["title"] == {"text": "t"} and themed["template"]["layout"] == light
    chart_template(False)["layout"]["font"]["size"] = 99  # a copy: the template is unchanged
    assert chart_template(False)["layout"]["font"]["size"] == 12


def test_a_figure_shown_again_sends_its_traces_once_and_its_layout_as_it_is_now(monkeypatch):
    figure, config = _figure(), chart_config("x")
    expected = chart_payload(figure, config, False)
    calls = []
    real = plotly_chart.traces_json

    def counting(figure):
        calls.append(id(figure))
        return real(figure)

    monkeypatch.setattr(plotly_chart, "traces_json", counting)
    first = plotly_chart._payload_once(figure, config, False)
    assert first == expected
    assert plotly_chart._payload_once(figure, config, False) is first  # the very same bytes
    figure.update_layout(title_text="moved marker")  # a layout changed in place (Real data)
    moved = read_payload(plotly_chart._payload_once(figure, config, False))
    assert moved["figure"]["layout"]["title"]["text"] == "moved marker"
    assert moved["figure"]["data"] == read_payload(first)["figure"]["data"]
    assert len(calls) == 1
    plotly_chart._payload_once(figure, chart_config("x", "svg"), False)  # another config
    assert len(calls) == 2
    dark = read_payload(plotly_chart._payload_once(figure, chart_config("x", "svg"), True))
    assert dark["figure"]["layout"]["template"] == chart_template(True)
    other = _figure()  # the same content, another object: serialised anew
    plotly_chart._payload_once(other, config, False)
    assert len(calls) == 3
    key = id(other)
    del other
    gc.collect()
    assert key not in plotly_chart._SENT


def test_a_fixed_figure_shown_again_is_serialised_once_in_each_theme(monkeypatch):
    figure, config = _figure(), chart_config("x")
    expected = chart_payload(figure, config, False)
    calls = []
    real = plotly_chart.layout_json

    def counting(figure, dark=False):
        calls.append(dark)
        return real(figure, dark)

    monkeypatch.setattr(plotly_chart, "layout_json", counting)
    first = plotly_chart._payload_once(figure, config, False, fixed=True)
    assert first == expected
    for _ in range(3):  # the Tour's Next and Back: the same step's figure again
        assert plotly_chart._payload_once(figure, config, False, fixed=True) is first
    assert calls == [False]  # its layout serialised once, not on every rerun
    dark = plotly_chart._payload_once(figure, config, True, fixed=True)
    assert read_payload(dark)["figure"]["layout"]["template"] == chart_template(True)
    assert calls == [False, True]


def test_animation_frames_travel_with_the_traces():
    figure = _figure()
    figure.frames = [go.Frame(name="0", data=[go.Scatter(y=[0.0, 0.0])])]
    payload = read_payload(chart_payload(figure, chart_config("x")))
    assert [frame["name"] for frame in payload["figure"]["frames"]] == ["0"]
    assert "frames" not in read_payload(chart_payload(_figure(), chart_config("x")))["figure"]
