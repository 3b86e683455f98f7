"""The How often page's model: what to solve for its controls.

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
from geometry.validation import read_only
from lessons.how_often.controls import DIMENSION_SAMPLE
from studies import experiments as ex
from studies.catchment import CatchmentShares, catchment_shares
from studies.catchment_map import CatchmentMap
from studies.catchment_map import catchment_map as studies_catchment_map
from studies.ensembles import hessians_from_shape
from studies.landing import landing_batch
from studies.odds import DimensionOdds, Share, near_zero
from studies.sampled_boundary import sampled_boundary_solutions

SCATTER_SAMPLE = 1_500
SAMPLED_SOLVER_SAMPLE = 5_000
SPREAD_MULTIPLES = (2.0, 10.0, 100.0)  # the "usually" sentence's spreads, in budgets


@dataclass(frozen=True)
class Ensemble:
    """The random problems: how the bowls and centres are drawn, how many, and the seed."""

    setup: str = "random"
    count: int = 100_000
    spread: float = 4.0
    domain: str = "disk"
    max_condition: float = 100.0
    seed: int = 0


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
    read_only(drawn.centers, drawn.hessians)
    return drawn


@lru_cache(maxsize=16)
def solved(ensemble: Ensemble, budget: float, p: float) -> tuple[np.ndarray, np.ndarray]:
    """Exact solutions and landing codes of every problem under the L1 (p=1) or L2 ball."""
    w, codes = ex.solve_and_classify(problems(ensemble), NormBall(p, budget))
    read_only(w, codes)
    return w, codes


@lru_cache(maxsize=32)
def codes(ensemble: Ensemble, region: Region) -> np.ndarray:
    """Exact landing codes under any region (p < 1 on the first problems only)."""
    result = ex.region_codes(problems(ensemble), region)
    read_only(result)
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
    read_only(drawn.codes)
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


def scatter_panels(
    ensemble: Ensemble, budget: float
) -> list[tuple[NormBall, np.ndarray, np.ndarray]]:
    """(ball, solutions, landing codes) of the first problems, on the diamond and on the circle."""
    panels = []
    for p in (1.0, 2.0):
        w, landing = solved(ensemble, budget, p)
        sample = slice(0, SCATTER_SAMPLE)
        panels.append((NormBall(p, budget), w[sample], landing[sample]))
    return panels


def budget_curves(
    ensemble: Ensemble, l1_ratio: float, outside: bool
) -> tuple[np.ndarray, list[tuple[Region, list[Share]]]]:
    """The budget grid, and (region, shares along it) for L1, L2 and the elastic net."""
    grid, curves = shares_against_budget(ensemble, l1_ratio, outside)
    regions = {"L1": NormBall(1, 1.0), "L2": NormBall(2, 1.0), "EN": ElasticNetBall(1.0, l1_ratio)}
    return grid, [(regions[name], shares) for name, shares in curves.items()]


def usually_shares(
    condition: float, tilt: float, budget: float, spread: float, domain: str
) -> list[tuple[float, float]]:
    """(spread, the diamond's exact share on an axis) at the page's spread and farther out."""
    diamond = NormBall(1, budget)
    spreads = sorted({spread, *(k * budget for k in SPREAD_MULTIPLES)})
    return [
        (s, exact_catchment_shares(condition, tilt, diamond, s, domain).on_axis) for s in spreads
    ]


def p_curve(ensemble: Ensemble, budget: float, outside: bool) -> tuple[list[float], list[Share]]:
    """The p grid, and the share with an exact zero at each p."""
    return list(ex.P_GRID), shares_against_p(ensemble, budget, outside)


def map_balls(budget: float) -> tuple[NormBall, NormBall]:
    """The two regions the catchment maps compare: the diamond and the circle."""
    return NormBall(1, budget), NormBall(2, budget)
