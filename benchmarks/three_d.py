"""Three weights: solve times per 3-D ball, the 3-D odds, and the page's mesh payload.

Run: ``.venv/bin/python benchmarks/three_d.py``. Prints figures; asserts nothing.

- the median time of one exact solve in 3-D for the L1, L2, elastic-net and
  group-lasso balls (random problems, condition numbers up to 1e4, about a
  fifth of the centres inside), and the vectorised L1 / L2 per problem;
- the 3-D odds for 10,000 problems of ``sample_problems_nd`` (spread 2,
  condition up to 100, t = 1) with Wilson 95% intervals, and their time;
- the JSON size of the eight meshes the "Three weights" page draws: the
  octahedron, the sphere, the elastic-net ball, the double cone and the four
  touching ellipsoids, at ``PAGE_SUBDIVISIONS``.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from geometry import ElasticNetBall, NormBall, QuadraticLoss
from geometry.group_lasso import GroupLassoBall
from geometry.surfaces import (
    PAGE_SUBDIVISIONS,
    Octahedron,
    elastic_net_mesh,
    group_lasso_mesh,
    level_set_mesh,
    payload_bytes,
    sphere_mesh,
)
from solvers import solve_constrained
from solvers.group_lasso import solve_group_lasso_ball
from studies.ensembles import sample_problems_nd
from studies.three_d import l1_batch_3d, l2_batch_3d, sample_three_d_odds

N_SCALAR = 1000
N_ODDS = 10_000
BALLS = {
    "L1 (face enumeration)": (NormBall(p=1, radius=1.0), solve_constrained),
    "L2 (secular equation)": (NormBall(p=2, radius=1.0), solve_constrained),
    "elastic net a=0.5": (ElasticNetBall(radius=1.0, l1_ratio=0.5), solve_constrained),
    "group lasso (double cone)": (GroupLassoBall(radius=1.0), solve_group_lasso_ball),
}


def _losses(count: int) -> list[QuadraticLoss]:
    rng = np.random.default_rng(0)
    centers, hessians = sample_problems_nd(rng, count, 3, spread=1.2, max_condition=1e4)
    return [QuadraticLoss(c, h) for c, h in zip(centers, hessians, strict=True)]


def solve_times() -> None:
    losses = _losses(N_SCALAR)
    print(f"One exact 3-D solve, median over {N_SCALAR} problems (condition up to 1e4):")
    for name, (ball, solve) in BALLS.items():
        times, active = [], 0
        for loss in losses:
            start = time.perf_counter()
            solution = solve(loss, ball)
            times.append(time.perf_counter() - start)
            active += solution.active
        print(
            f"  {name:28s} {1e6 * statistics.median(times):8.1f} us "
            f"(p90 {1e6 * statistics.quantiles(times, n=10)[-1]:7.1f} us; {active} active)"
        )
    centers = np.array([loss.center for loss in losses] * 10)
    hessians = np.array([loss.hessian for loss in losses] * 10)
    for name, batch in (("L1", l1_batch_3d), ("L2", l2_batch_3d)):
        start = time.perf_counter()
        batch(centers, hessians, 1.0)
        elapsed = time.perf_counter() - start
        each = 1e6 * elapsed / len(centers)
        print(f"  vectorised {name}, {len(centers)} problems: {each:.2f} us each")


def odds() -> None:
    sample_three_d_odds(np.random.default_rng(1), 100)  # warm the caches and imports
    start = time.perf_counter()
    result = sample_three_d_odds(np.random.default_rng(1), N_ODDS)
    elapsed = time.perf_counter() - start
    print(f"\n3-D odds, {N_ODDS} problems (spread 2, condition to 100, t = 1): {elapsed:.3f} s")
    for ball, shares in (("L1", result.l1), ("L2", result.l2)):
        for piece, share in shares.items():
            low, high = share.interval
            interval = f"[{100 * low:5.1f}, {100 * high:5.1f}]"
            print(f"  {ball} {piece:9s} {100 * share.value:5.1f}%  {interval}")
    for ball, share in result.zero_weights.items():
        print(f"  {ball} weights exactly 0: {100 * share.value:.1f}% of {share.total}")


def payload() -> None:
    loss = _losses(1)[0]
    loss = QuadraticLoss(loss.center * 2.0, loss.hessian)  # outside every ball
    meshes = {
        "octahedron": Octahedron(1.0).mesh,
        "sphere": sphere_mesh(1.0),
        "elastic net": elastic_net_mesh(BALLS["elastic net a=0.5"][0]),
        "double cone": group_lasso_mesh(GroupLassoBall(1.0)),
    }
    for name, (ball, solve) in BALLS.items():
        meshes[f"ellipsoid, {name.split(' (')[0]}"] = level_set_mesh(loss, solve(loss, ball).loss)
    print(f"\nPage meshes at PAGE_SUBDIVISIONS = {PAGE_SUBDIVISIONS} (JSON of rounded lists):")
    for name, mesh in meshes.items():
        size = payload_bytes([mesh])
        counts = f"{len(mesh.vertices):4d} vertices {len(mesh.triangles):5d} triangles"
        print(f"  {name:30s} {counts} {size / 1000:6.1f} KB")
    print(f"  total {payload_bytes(meshes.values()) / 1000:.1f} KB (budget 300 KB)")


if __name__ == "__main__":
    solve_times()
    odds()
    payload()
