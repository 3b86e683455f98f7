"""The Training page: iterations and time to an exact support, rerun time, the animation's size.

Run: ``.venv/bin/python benchmarks/training_page.py`` (prints; no asserts).

1. ISTA, FISTA and coordinate descent as the page runs them (step 1/L, the
   page's default starts: (2.5, -1.5) on the lesson's bowl at lambda = 2.5,
   0 on the diabetes lasso at lambda = 5): the first iteration from which the
   zero pattern is the exact solution's and stays, and the median time of
   running exactly that many iterations (ms).
2. The page's rerun time against the Constraint regions page's, in the same
   process through AppTest, the two pages' reruns taken in turns, a slider moved
   before every rerun so that no cache answers (as benchmarks/rerun.py does;
   target <= 2x).
3. The animated race figure's JSON as the page sends it (KB; target <= 300),
   at the default 200 iterations and at the largest, 2000, with all seven
   optimisers shown.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import numpy as np
from streamlit.testing.v1 import AppTest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


from lessons import training as lesson
from solvers import solve_penalized
from solvers.coordinate_descent import coordinate_descent
from solvers.identification import identification_iteration
from solvers.proximal import fista, ista, lipschitz_step
from studies.training_problems import DIABETES_LAM, LESSON_LAM, diabetes_problem, lesson_problem
from tests.apptest_support import sent_charts
from ui.registry import PAGE

APP = str(Path(__file__).resolve().parents[1] / "app.py")
BUDGET = 5_000
REPEATS = 7
RERUNS = 40


def median_ms(run, iterations: int) -> float:
    times = []
    for _ in range(REPEATS):
        begin = time.perf_counter()
        run(iterations)
        times.append(time.perf_counter() - begin)
    return 1000.0 * statistics.median(times)


def support(title: str, loss, lam: float, start: np.ndarray) -> None:
    exact = solve_penalized(loss, "l1", lam)
    step = lipschitz_step(loss)
    print(f"{title}, lambda = {lam:g}: exact zeros {exact.zeros}")
    runs = {
        "ISTA": lambda k: ista(loss, lam, step, k, start),
        "FISTA": lambda k: fista(loss, lam, step, k, start),
        "coordinate descent": lambda k: coordinate_descent(loss, lam, k, start),
    }
    for name, run in runs.items():
        found = identification_iteration(run(BUDGET), exact.w)
        if found is None:
            print(f"  {name:>19}: not within {BUDGET}")
            continue
        print(
            f"  {name:>19}: exact support from iteration {found:>3}, {median_ms(run, found):.3f} ms"
        )


def opened(page: str) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=120)
    app.run()
    app.switch_page(PAGE[page].script).run()
    return app


def timed_rerun(app: AppTest, key: str, value: float) -> float:
    app.sidebar.slider(key=key).set_value(value)
    begin = time.perf_counter()
    app.run()
    elapsed = time.perf_counter() - begin
    assert not app.exception, app.exception
    return elapsed


def interleaved_reruns() -> tuple[float, float]:
    """Median rerun (ms) of Constraint regions and of Training, taken in turns.

    In turns, so that whatever else the machine does weighs on both alike.
    """
    reference, training = opened("constraint_regions"), opened("training")
    times: dict[str, list[float]] = {"reference": [], "training": []}
    for k in range(RERUNS):
        times["reference"].append(timed_rerun(reference, "left_t", 0.5 + 0.05 * (k % 20)))
        # Start w1 changes the whole 2-D race (7 runs, both figures, the table, the texts).
        times["training"].append(timed_rerun(training, "w1_0", -2.0 + 0.1 * (k % 40)))
    return tuple(1000.0 * statistics.median(times[name]) for name in ("reference", "training"))


def payload_kb(query: dict[str, str]) -> float:
    app = AppTest.from_file(APP, default_timeout=120)
    for name, value in query.items():
        app.query_params[name] = value
    app.switch_page(PAGE["training"].script).run()
    chart = next(c for c in sent_charts(app) if c.key == "chart_race")
    return chart.size / 1024


def main() -> None:
    print("1. Iterations and time to the exact support (step 1/L)")
    support(
        "Lesson bowl from (2.5, -1.5)", lesson_problem().loss, LESSON_LAM, np.array([2.5, -1.5])
    )
    support("Diabetes from 0", diabetes_problem().loss, DIABETES_LAM, np.zeros(10))

    print(f"\n2. Rerun time (median of {RERUNS}, a slider moved before each)")
    reference, training = interleaved_reruns()
    print(f"  Constraint regions: {reference:.1f} ms")
    print(f"  Training (moving Start w1): {training:.1f} ms = {training / reference:.2f}x   "
          "target <= 2x")  # fmt: skip

    print("\n3. The animated race figure as sent (KB)")
    everyone = {"opt": ",".join(lesson.OPTIMISERS)}
    for label, query in (
        ("defaults (6 optimisers, 200 iterations)", {}),
        ("all 7 optimisers, 2000 iterations", {**everyone, "iters": "2000"}),
    ):
        print(f"  {label}: {payload_kb(query):.1f} KB   target <= 300")


if __name__ == "__main__":
    main()
