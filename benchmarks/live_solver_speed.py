"""Speed of the JavaScript live solvers against Python's scalar solve, printed as figures.

Run: ``.venv/bin/python benchmarks/live_solver_speed.py`` (needs ``node``).

The live figure re-solves on every animation frame, so what matters is the
time of one ``solve2d`` call (validation included). On the same random 2-D
problems (condition numbers up to 1e4, centres inside and outside, radius 1,
elastic net at l1_ratio 0.5) it prints, per region, the median over runs of the
time per problem: JavaScript in Node (``live/tools/solve_batch.js --repeat``,
after a warm-up pass for the JIT), Python's ``solve_constrained`` on a prebuilt
loss and ball, and Python including building them (``QuadraticLoss`` validates
its input, as ``solve2d`` does), with the ratios. No timed asserts anywhere.
"""

from __future__ import annotations

import json
import math
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geometry import ElasticNetBall, NormBall, QuadraticLoss  # noqa: E402
from solvers import solve_constrained  # noqa: E402

CLI = ROOT / "live" / "tools" / "solve_batch.js"
N_PROBLEMS = 1000
JS_RUNS = 21
PYTHON_RUNS = 3
RADIUS = 1.0
L1_RATIO = 0.5
BALLS = {
    "l1": NormBall(p=1, radius=RADIUS),
    "l2": NormBall(p=2, radius=RADIUS),
    "linf": NormBall(p=math.inf, radius=RADIUS),
    "elasticnet": ElasticNetBall(radius=RADIUS, l1_ratio=L1_RATIO),
}


def random_problems(rng: np.random.Generator, count: int) -> tuple[np.ndarray, np.ndarray]:
    """Centres (count, 2) and Hessians (count, 2, 2): rotations, condition numbers to 1e4."""
    angles = rng.uniform(0.0, math.pi, count)
    small = 10.0 ** rng.uniform(-1.0, 1.0, count)
    large = small * 10.0 ** rng.uniform(0.0, 4.0, count)
    cos, sin = np.cos(angles), np.sin(angles)
    hessians = np.empty((count, 2, 2))
    hessians[:, 0, 0] = small * cos * cos + large * sin * sin
    hessians[:, 1, 1] = small * sin * sin + large * cos * cos
    hessians[:, 0, 1] = hessians[:, 1, 0] = (small - large) * cos * sin
    return rng.normal(size=(count, 2)) * 1.5, hessians


def javascript_seconds(
    node: str, kind: str, centers: np.ndarray, hessians: np.ndarray, folder: Path
) -> float:
    """Median over runs of Node's time per solve2d call."""
    region = {"kind": kind, "radius": RADIUS}
    if kind == "elasticnet":
        region["l1Ratio"] = L1_RATIO
    problems = [
        {"center": c.tolist(), "hessian": h.tolist(), "region": region}
        for c, h in zip(centers, hessians, strict=True)
    ]
    source, target = folder / f"{kind}.in.json", folder / f"{kind}.out.json"
    source.write_text(json.dumps({"problems": problems}))
    command = [node, str(CLI), str(source), str(target), "--repeat", str(JS_RUNS)]
    subprocess.run(command, check=True)
    runs = json.loads(target.read_text())["seconds_per_run"]
    return statistics.median(runs) / len(problems)


def python_seconds(solve, count: int) -> float:
    """Median over runs of the time per call of ``solve(k)`` for k in range(count)."""
    runs = []
    for _ in range(PYTHON_RUNS):
        start = time.perf_counter()
        for k in range(count):
            solve(k)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs) / count


def main() -> None:
    node = shutil.which("node")
    if node is None:
        sys.exit("node is not on PATH: the JavaScript solvers need Node 20+")
    centers, hessians = random_problems(np.random.default_rng(7), N_PROBLEMS)
    losses = [QuadraticLoss(c, h) for c, h in zip(centers, hessians, strict=True)]
    version = subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"{N_PROBLEMS} problems, cond(H) up to 1e4, radius {RADIUS}; Node {version}")
    print(f"median over {JS_RUNS} JS runs (after a warm-up) and {PYTHON_RUNS} Python runs\n")
    header = (
        f"{'region':<11} {'JS solve2d':>11} {'Py solve':>11} {'Py build+solve':>15} "
        f"{'Py/JS':>7} {'Py build+solve/JS':>18}"
    )
    print(header)
    with tempfile.TemporaryDirectory() as folder:
        for kind, ball in BALLS.items():
            js = javascript_seconds(node, kind, centers, hessians, Path(folder))
            solve = python_seconds(
                lambda k, ball=ball: solve_constrained(losses[k], ball), N_PROBLEMS
            )

            def build_and_solve(k: int, ball=ball) -> None:
                # As solve2d, from raw numbers: validate (QuadraticLoss, the ball), then solve.
                region = type(ball)(**{f: getattr(ball, f) for f in ball.__dataclass_fields__})
                solve_constrained(QuadraticLoss(centers[k], hessians[k]), region)

            built = python_seconds(build_and_solve, N_PROBLEMS)
            print(
                f"{kind:<11} {js * 1e6:>8.2f} us {solve * 1e6:>8.1f} us {built * 1e6:>12.1f} us "
                f"{solve / js:>6.0f}x {built / js:>17.0f}x"
            )


if __name__ == "__main__":
    main()
