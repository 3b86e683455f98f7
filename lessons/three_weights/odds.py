"""Three weights, how often: the 3-D odds and the share of zeros against n, computed once.

Every count comes from the exact solvers of ``studies.three_d`` on one fixed
ensemble (the same for every visitor); the sentences of ``lessons.three_weights.words``
quote those counts.
"""

from __future__ import annotations

from contextlib import nullcontext

import numpy as np

from lessons.computed_once import computed_once
from studies.odds import DimensionOdds, Share
from studies.three_d import ThreeDOdds, sample_three_d_odds, zeros_against_dimension

try:  # installed with scikit-learn (tests), not a runtime dependency: optional
    from threadpoolctl import threadpool_limits
except ImportError:  # pragma: no cover - the app then runs with BLAS's own threads
    threadpool_limits = None

__all__ = [
    "BUDGET_PER_WEIGHT",
    "DIMENSIONS",
    "DIMENSION_COUNTS",
    "ODDS_BUDGET",
    "ODDS_COUNT",
    "ODDS_MAX_CONDITION",
    "ODDS_SEED",
    "ODDS_SPREAD",
    "three_d_odds",
    "vertex_or_edge_share",
    "zero_weight_shares",
    "zeros_by_dimension",
]

# --- how often, in 3-D and beyond --------------------------------------------------------
ODDS_COUNT = 20_000
ODDS_SEED = 3
ODDS_SPREAD = 2.0
ODDS_MAX_CONDITION = 100.0
ODDS_BUDGET = 1.0
# n = 2..50: 100 problems each up to n = 10, then 40 (still >= 440 weights per n). Each n
# draws from its own stream (seed, n), so splitting the range changes no problem.
DIMENSION_COUNTS = ((range(2, 11), 100), (range(11, 51), 40))
DIMENSIONS = range(2, 51)


@computed_once
def three_d_odds() -> ThreeDOdds:
    """Where the optima of ``ODDS_COUNT`` random 3-D problems land (the same for every visitor).

    Centres uniform in [-2, 2]³, random bowls with condition numbers up to 100, t = 1.
    """
    rng = np.random.default_rng(ODDS_SEED)
    return sample_three_d_odds(rng, ODDS_COUNT, ODDS_SPREAD, ODDS_MAX_CONDITION, ODDS_BUDGET)


# The budget scaled with the signal: t = n / 4, a quarter of the centres' expected
# |c|_1 = n spread / 2 (spread 2). At fixed t = 1 the budget shrinks relative to the
# signal as n grows, which by itself makes more zeros; scaled, what is left is geometry.
BUDGET_PER_WEIGHT = 0.25


def zeros_by_dimension(scaled: bool = False) -> tuple[DimensionOdds, ...]:
    """Share of exact zeros for n = 2..50 weights at t = 1, or (``scaled``) at t = n / 4."""
    return _zeros_by_dimension(bool(scaled))  # one cache entry per budget, however called


@computed_once
def _zeros_by_dimension(scaled: bool) -> tuple[DimensionOdds, ...]:
    """Share of exact zeros for n = 2..50 weights, the same for every visitor: computed once.

    ``scaled``: the budget ``t = n BUDGET_PER_WEIGHT`` instead of ``ODDS_BUDGET``,
    on the same problems. Thousands of small (n <= 50) solves: BLAS threads only
    contend for the cores there (measured: twice as slow on two busy cores), so
    they are held to one.
    """
    per_weight = BUDGET_PER_WEIGHT if scaled else None
    limit = threadpool_limits(1) if threadpool_limits is not None else nullcontext()
    with limit:
        return tuple(
            odds
            for dims, count in DIMENSION_COUNTS
            for odds in zeros_against_dimension(
                dims,
                count,
                ODDS_SPREAD,
                ODDS_MAX_CONDITION,
                ODDS_BUDGET,
                radius_per_weight=per_weight,
            )
        )


zeros_by_dimension.cache_clear = _zeros_by_dimension.cache_clear  # type: ignore[attr-defined]


def zero_weight_shares(odds: tuple[DimensionOdds, ...], name: str) -> list[Share]:
    """The share of weights exactly zero at each dimension, for "L1" or "L2"."""
    return [entry.zero_coordinates[name] for entry in odds]


def vertex_or_edge_share() -> Share:
    """The share of the page's random 3-D problems whose L1 optimum has a zero weight."""
    pieces = three_d_odds().l1
    return Share(pieces["vertex"].hits + pieces["edge"].hits, pieces["vertex"].total)
