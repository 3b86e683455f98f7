"""The one-weight lesson's numbers: penalties and slopes, the 1-D problem, shrinkage, posteriors.

Everything the One weight figures draw, computed here from the exact
closed forms of ``solvers.shrinkage`` and ``solvers.bayes`` on fixed grids,
so that the figures only draw. The penalties are ``lam R(w)`` with

    R(w) = |w| (lasso),  w^2 (ridge),  alpha |w| + (1 - alpha) w^2 (elastic net),

and the one-weight problem is ``0.5 (w - a)^2 + lam R(w)`` (ESL, table 3.4).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from solvers.bayes import (
    gaussian_prior_density,
    laplace_map,
    laplace_posterior_density,
    laplace_posterior_mean,
    laplace_prior_density,
)
from solvers.shrinkage import (
    elastic_net_shrink,
    hard_threshold,
    one_weight_solution,
    penalty_value,
    ridge_shrink,
    soft_threshold,
)

__all__ = [
    "BIG_L2",
    "PENALTIES",
    "SMALL_L1",
    "SPAN",
    "ManyWeights",
    "OneWeightProblem",
    "PenaltyCurves",
    "Posterior",
    "ShrinkageCurves",
    "l1_share",
    "l2_smaller_below",
    "laplace_posterior",
    "many_weights",
    "one_weight_problem",
    "penalty_curves",
    "shrinkage_curves",
]

SPAN = 3.0  # w and a run over [-SPAN, SPAN]
_POINTS = 601
PENALTIES = ("l1", "l2", "elasticnet")


def _grid(*extra: float) -> np.ndarray:
    """The w grid, with the points where a curve has a kink or a jump added exactly."""
    return np.union1d(np.linspace(-SPAN, SPAN, _POINTS), np.asarray(extra, dtype=float))


def l1_share(penalty: str, l1_ratio: float) -> float:
    """The L1 share alpha of a penalty: 1 for the lasso, 0 for ridge, ``l1_ratio`` otherwise."""
    return {"l1": 1.0, "l2": 0.0}.get(penalty, float(l1_ratio))


@dataclass(frozen=True)
class PenaltyCurves:
    """The three penalties along w and their slopes (subgradients).

    ``slopes[p]`` is an ``(x, y)`` pair; where a penalty has a kink at 0 the
    pair holds the vertical segment from ``-jump`` to ``+jump`` at ``x = 0``,
    the subgradient interval, instead of a steep line.
    """

    lam: float
    l1_ratio: float
    w: np.ndarray
    values: dict[str, np.ndarray]
    slopes: dict[str, tuple[np.ndarray, np.ndarray]]


def penalty_curves(lam: float, l1_ratio: float) -> PenaltyCurves:
    """Penalty values and slopes of lasso, ridge and elastic net (L1 share ``l1_ratio``)."""
    w = np.linspace(-SPAN, SPAN, _POINTS)
    left, right = w[w < 0], w[w > 0]
    values, slopes = {}, {}
    for penalty in PENALTIES:
        alpha = l1_share(penalty, l1_ratio)
        values[penalty] = penalty_value(w, lam, penalty, l1_ratio)

        def slope(x: np.ndarray, alpha: float = alpha) -> np.ndarray:
            return lam * (alpha * np.sign(x) + 2.0 * (1.0 - alpha) * x)

        jump = alpha * lam
        if jump > 0.0:
            x = np.concatenate([left, [0.0, 0.0], right])
            y = np.concatenate([slope(left), [-jump, jump], slope(right)])
        else:
            x, y = w, slope(w)
        slopes[penalty] = (x, y)
    return PenaltyCurves(float(lam), float(l1_ratio), w, values, slopes)


@dataclass(frozen=True)
class OneWeightProblem:
    """``0.5 (w - a)^2 + lam R(w)`` along w, its exact minimiser, and its dead zone.

    ``dead_zone`` is the half-width ``lam alpha`` of the set of data ``a`` whose
    minimiser is exactly 0 (0 for ridge: only a = 0 gives w* = 0).
    """

    a: float
    lam: float
    penalty: str
    w: np.ndarray
    data: np.ndarray
    penalty_values: np.ndarray
    minimiser: float
    minimum: float
    dead_zone: float


def one_weight_problem(
    a: float, lam: float, penalty: str, l1_ratio: float = 0.5
) -> OneWeightProblem:
    """The one-weight problem for data ``a`` and penalty ``lam R(w)``, solved in closed form."""
    w = _grid(0.0)
    best = float(one_weight_solution(a, lam, penalty, l1_ratio))
    minimum = 0.5 * (best - a) ** 2 + float(penalty_value(best, lam, penalty, l1_ratio))
    return OneWeightProblem(
        a=float(a),
        lam=float(lam),
        penalty=penalty,
        w=w,
        data=0.5 * (w - a) ** 2,
        penalty_values=penalty_value(w, lam, penalty, l1_ratio),
        minimiser=best,
        minimum=minimum,
        dead_zone=float(lam) * l1_share(penalty, l1_ratio),
    )


@dataclass(frozen=True)
class ShrinkageCurves:
    """The shrinkage operators w*(a) of ESL's table 3.4 on one grid of a.

    ``estimates`` holds "l1" (soft threshold), "l2" (ridge) and "elasticnet";
    best subset (``hard_a``, ``hard_w``) jumps at ``threshold = sqrt(2 lam)``,
    where ``hard_a`` is NaN so that the jump is not drawn as a line. ``pull``
    is the data's a of the page and ``lasso_at_pull`` its lasso estimate.
    """

    pull: float
    lasso_at_pull: float
    lam: float
    l1_ratio: float
    a: np.ndarray
    estimates: dict[str, np.ndarray]
    hard_a: np.ndarray
    hard_w: np.ndarray
    threshold: float


def shrinkage_curves(a: float, lam: float, l1_ratio: float) -> ShrinkageCurves:
    """Soft and hard thresholding, ridge and the elastic net, exactly, on a grid of a.

    Parameters
    ----------
    a : float
        The data's pull to mark.
    lam : float
        The penalty weight, >= 0.
    l1_ratio : float
        The elastic net's L1 share alpha in [0, 1].
    """
    grid = _grid(-lam, lam, -lam * l1_ratio, lam * l1_ratio)
    threshold = float(np.sqrt(2.0 * lam))
    hard = _grid(-lam, lam, -threshold, threshold)
    return ShrinkageCurves(
        pull=float(a),
        lasso_at_pull=float(soft_threshold(a, lam)),
        lam=float(lam),
        l1_ratio=float(l1_ratio),
        a=grid,
        estimates={
            "l1": soft_threshold(grid, lam),
            "l2": ridge_shrink(grid, lam),
            "elasticnet": elastic_net_shrink(grid, lam, l1_ratio),
        },
        hard_a=np.where(np.abs(hard) == threshold, np.nan, hard),
        hard_w=hard_threshold(hard, lam),
        threshold=threshold,
    )


@dataclass(frozen=True)
class ManyWeights:
    """Coefficients of an orthonormal design: OLS and each penalty's estimate, and zero counts.

    ``lams`` are the penalty weights where some count changes (and the ends);
    ``zero_counts[p][k]`` is the number of exact zeros of penalty ``p`` at
    ``lams[k]``, constant until ``lams[k + 1]``.
    """

    ols: np.ndarray
    lam: float
    l1_ratio: float
    estimates: dict[str, np.ndarray]
    lams: np.ndarray
    zero_counts: dict[str, np.ndarray]


def _estimates(ols: np.ndarray, lam: float, l1_ratio: float) -> dict[str, np.ndarray]:
    return {penalty: one_weight_solution(ols, lam, penalty, l1_ratio) for penalty in PENALTIES}


def many_weights(ols: np.ndarray, lam: float, l1_ratio: float) -> ManyWeights:
    """Each coefficient shrunk on its own, and the exact-zero counts as step functions of lam."""
    ols = np.asarray(ols, dtype=float)
    # The counts change only where lam crosses |ols_i| (lasso) or |ols_i| / alpha
    # (elastic net): evaluating there, drawn as "hv" steps, is exact.
    end = 1.2 * float(np.abs(ols).max()) + 0.1
    breaks = np.abs(ols)
    if l1_ratio > 0:
        breaks = np.concatenate([breaks, np.abs(ols) / l1_ratio])
    lams = np.union1d([0.0, end], breaks[breaks <= end])
    steps = [_estimates(ols, x, l1_ratio) for x in lams]
    counts = {p: np.array([int(np.count_nonzero(s[p] == 0.0)) for s in steps]) for p in PENALTIES}
    return ManyWeights(
        ols, float(lam), float(l1_ratio), _estimates(ols, lam, l1_ratio), lams, counts
    )


@dataclass(frozen=True)
class Posterior:
    """Priors and the Laplace-prior posterior of one weight given data a ~ N(w, 1)."""

    a: float
    lam: float
    w: np.ndarray
    laplace_prior: np.ndarray
    gaussian_prior: np.ndarray
    posterior: np.ndarray
    mode: float
    mean: float


def laplace_posterior(a: float, lam: float) -> Posterior:
    """The posterior under the Laplace prior, its mode (the lasso) and its mean (by quadrature)."""
    w = _grid(0.0)
    return Posterior(
        a=float(a),
        lam=float(lam),
        w=w,
        laplace_prior=laplace_prior_density(w, lam),
        gaussian_prior=gaussian_prior_density(w, lam),
        posterior=laplace_posterior_density(w, a, lam),
        mode=laplace_map(a, lam),
        mean=laplace_posterior_mean(a, lam),
    )


# --- size is not the reason: 1000 w^2 against 0.001 |w| ---------------------------------

BIG_L2 = 1000.0  # the L2 penalty 1000 w^2 ...
SMALL_L1 = 0.001  # ... against the L1 penalty 0.001 |w|


def l2_smaller_below(l2_weight: float = BIG_L2, l1_weight: float = SMALL_L1) -> float:
    """Where ``l2_weight w^2`` and ``l1_weight |w|`` cross: below it the quadratic is smaller.

    Parameters
    ----------
    l2_weight, l1_weight : float
        The weights of the two penalties, both positive.

    Returns
    -------
    float
        The crossing ``|w| = l1_weight / l2_weight``.
    """
    if not (l2_weight > 0.0 and l1_weight > 0.0):
        raise ValueError("both penalty weights must be positive")
    return l1_weight / l2_weight
