"""Page rerun time and chart size, printed as figures (no timed asserts anywhere).

Run: ``make bench`` or ``.venv/bin/python benchmarks/rerun.py``.

A rerun is what a student waits for after moving a slider: Streamlit runs the
page script again (two exact solves, two figures built and serialised). It is
timed here through AppTest, with a slider moved before every run so no
Streamlit cache can answer; the first run (imports, warm-up) is left out.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "app.py")
RERUNS = 40


def main() -> None:
    app = AppTest.from_file(APP, default_timeout=60)
    app.run()
    times = []
    for k in range(RERUNS):
        app.sidebar.slider(key="left_t").set_value(0.5 + 0.05 * (k % 20))
        start = time.perf_counter()
        app.run()
        times.append(time.perf_counter() - start)
        assert not app.exception, app.exception
    sizes = [len(chart.proto.spec.encode()) for chart in app.get("plotly_chart")]
    print(f"Constraint regions page, {RERUNS} reruns through AppTest")
    print(
        f"  median rerun (solve + figures + serialisation): {statistics.median(times) * 1e3:.1f} ms"
        "   target < 50 ms"
    )
    print(f"  fastest / slowest rerun: {min(times) * 1e3:.1f} / {max(times) * 1e3:.1f} ms")
    for name, size in zip(("left panel", "right panel", "t(λ) path"), sizes, strict=True):
        print(f"  {name} chart JSON: {size / 1024:.1f} KB   target < 150 KB")


if __name__ == "__main__":
    main()
