"""Solver speed and agreement, printed as figures (no timed asserts anywhere).

Run: ``make bench`` or ``.venv/bin/python benchmarks/solver_speed.py``.

On the same random 2-D problems (condition numbers up to 1e4, centres inside
and outside the ball) it prints: the median time of one scalar L1 / L2 solve,
the batch throughput on 100,000 problems, the same problems through cvxpy and
scipy's SLSQP (on a subset: they are slow), the speed ratios, and the largest
|w difference| against each. Targets from the foundation issue are printed
beside the figures.
"""

from __future__ import annotations

import math
import statistics
import sys
import time
import warnings
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from geometry import NormBall, QuadraticLoss
from solvers import solve_constrained, solve_constrained_batch

RADIUS = 1.0
N_SCALAR = 3000
N_BATCH = 100_000
N_REFERENCE = 300


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
    centers = rng.normal(size=(count, 2)) * 1.5
    return centers, hessians


def median_seconds(function, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def per_problem_median(solve, losses) -> tuple[float, list[np.ndarray]]:
    times, answers = [], []
    for loss in losses:
        start = time.perf_counter()
        answers.append(solve(loss))
        times.append(time.perf_counter() - start)
    return statistics.median(times), answers


def slsqp(loss: QuadraticLoss, p: int) -> np.ndarray:
    if p == 1:
        # The diamond as four linear inequalities s^T w <= t: exact in 2-D.
        constraints = [
            {"type": "ineq", "fun": lambda w, s=s: RADIUS - s @ w, "jac": lambda w, s=s: -s}
            for s in np.array([[1, 1], [1, -1], [-1, 1], [-1, -1]], dtype=float)
        ]
    else:
        constraints = [
            {"type": "ineq", "fun": lambda w: RADIUS**2 - w @ w, "jac": lambda w: -2.0 * w}
        ]
    result = minimize(
        loss.value,
        np.zeros(2),
        jac=loss.gradient,
        method="SLSQP",
        constraints=constraints,
        options={"ftol": 1e-15, "maxiter": 500},
    )
    return result.x


def cvxpy_solver(p: int):
    import cvxpy as cp

    w = cp.Variable(2)
    factor, target = cp.Parameter((2, 2)), cp.Parameter(2)
    norm = cp.norm1(w) if p == 1 else cp.norm2(w)
    problem = cp.Problem(cp.Minimize(0.5 * cp.sum_squares(factor @ w - target)), [norm <= RADIUS])

    def solve(loss: QuadraticLoss) -> np.ndarray:
        f = np.linalg.cholesky(loss.hessian).T
        factor.value, target.value = f, f @ loss.center
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if p == 1:
                problem.solve(
                    solver=cp.OSQP, eps_abs=1e-12, eps_rel=1e-12, polishing=True, max_iter=200_000
                )
            else:
                problem.solve(
                    solver=cp.CLARABEL, tol_gap_abs=1e-12, tol_gap_rel=1e-12, tol_feas=1e-12
                )
        return np.array(w.value)

    return solve


def main() -> None:
    rng = np.random.default_rng(2026)
    centers, hessians = random_problems(rng, N_BATCH)
    losses = [QuadraticLoss(centers[i], hessians[i]) for i in range(N_SCALAR)]
    print(f"Sparsity Lab solver benchmark ({N_SCALAR} scalar problems, {N_BATCH} in the batch)")
    print(f"{'':>4} {'quantity':<44} {'figure':>14}   target")
    for p in (1, 2):
        ball = NormBall(p=p, radius=RADIUS)
        scalar_median, ours = per_problem_median(
            lambda loss, ball=ball: solve_constrained(loss, ball).w, losses
        )
        batch_seconds = median_seconds(
            lambda ball=ball: solve_constrained_batch(centers, hessians, ball), repeats=5
        )
        batch = solve_constrained_batch(centers, hessians, ball)
        batch_vs_scalar = max(float(np.max(np.abs(batch[i] - ours[i]))) for i in range(N_SCALAR))
        rows = [
            ("scalar solve, median per problem", f"{scalar_median * 1e6:.1f} us", "<= 50 us"),
            (
                "batch throughput (100,000 problems)",
                f"{N_BATCH / batch_seconds:,.0f} /s",
                ">= 1,000,000 /s",
            ),
            (
                "batch vs scalar, max |w difference|",
                f"{batch_vs_scalar:.1e}",
                "<= 1e-12 (Newton vs Brent for L2)",
            ),
        ]
        references = [("SLSQP", lambda loss, p=p: slsqp(loss, p))]
        try:
            references.append(("cvxpy " + ("OSQP" if p == 1 else "Clarabel"), cvxpy_solver(p)))
        except ImportError:
            print("    (cvxpy not installed: pip install -e '.[test]' to compare with it)")
        for name, solve in references:
            reference_median, answers = per_problem_median(solve, losses[:N_REFERENCE])
            worst = max(float(np.max(np.abs(a - b))) for a, b in zip(answers, ours, strict=False))
            rows += [
                (f"{name}, median per problem", f"{reference_median * 1e6:.1f} us", ""),
                (f"{name} / scalar, time ratio", f"{reference_median / scalar_median:.0f}x", ""),
                (
                    f"{name}, max |w difference|",
                    f"{worst:.1e}",
                    "1e-7" if name.startswith("cvxpy OSQP") else "(loose oracle)",
                ),
            ]
        for quantity, figure, target in rows:
            print(f"L{p:<3} {quantity:<44} {figure:>14}   {target}")


if __name__ == "__main__":
    main()
