"""The Tour: every step in order, Back and Next, links to a step (old and new forms)."""

from __future__ import annotations

import numpy as np

from lessons.tour import STEPS
from tests.apptest_support import open_page, sent_charts


def test_the_tour_walks_forward_and_back_through_every_step():
    app = open_page("tour")
    seen = []
    for _ in range(len(STEPS) + 2):
        seen.append(app.selectbox(key="step").value)
        assert sent_charts(app), seen[-1]
        forward = next(b for b in app.button if b.label == "Next")
        if forward.disabled:
            break
        forward.click().run()
        assert not app.exception
    assert seen == [step.slug for step in STEPS]
    next(b for b in app.button if b.label == "Back").click().run()
    assert app.selectbox(key="step").value == STEPS[-2].slug


def test_a_tour_link_opens_its_step():
    app = open_page("tour", {"step": "catchment"})
    assert app.selectbox(key="step").value == "catchment"
    assert any("exactly" in m.value and "% of the disc" in m.value for m in app.markdown)


def test_links_printed_before_the_slugs_open_the_same_step():
    for old in ("7", "7. How often: the catchment wedges", "7. HOW OFTEN: THE CATCHMENT WEDGES"):
        app = open_page("tour", {"step": old})
        assert app.selectbox(key="step").value == "catchment", old
        assert "catchment wedges" in app.subheader[0].value


def test_the_tour_writes_the_step_slug_into_the_url():
    app = open_page("tour")
    next(b for b in app.button if b.label == "Next").click().run()
    assert app.query_params["step"] == STEPS[1].slug


def test_the_regression_title_says_ridge_holds_no_weight_at_zero_not_that_it_only_shrinks():
    from lessons import tour

    lasso, ridge, _ = tour.regression_paths()
    title = tour.regression_figures()[0].layout.title.text
    assert "only shrinks" not in title
    # Some ridge weights grow as the budget shrinks, so "only shrinks" was false ...
    assert np.any(np.diff(np.abs(ridge), axis=0) < 0)
    # ... and none is held at 0: never 0.0 at two budgets in a row, while the lasso is.
    assert not np.any((ridge[1:] == 0.0) & (ridge[:-1] == 0.0))
    assert np.any((lasso[1:] == 0.0) & (lasso[:-1] == 0.0))
    assert "ridge shrinks but holds none there" in title.replace("<br>", " ")


def test_next_and_back_twice_through_every_step_show_what_each_steps_own_builder_makes():
    from figures.style import chart_config
    from lessons.tour import BUILDS, STEP
    from ui.plotly_chart import chart_payload, read_payload

    slugs = [step.slug for step in STEPS]
    # Each step built afresh by its own builder, here: what the page must show for it.
    expected = {
        slug: (
            STEP[slug].text(),
            [
                read_payload(chart_payload(f, chart_config("x")))["figure"]
                for f in STEP[slug].figures()
            ],
        )
        for slug in slugs
    }
    app = open_page("tour")
    presses = (["Next"] * (len(slugs) - 1) + ["Back"] * (len(slugs) - 1)) * 2
    for k, label in enumerate(presses):
        next(b for b in app.button if b.label == label).click().run()
        assert not app.exception
        slug = app.selectbox(key="step").value
        position = k % (2 * len(slugs) - 2)
        assert (
            slug
            == slugs[position + 1 if position < len(slugs) - 1 else 2 * len(slugs) - 3 - position]
        )
        text, figures = expected[slug]
        assert text in [m.value for m in app.markdown], slug
        charts = sent_charts(app)
        # One chart per figure, keyed by its place: no chart is left from a step with more.
        assert [c.key for c in charts] == ["tour_chart_0", "tour_chart_1"][: len(figures)], slug
        assert [c.figure for c in charts] == figures, slug
        index = slugs.index(slug) + 1
        names = [c.config["toImageButtonOptions"]["filename"] for c in charts]
        assert names == [f"sparsity-lab-tour_{index}_{j}" for j in range(len(figures))]
    # 44 presses, and each step was built once in this process (by a visitor or the warming).
    assert {slug: BUILDS[slug] for slug in slugs} == dict.fromkeys(slugs, 1)
