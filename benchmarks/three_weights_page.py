"""The Three weights page: its rerun time against the Constraint regions page's, and its payload.

Run: ``.venv/bin/python benchmarks/three_weights_page.py``. Prints figures; asserts nothing.

Both pages run in this process through AppTest (as ``benchmarks/rerun.py``
does), each with a slider moved to a value it has not had before every rerun,
so that no cache answers: the Three weights page then solves the loss under
four 3-D regions exactly and builds three 3-D figures (meshes of the regions
and of the touching ellipsoids). The first run (imports, the once-per-server
odds and the zeros against n) is timed on its own and left out of the medians.
The payload is the JSON of every chart the page sends, the 3-D ones summed
against the issue's budget of 300 KB per rerun.
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
RERUNS = 30
# (page, slider moved, RERUNS distinct values on its grid)
MOVES = (
    ("constraint_regions", "left_t", [round(0.1 + 0.05 * k, 2) for k in range(RERUNS)]),
    ("three_weights", "c1", [round(-2.0 + 0.05 * k, 2) for k in range(RERUNS)]),
)
TARGET_RATIO = 2.0
PAYLOAD_BUDGET_KB = 300.0


def open_app(page: str) -> tuple[AppTest, float]:
    app = AppTest.from_file(APP, default_timeout=120)
    start = time.perf_counter()
    app.run()
    if PAGE[page].url_path:
        app.switch_page(PAGE[page].script).run()
    assert not app.exception, app.exception
    return app, time.perf_counter() - start


def rerun_times(app: AppTest, key: str, values: list[float]) -> list[float]:
    times = []
    for value in values:
        app.sidebar.slider(key=key).set_value(value)
        start = time.perf_counter()
        app.run()
        times.append(time.perf_counter() - start)
        assert not app.exception, app.exception
    return times


def chart_sizes(app: AppTest) -> dict[str, int]:
    return {chart.key: chart.size for chart in sent_charts(app)}


def main() -> None:
    medians = {}
    for page, key, values in MOVES:
        app, first = open_app(page)
        times = rerun_times(app, key, values)
        medians[page] = statistics.median(times) * 1e3
        print(f"{PAGE[page].script}: first run {first:.1f} s; {RERUNS} reruns moving {key}")
        print(
            f"  median rerun {medians[page]:.1f} ms "
            f"(fastest {min(times) * 1e3:.1f}, slowest {max(times) * 1e3:.1f})"
        )
        sizes = chart_sizes(app)
        for name, size in sizes.items():
            print(f"  {name} JSON: {size / 1024:.1f} KB")
        if page == "three_weights":
            scenes = sum(size for name, size in sizes.items() if name.startswith("scene_"))
            print(
                f"  3-D charts in total: {scenes / 1024:.1f} KB per rerun "
                f"(budget {PAYLOAD_BUDGET_KB:g} KB); all charts {sum(sizes.values()) / 1024:.1f} KB"
            )
    ratio = medians["three_weights"] / medians["constraint_regions"]
    print(
        f"Three weights / Constraint regions median rerun: {ratio:.2f}x "
        f"(target <= {TARGET_RATIO:g}x)"
    )


if __name__ == "__main__":
    main()
