"""Random test problems and the optimality certificates the tests check."""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st

from geometry import QuadraticLoss


def random_loss(
    rng: np.random.Generator, max_log10_condition: float = 4.0, center_scale: float = 3.0
) -> QuadraticLoss:
    """A 2-D loss with random rotation, condition number up to 10**max_log10_condition."""
    condition = 10.0 ** rng.uniform(0.0, max_log10_condition)
    scale = 10.0 ** rng.uniform(-1.0, 1.0)
    center = rng.normal(size=2) * center_scale
    return QuadraticLoss.from_shape(center, (scale, scale * condition), rng.uniform(0.0, 180.0))


def random_loss_nd(
    rng: np.random.Generator, n: int, max_log10_condition: float = 4.0, center_scale: float = 3.0
) -> QuadraticLoss:
    """An n-D loss with a random orthonormal basis and log-spread eigenvalues."""
    basis, _ = np.linalg.qr(rng.normal(size=(n, n)))
    eigenvalues = 10.0 ** rng.uniform(0.0, max_log10_condition, size=n)
    hessian = basis @ np.diag(eigenvalues) @ basis.T
    return QuadraticLoss(rng.normal(size=n) * center_scale, 0.5 * (hessian + hessian.T))


@st.composite
def losses(draw, max_log10_condition: float = 4.0) -> QuadraticLoss:
    """Hypothesis strategy for 2-D losses: any centre, rotation and shape."""
    coordinate = st.floats(-6.0, 6.0, allow_nan=False)
    center = (draw(coordinate), draw(coordinate))
    log_condition = draw(st.floats(0.0, max_log10_condition))
    scale = 10.0 ** draw(st.floats(-1.0, 1.0))
    angle = draw(st.floats(0.0, 180.0))
    return QuadraticLoss.from_shape(center, (scale, scale * 10.0**log_condition), angle)


radii = st.floats(0.05, 5.0)


def term_scale(loss: QuadraticLoss, w: np.ndarray, multiplier: float) -> float:
    """Size of the terms the stationarity condition adds up: ||H|| (||w|| + ||c||) + lam.

    Rounding in w of relative size eps shows up in H (w - c) multiplied by
    ||H||, so a residual is only meaningful relative to this (a backward error).
    """
    # Max-norms: squaring 1e-200 in a 2-norm would underflow to 0.
    size = np.linalg.norm(loss.hessian, 2) * (np.max(np.abs(w)) + np.max(np.abs(loss.center)))
    return max(float(size), multiplier, 1e-300)


def l1_kkt_residual(loss: QuadraticLoss, w: np.ndarray, multiplier: float, radius: float) -> float:
    """Largest violation of the KKT conditions of min loss s.t. ||w||_1 <= radius.

    0 in grad + lam * d||w||_1: on the support grad_i = -lam sign(w_i); off it
    |grad_i| <= lam. Plus lam >= 0 and lam (||w||_1 - t) = 0.
    """
    gradient = loss.gradient(w)
    scale = term_scale(loss, w, multiplier)
    nonzero = w != 0.0
    violations = [
        np.max(np.abs(gradient[nonzero] + multiplier * np.sign(w[nonzero])), initial=0.0),
        np.max(np.abs(gradient[~nonzero]) - multiplier, initial=0.0),
        -multiplier,
        abs(multiplier * (np.sum(np.abs(w)) - radius)) / max(radius, 1.0),
    ]
    return max(0.0, *[float(v) for v in violations]) / scale


def l2_kkt_residual(loss: QuadraticLoss, w: np.ndarray, multiplier: float, radius: float) -> float:
    """Largest violation of the KKT conditions with the ridge-form multiplier.

    grad + 2 lam w = 0, lam >= 0, lam (||w||_2 - t) = 0.
    """
    gradient = loss.gradient(w)
    scale = term_scale(loss, w, multiplier)
    violations = [
        float(np.max(np.abs(gradient + 2.0 * multiplier * w))),
        -multiplier,
        abs(multiplier * (np.linalg.norm(w) - radius)) / max(radius, 1.0),
    ]
    return max(0.0, *violations) / scale


def feasible_neighbours(
    rng: np.random.Generator,
    w: np.ndarray,
    p: float,
    radius: float,
    count: int = 200,
    spread: float = 0.05,
) -> np.ndarray:
    """Points near ``w`` pulled radially into the ball ``||.||_p <= radius``."""
    points = w + rng.normal(size=(count, w.size)) * spread * max(radius, 1e-3)
    norms = np.linalg.norm(points, ord=p, axis=1)
    shrink = np.minimum(1.0, radius / np.maximum(norms, 1e-300))
    return points * shrink[:, None]
