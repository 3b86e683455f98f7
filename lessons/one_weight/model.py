"""The One weight page's numbers: its twelve coefficients and the exact one-weight answers.

The curves the figures draw come from ``studies.one_weight``; this module adds
the page's data (twelve OLS coefficients) and the few numbers its sentences
quote, all from the closed forms of ``solvers.shrinkage`` and ``solvers.bayes``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from geometry.validation import read_only
from solvers.bayes import gaussian_map, laplace_map, laplace_posterior_mean
from solvers.shrinkage import one_weight_solution
from studies.one_weight import ManyWeights, many_weights

__all__ = ["OLS", "Answers", "answers", "coefficients", "lasso_in_units"]

# Twelve OLS coefficients of an orthonormal design: a few large effects and a
# tail of small ones, as in most real regressions (chosen by hand, not data).
OLS = np.array([2.6, -2.1, 1.7, 1.2, -0.95, 0.8, 0.55, -0.45, 0.3, 0.2, -0.12, 0.05])
read_only(OLS)  # shared by every session


def coefficients(lam: float, l1_ratio: float) -> ManyWeights:
    """The twelve coefficients shrunk by each penalty (lasso, ridge, elastic net)."""
    return many_weights(OLS, lam, l1_ratio)


@dataclass(frozen=True)
class Answers:
    """The exact answers to ``0.5 (w - a)^2 + penalty(w)`` that the page quotes.

    Attributes
    ----------
    a, lam : float
        The data's pull and the penalty weight.
    lasso, ridge : float
        The L1 and the L2 answers.
    mode, mean : float
        The posterior mode and mean under the Laplace prior ``exp(-lam |w|)``.
    gaussian : float
        The posterior mode (and mean) under the Gaussian prior ``exp(-lam w^2)``.
    """

    a: float
    lam: float
    lasso: float
    ridge: float
    mode: float
    mean: float
    gaussian: float

    @property
    def inside(self) -> bool:
        """Whether ``a`` lies in the dead zone ``|a| <= lam``."""
        return abs(self.a) <= self.lam


def answers(a: float, lam: float) -> Answers:
    """The lasso, ridge and posterior answers for the data's pull ``a`` and weight ``lam``."""
    return Answers(
        a=a,
        lam=lam,
        lasso=float(one_weight_solution(a, lam, "l1")),
        ridge=float(one_weight_solution(a, lam, "l2")),
        mode=laplace_map(a, lam),
        mean=laplace_posterior_mean(a, lam),
        gaussian=gaussian_map(a, lam),
    )


def lasso_in_units(a: float, lam: float, scale: float) -> float:
    """The lasso answer with w measured in units ``scale``: pull ``a s``, weight ``lam s``."""
    return float(one_weight_solution(a * scale, lam * scale, "l1"))
