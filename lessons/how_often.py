"""The How often page's model: its controls, and what to solve for them.

Every result is computed from an ``Ensemble`` (the random problems) and plain
numbers, so a frozen dataclass is the cache key, not a positional tuple. The
arrays returned are read-only: they are shared by every session of the
server (cached here and by the page), and nothing may alter them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from geometry import ElasticNetBall, NormBall
from geometry.regions import Region
from lessons.controls import Slider
from studies import experiments as ex
from studies.catchment import CatchmentShares, catchment_shares
from studies.catchment_map import CatchmentMap
from studies.catchment_map import catchment_map as studies_catchment_map
from studies.ensembles import hessians_from_shape
from studies.landing import landing_batch
from studies.odds import DimensionOdds, Share, near_zero
from studies.sampled_boundary import sampled_boundary_solutions

SETUP_NAMES = {
    "random": "Random bowls",
    "published": "Published a, b, c",
    "symmetric": "Symmetric bowls",
}
COUNTS = {"1000": "1,000", "10000": "10,000", "100000": "100,000"}
CONDITIONS = {"1": "1 (round)", "10": "10", "100": "100", "1000": "1000"}
TOLERANCES = {"0": "exact (== 0.0)", "1e-9": "1e-9", "1e-6": "1e-6", "1e-3": "1e-3", "0.01": "0.01"}
DOMAINS = {"disk": "Disc", "square": "Square"}
SCATTER_SAMPLE = 1_500
SAMPLED_SOLVER_SAMPLE = 5_000
DIMENSION_SAMPLE = 200
# The published simulation (see the page's citation): centres U(-10, 10)^2,
# budget 2, centres inside the region rejected.
PUBLISHED_SETUP = {
    "setup": "published",
    "spread": 10.0,
    "domain": "square",
    "t": 2.0,
    "outside": True,
}

SPREAD = Slider(
    "spread",
    "Centre spread",
    0.5,
    10.0,
    0.5,
    4.0,
    "How far from 0 the loss centres are drawn.",
    "%.1f",
)
BUDGET = Slider("t", "Budget t", 0.25, 5.0, 0.25, 1.0, "The size of each region.")
LP_EXPONENT = Slider(
    "p",
    "p of the Lp ball",
    0.3,
    3.0,
    0.1,
    0.5,
    "p < 1: a star with sharper corners; p > 1: a round ball.",
    "%.1f",
)
EN_SHARE = Slider(
    "en_a", "Elastic net's L1 share α", 0.1, 0.9, 0.1, 0.5, "α‖w‖₁ + (1 − α)‖w‖₂² ≤ t", "%.1f"
)
MAP_CONDITION = Slider(
    "map_cond", "Map: condition number", 1.0, 50.0, 1.0, 6.0, "How elongated the bowl is.", "%.0f"
)
MAP_TILT = Slider(
    "map_angle", "Map: tilt (degrees)", 0.0, 180.0, 5.0, 30.0, "Direction of the long axis.", "%.0f"
)
DIMENSION = Slider(
    "dim",
    "Number of weights n",
    2,
    50,
    1,
    10,
    f"Random n-dimensional bowls, {DIMENSION_SAMPLE} problems.",
    "%.0f",
)


@dataclass(frozen=True)
class Ensemble:
    """The random problems: how the bowls and centres are drawn, how many, and the seed."""

    setup: str = "random"
    count: int = 100_000
    spread: float = 4.0
    domain: str = "disk"
    max_condition: float = 100.0
    seed: int = 0


def _frozen(*arrays: np.ndarray) -> None:
    for array in arrays:
        array.setflags(write=False)


@lru_cache(maxsize=8)
def problems(ensemble: Ensemble) -> ex.Problems:
    """The ensemble's problems, drawn once."""
    drawn = ex.draw_problems(
        ensemble.setup,
        ensemble.count,
        ensemble.spread,
        ensemble.domain,
        ensemble.max_condition,
        ensemble.seed,
    )
    _frozen(drawn.centers, drawn.hessians)
    return drawn


