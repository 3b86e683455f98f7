"""Links printed before the URL carried slugs (labels such as ``left_region=Elastic net``,
``n=10,000``, ``step=7. How often: ...``) still open the same view, with no note.

The queries below are frozen copies of what the README, the presets' link list and the
tour printed then: they must never be regenerated from today's code.
"""

from __future__ import annotations

import pytest

from lessons.constraint_regions.presets import PRESETS
from tests.apptest_support import SMALL, controls, notes, open_page

OLD_PRESET_LINKS = {
    "corner": {},
    "edge": {"c1": "1.5", "c2": "1.3", "cond": "1", "angle": "0"},
    "inside": {"c1": "0.3", "c2": "0.4"},
    "correlated": {
        "c1": "1.6", "c2": "1.2", "cond": "20", "angle": "-45", "left_t": "0.25", "right_t": "0.25"
    },
    "round": {"c1": "2", "c2": "0.5", "cond": "1.2", "angle": "10"},
    "star": {
        "c1": "1.5", "c2": "1.3", "cond": "1", "angle": "0",
        "left_region": "Lp", "left_p": "0.5", "right_region": "L1",
    },
    "elasticnet": {"c1": "0.3", "c2": "2.5", "cond": "1", "angle": "0",
                   "left_region": "Elastic net"},
}  # fmt: skip


@pytest.mark.parametrize("name", list(OLD_PRESET_LINKS))
def test_an_old_preset_link_opens_the_preset(name):
    app = open_page("constraint_regions", OLD_PRESET_LINKS[name])
    shown = controls(app)
    for key, value in PRESETS[name].full_state().items():
        if key in shown:
            assert shown[key] == (pytest.approx(value) if isinstance(value, float) else value)
    assert not notes(app)


OLD_LINKS = [
    # The README's ESL example, with its labels.
    (
        "constraint_regions",
        {"left_region": "Lp", "left_p": "1.2", "right_region": "Elastic net",
         "right_ratio": "0.2", "c1": "0.2", "c2": "1.5", "angle": "0"},
        {"left_region": "lp", "left_p": 1.2, "right_region": "elasticnet", "right_ratio": 0.2},
    ),
    ("constraint_regions", {"mode": "Penalty"}, {"mode": "penalty"}),
    ("constraint_regions", {"cone": "false"}, {"cone": False}),
    ("constraint_regions", {"export": "SVG figures"}, {"export": "svg"}),
    ("tour", {"step": "7. How often: the catchment wedges"}, {"step": "catchment"}),
    ("tour", {"step": "3"}, {"step": "dead-zone"}),
    ("how_often", {"n": "10,000"}, {"n": "10000"}),
    ("how_often", {"n": "1,000", "dim": "10"}, {"n": "1000", "dim": 10.0}),
    (
        "how_often",
        {"n": "1,000", "setup": "Published a, b, c", "domain": "Square", "tol": "1e-3",
         "max_cond": "1 (round)"},
        {"setup": "published", "domain": "square", "tol": "1e-3", "max_cond": "1"},
    ),
    ("one_weight", {"units": "10"}, {"units": "10"}),
    ("one_weight", {"a": "0.6"}, {"a": 0.6}),
]  # fmt: skip


@pytest.mark.parametrize(("page", "query", "expected"), OLD_LINKS)
def test_an_old_link_opens_the_same_view(page, query, expected):
    app = open_page(page, query)
    shown = controls(app)
    for key, value in expected.items():
        assert shown[key] == value, key
    assert not notes(app)


@pytest.mark.parametrize("page", ["constraint_regions", "how_often", "tour"])
def test_todays_links_carry_slugs_not_labels(page):
    from tests.apptest_support import link

    query = {"constraint_regions": {"left_region": "Elastic net", "mode": "Penalty"},
             "how_often": {**SMALL["how_often"], "setup": "Symmetric bowls"},
             "tour": {"step": "4. Two weights: the diamond's corners"}}[page]  # fmt: skip
    url = link(open_page(page, query))
    for label in query.values():
        if not label.isdigit():
            assert label.replace(" ", "%20") not in url
    assert any(slug in url for slug in ("elasticnet", "symmetric", "step=corners"))
