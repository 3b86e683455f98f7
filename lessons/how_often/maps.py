"""The How often page's map and n-D pieces: the catchment map of one bowl, and n weights.

Each piece is cached on its own controls: the map on the map's bowl, the
ball (the budget) and the domain of the centres; the Monte-Carlo check on
the ensemble too; the n-D odds on n, the spread, the largest condition
number and the budget. None depends on p, the elastic net's share or the
tolerance. Memory per entry is stated beside each cache.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from geometry import NormBall
from geometry.validation import read_only
from lessons.how_often.controls import DIMENSION_SAMPLE
from lessons.how_often.model import Ensemble, problems
from studies import experiments as ex
from studies.catchment import CatchmentShares, catchment_shares
from studies.catchment_map import CatchmentMap
from studies.catchment_map import catchment_map as studies_catchment_map
from studies.ensembles import hessians_from_shape
from studies.landing import landing_batch
from studies.odds import DimensionOdds, Share

SPREAD_MULTIPLES = (2.0, 10.0, 100.0)  # the "usually" sentence's spreads, in budgets


def map_bowl(condition: float, tilt: float) -> np.ndarray:
    """The catchment map's one Hessian."""
    return hessians_from_shape(np.array([condition]), np.array([tilt]))[0]


@lru_cache(maxsize=8)  # 160 kB per entry (400 x 400 int8 codes); the page keeps the figures
def catchment_map(
    condition: float, tilt: float, ball: NormBall, spread: float, domain: str
) -> CatchmentMap:
    """The catchment map of one bowl and ball over the domain the centres come from."""
    drawn = studies_catchment_map(map_bowl(condition, tilt), ball, domain, spread)
    read_only(drawn.codes)
    return drawn


@lru_cache(maxsize=1024)  # a few numbers, 0.7 kB per entry
def exact_catchment_shares(
    condition: float, tilt: float, ball: NormBall, spread: float, domain: str
) -> CatchmentShares:
    """Exact shares of the domain landing on an axis and inside, from the wedges' areas."""
    return catchment_shares(map_bowl(condition, tilt), ball, domain, spread)


@lru_cache(maxsize=512)  # one Share, 0.4 kB per entry
def catchment_check(ensemble: Ensemble, ball: NormBall, condition: float, tilt: float) -> Share:
    """Monte-Carlo share landing on an axis: the drawn centres, every one with the map's bowl."""
    result = landing_batch(problems(ensemble).centers, map_bowl(condition, tilt), ball)
    return ex.zero_share(result, False)


@lru_cache(maxsize=256)  # DIMENSION_SAMPLE counts and shares, 5.6 kB per entry
def dimension_odds(dim: int, spread: float, max_condition: float, budget: float) -> DimensionOdds:
    """Random n-D problems, solved exactly: zero shares per coordinate and per solution."""
    return ex.dimension_experiment(dim, DIMENSION_SAMPLE, spread, max_condition, budget, 0)


def usually_shares(
    condition: float, tilt: float, budget: float, spread: float, domain: str
) -> list[tuple[float, float]]:
    """(spread, the diamond's exact share on an axis) at the page's spread and farther out."""
    diamond = NormBall(1, budget)
    spreads = sorted({spread, *(k * budget for k in SPREAD_MULTIPLES)})
    return [
        (s, exact_catchment_shares(condition, tilt, diamond, s, domain).on_axis) for s in spreads
    ]


def map_balls(budget: float) -> tuple[NormBall, NormBall]:
    """The two regions the catchment maps compare: the diamond and the circle."""
    return NormBall(1, budget), NormBall(2, budget)
