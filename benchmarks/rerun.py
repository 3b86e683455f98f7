"""Page rerun time and chart size, printed as figures (no timed asserts anywhere).

Run: ``make bench`` or ``.venv/bin/python benchmarks/rerun.py``.

A rerun is what a student waits for after moving a slider: Streamlit runs the
page script again (exact solves, figures built and serialised). It is timed
here through AppTest, with a slider moved before every run so that no cache
can answer; the first run (imports, warm-up) is left out.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from anywhere
from tests.apptest_support import sent_charts
from ui.registry import PAGE

APP = str(Path(__file__).resolve().parents[1] / "app.py")
RERUNS = 40
# (page key in the registry, slider moved each rerun, values it cycles through)
MOVES = (
    ("constraint_regions", "left_t", [0.5 + 0.05 * k for k in range(20)]),
    ("one_weight", "a", [-2.0 + 0.2 * k for k in range(20)]),
    # Cycles through 9 values: after the first pass every rerun is answered by the caches.
    ("how_often", "en_a", [0.1 + 0.1 * k for k in range(9)]),
)


REFERENCE = """import streamlit as st
import plotly.graph_objects as go
x = st.slider("x", 0.0, 1.0, 0.5, key="x")
st.plotly_chart(go.Figure(go.Scatter(x=[0, x], y=[0, 1])))
"""


def median_rerun(app: AppTest, key: str, values: list[float], sidebar: bool = True) -> list[float]:
    """Times of RERUNS reruns, moving the slider ``key`` through ``values`` before each."""
    times = []
    for k in range(RERUNS):
        widgets = app.sidebar if sidebar else app
        widgets.slider(key=key).set_value(values[k % len(values)])
        start = time.perf_counter()
        app.run()
        times.append(time.perf_counter() - start)
        assert not app.exception, app.exception
    return times


def reference_ms() -> float:
    """A bare Streamlit page (one slider, one small chart) rerun in this process: the yardstick.

    Absolute times drift with the machine's load; the ratio to this does much less.
    """
    app = AppTest.from_string(REFERENCE, default_timeout=60)
    app.run()
    return statistics.median(median_rerun(app, "x", [0.1 * k for k in range(10)], False)) * 1e3


def main() -> None:
    reference = reference_ms()
    print(f"reference: a one-slider, one-chart page reruns in {reference:.1f} ms (median)")
    for page, key, values in MOVES:
        script = PAGE[page].script
        app = AppTest.from_file(APP, default_timeout=60)
        app.run()
        app.switch_page(script).run()
        times = median_rerun(app, key, values)
        sizes = {chart.key: chart.size for chart in sent_charts(app)}
        median_ms = statistics.median(times) * 1e3
        print(f"{script}: {RERUNS} reruns through AppTest (moving {key})")
        print(
            f"  median rerun (solve + figures + serialisation): {median_ms:.1f} ms"
            f" = {median_ms / reference:.1f}x the reference   target < 50 ms (first page)"
        )
        print(f"  fastest / slowest rerun: {min(times) * 1e3:.1f} / {max(times) * 1e3:.1f} ms")
        for name, size in sizes.items():
            print(f"  {name} JSON: {size / 1024:.1f} KB   target < 150 KB")


if __name__ == "__main__":
    main()
