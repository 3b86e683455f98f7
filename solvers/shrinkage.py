"""The one-weight problem and the shrinkage operators (ESL, table 3.4).

    minimise over w:  0.5 (w - a)^2 + penalty(w)

is what every coordinate of a regression with an orthonormal design solves,
with ``a`` the least-squares coefficient. Its minimisers are closed forms:

    lasso        lam |w|                       soft threshold   sign(a) max(|a| - lam, 0)
    ridge        lam w^2                       proportional     a / (1 + 2 lam)
    elastic net  lam (r |w| + (1 - r) w^2)     soft(a, lam r) / (1 + 2 lam (1 - r))
    best subset  lam [w != 0]  (L0)            hard threshold   a [|a| > sqrt(2 lam)]

The lasso's answer is exactly 0 on the whole dead zone ``|a| <= lam``: the
subgradient of ``lam |w|`` at 0 is the interval ``[-lam, lam]``, which holds
any pull ``a`` of at most that size. Ridge's is 0 only when ``a`` is.
Zeros are built as 0.0 by ``np.where``, never by subtracting equal numbers.
"""

from __future__ import annotations

import numpy as np

from geometry.validation import finite_scalar, unit_interval

__all__ = [
    "PENALTIES_1D",
    "elastic_net_shrink",
    "hard_threshold",
    "one_weight_solution",
    "penalty_value",
    "penalty_weight",
    "ridge_shrink",
    "soft_threshold",
    "soft_threshold_checked",
]

PENALTIES_1D = ("l1", "l2", "elasticnet", "l0")


def _pull(a: object) -> np.ndarray:
    values = np.asarray(a, dtype=np.float64)
    if not np.all(np.isfinite(values)):
        raise ValueError(f"a must be finite (no NaN or inf), got {a!r}")
    return values


def penalty_weight(lam: object) -> float:
    """``lam`` as a float >= 0, or ValueError naming ``lam``."""
    lam = finite_scalar("lam", lam)
    if lam < 0.0:
        raise ValueError(f"lam must be >= 0, got {lam}")
    return lam


def soft_threshold(a: object, lam: float) -> np.ndarray:
    """``sign(a) max(|a| - lam, 0)``: the lasso's one-weight solution, exactly 0 for |a| <= lam."""
    return soft_threshold_checked(_pull(a), penalty_weight(lam))


def soft_threshold_checked(a: np.ndarray, lam: float) -> np.ndarray:
    """``soft_threshold`` for arguments already checked: float64 finite ``a``, float ``lam >= 0``.

    The iterative solvers check once and then call this every step.
    """
    return np.where(np.abs(a) <= lam, 0.0, a - np.sign(a) * lam)


def ridge_shrink(a: object, lam: float) -> np.ndarray:
    """``a / (1 + 2 lam)``: ridge's one-weight solution, zero only where a is."""
    a, lam = _pull(a), penalty_weight(lam)
    return a / (1.0 + 2.0 * lam)


def hard_threshold(a: object, lam: float) -> np.ndarray:
    """``a [|a| > sqrt(2 lam)]``: best subset (L0 penalty ``lam [w != 0]``), keep or kill."""
    a, lam = _pull(a), penalty_weight(lam)
    return np.where(np.abs(a) > np.sqrt(2.0 * lam), a, 0.0)


def elastic_net_shrink(a: object, lam: float, l1_ratio: float = 0.5) -> np.ndarray:
    """``soft(a, lam r) / (1 + 2 lam (1 - r))``: soft threshold, then proportional shrinkage."""
    r = unit_interval("l1_ratio", l1_ratio)
    lam = penalty_weight(lam)
    return soft_threshold(a, lam * r) / (1.0 + 2.0 * lam * (1.0 - r))


def one_weight_solution(
    a: object, lam: float, penalty: str = "l1", l1_ratio: float = 0.5
) -> np.ndarray:
    """The minimiser of ``0.5 (w - a)^2 + penalty(w)`` for each entry of ``a``.

    Parameters
    ----------
    a : float or array_like
        The data's pull: the unpenalised optimum (an OLS coefficient).
    lam : float
        The penalty weight, >= 0.
    penalty : {"l1", "l2", "elasticnet", "l0"}
        Lasso, ridge, elastic net (with ``l1_ratio``) or best subset.
    l1_ratio : float
        The elastic net's L1 share in [0, 1].

    Raises
    ------
    ValueError
        If ``a`` is not finite, ``lam`` is negative or not finite, ``penalty`` is
        unknown or ``l1_ratio`` is outside [0, 1].
    """
    if penalty == "l1":
        return soft_threshold(a, lam)
    if penalty == "l2":
        return ridge_shrink(a, lam)
    if penalty == "elasticnet":
        return elastic_net_shrink(a, lam, l1_ratio)
    if penalty == "l0":
        return hard_threshold(a, lam)
    raise ValueError(f"penalty must be one of {PENALTIES_1D}, got {penalty!r}")


def penalty_value(w: object, lam: float, penalty: str = "l1", l1_ratio: float = 0.5) -> np.ndarray:
    """The penalty at ``w``: ``lam |w|``, ``lam w^2``, the elastic net's, or ``lam [w != 0]``."""
    w, lam = _pull(w), penalty_weight(lam)
    if penalty == "l1":
        return lam * np.abs(w)
    if penalty == "l2":
        return lam * w * w
    if penalty == "elasticnet":
        r = unit_interval("l1_ratio", l1_ratio)
        return lam * (r * np.abs(w) + (1.0 - r) * w * w)
    if penalty == "l0":
        return lam * (w != 0.0)
    raise ValueError(f"penalty must be one of {PENALTIES_1D}, got {penalty!r}")
