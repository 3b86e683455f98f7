"""Level sets of the lasso objective ``L(w) + lam ||w||_1`` in 2-D, drawn exactly.

In each quadrant the objective is a quadratic with a shifted centre, so its
level sets are pieces of ellipses (``QuadraticLoss.level_curve``), cut where
they leave the quadrant; the pieces meet on the axes, where the contour has
its kink. Pure numpy; never imports streamlit or plotly.
"""

from __future__ import annotations

import numpy as np

from geometry.quadratic import QuadraticLoss

__all__ = ["objective_contours", "objective_value"]

_QUADRANTS = ((1.0, 1.0), (-1.0, 1.0), (-1.0, -1.0), (1.0, -1.0))


def objective_value(loss: QuadraticLoss, lam: float, w: np.ndarray) -> float:
    """The lasso objective ``L(w) + lam ||w||_1`` at one point.

    Parameters
    ----------
    loss : QuadraticLoss
        The smooth part ``L``.
    lam : float
        The weight of the L1 penalty.
    w : ndarray, shape (n,)
        The point.

    Returns
    -------
    float
    """
    return float(loss.value(w)) + lam * float(np.abs(w).sum())


def objective_contours(
    loss: QuadraticLoss, lam: float, levels: list[float], points: int = 241
) -> np.ndarray:
    """Contours of ``L(w) + lam ||w||_1`` (2-D), one polyline with NaN rows between pieces.

    In the quadrant with signs ``s`` the objective is the quadratic
    ``0.5 (w - c_s)^T H (w - c_s) + k_s`` with ``c_s = c - lam H^-1 s`` and
    ``k_s = 0.5 (c^T H c - c_s^T H c_s)``: each level is the part of that
    ellipse inside the quadrant, exact, and the four parts meet on the axes,
    where the contour has its kink.

    Parameters
    ----------
    loss : QuadraticLoss
        The smooth part ``L``, 2-D.
    lam : float
        The weight of the L1 penalty.
    levels : list of float
        The objective's values to draw; a level below a quadrant's minimum has no piece there.
    points : int
        Points of each ellipse before it is cut to its quadrant.

    Returns
    -------
    ndarray, shape (m, 2)
        The pieces, each followed by a row of NaN (empty when no level is reached).
    """
    hessian, center = loss.hessian, loss.center
    gap = np.full((1, 2), np.nan)
    parts = []
    for s in _QUADRANTS:
        signs = np.array(s)
        shifted = center - lam * np.linalg.solve(hessian, signs)
        offset = 0.5 * (center @ hessian @ center - shifted @ hessian @ shifted)
        quadrant = QuadraticLoss(center=shifted, hessian=hessian)
        for level in levels:
            if level - offset <= 0.0:
                continue
            curve = quadrant.level_curve(level - offset, points)
            for piece in _quadrant_pieces(curve, signs):
                parts += [piece, gap]
    return np.vstack(parts) if parts else np.empty((0, 2))


def _quadrant_pieces(points: np.ndarray, signs: np.ndarray) -> list[np.ndarray]:
    """The parts of a closed curve inside the quadrant ``signs * w >= 0``, ends put on the axes."""
    inside = np.all(points * signs >= 0.0, axis=1)
    if inside.all():
        return [points]
    if not inside.any():
        return []
    shift = int(np.flatnonzero(~inside)[0])  # start outside: no piece wraps round the end
    points, inside = np.roll(points, -shift, axis=0), np.roll(inside, -shift)
    pieces, k = [], 0
    while k < inside.size:
        if not inside[k]:
            k += 1
            continue
        end = k
        while end + 1 < inside.size and inside[end + 1]:
            end += 1
        ends = [_crossing(points[k], points[k - 1], signs)]
        if end + 1 < inside.size:
            tail = [_crossing(points[end], points[end + 1], signs)]
        else:
            tail = [_crossing(points[end], points[0], signs)]
        pieces.append(np.vstack([ends, points[k : end + 1], tail]))
        k = end + 1
    return pieces


def _crossing(inner: np.ndarray, outer: np.ndarray, signs: np.ndarray) -> np.ndarray:
    """Where the chord from ``inner`` (in the quadrant) to ``outer`` leaves it: on an axis."""
    a, b = inner * signs, outer * signs
    t = min((a[i] / (a[i] - b[i]) for i in range(2) if b[i] < 0.0), default=1.0)
    return inner + t * (outer - inner)
