"""Check yourself: each question judged right and wrong, and its figure showing the answer."""

from __future__ import annotations

import numpy as np
import pytest

from solvers import solve_penalized
from tests.apptest_support import charts, controls, figures, open_page, text


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
    spec = charts(app)
    assert "edge" in spec["question_edge"]["layout"]["title"]["text"]
    assert "exactly 0 at step" in spec["question_descent"]["layout"]["title"]["text"]
    on_axis = open_page("questions", {"q4_offset": "0"})
    titles = [figure["layout"]["title"]["text"] for figure in figures(on_axis)]
    assert any("w2 = 0" in title for title in titles)  # the centre on the axis: an exact zero
    assert np.isfinite(float(controls(on_axis)["q4_offset"]))


@pytest.mark.parametrize(
    ("distance", "angle", "edge"),
    [("2", "65", True), ("2", "70", False), ("8", "45", True), ("8", "55", False)],
)
def test_question_one_edge_directions_depend_on_the_distance(distance, angle, edge):
    from lessons.questions import edge_directions

    app = open_page("questions", {"q1_distance": distance, "q1_angle": angle})
    title = charts(app)["question_edge"]["layout"]["title"]["text"]
    assert ("an edge, not a corner" in title) == edge and ("corner on the" in title) == (not edge)
    low, high = edge_directions(float(distance))
    assert (low < float(angle) < high) == edge
    assert f"strictly between {low:.1f}° and {high:.1f}°" in text(app)


def test_question_four_shows_the_ridge_path_crossing_zero_between_two_steps():
    from lessons.questions import CORRELATED_LOSS, RIDGE_ZERO

    signs = []
    for lam in ("0.027", "0.028"):
        app = open_page("questions", {"q4_lam": lam})
        assert f"changes sign at λ* = {RIDGE_ZERO:.6g} only" in text(app)
        assert "no zeros" in charts(app)["question_ridge_path"]["layout"]["title"]["text"]
        signs.append(np.sign(solve_penalized(CORRELATED_LOSS, "l2", float(lam)).w[1]))
        assert f"w2 = {'−' if signs[-1] < 0 else ''}" in text(app)
    assert signs == [-1.0, 1.0]
    assert float(RIDGE_ZERO) > 0.027 and float(RIDGE_ZERO) < 0.028


def test_a_subgradient_step_can_land_on_zero_by_coincidence_but_cannot_stay():
    from lessons.questions import DESCENT_ITERATIONS, DESCENT_LAM, DESCENT_LOSS, DESCENT_START
    from solvers.descent import subgradient_descent

    # At the page's own step eta = 0.75 an iterate is exactly 0.0: "cannot land there" was false.
    iterates = subgradient_descent(
        DESCENT_LOSS, DESCENT_LAM, 0.75, DESCENT_ITERATIONS, [DESCENT_START]
    )[:, 0]
    landed = np.flatnonzero(iterates == 0.0)
    assert landed.size >= 1
    assert all(iterates[k + 1] != 0.0 for k in landed if k + 1 < iterates.size)  # never stays
    app = open_page("questions", {"q2_step": "0.75"})
    app.radio(key="q2").set_value("prox").run()
    assert "only in passing" in charts(app)["question_descent"]["layout"]["title"]["text"]
    words = app.success[0].value
    assert "cannot land there" not in words
    assert "lands on 0 only by coincidence and cannot stay there" in words
    assert "needs this strict complementarity" not in words  # sufficient, not necessary
    assert "is guaranteed under this strict complementarity" in words
