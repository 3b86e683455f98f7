"""Real browser: the statistics pages' main-body sections rerun alone (st.fragment), and the
address bar and the Copy link still carry every control (ui.share_link reads the address).
"""

from __future__ import annotations

import urllib.parse

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def press_and_copy(view, label: str) -> dict[str, str]:
    """Press ArrowRight on the slider ``label``, then Copy link: the link's query."""
    page = view.page
    view.context.grant_permissions(["clipboard-read", "clipboard-write"])
    slider = page.locator('[data-testid="stSlider"]').filter(has_text=label).first
    slider.scroll_into_view_if_needed()
    view.settle(view.runs())
    view.rerun(lambda: slider.get_by_role("slider").press("ArrowRight"))
    page.get_by_role("button", name="Copy link").click()
    field = page.get_by_role("textbox", name="Link to this view")
    expect(field).to_have_value(page.url.split("#")[0])
    view.assert_no_error()
    return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(field.input_value()).query))


@pytest.mark.parametrize(
    ("label", "key", "value"),
    [("Map: condition number", "map_cond", "7.0"), ("Number of weights n", "dim", "11.0")],
)
def test_how_often_a_fragment_press_is_in_the_link(app, label, key, value):
    view = app.open("how_often?n=1000&t=1.5", 1280, 900)
    assert press_and_copy(view, label) == {"n": "1000", "t": "1.5", key: value}
    # A later press in the sidebar (a full rerun) keeps the fragment's value.
    sidebar = view.page.locator('[data-testid="stSidebar"] [data-testid="stSlider"]')
    budget = sidebar.filter(has_text="Budget t").first
    view.rerun(lambda: budget.get_by_role("slider").press("ArrowRight"))
    assert view.query() == {"n": "1000", "t": "1.75", key: value}


def test_real_data_a_fragment_press_is_in_the_link(app):
    view = app.open("real_data?cv_seed=2", 1280, 900)
    # The link writes each slider's value as the control holds it (a float).
    expected = {"cv_seed": "2.0", "n_sub": "45.0"}
    assert press_and_copy(view, "Patients in the subsample n") == expected
