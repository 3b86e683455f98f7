"""Shared helpers for the browser benchmarks: servers, the browser, and in-page timing.

Used by ``latency.py``, ``first_visit.py``, ``load.py``, ``element_cost.py`` and
``live_drag.py`` (each prints figures, no asserts), as ``import browser_bench as bb``.
Split by job:

- ``serving``: servers and the browser. A server is ``python -m streamlit run <script>``
  on a free loopback port, its output in a log file under the temp folder (``LOGS``),
  stopped in a ``finally``; Chromium is Debian's. Both are the real-browser tests' own
  (``tests.browser.server``, ``tests.browser.chromium``): one lookup, one server start.
- ``in_page``: the JavaScript run in the page, and the selectors waited for.
- ``presses``: one keypress (or Enter on a button), timed; sync and async API.
- ``choices``: the toggles, radios, select boxes and pill rows of a page, each pressed
  from the keyboard and timed as a slider's keypress is.
- ``traffic``: the bytes a tab receives over its websockets (a press's payload).
- ``stats``: percentiles, p50 / p95 summaries, ratios to a floor, verdicts.

Every time is taken inside the page with ``performance.now()`` (a keydown
listener, a MutationObserver on Streamlit's run state, a requestAnimationFrame
poll of the charts), so Playwright's own round trips are not counted.

- The run state is ``[data-testid="stApp"][data-test-script-state]``:
  "running" while the script reruns, "notRunning" when it is done.
- A chart "changed" when a ``.js-plotly-plot`` element's ``.data`` or ``.layout`` (or the
  live figure's data, ``window.__sparsityLab.figure.data``: the main page's figure is
  not a Plotly chart) is a different object whose JSON differs from the one before
  the keypress (identity first, so the JSON is only built when a figure was given
  new data).
"""

from .choices import choice_controls
from .in_page import CHART, FIRST_PAINT, IDLE, LIVE, SLIDER
from .presses import (
    GRACE_MS,
    Interaction,
    aopen_page,
    apress_slider,
    avisible_sliders,
    interaction_from,
    open_page,
    press_button,
    press_slider,
    slider_state,
    timed_key,
    visible_sliders,
    wait_idle,
)
from .serving import (
    APP,
    CHROMIUM_ARGS,
    LOGS,
    REFERENCE,
    VIEWPORT,
    Server,
    launch,
    page_url,
    start_server,
    stop_server,
)
from .stats import COST_HEADER, Cost, Summary, percentile, ratio, verdict
from .traffic import Traffic

__all__ = [
    "APP",
    "CHART",
    "CHROMIUM_ARGS",
    "COST_HEADER",
    "FIRST_PAINT",
    "GRACE_MS",
    "IDLE",
    "LIVE",
    "LOGS",
    "REFERENCE",
    "SLIDER",
    "VIEWPORT",
    "Cost",
    "Interaction",
    "Server",
    "Summary",
    "Traffic",
    "aopen_page",
    "apress_slider",
    "avisible_sliders",
    "choice_controls",
    "interaction_from",
    "launch",
    "open_page",
    "page_url",
    "percentile",
    "press_button",
    "press_slider",
    "ratio",
    "slider_state",
    "start_server",
    "stop_server",
    "timed_key",
    "verdict",
    "visible_sliders",
    "wait_idle",
]
