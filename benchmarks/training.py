"""Training race figures: how soon ISTA, FISTA and coordinate descent find the exact zeros.

Run: ``.venv/bin/python benchmarks/training.py`` (prints; no asserts).

For the lesson's 2-D bowl (c = (1, 2), eigenvalues (1, 4), axis at -30
degrees; at lambda = 1 the lasso has no zero, at 2.5 it has w1 = 0) and the
diabetes lasso (lambda = 5: five exact zeros), each exact method is run from
two starts with step 1 / ||H||. Printed: the first iteration from which the
zero pattern is the exact solution's and stays (within a 20,000-iteration
budget), the iterations until the distance to ``solve_penalized`` is below
1e-9, and the median wall time of running exactly that many iterations (ms,
over repeats). For contrast the sign-subgradient methods (subgradient
descent, SGD, Adam) over the same budget: their exact zeros and distance.
One iteration of coordinate descent is a full sweep over the weights.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from solvers import solve_penalized
from solvers.coordinate_descent import coordinate_descent
from solvers.descent import subgradient_descent
from solvers.identification import identification_iteration, summarise_run
from solvers.proximal import fista, ista, lipschitz_step
from solvers.stochastic import adam, sgd
from studies.training_problems import DIABETES_LAM, LESSON_LAM, diabetes_problem, lesson_problem

BUDGET = 20_000
REPEATS = 7


def median_ms(run, iterations: int) -> float:
    times = []
    for _ in range(REPEATS):
        begin = time.perf_counter()
        run(iterations)
        times.append(time.perf_counter() - begin)
    return 1000.0 * statistics.median(times)


def exact_methods(loss, lam, start):
    step = lipschitz_step(loss)
    return {
        "ISTA": lambda k: ista(loss, lam, step, k, start),
        "FISTA": lambda k: fista(loss, lam, step, k, start),
        "FISTA (restart)": lambda k: fista(loss, lam, step, k, start, restart=True),
        "coordinate descent": lambda k: coordinate_descent(loss, lam, k, start),
    }


def race(title: str, problem, lam: float, starts: dict[str, np.ndarray]) -> None:
    exact = solve_penalized(problem.loss, "l1", lam)
    print(f"\n{title}, lambda = {lam}: exact w = {np.round(exact.w, 4)}, zeros {exact.zeros}")
    header = f"  {'start':>10} {'method':>19} {'support at':>11} {'ms':>8} {'1e-9 at':>8} {'ms':>8}"
    print(header)
    for start_name, start in starts.items():
        for name, run in exact_methods(problem.loss, lam, start).items():
            path = run(BUDGET)
            identified = identification_iteration(path, exact.w)
            close = np.flatnonzero(np.linalg.norm(path - exact.w, axis=1) < 1e-9)
            converged = int(close[0]) if close.size else None
            cells = []
            for count in (identified, converged):
                if count is None:
                    cells += ["never", "-"]
                else:
                    cells += [str(count), f"{median_ms(run, count):.3f}"]
            print(
                f"  {start_name:>10} {name:>19} {cells[0]:>11} {cells[1]:>8} "
                f"{cells[2]:>8} {cells[3]:>8}"
            )
    start = next(iter(starts.values()))
    step = lipschitz_step(problem.loss)
    contrast = {
        "subgradient": subgradient_descent(problem.loss, lam, step, BUDGET, start),
        "subgradient sqrt": subgradient_descent(problem.loss, lam, step, BUDGET, start, "sqrt"),
        "SGD batch 8": sgd(problem.data, lam, 0.5 * step, BUDGET, start, batch_size=8, seed=0),
        "Adam 0.01": adam(problem.loss, lam, 0.01, BUDGET, start),
    }
    for name, path in contrast.items():
        summary = summarise_run(path, exact, tau=1e-3)
        print(
            f"  {name:>30}: support {summary.identified_at or 'never'}, exact zeros "
            f"{summary.zeros}, distance {summary.distance:.2e}, zeros after |w| < 1e-3 -> 0: "
            f"{summary.thresholded_zeros} (matches: {summary.threshold_matches})"
        )


def main() -> None:
    lesson = lesson_problem()
    starts_2d = {"origin": np.zeros(2), "(-1, -1)": np.array([-1.0, -1.0])}
    race("Lesson bowl", lesson, 1.0, starts_2d)
    race("Lesson bowl", lesson, LESSON_LAM, starts_2d)
    diabetes = diabetes_problem()
    starts_10d = {"origin": np.zeros(10), "OLS": diabetes.loss.center.copy()}
    race("Diabetes", diabetes, DIABETES_LAM, starts_10d)


if __name__ == "__main__":
    main()
