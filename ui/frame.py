"""The frame every page shares: presentation mode, figure export, the link, notes about the link.

    with page_frame("how_often") as frame:
        ...widgets, ``frame.chart(figure, key)``, text...

On entry: page config, the router hand-over, the toolbar (with the Copy link
button, whose link the browser reads from its address bar) and the heading.
On a normal exit: the notes about values taken from the link. (An
``st.rerun`` or ``st.stop`` inside skips the exit, as it should.)
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import plotly.graph_objects as go
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from figures.adapt import adapt_figure
from figures.style import chart_config
from ui import url_guards, url_widgets, warm
from ui.live_modules import mount_modules
from ui.plotly_chart import plotly_chart
from ui.registry import PAGE, ROUTED, PageSpec, navigation
from ui.share_link import share_link_button
from ui.touch import TOUCH_CSS

__all__ = ["EXPORT_FORMATS", "PRESENT", "PageFrame", "page_frame"]

PRESENT = "present"
# "-white": draw the figures white even on a dark page, so that downloads suit slides.
EXPORT_FORMATS = {
    "png": "PNG figures",
    "svg": "SVG figures",
    "png-white": "PNG, white (slides)",
    "svg-white": "SVG, white (slides)",
}
# The first screen is for the figure: a lecturer at 1280 x 720 and a student on a
# phone must see it without scrolling. Streamlit's default top padding (6rem) and
# a full-size title took half of it. On a phone: the title starts under the
# 3.75rem header (2.8rem hid its first line's top), section headings are smaller
# than the page's title (Streamlit's 2.25rem took two lines of a 360 px screen),
# and the toolbar's download format and link share a row.
_COMPACT = """<style>
[data-testid="stMainBlockContainer"] { padding-top: 3.2rem; padding-bottom: 2rem; }
/* The live modules' element draws nothing: no row, no gap. */
[data-testid="stElementContainer"].st-key-live_modules { display: none; }
[data-testid="stMainBlockContainer"] h1 { font-size: 1.9rem; padding: 0.2rem 0 0.4rem 0; }
@media (max-width: 640px) {
  [data-testid="stMainBlockContainer"] { padding-top: 3.75rem; }
  [data-testid="stMainBlockContainer"] h1 { font-size: 1.35rem; }
  [data-testid="stMainBlockContainer"] h2 { font-size: 1.2rem; padding: 0.75rem 0 0.25rem 0; }
  [data-testid="stMainBlockContainer"] h3 { font-size: 1.1rem; padding: 0.5rem 0 0.25rem 0; }
  .st-key-page_toolbar [data-testid="stColumn"]:nth-child(n + 3) { min-width: calc(50% - 0.5rem); }
  /* A container keyed "one_row..." keeps its columns side by side (a step's Back,
     choice and Next), where Streamlit would stack them. */
  [class*="st-key-one_row"] [data-testid="stColumn"] { min-width: 0; }
  [class*="st-key-one_row"] button { padding-left: 0.3rem; padding-right: 0.3rem; }
  /* On a phone the figure comes first, its controls under it (the first screen shows
     the figure): a container keyed "figure_first..." shows its last column first, and
     one keyed "below_on_phone..." goes under its siblings (the flex item is the
     layout wrapper Streamlit puts around a keyed container). */
  [class*="st-key-figure_first"] [data-testid="stColumn"]:last-child { order: -1; }
  [data-testid="stLayoutWrapper"]:has(> [class*="st-key-below_on_phone"]) { order: 1; }
  /* Tables (st.table's and Markdown's) of five to seven columns fit a phone's width
     in smaller type, broken only between words. */
  :is([data-testid="stTable"], [data-testid="stMarkdownContainer"]) table tr
    :is(th, td):nth-child(n) { padding: 0.3rem 0.15rem; }
  :is([data-testid="stTable"], [data-testid="stMarkdownContainer"]) table
    :is(th, td, [data-testid="stMarkdownContainer"] p) { font-size: 0.68rem; white-space: normal; }
}
</style>"""
_LARGER_TEXT = """<style>
[data-testid="stMainBlockContainer"] { font-size: 1.3rem; padding-top: 4.5rem; }
[data-testid="stMainBlockContainer"] p, [data-testid="stMainBlockContainer"] li,
[data-testid="stMainBlockContainer"] td { font-size: 1.3rem; }
[data-testid="stMainBlockContainer"] h1 { font-size: 2.4rem; }
</style>"""
# The adapted copy of each fixed figure still alive, by its id and the mode: a fixed
# figure (the Tour's steps) is the same object on every rerun, so it is adapted once
# per mode, and its copy, the same object on every rerun too, is serialised once
# (ui.plotly_chart). At most three copies a figure: projected, dark, or both.
_ADAPTED: dict[tuple[int, bool, bool, bool], tuple[weakref.ref, go.Figure]] = {}


def _adapted(figure: go.Figure, presenting: bool, dark: bool, full_width: bool) -> go.Figure:
    key = (id(figure), presenting, dark, full_width)
    kept = _ADAPTED.get(key)
    if kept is not None and kept[0]() is figure:
        return kept[1]
    adapted = adapt_figure(figure, presenting=presenting, dark=dark, full_width=full_width)
    if adapted is not figure:
        forget = weakref.ref(figure, lambda _, key=key: _ADAPTED.pop(key, None))
        _ADAPTED[key] = (forget, adapted)
    return adapted


@dataclass
class PageFrame:
    """What a page gets from its frame.

    Attributes
    ----------
    page : PageSpec
        The page this frame belongs to.
    presenting : bool
        Presentation mode: larger type and lines, fewer words, sidebar collapsed.
    export_format : str
        "png" or "svg": what the camera button above each figure downloads.
    dark : bool
        Figures drawn for a dark page (unless white figures are asked for).
    """

    page: PageSpec
    presenting: bool
    export_format: str
    dark: bool
    _notes: DeltaGenerator

    def chart(
        self,
        figure: go.Figure,
        key: str,
        full_width: bool = False,
        *,
        name: str | None = None,
        fixed: bool = False,
    ) -> None:
        """Show a figure, adapted to the mode and theme, with its export settings.

        ``full_width``: the figure has the page's whole width (its projected title
        lines may be longer). ``name``: the downloaded file's name, if not the key
        (a chart whose key shows several figures in turn). ``fixed``: the figure is
        never changed once shown (a cached one), so its adapted copy and its payload
        are kept while it lives; a figure whose layout a page moves must not be ``fixed``.
        """
        if fixed:
            shown = _adapted(figure, self.presenting, self.dark, full_width)
        else:
            shown = adapt_figure(
                figure, presenting=self.presenting, dark=self.dark, full_width=full_width
            )
        plotly_chart(
            shown,
            key=key,
            config=chart_config(name or key, self.export_format),
            dark=self.dark,
            fixed=fixed,
        )

    def _finish(self) -> None:
        url_guards.end_run()
        notes = url_guards.notes()
        if notes:
            self._notes.caption("⚠️ From the link: " + " ".join(notes))


def _hand_over_to_router() -> None:
    """Route a cold deep link through the app's navigation.

    On a cold server whose first request is a deep link (/one_weight),
    Streamlit runs the page script directly in its legacy pages/ mode, without
    app.py. Registering the router once switches Streamlit to it for good; the
    rerun then arrives through app.py, on the same page, with its navigation.
    (tests/test_browser.py opens a deep link on a fresh server to check it.)
    """
    if not st.session_state.get(ROUTED):
        navigation()
        st.rerun()


def _open(page: PageSpec) -> PageFrame:
    url_guards.start_run()
    # Read, not yet judged: a hand-over to the router reruns the script, which would drop
    # a note made before it; the page's own favicon must be set before the router's.
    presenting = bool(st.session_state.get(PRESENT, url_guards.link_flag(PRESENT)))
    st.set_page_config(
        page_title="Sparsity Lab",
        page_icon="🔷",
        layout="wide",
        initial_sidebar_state="collapsed" if presenting else "auto",
    )
    _hand_over_to_router()
    url_guards.guard_flag(PRESENT, "Presentation mode")
    st.html(_COMPACT + TOUCH_CSS)  # constants: nothing a user types reaches this HTML
    mount_modules()  # the browser modules every live element of the page loads from
    toolbar = st.container(key="page_toolbar")  # its key names it in _COMPACT
    heading, present, export, link = toolbar.columns([5, 2, 2, 2], vertical_alignment="center")
    with present:
        presenting = url_widgets.url_toggle(
            "Presentation",
            PRESENT,
            default=False,
            help="For projecting: larger type, thicker lines, fewer words. Open a link with "
            "present=true to start with the sidebar folded away.",
        )
    with export:
        export_format = url_widgets.url_select(
            "Figures download as",
            "export",
            EXPORT_FORMATS,
            default="png",
            help="The camera icon above each figure downloads it, at twice the screen's "
            "resolution. On a dark page, the white choices draw the figures white for slides.",
            label_visibility="collapsed",
        )
    with link:
        share_link_button()
    if presenting:
        st.html(_LARGER_TEXT)  # a constant: nothing a user types reaches this HTML
        heading.markdown(f"**{page.heading}**")
    if not presenting:
        heading.title(page.heading)  # beside the toolbar, not under it
    notes = heading.container()
    theme = st.context.theme
    dark = bool(theme and theme.type == "dark") and not export_format.endswith("-white")
    return PageFrame(page, presenting, export_format.split("-")[0], dark, notes)


@contextmanager
def page_frame(key: str) -> Iterator[PageFrame]:
    """Frame the page registered as ``key`` (see ``ui.registry.PAGES``).

    Parameters
    ----------
    key : str
        The page's key in the registry, e.g. "how_often".

    Yields
    ------
    PageFrame
        Its ``chart`` method shows a figure adapted to the mode and theme.
    """
    with warm.busy():  # a page's warming thread (ui.warm) pauses while any page runs
        frame = _open(PAGE[key])
        yield frame
        frame._finish()
