"""Real regression: least squares on shipped data as a quadratic loss, and its coefficient paths.

For standardised features ``X`` (n x d) and a centred response ``y``,

    (1 / 2n) ||y - X w||^2 = 0.5 (w - w_ols)^T H (w - w_ols) + const,   H = X^T X / n,

so the lessons' ``QuadraticLoss`` with centre ``w_ols`` and Hessian ``H`` *is*
the regression problem, and the L1 ball of budget ``t`` gives the lasso
(scikit-learn's ``Lasso`` with ``alpha`` equal to our KKT multiplier).
"""

from __future__ import annotations

import numpy as np

from geometry import NormBall, QuadraticLoss
from solvers.constrained import solve_constrained
from solvers.homotopy import solve_l1_homotopy

__all__ = ["coefficient_paths", "least_squares_loss", "path_facts"]


def least_squares_loss(features: np.ndarray, response: np.ndarray) -> QuadraticLoss:
    """The loss ``(1/2n) ||y - X w||^2`` (up to a constant) on standardised, centred data."""
    features = np.asarray(features, dtype=np.float64)
    response = np.asarray(response, dtype=np.float64)
    if features.ndim != 2 or response.shape != (features.shape[0],):
        raise ValueError("features must be (n, d) and response (n,) with the same n")
    centred = features - features.mean(axis=0)
    scale = centred.std(axis=0)
    if np.any(scale == 0.0):
        raise ValueError("features must not contain a constant column")
    x = centred / scale
    y = response - response.mean()
    hessian = x.T @ x / x.shape[0]
    center = np.linalg.solve(hessian, x.T @ y / x.shape[0])
    return QuadraticLoss(center=center, hessian=0.5 * (hessian + hessian.T))


def coefficient_paths(loss: QuadraticLoss, fractions: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Lasso and ridge coefficients at budgets ``t = fraction * ||w_ols||``, each exact.

    Parameters
    ----------
    loss : QuadraticLoss
        The regression loss.
    fractions : ndarray, shape (m,)
        Budgets as fractions in (0, 1] of the unconstrained solution's own norm
        (L1 norm for the lasso, L2 norm for ridge).

    Returns
    -------
    lasso, ridge : ndarray, shape (m, d)
        The lasso's zeros are exactly 0.0 (the homotopy leaves inactive
        coordinates at 0.0); ridge has none.
    """
    fractions = np.asarray(fractions, dtype=np.float64)
    if fractions.ndim != 1 or np.any(fractions <= 0.0) or np.any(fractions > 1.0):
        raise ValueError("fractions must be a 1-D array of values in (0, 1]")
    l1_size = float(np.sum(np.abs(loss.center)))
    l2_size = float(np.linalg.norm(loss.center))
    lasso = np.array([solve_l1_homotopy(loss, f * l1_size).w for f in fractions])
    ridge = np.array(
        [solve_constrained(loss, NormBall(p=2, radius=f * l2_size)).w for f in fractions]
    )
    return lasso, ridge


def _sign_changes(path: np.ndarray) -> np.ndarray:
    """Which columns change sign along the path (ignoring exact zeros in between)."""
    signs = np.sign(path)
    changed = np.zeros(path.shape[1], dtype=bool)
    for j in range(path.shape[1]):
        nonzero = signs[signs[:, j] != 0.0, j]
        changed[j] = bool(np.any(nonzero[1:] != nonzero[:-1]))
    return changed


def path_facts(lasso: np.ndarray, ridge: np.ndarray, names: list[str]) -> dict[str, list[str]]:
    """What the paths show, by feature name, for the text beside them.

    Parameters
    ----------
    lasso, ridge : ndarray, shape (m, d)
        Coefficients at increasing budgets (rows), as from ``coefficient_paths``.
    names : list of str
        The d feature names.

    Returns
    -------
    dict
        ``ridge_sign_changes``: ridge coefficients that change sign, so each is
        exactly 0 at the budgets where it crosses (one, or more);
        ``ridge_growing``: ridge coefficients whose size grows somewhere as the
        budget shrinks; ``lasso_leaving``: lasso coefficients that become
        non-zero and later, at a larger budget, are exactly 0 again.
    """
    growing = np.any(np.diff(np.abs(ridge), axis=0) < 0.0, axis=0)
    active = lasso != 0.0
    entered = np.argmax(active, axis=0)  # first budget at which each is non-zero
    leaving = [
        bool(active[:, j].any() and (~active[entered[j] :, j]).any()) for j in range(lasso.shape[1])
    ]

    def pick(mask) -> list[str]:
        return [name for name, chosen in zip(names, mask, strict=True) if chosen]

    return {
        "ridge_sign_changes": pick(_sign_changes(ridge)),
        "ridge_growing": pick(growing),
        "lasso_leaving": pick(leaving),
    }
