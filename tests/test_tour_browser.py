"""Real browser: the Tour's Next and Back hand its charts new figures in place.

Same harness as tests/test_browser.py (tests/browser/). Each chart is keyed by its
place on the page (``tour_chart_0``, ``tour_chart_1``), so a press keeps the chart's
element and plotly.js's graph and redraws it with ``Plotly.react``, counted by
live/chart/plotly_chart.js in ``window.__sparsityLab.charts``.
"""

from __future__ import annotations

import pytest

from lessons.tour import STEPS

pytestmark = pytest.mark.browser

# Each graph of the page, marked with its place the first time it is seen.
MARK = """() => [...document.querySelectorAll('.js-plotly-plot')].map((gd, i) => {
    gd.__tourMark ??= `${i}@${performance.now()}`;
    return {mark: gd.__tourMark, title: gd.layout.title.text,
            key: [...gd.closest('[class*="st-key-tour_chart_"]').classList]
                .find((c) => c.startsWith('st-key-'))};
})"""
COUNTERS = "() => ({...window.__sparsityLab.charts})"


def _press(view, name: str, reacts: int) -> None:
    """Press Next or Back and wait until the charts have drawn ``reacts`` more updates."""
    before = view.page.evaluate(COUNTERS)["reacts"]
    view.rerun(lambda: view.page.get_by_role("button", name=name, exact=True).click())
    view.page.wait_for_function(
        f"() => window.__sparsityLab.charts.reacts >= {before + reacts}", timeout=60_000
    )


def test_next_and_back_redraw_the_same_chart_elements_in_place(app):
    counts = [len(step.figures()) for step in STEPS[:4]]
    assert counts == [2, 1, 2, 2]  # the steps this test walks: two figures, one, two, two
    view = app.open("tour", 1280, 720)
    page = view.page
    view.assert_no_error()
    first = page.evaluate(MARK)
    assert [g["key"] for g in first] == ["st-key-tour_chart_0", "st-key-tour_chart_1"]
    plots = page.evaluate(COUNTERS)["plots"]

    _press(view, "Next", 1)  # step 2, one figure: the first chart stays, the second goes
    second = page.evaluate(MARK)
    assert [g["mark"] for g in second] == [first[0]["mark"]]  # the same graph element
    assert second[0]["title"] != first[0]["title"]  # ... showing step 2's figure
    assert page.locator(".js-plotly-plot").count() == 1  # no chart left from step 1

    _press(view, "Next", 1)  # step 3, two figures: the first redrawn, a second drawn anew
    third = page.evaluate(MARK)
    assert third[0]["mark"] == first[0]["mark"] and len(third) == 2
    _press(view, "Next", 2)  # step 4, two figures after two: both redrawn in place
    fourth = page.evaluate(MARK)
    assert [g["mark"] for g in fourth] == [g["mark"] for g in third]
    assert [g["title"] for g in fourth] != [g["title"] for g in third]

    _press(view, "Back", 2)  # back to step 3: the same two graphs, step 3's figures again
    again = page.evaluate(MARK)
    assert again == third
    # Only the second chart of step 3 was a new graph (a Plotly.newPlot) in five presses.
    assert page.evaluate(COUNTERS)["plots"] == plots + 1
    view.assert_no_error()
    view.screenshot("tour_in_place_step3")
