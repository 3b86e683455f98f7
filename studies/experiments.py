"""The How often page's experiments, as plain functions of plain numbers (cacheable, testable).

Each function draws or takes random problems, solves them exactly and
summarises where the optima land. The page wraps them in Streamlit's caches;
the benchmarks time them directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from geometry import ElasticNetBall, NormBall
from geometry.regions import Region
from solvers.batch import solve_constrained_batch
from studies.ensembles import (
    Domain,
    sample_centers,
    sample_hessians,
    sample_problems_nd,
    sample_published_hessians,
)
from studies.landing import INSIDE, classify_solutions, landing_batch, on_axis
from studies.odds import DimensionOdds, Share, dimension_odds

__all__ = [
    "CURVE_SAMPLE",
    "P_GRID",
    "SETUPS",
    "STAR_SAMPLE",
    "STAR_SAMPLE_PER_P",
    "Problems",
    "Setup",
    "budget_grid",
    "catchment_grid",
    "dimension_experiment",
    "draw_problems",
    "map_half_width",
    "region_codes",
    "shares_against_budget",
    "shares_against_p",
    "solve_and_classify",
    "zero_share",
]

Setup = Literal["random", "published", "symmetric"]
SETUPS: tuple[Setup, ...] = ("random", "published", "symmetric")

# p < 1 is solved along the star's boundary (a 1,200-point bracketing grid on
# eight arcs, about 0.2 ms a problem even in a batch), so its share uses a sample.
STAR_SAMPLE = 500
CURVE_SAMPLE = 20_000
P_GRID = (0.3, 0.5, 0.7, 0.9, 1.0, 1.25, 1.5, 2.0, 3.0, 6.0)
STAR_SAMPLE_PER_P = 200


@dataclass(frozen=True)
class Problems:
    """A set of random 2-D problems: centres (N, 2) and Hessians (N, 2, 2)."""

    centers: np.ndarray
    hessians: np.ndarray

    def head(self, count: int) -> Problems:
        """The first ``count`` problems (they are independent draws, so a fair sample)."""
        return Problems(self.centers[:count], self.hessians[:count])


def draw_problems(
    setup: Setup, count: int, spread: float, domain: Domain, max_condition: float, seed: int
) -> Problems:
    """Draw ``count`` problems: centres from the domain, bowls by ``setup``.

    ``"random"``: condition number log-uniform in ``[1, max_condition]``, any
    orientation. ``"published"``: ``a (w1 - c1)^2 + b (w2 - c2)^2 + c (w1 - c1)(w2 - c2)``
    with ``a, b ~ U(0, 10)``, ``c ~ U(-2, 2)``, convex draws only.
    ``"symmetric"``: the same with ``b = a``, ``c = 0``.
    """
    if setup not in SETUPS:
        raise ValueError(f"setup must be one of {SETUPS}, got {setup!r}")
    rng = np.random.default_rng(seed)
    centers = sample_centers(rng, count, spread, domain)
    if setup == "random":
        hessians = sample_hessians(rng, count, max_condition)
    else:
        hessians = sample_published_hessians(rng, count, symmetric=setup == "symmetric")
    return Problems(centers, hessians)


def zero_share(codes: np.ndarray, outside_only: bool) -> Share:
    """Share of problems with an exact zero; among centres outside the region if asked.

    Counting only centres outside the region is the published setups'
    rejection of centres inside it: those problems need no constraint at all.
    """
    if outside_only:
        codes = codes[codes != INSIDE]
    return Share.of(on_axis(codes))


def region_codes(problems: Problems, region: Region) -> np.ndarray:
    """Exact landing codes; for the p < 1 star on the first ``STAR_SAMPLE`` problems only."""
    if isinstance(region, NormBall) and region.p < 1.0:
        problems = problems.head(STAR_SAMPLE)
    return landing_batch(problems.centers, problems.hessians, region)


def solve_and_classify(problems: Problems, ball: NormBall) -> tuple[np.ndarray, np.ndarray]:
    """Exact solutions (N, 2) of every problem under an L1 or L2 ball, and their landing codes."""
    solutions = solve_constrained_batch(problems.centers, problems.hessians, ball)
    return solutions, classify_solutions(problems.centers, solutions, ball)


def shares_against_budget(
    problems: Problems, budgets: np.ndarray, l1_ratio: float, outside_only: bool
) -> dict[str, list[Share]]:
    """Share with an exact zero at each budget, for L1, L2 and the elastic net (a = l1_ratio)."""
    sample = problems.head(CURVE_SAMPLE)
    curves: dict[str, list[Share]] = {"L1": [], "L2": [], "EN": []}
    for budget in budgets:
        t = float(budget)
        for name, region in (
            ("L1", NormBall(p=1, radius=t)),
            ("L2", NormBall(p=2, radius=t)),
            ("EN", ElasticNetBall(radius=t, l1_ratio=l1_ratio)),
        ):
            curves[name].append(zero_share(region_codes(sample, region), outside_only))
    return curves


def shares_against_p(problems: Problems, radius: float, outside_only: bool) -> list[Share]:
    """Share with an exact zero for each p of ``P_GRID`` (p < 1 on a smaller sample)."""
    shares = []
    for p in P_GRID:
        sample = problems.head(STAR_SAMPLE_PER_P if p < 1.0 else CURVE_SAMPLE)
        codes = landing_batch(sample.centers, sample.hessians, NormBall(p=p, radius=radius))
        shares.append(zero_share(codes, outside_only))
    return shares


def map_half_width(region_extent: float, spread: float) -> float:
    """Half-width of the catchment map: the drawn centres and the region, with a margin."""
    return 1.05 * max(spread, 1.3 * region_extent)


def catchment_grid(
    hessian: np.ndarray, region: Region, half_width: float, resolution: int = 400
) -> np.ndarray:
    """Landing code of the centre of every cell of a grid over ``[-hw, hw]^2``, top row first.

    Returns
    -------
    ndarray of int8, shape (resolution, resolution)
    """
    step = 2.0 * half_width / resolution
    coordinates = -half_width + step * (np.arange(resolution) + 0.5)
    x, y = np.meshgrid(coordinates, coordinates[::-1])
    centers = np.stack([x.ravel(), y.ravel()], axis=1)
    codes = landing_batch(centers, hessian, region)
    return codes.reshape(resolution, resolution)


def dimension_experiment(
    dim: int, count: int, spread: float, max_condition: float, radius: float, seed: int
) -> DimensionOdds:
    """Random n-D problems (centres uniform in the cube of ``spread``), solved exactly."""
    rng = np.random.default_rng(seed)
    centers, hessians = sample_problems_nd(rng, count, dim, spread, max_condition)
    return dimension_odds(centers, hessians, radius)


def budget_grid(spread: float) -> np.ndarray:
    """Budgets from small to beyond most centres, for the curve against t."""
    return np.linspace(0.1, max(1.0, 1.2 * spread), 12)
