"""The How often page's model: the random problems and what the page shows of their solves.

Every result is computed from an ``Ensemble`` (the random problems) and plain
numbers, so a frozen dataclass is the cache key, not a positional tuple. The
arrays returned are read-only: they are shared by every session of the
server (cached here and by the page), and nothing may alter them.

Each piece is cached on its own inputs only, so that a press recomputes only
what that control changes: the problems on the ensemble's controls, each
ball's solves on the ensemble and the budget, the Lp ball's on p, the elastic
net's on its share, the curves on their own. The 100,000 solutions
themselves are kept for a few (ensemble, budget) pairs only: what the page
shows of them (``Landed``: two shares, the near-zero counts of every
tolerance, the scatter's sample) is a few kB and is kept for many.
Memory per entry below is at 100,000 problems, measured with tracemalloc (what an
entry keeps alive).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from geometry import ElasticNetBall, NormBall
from geometry.regions import Region
from geometry.validation import read_only
from lessons.how_often.controls import TOLERANCES
from studies import experiments as ex
from studies.landing import landing_batch
from studies.odds import Share, near_zero
from studies.sampled_boundary import sampled_boundary_solutions

SCATTER_SAMPLE = 1_500
SAMPLED_SOLVER_SAMPLE = 5_000


@dataclass(frozen=True)
class Ensemble:
    """The random problems: how the bowls and centres are drawn, how many, and the seed."""

    setup: str = "random"
    count: int = 100_000
    spread: float = 4.0
    domain: str = "disk"
    max_condition: float = 100.0
    seed: int = 0


@dataclass(frozen=True)
class Landed:
    """What the page shows of one ball's exact solutions (28 kB; the solves are 1.7 MB).

    ``shares``: the share with an exact zero (all centres, centres outside the
    ball); ``near_zero``: the share of solutions with some ``|w_i|`` at or below
    each tolerance of ``TOLERANCES`` (by its slug); ``w`` and ``codes``: the
    first ``SCATTER_SAMPLE`` solutions and their landing codes.
    """

    shares: tuple[Share, Share]
    near_zero: dict[str, Share]
    w: np.ndarray
    codes: np.ndarray


@lru_cache(maxsize=4)  # 4.7 MB per entry (centres 1.6 MB, Hessians 3.2 MB)
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


@lru_cache(maxsize=4)  # 1.7 MB per entry (solutions 1.6 MB, codes 0.1 MB)
def solved(ensemble: Ensemble, budget: float, p: float) -> tuple[np.ndarray, np.ndarray]:
    """Exact solutions and landing codes of every problem under the L1 (p=1) or L2 ball."""
    w, codes = ex.solve_and_classify(problems(ensemble), NormBall(p, budget))
    read_only(w, codes)
    return w, codes


@lru_cache(maxsize=160)  # 28 kB per entry (mostly the scatter's sample)
def landed(ensemble: Ensemble, budget: float, p: float) -> Landed:
    """``Landed`` of the L1 (p=1) or L2 ball's solutions: all the page needs of ``solved``."""
    w, codes = solved(ensemble, budget, p)
    shares = (ex.zero_share(codes, False), ex.zero_share(codes, True))
    near = {slug: Share.of(near_zero(w, float(slug))) for slug in TOLERANCES}
    sample_w, sample_codes = w[:SCATTER_SAMPLE].copy(), codes[:SCATTER_SAMPLE].copy()
    read_only(sample_w, sample_codes)
    return Landed(shares, near, sample_w, sample_codes)


@lru_cache(maxsize=4)  # 0.1 MB per entry (int8 codes)
def codes(ensemble: Ensemble, region: Region) -> np.ndarray:
    """Exact landing codes under any region (p < 1 on the first problems only)."""
    result = ex.region_codes(problems(ensemble), region)
    read_only(result)
    return result


@lru_cache(maxsize=512)  # two Shares, under 1 kB per entry
def region_shares(ensemble: Ensemble, region: Region) -> tuple[Share, Share]:
    """The share with an exact zero under ``region``: all centres, centres outside it."""
    landing = codes(ensemble, region)
    return ex.zero_share(landing, False), ex.zero_share(landing, True)


def odds(ensemble: Ensemble, budget: float, p: float, l1_ratio: float, outside: bool):
    """(region, share with an exact zero) for L1, L2, the Lp ball and the elastic net."""
    side = int(outside)
    rows = [
        (NormBall(1, budget), landed(ensemble, budget, 1.0).shares[side]),
        (NormBall(2, budget), landed(ensemble, budget, 2.0).shares[side]),
    ]
    others = [NormBall(p, budget), ElasticNetBall(budget, l1_ratio)]
    rows += [(region, region_shares(ensemble, region)[side]) for region in others]
    return rows


