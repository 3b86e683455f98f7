"""How often: time to solve and summarise 100,000 problems, and a 400 x 400 catchment map.

Run: ``make bench`` or ``.venv/bin/python benchmarks/how_often.py``. Prints
medians (no timed asserts anywhere) and, as a reference run in the same
process, scipy's SLSQP on a subset: the per-problem time a generic solver
needs, and the ratio.
"""

from __future__ import annotations

import statistics
import time

import numpy as np
from scipy.optimize import minimize

from geometry import ElasticNetBall, NormBall, QuadraticLoss
from solvers.lp_ball import solve_lp_ball_planar
from studies import experiments as ex
from studies.ensembles import hessians_from_shape

COUNT = 100_000
REPEATS = 7
SLSQP_SUBSET = 100


def median_seconds(task, repeats: int = REPEATS) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        task()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def summarise_100k() -> None:
    problems = ex.draw_problems("random", COUNT, 4.0, "disk", 100.0, 0)
    for name in ("L1", "L2"):
        ball = NormBall(p=1 if name == "L1" else 2, radius=1.0)
        seconds = median_seconds(
            lambda ball=ball: ex.zero_share(ex.solve_and_classify(problems, ball)[1], False)
        )
        print(f"  {name}: solve + classify + share of {COUNT:,}: {seconds * 1e3:.1f} ms")
    en = ElasticNetBall(radius=1.0, l1_ratio=0.5)
    seconds = median_seconds(lambda: ex.zero_share(ex.region_codes(problems, en), False))
    print(f"  elastic net (normal-cone test) on {COUNT:,}: {seconds * 1e3:.1f} ms")

    def page_work() -> None:
        fresh = ex.draw_problems("random", COUNT, 4.0, "disk", 100.0, 1)
        for p in (1, 2):
            ex.zero_share(ex.solve_and_classify(fresh, NormBall(p=p, radius=1.0))[1], False)

    seconds = median_seconds(page_work)
    print(
        f"  draw + L1 + L2, all {COUNT:,} (what a rerun with new inputs does): "
        f"{seconds * 1e3:.1f} ms   target < 200 ms"
    )
    star = NormBall(p=0.5, radius=1.0)
    sample = problems.head(ex.STAR_SAMPLE)
    batch = median_seconds(lambda: ex.region_codes(problems, star), repeats=3)

    def one_by_one() -> None:  # the scalar solver the batch reproduces: the reference
        for center, hessian in zip(sample.centers, sample.hessians, strict=True):
            solve_lp_ball_planar(QuadraticLoss(center=center, hessian=hessian), star)

    scalar = median_seconds(one_by_one, repeats=3)
    print(
        f"  p = 0.5 star, {ex.STAR_SAMPLE} problems: batch {batch * 1e3:.0f} ms, "
        f"one by one {scalar * 1e3:.0f} ms ({scalar / batch:.1f}x)"
    )


def catchment_maps() -> None:
    hessian = hessians_from_shape(np.array([6.0]), np.array([30.0]))[0]
    for p in (1, 2):
        ball = NormBall(p=p, radius=1.0)
        seconds = median_seconds(lambda ball=ball: ex.catchment_grid(hessian, ball, 4.2, 400))
        print(f"  L{p} map, 400 x 400 centres: {seconds * 1e3:.1f} ms   target < 300 ms")


def slsqp_reference() -> None:
    problems = ex.draw_problems("random", SLSQP_SUBSET, 4.0, "disk", 100.0, 2)
    for p in (1, 2):
        ball = NormBall(p=p, radius=1.0)
        start = time.perf_counter()
        worst, slsqp_zeros = 0.0, 0
        exact, _ = ex.solve_and_classify(problems, ball)
        for center, hessian, target in zip(problems.centers, problems.hessians, exact, strict=True):
            result = minimize(
                lambda w, c=center, h=hessian: 0.5 * (w - c) @ h @ (w - c),
                x0=np.zeros(2),
                jac=lambda w, c=center, h=hessian: h @ (w - c),
                constraints=[{"type": "ineq", "fun": lambda w, b=ball: 1.0 - b.norm(w)}],
                method="SLSQP",
                options={"ftol": 1e-12, "maxiter": 500},
            )
            worst = max(worst, float(np.max(np.abs(result.x - target))))
            slsqp_zeros += bool(np.any(result.x == 0.0))
        generic = (time.perf_counter() - start) / SLSQP_SUBSET
        batch = (
            median_seconds(
                lambda ball=ball: ex.solve_and_classify(
                    ex.draw_problems("random", COUNT, 4.0, "disk", 100.0, 0), ball
                )
            )
            / COUNT
        )
        print(
            f"  L{p}: SLSQP {generic * 1e6:.0f} us per problem ({SLSQP_SUBSET} problems), "
            f"batch {batch * 1e6:.2f} us: ratio {generic / batch:,.0f}x; "
            f"largest |w - exact| {worst:.1e}; exact zeros: SLSQP {slsqp_zeros}, "
            f"exact solver {int(np.count_nonzero(np.any(exact == 0.0, axis=1)))}"
        )


def main() -> None:
    print("How often: solving and summarising")
    summarise_100k()
    print("How often: the catchment map")
    catchment_maps()
    print("Reference: scipy SLSQP, one problem at a time")
    slsqp_reference()


if __name__ == "__main__":
    main()
