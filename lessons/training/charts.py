"""The Training page's figures: the race over the objective's contours, and the zeros' plots.

The model's runs and the words' titles, handed to ``figures.training`` and
``figures.training_zeros`` (which draw, never compute).
"""

from __future__ import annotations

import numpy as np

from figures.optimisers import PathData
from figures.training import RaceView, race_figure
from figures.training_zeros import ZeroTrace, threshold_sweep_figure, zeros_figure
from geometry.contours import objective_contours, objective_value
from lessons.training.controls import MAX_FRAMES, OPTIMISERS, TAU_GRID, TRAIL
from lessons.training.model import (
    DiabetesSettings,
    Race,
    RaceSettings,
    diabetes_race,
    lesson_race,
)
from lessons.training.readings import distance_from_zero, watched
from lessons.training.tables import threshold_counts
from lessons.training.words import (
    on_axis_text,
    point_text,
    race_title,
    sweep_title,
    weights_named,
    zeros_title,
)


# --- the race figure ----------------------------------------------------------------------
def frame_iterations(count: int, most: int = MAX_FRAMES) -> tuple[int, ...]:
    """The iterations the animation shows: every one of the first 20, then evenly in log."""
    early = np.arange(min(count, 20) + 1)
    later = np.geomspace(20, count, most - early.size).round() if count > 20 else []
    return tuple(int(k) for k in np.unique(np.concatenate([early, later])))


def view_box(race: Race, start: np.ndarray, shown: tuple[str, ...]):
    """The view's ranges: the axes, start, optimum, ŵ and the paths shown, with a margin."""
    points = [np.zeros((1, 2)), start[None, :], race.loss.center[None, :], race.exact.w[None, :]]
    points += [np.clip(race.runs[s], -4.0, 4.0) for s in shown]
    stacked = np.vstack(points)
    low, high = stacked.min(axis=0) - 0.4, stacked.max(axis=0) + 0.4
    return (float(low[0]), float(high[0])), (float(low[1]), float(high[1]))


def race_view(
    race: Race, settings: RaceSettings, shown: tuple[str, ...], compact: bool = False
) -> RaceView:
    """Everything the race figure draws besides the paths; ``compact``: a one-line title."""
    start = np.array(settings.start, dtype=float)
    lowest = objective_value(race.loss, race.lam, race.exact.w)
    corner = max(objective_value(race.loss, race.lam, start), lowest + 1.0)
    levels = [lowest + (corner - lowest) * (k / 6.0) ** 2 for k in range(1, 8)]
    on_axis, axis_text = on_axis_text(race.exact)
    x_range, y_range = view_box(race, start, shown)
    title = race_title(race, shown, compact)
    return RaceView(
        contours=objective_contours(race.loss, race.lam, levels),
        optimum=race.exact.w,
        center=race.loss.center,
        start=start,
        optimum_text=f"w* = {point_text(race.exact.w)}, exact",
        axis_text=axis_text,
        on_axis=on_axis,
        frames=frame_iterations(race.rows),
        trail=TRAIL,
        x_range=x_range,
        y_range=y_range,
        title=title,
    )


def race_paths(race: Race, shown: tuple[str, ...]) -> list[PathData]:
    """The shown optimisers' iterates, as the race figure draws them."""
    return [PathData(slug, OPTIMISERS[slug], race.runs[slug]) for slug in shown]


def animated_race_figure(
    settings: RaceSettings, shown: tuple[str, ...], height: int = 620, compact: bool = False
):
    """The 2-D race figure for these controls (``compact``: a one-line title, for projecting)."""
    race = lesson_race(settings)
    view = race_view(race, settings, shown, compact)
    return race_figure(view, race_paths(race, shown), height, compact)


# --- how close the zero weights come ------------------------------------------------------
def zeros_figure_for(race: Race, shown: tuple[str, ...], height: int = 520):
    """How close the watched weights come to 0, per shown optimiser, on a log scale."""
    indices, zeros = watched(race)
    names = weights_named(indices)
    traces = [ZeroTrace(s, OPTIMISERS[s], distance_from_zero(race, s)) for s in shown]
    y_title = f"|{names}| (0 at the optimum)" if zeros else f"|{names}|"
    if len(indices) > 1:
        y_title = f"largest |wᵢ| of the {len(indices)} zeros of w*"
    return zeros_figure(traces, race.unit, y_title, zeros_title(race, shown), height)


def diabetes_zeros_figure(settings: DiabetesSettings, shown: tuple[str, ...], height: int = 480):
    """``zeros_figure_for`` the diabetes race with these controls."""
    return zeros_figure_for(diabetes_race(settings), shown, height)


def diabetes_sweep_figure(
    settings: DiabetesSettings, tau: float, shown: tuple[str, ...], height: int = 480
):
    """Zeros left by each threshold ``tau`` of ``TAU_GRID``, per shown optimiser."""
    race = diabetes_race(settings, tau)
    counts = [(s, OPTIMISERS[s], threshold_counts(race, s)) for s in shown]
    return threshold_sweep_figure(
        TAU_GRID, counts, len(race.exact.zeros), race.exact.w.size, tau,
        sweep_title(race, shown), height,
    )  # fmt: skip
