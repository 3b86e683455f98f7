"""The Tour: every step in order, Back and Next, links to a step (old and new forms)."""

from __future__ import annotations

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
