"""The Real data page's path and zero-count figures' data: the exact paths, drawn exactly.

Every array comes from the fits of ``lessons.real_data.model``, on ``GRID``
(``lessons.real_data.controls``) or at the lasso path's breakpoints.
"""

from __future__ import annotations

import numpy as np

from figures.real_data import PathPanel
from lessons.real_data.controls import DRAWN, GRID, HIGHLIGHTED
from lessons.real_data.model import Fits, grid_index
from solvers.lasso_path import LassoPath


def lasso_zero_steps(path: LassoPath, top: float = GRID[0], low: float = GRID[-1]):
    """The lasso's zero count as a step function of λ on [low, top]: (x, counts), x decreasing.

    ``counts[k]`` holds on the open interval from ``x[k]`` down to ``x[k + 1]``
    (what a plot's horizontal-then-vertical steps draw). Between two
    breakpoints the active set is fixed, so a weight is 0 there exactly when
    it is 0 at both ends.
    """
    lams, coefs = path.lambdas, path.coefs
    interior = np.count_nonzero((coefs[:-1] == 0.0) & (coefs[1:] == 0.0), axis=1)
    inside = np.flatnonzero((lams[:-1] >= low) & (lams[:-1] <= top))
    x = np.concatenate([[top], lams[inside], [low]])
    first = np.count_nonzero(path.at(top) == 0.0) if top < lams[0] else coefs.shape[1]
    last_piece = interior[inside[-1]] if inside.size else first
    counts = np.concatenate([[first], interior[inside], [last_piece]])
    return x, counts


def entry_order(path: LassoPath) -> list[int]:
    """Features by the largest λ at which they are non-zero on the path (first in first)."""
    nonzero = path.coefs != 0.0
    first = np.where(nonzero.any(axis=0), np.argmax(nonzero, axis=0), len(path.lambdas))
    return [int(j) for j in np.argsort(first, kind="stable")]


def lasso_on_grid(path: LassoPath, grid: np.ndarray = GRID) -> tuple[np.ndarray, np.ndarray]:
    """The lasso at every breakpoint inside the grid's range, and at the grid's points that
    lie in gaps between breakpoints wider than the grid's step: (λ decreasing, weights).

    The weights are linear in λ between breakpoints, so these points draw the path
    exactly up to the curvature a log axis gives a straight piece.
    """
    inside = path.lambdas[(path.lambdas < grid[0]) & (path.lambdas > grid[-1])]
    logs = np.log10(grid)
    step = float(np.max(np.abs(np.diff(logs)))) if grid.size > 1 else 1.0
    if inside.size:
        distance = np.min(np.abs(logs[:, None] - np.log10(inside)[None, :]), axis=1)
        fill = grid[(distance > step / 2) | (np.arange(grid.size) % (grid.size - 1) == 0)]
    else:
        fill = grid
    lams = np.unique(np.concatenate([fill, inside]))[::-1]
    return lams, path.at(lams)


def l1_fraction(coefs: np.ndarray) -> np.ndarray:
    """``||w||_1 / max ||w||_1`` along a path (the largest being at its smallest λ)."""
    norms = np.sum(np.abs(coefs), axis=1)
    return norms / max(float(norms.max()), np.finfo(np.float64).tiny)


def path_panels(fits: Fits, lam: float, axis: str) -> list[PathPanel]:
    """The three methods' paths for ``paths_figure``, against log λ or ``‖w‖₁ / max``."""
    row = grid_index(lam)
    lasso_x, lasso_w = lasso_on_grid(fits.lasso, GRID[DRAWN])
    enet, ridge = fits.enet.coefs, fits.ridge.coefs
    panels = [
        ("Lasso (exact path)", lasso_x, lasso_w, lam, fits.lasso.at(lam)),
        (f"Elastic net, α = {fits.l1_ratio:g}", GRID[DRAWN], enet[DRAWN], lam, enet[row]),
        ("Ridge", GRID[DRAWN], ridge[DRAWN], lam, ridge[row]),
    ]
    if axis == "log_lambda":
        return [PathPanel(title, x, w, marker) for title, x, w, marker, _ in panels]
    out = []
    for title, _, w, _, at in panels:
        top = float(np.max(np.sum(np.abs(w), axis=1)))
        out.append(PathPanel(title, l1_fraction(w), w, float(np.sum(np.abs(at))) / top))
    return out


def marker_positions(fits: Fits, lam: float, axis: str) -> list[float]:
    """Where the marker at ``lam`` sits in each panel of ``path_panels``."""
    if axis == "log_lambda":
        return [lam, lam, lam]
    return [panel.marker for panel in path_panels(fits, lam, axis)]


def highlighted(fits: Fits) -> list[int]:
    """The features drawn in colour: all of ten, else the first ``HIGHLIGHTED`` to enter."""
    order = entry_order(fits.lasso)
    return order if fits.p <= 10 else order[:HIGHLIGHTED]


def zero_curves(fits: Fits) -> list[tuple[str, str, np.ndarray, np.ndarray]]:
    """(label, region-kind slug, λ decreasing, zero counts) of the three methods."""
    x, counts = lasso_zero_steps(fits.lasso)
    return [
        ("lasso (exact path)", "l1", x, counts),
        (f"elastic net α = {fits.l1_ratio:g}", "elasticnet", GRID, fits.enet.zero_counts()),
        ("ridge", "l2", GRID, fits.ridge.zero_counts()),
    ]
