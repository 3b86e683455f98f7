"""Check yourself: each question judged right and wrong, and its figure showing the answer."""

from __future__ import annotations

import json

import numpy as np
import pytest

from tests.apptest_support import controls, open_page


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
