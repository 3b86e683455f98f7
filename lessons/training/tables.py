"""The Training page's tables: what each optimiser reached, and thresholding afterwards."""

from __future__ import annotations

import numpy as np

from lessons.training.controls import OPTIMISERS, TAU_GRID
from lessons.training.model import Race
from solvers.identification import RunSummary


# --- what the tables say ------------------------------------------------------------------
def fmt(value: float) -> str:
    """Four significant digits; an exact zero as ``0``, never a rounded one."""
    if value == 0.0:
        return "0"
    if not np.isfinite(value):
        return str(value)
    return f"{value:.3e}" if abs(value) < 1e-3 or abs(value) >= 1e4 else f"{value:.4g}"


def identified_text(summary: RunSummary, race: Race) -> str:
    """The table's "support exact from" cell: the row it holds from, or "never within k"."""
    if summary.identified_at is None:
        return f"never within {race.rows:,}"
    return f"{summary.identified_at:,}"


def race_table(race: Race, shown: tuple[str, ...] = tuple(OPTIMISERS)) -> list[dict[str, str]]:
    """One row per optimiser: support exact from, distance to the exact w, exact zeros."""
    n = race.exact.w.size
    return [
        {
            "optimiser": OPTIMISERS[slug],
            f"support exact from {race.unit}": identified_text(race.summaries[slug], race),
            "distance to exact w": fmt(race.summaries[slug].distance),
            "exact zeros": f"{race.summaries[slug].zeros} of {n}",
        }
        for slug in shown
    ]


def tau_window(w: np.ndarray, exact: np.ndarray) -> tuple[float, float] | None:
    """The thresholds ``tau`` in ``(low, high]`` for which ``|w_i| < tau -> 0`` gives exact's zeros.

    ``low`` is the largest ``|w_i|`` where ``exact`` is 0 (0 if they are all 0.0),
    ``high`` the smallest ``|w_i|`` where it is not. None when no threshold works.
    """
    zero = exact == 0.0
    size = np.abs(w)
    low = float(size[zero].max()) if zero.any() else 0.0
    high = float(size[~zero].min()) if (~zero).any() else np.inf
    if not low < high:  # (a weight that should not be 0 but is 0.0 makes high = 0)
        return None
    return low, high


def threshold_table(race: Race, shown: tuple[str, ...]) -> list[dict[str, str]]:
    """The diabetes table: exact zeros, support, distance, and the zeros left by ``tau``."""
    rows = []
    for slug, row in zip(shown, race_table(race, shown), strict=True):
        summary = race.summaries[slug]
        window = tau_window(race.runs[slug][-1], race.exact.w)
        row |= {
            f"zeros after |w| < τ → 0 (τ = {summary.tau:.3g})": f"{summary.thresholded_zeros}",
            "= exact support?": "yes" if summary.threshold_matches else "no",
            "τ that would give it": "none" if window is None else _window_text(window),
        }
        rows.append(row)
    return rows


def _window_text(window: tuple[float, float]) -> str:
    low, high = window
    return f"any τ ≤ {fmt(high)}" if low == 0.0 else f"{fmt(low)} < τ ≤ {fmt(high)}"


def threshold_counts(race: Race, slug: str, taus: np.ndarray = TAU_GRID) -> np.ndarray:
    """Zeros of the last iterate after setting ``|w_i| < tau`` to 0, for each ``tau``."""
    last = race.runs[slug][-1]
    return np.count_nonzero((last == 0.0) | (np.abs(last)[None, :] < taus[:, None]), axis=1)
