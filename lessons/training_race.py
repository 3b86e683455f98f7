"""The Training page's race figure: the objective's contours, the view, the paths."""

from __future__ import annotations

import numpy as np

from figures.training import RaceView, race_figure
from figures.training_frames import PathData
from geometry.contours import objective_contours, objective_value
from lessons.training import Race, RaceSettings, lesson_race
from lessons.training_controls import MAX_FRAMES, OPTIMISERS, TITLE_NAMES, TRAIL
from lessons.training_tables import fmt
from solvers import Solution


# --- the race figure's data ---------------------------------------------------------------
def frame_iterations(count: int, most: int = MAX_FRAMES) -> tuple[int, ...]:
    """The iterations the animation shows: every one of the first 20, then evenly in log."""
    early = np.arange(min(count, 20) + 1)
    later = np.geomspace(20, count, most - early.size).round() if count > 20 else []
    return tuple(int(k) for k in np.unique(np.concatenate([early, later])))


def short(slug: str) -> str:
    """The optimiser's name in a title: "ISTA", "CD"."""
    return TITLE_NAMES[slug]


def _weights_named(indices) -> str:
    return " and ".join(f"w{i + 1}" for i in indices)


def _on_axis_text(exact: Solution) -> tuple[int | None, str | None]:
    if len(exact.zeros) != 1:
        return None, None
    zero = exact.zeros[0]
    return 1 - zero, f"w{zero + 1} = 0 (the w{2 - zero} axis)"


def _listed(names: list[str]) -> str:
    return ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else "".join(names)


def race_title(race: Race, shown: tuple[str, ...], compact: bool = False) -> str:
    """What the contours show, then which shown optimisers end on the exact zeros.

    Two lines; ``compact``: the second alone, naming the point (for projecting).
    """
    point = _point(race.exact.w)
    head = f"L + λ‖w‖₁ kinks on the axes; its minimum {point}"
    if not race.exact.zeros:
        tail = "No weight is 0 at this λ: there is no zero to find"
        return tail if compact else f"{head} is off them<br>{tail}"
    head += " is on a kink"
    landed = [short(s) for s in shown if race.summaries[s].identified_at is not None]
    missed = [short(s) for s in shown if race.summaries[s].identified_at is None]
    if not landed:
        tail = f"None of these reaches {_weights_named(race.exact.zeros)} = 0.0"
    else:
        where = f"on the kink at {point}" if compact else "there"
        tail = f"{_listed(landed)} stop{'s' if len(landed) == 1 else ''} {where} exactly"
        if len(missed) > 3:
            tail += f"; the other {len(missed)} never do"
        elif missed:
            tail += f"; {_listed(missed)} never do{'es' if len(missed) == 1 else ''}"
    return tail if compact else f"{head}<br>{tail}"


def _point(w: np.ndarray) -> str:
    return "(" + ", ".join(fmt(float(x)) if x == 0.0 else f"{x:.3g}" for x in w) + ")"


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
    on_axis, axis_text = _on_axis_text(race.exact)
    x_range, y_range = view_box(race, start, shown)
    title = race_title(race, shown, compact)
    return RaceView(
        contours=objective_contours(race.loss, race.lam, levels),
        optimum=race.exact.w,
        center=race.loss.center,
        start=start,
        optimum_text=f"w* = {_point(race.exact.w)}, exact",
        axis_text=axis_text,
        on_axis=on_axis,
        frames=frame_iterations(race.rows),
        trail=TRAIL,
        x_range=x_range,
        y_range=y_range,
        title=title,
    )


def race_paths(race: Race, shown: tuple[str, ...]) -> list[PathData]:
    return [PathData(slug, OPTIMISERS[slug], race.runs[slug]) for slug in shown]


def animated_race_figure(
    settings: RaceSettings, shown: tuple[str, ...], height: int = 620, compact: bool = False
):
    """The 2-D race figure for these controls (``compact``: a one-line title, for projecting)."""
    race = lesson_race(settings)
    view = race_view(race, settings, shown, compact)
    return race_figure(view, race_paths(race, shown), height, compact)