def tolerance_share(ensemble: Ensemble, budget: float, tolerance: float) -> Share:
    """Share of L2 solutions that a tolerance would call "zero" (every one of them false)."""
    near = landed(ensemble, budget, 2.0).near_zero
    slug = next((slug for slug in near if float(slug) == tolerance), None)
    if slug is not None:
        return near[slug]
    return Share.of(near_zero(solved(ensemble, budget, 2.0)[0], tolerance))


@lru_cache(maxsize=160)  # one Share, 1.6 kB per entry
def sampled_solver_share(ensemble: Ensemble, budget: float) -> Share:
    """Share of "exact zeros" from the best-of-360-boundary-points method on the L2 circle."""
    sample = problems(ensemble).head(SAMPLED_SOLVER_SAMPLE)
    solutions = sampled_boundary_solutions(
        sample.centers, sample.hessians, NormBall(2, budget), 360
    )
    return Share.of(near_zero(solutions, 0.0))


def _curve_region(kind: str, budget: float, l1_ratio: float | None) -> Region:
    if kind == "EN":
        return ElasticNetBall(radius=budget, l1_ratio=l1_ratio)
    return NormBall(p=1 if kind == "L1" else 2, radius=budget)


@lru_cache(maxsize=160)  # 24 Shares, 3 kB per entry
def budget_curve(ensemble: Ensemble, kind: str, l1_ratio: float | None = None) -> tuple:
    """One region's share with an exact zero along the budget grid: (all centres, outside only).

    ``kind`` is "L1", "L2" or "EN" (with ``l1_ratio``). The solves and counts of
    ``studies.experiments.shares_against_budget`` (its sample, its regions), one region
    at a time, both counts at once: the elastic net's share redraws only its own curve,
    and "outside only" solves nothing again.
    """
    sample = problems(ensemble).head(ex.CURVE_SAMPLE)
    everyone, outside = [], []
    for budget in ex.budget_grid(ensemble.spread):
        landing = ex.region_codes(sample, _curve_region(kind, float(budget), l1_ratio))
        everyone.append(ex.zero_share(landing, False))
        outside.append(ex.zero_share(landing, True))
    return everyone, outside


def shares_against_budget(ensemble: Ensemble, l1_ratio: float, outside: bool):
    """The budget grid, and the share with an exact zero at each budget for L1, L2, EN."""
    grid = ex.budget_grid(ensemble.spread)
    side = int(outside)
    curves = {kind: budget_curve(ensemble, kind)[side] for kind in ("L1", "L2")}
    curves["EN"] = budget_curve(ensemble, "EN", l1_ratio)[side]
    return grid, curves


@lru_cache(maxsize=160)  # 20 Shares, 3 kB per entry
def p_shares(ensemble: Ensemble, budget: float) -> tuple[list[Share], list[Share]]:
    """The share with an exact zero at each p of the p grid: (all centres, outside only).

    The solves and counts of ``studies.experiments.shares_against_p``, both counts at once.
    """
    everyone, outside = [], []
    for p in ex.P_GRID:
        sample = problems(ensemble).head(ex.STAR_SAMPLE_PER_P if p < 1.0 else ex.CURVE_SAMPLE)
        landing = landing_batch(sample.centers, sample.hessians, NormBall(p=p, radius=budget))
        everyone.append(ex.zero_share(landing, False))
        outside.append(ex.zero_share(landing, True))
    return everyone, outside


def shares_against_p(ensemble: Ensemble, budget: float, outside: bool) -> list[Share]:
    """The share with an exact zero for each p of the p grid."""
    return p_shares(ensemble, budget)[int(outside)]


def scatter_panels(
    ensemble: Ensemble, budget: float
) -> list[tuple[NormBall, np.ndarray, np.ndarray]]:
    """(ball, solutions, landing codes) of the first problems, on the diamond and on the circle."""
    panels = []
    for p in (1.0, 2.0):
        sample = landed(ensemble, budget, p)
        panels.append((NormBall(p, budget), sample.w, sample.codes))
    return panels


def budget_curves(
    ensemble: Ensemble, l1_ratio: float, outside: bool
) -> tuple[np.ndarray, list[tuple[Region, list[Share]]]]:
    """The budget grid, and (region, shares along it) for L1, L2 and the elastic net."""
    grid, curves = shares_against_budget(ensemble, l1_ratio, outside)
    regions = {"L1": NormBall(1, 1.0), "L2": NormBall(2, 1.0), "EN": ElasticNetBall(1.0, l1_ratio)}
    return grid, [(regions[name], shares) for name, shares in curves.items()]


def p_curve(ensemble: Ensemble, budget: float, outside: bool) -> tuple[list[float], list[Share]]:
    """The p grid, and the share with an exact zero at each p."""
    return list(ex.P_GRID), shares_against_p(ensemble, budget, outside)
