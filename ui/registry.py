"""The page registry: every lesson page once, for the router, the tour, tests and benchmarks."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st
from streamlit.navigation.page import StreamlitPage

__all__ = ["PAGE", "PAGES", "ROUTED", "PageSpec", "navigation"]

ROUTED = "_routed_by_app"


@dataclass(frozen=True)
class PageSpec:
    """One lesson page.

    Attributes
    ----------
    key : str
        Stable name used in code ("how_often").
    script : str
        The page script, relative to the app's folder.
    url_path : str
        Its path in the URL ("" for the first page).
    title : str
        Its name in the navigation bar.
    heading : str
        The title on the page itself: it states the lesson.
    icon : str
        A Material icon for the navigation bar.
    """

    key: str
    script: str
    url_path: str
    title: str
    heading: str
    icon: str


PAGES: tuple[PageSpec, ...] = (
    PageSpec(
        "constraint_regions",
        "pages/constraint_regions.py",
        "",
        "Constraint regions",
        "Why L1 lands on an axis and L2 does not",
        ":material/change_history:",
    ),
    PageSpec(
        "tour",
        "pages/tour.py",
        "tour",
        "Tour",
        "A guided tour: why L1 gives exact zeros",
        ":material/route:",
    ),
    PageSpec(
        "one_weight",
        "pages/one_weight.py",
        "one_weight",
        "One weight",
        "One weight: why the L1 optimum sticks at zero",
        ":material/show_chart:",
    ),
    PageSpec(
        "three_weights",
        "pages/three_weights.py",
        "three_weights",
        "Three weights",
        "Three weights: the octahedron's vertices and edges give exact zeros",
        ":material/deployed_code:",
    ),
    PageSpec(
        "how_often",
        "pages/how_often.py",
        "how_often",
        "How often",
        "How often does L1 give an exact zero?",
        ":material/casino:",
    ),
    PageSpec(
        "real_data",
        "pages/real_data.py",
        "real_data",
        "Real data",
        "Real data: the lasso zeros most of 64 weights, ridge none",
        ":material/table_chart:",
    ),
    PageSpec(
        "training",
        "pages/training.py",
        "training",
        "Training",
        "SGD and Adam never hit 0; proximal steps do",
        ":material/model_training:",
    ),
    PageSpec(
        "questions",
        "pages/questions.py",
        "questions",
        "Check yourself",
        "Check yourself: four common confusions",
        ":material/quiz:",
    ),
)
PAGE: dict[str, PageSpec] = {spec.key: spec for spec in PAGES}


def navigation() -> StreamlitPage:
    """The app's router: every lesson page, in the order of the course."""
    st.session_state[ROUTED] = True
    pages = [
        st.Page(
            spec.script,
            title=spec.title,
            icon=spec.icon,
            url_path=spec.url_path or None,
            default=spec.url_path == "",
        )
        for spec in PAGES
    ]
    return st.navigation(pages, position="top")
