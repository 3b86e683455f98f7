"""The Bayesian reading of the one-weight problem: MAP estimates and posterior means.

With a Gaussian likelihood ``a | w ~ N(w, 1)`` the data term is
``0.5 (w - a)^2`` (up to a constant), and a penalty is a prior's negative log
density: ``lam |w|`` is the Laplace prior ``(lam / 2) exp(-lam |w|)``,
``lam w^2`` the Gaussian prior ``N(0, 1 / (2 lam))``. Regularisation computes the
posterior's *mode* (MAP): for the Laplace prior the soft threshold, exactly 0
on the dead zone. The posterior *mean* under the same prior is a weighted
average of a density that is positive on both sides of 0, so it is never 0
unless ``a = 0``: sparsity is a property of the estimator, not of the prior.

The posterior mean is computed here by numerical integration
(``scipy.integrate.quad``, with the kink at 0 and the bulk of the mass given
as break points); the tests check it against the closed form in terms of the
normal CDF (a mixture of two truncated normals).
"""

from __future__ import annotations

import itertools
import math

import numpy as np
from scipy.integrate import quad

from solvers.shrinkage import penalty_weight, ridge_shrink, soft_threshold

__all__ = [
    "gaussian_map",
    "gaussian_prior_density",
    "laplace_map",
    "laplace_posterior_density",
    "laplace_posterior_mean",
    "laplace_prior_density",
]


def _log_posterior_kernel(w: np.ndarray | float, a: float, lam: float):
    """``-0.5 (w - a)^2 - lam |w|`` (the Laplace-prior posterior, unnormalised, in logs)."""
    return -0.5 * (w - a) ** 2 - lam * np.abs(w)


def laplace_posterior_density(w: np.ndarray, a: float, lam: float) -> np.ndarray:
    """The posterior density of w given a under the Laplace prior, normalised numerically."""
    a, lam = float(a), penalty_weight(lam)
    shift = _log_posterior_kernel(_mode(a, lam), a, lam)  # keeps exp() in range
    normaliser = _integrate(lambda x: math.exp(_log_posterior_kernel(x, a, lam) - shift), a, lam)
    return np.exp(_log_posterior_kernel(np.asarray(w, dtype=float), a, lam) - shift) / normaliser


def laplace_posterior_mean(a: float, lam: float) -> float:
    """``E[w | a]`` under the Laplace prior ``exp(-lam |w|)``, by numerical integration."""
    a, lam = float(a), penalty_weight(lam)
    if not math.isfinite(a):
        raise ValueError(f"a must be finite, got {a}")
    shift = _log_posterior_kernel(_mode(a, lam), a, lam)

    def density(x: float) -> float:
        return math.exp(_log_posterior_kernel(x, a, lam) - shift)

    return _integrate(lambda x: x * density(x), a, lam) / _integrate(density, a, lam)


def laplace_map(a: float, lam: float) -> float:
    """The posterior mode under the Laplace prior: the lasso's soft threshold."""
    return float(soft_threshold(a, lam))


def gaussian_map(a: float, lam: float) -> float:
    """The posterior mode (and mean) under the Gaussian prior: ridge's ``a / (1 + 2 lam)``."""
    return float(ridge_shrink(a, lam))


def laplace_prior_density(w: np.ndarray, lam: float) -> np.ndarray:
    """``(lam / 2) exp(-lam |w|)``."""
    lam = penalty_weight(lam)
    return 0.5 * lam * np.exp(-lam * np.abs(np.asarray(w, dtype=float)))


def gaussian_prior_density(w: np.ndarray, lam: float) -> np.ndarray:
    """The N(0, 1 / (2 lam)) density, whose negative log is ``lam w^2`` + const."""
    lam = penalty_weight(lam)
    w = np.asarray(w, dtype=float)
    return np.sqrt(lam / math.pi) * np.exp(-lam * w * w)


def _mode(a: float, lam: float) -> float:
    return float(soft_threshold(a, lam))


def _integrate(function, a: float, lam: float) -> float:
    """Integral over the real line, split at the kink (0) and around the posterior's bulk."""
    centre = a - math.copysign(lam, a) if abs(a) > lam else 0.0
    points = sorted(
        {0.0, centre - 12.0, centre + 12.0, min(0.0, centre) - 12.0, max(0.0, centre) + 12.0}
    )
    total = 0.0
    for low, high in itertools.pairwise(points):
        total += quad(function, low, high, epsabs=0.0, epsrel=1e-13, limit=200)[0]
    # Beyond 12 standard deviations of the Gaussian factor the mass is below 1e-31.
    return total