@lru_cache(maxsize=16)
def solved(ensemble: Ensemble, budget: float, p: float) -> tuple[np.ndarray, np.ndarray]:
    """Exact solutions and landing codes of every problem under the L1 (p=1) or L2 ball."""
    w, codes = ex.solve_and_classify(problems(ensemble), NormBall(p, budget))
    _frozen(w, codes)
    return w, codes


@lru_cache(maxsize=32)
def codes(ensemble: Ensemble, region: Region) -> np.ndarray:
    """Exact landing codes under any region (p < 1 on the first problems only)."""
    result = ex.region_codes(problems(ensemble), region)
    _frozen(result)
    return result


def odds(ensemble: Ensemble, budget: float, p: float, l1_ratio: float, outside: bool):
    """(region, share with an exact zero) for L1, L2, the Lp ball and the elastic net."""
    regions = [
        NormBall(1, budget),
        NormBall(2, budget),
        NormBall(p, budget),
        ElasticNetBall(budget, l1_ratio),
    ]
    rows = [
        (regions[0], ex.zero_share(solved(ensemble, budget, 1.0)[1], outside)),
        (regions[1], ex.zero_share(solved(ensemble, budget, 2.0)[1], outside)),
    ]
    rows += [(region, ex.zero_share(codes(ensemble, region), outside)) for region in regions[2:]]
    return rows


def tolerance_share(ensemble: Ensemble, budget: float, tolerance: float) -> Share:
    """Share of L2 solutions that a tolerance would call "zero" (every one of them false)."""
    return Share.of(near_zero(solved(ensemble, budget, 2.0)[0], tolerance))


@lru_cache(maxsize=16)
def sampled_solver_share(ensemble: Ensemble, budget: float) -> Share:
    """Share of "exact zeros" from the best-of-360-boundary-points method on the L2 circle."""
    sample = problems(ensemble).head(SAMPLED_SOLVER_SAMPLE)
    solutions = sampled_boundary_solutions(
        sample.centers, sample.hessians, NormBall(2, budget), 360
    )
    return Share.of(near_zero(solutions, 0.0))


@lru_cache(maxsize=16)
def shares_against_budget(ensemble: Ensemble, l1_ratio: float, outside: bool):
    """The budget grid, and the share with an exact zero at each budget for L1, L2, EN."""
    grid = ex.budget_grid(ensemble.spread)
    return grid, ex.shares_against_budget(problems(ensemble), grid, l1_ratio, outside)


@lru_cache(maxsize=16)
def shares_against_p(ensemble: Ensemble, budget: float, outside: bool) -> list[Share]:
    """The share with an exact zero for each p of the p grid."""
    return ex.shares_against_p(problems(ensemble), budget, outside)


def map_bowl(condition: float, tilt: float) -> np.ndarray:
    """The catchment map's one Hessian."""
    return hessians_from_shape(np.array([condition]), np.array([tilt]))[0]


@lru_cache(maxsize=16)
def catchment_map(
    condition: float, tilt: float, ball: NormBall, spread: float, domain: str
) -> CatchmentMap:
    """The catchment map of one bowl and ball over the domain the centres come from."""
    drawn = studies_catchment_map(map_bowl(condition, tilt), ball, domain, spread)
    _frozen(drawn.codes)
    return drawn


@lru_cache(maxsize=16)
def exact_catchment_shares(
    condition: float, tilt: float, ball: NormBall, spread: float, domain: str
) -> CatchmentShares:
    """Exact shares of the domain landing on an axis and inside, from the wedges' areas."""
    return catchment_shares(map_bowl(condition, tilt), ball, domain, spread)


@lru_cache(maxsize=16)
def catchment_check(ensemble: Ensemble, ball: NormBall, condition: float, tilt: float) -> Share:
    """Monte-Carlo share landing on an axis: the drawn centres, every one with the map's bowl."""
    result = landing_batch(problems(ensemble).centers, map_bowl(condition, tilt), ball)
    return ex.zero_share(result, False)


@lru_cache(maxsize=16)
def dimension_odds(dim: int, spread: float, max_condition: float, budget: float) -> DimensionOdds:
    """Random n-D problems, solved exactly: zero shares per coordinate and per solution."""
    return ex.dimension_experiment(dim, DIMENSION_SAMPLE, spread, max_condition, budget, 0)
