"""The race on the lesson's bowl as the browser draws it: the payload of ``live/race/``.

The browser runs every optimiser itself (``live/race/methods.js`` mirrors the
Python solvers operation by operation) so that the start follows the hand on
every animation frame. It needs the problem exactly as Python holds it (the
bowl's ``c``, ``H`` and ``H c``; the 64 samples SGD sees) and the one thing
JavaScript cannot reproduce: numpy's seeded reshuffling. Rather than each
step's minibatch gradient (five doubles a step), the payload carries the
batches' row indices, one character each (64 samples: base64url's alphabet),
``iterations * batch`` characters: 1,600 at the defaults, 64,000 at the
sliders' far end (2,000 iterations of 32), nothing for the full batch. With
the rows the browser computes the very sums Python does, up to BLAS's order
of summation. The exact minimum, the view and every word stay Python's.
"""

from __future__ import annotations

from itertools import islice

import numpy as np

from figures.optimisers import OPTIMISER_STYLES
from figures.style import (
    AXIS_HIGHLIGHT,
    CONTOUR,
    DARK_VARIANT,
    FONT_FAMILY,
    GRID,
    INK,
    PAPER,
    PRESENT_CONTOUR,
)
from lessons.training.charts import view_box
from lessons.training.controls import MAX_STEP, OPTIMISERS, START, TRAIL
from lessons.training.model import Race, RaceSettings, minibatch_curvature
from lessons.training.words import on_axis_text, point_text, race_title
from solvers.iteration import check_seed
from solvers.minibatch import minibatches
from solvers.proximal import lipschitz_step
from studies.training_problems import lesson_problem

__all__ = ["ROW_ALPHABET", "batch_rows", "race_payload", "release_start"]

ROW_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
HINT = "Drag the start (□) or move it with the arrow keys; scrub the iterations below."


def batch_rows(samples: int, batch: int, seed: int, iterations: int) -> str | None:
    """SGD's minibatches, row after row, one character a row; None for the full batch.

    The same draws as ``solvers.stochastic.sgd``: ``minibatches`` on
    ``numpy.random.default_rng(seed)``.
    """
    if samples > len(ROW_ALPHABET):
        raise ValueError(f"samples must be at most {len(ROW_ALPHABET)}, got {samples}")
    if batch >= samples:
        return None
    draws = minibatches(samples, batch, np.random.default_rng(check_seed(seed)))
    rows = np.concatenate(list(islice(draws, iterations)))
    return "".join(ROW_ALPHABET[int(i)] for i in rows)


def _colour(colour: str, dark: bool) -> str:
    return DARK_VARIANT.get(colour, colour) if dark else colour


def _palette(dark: bool, presenting: bool) -> dict[str, str]:
    colours = {
        "paper": PAPER,
        "ink": INK,
        "grid": GRID,
        "contour": PRESENT_CONTOUR if presenting else CONTOUR,
        "axisHighlight": AXIS_HIGHLIGHT,
    }
    return {name: _colour(value, dark) for name, value in colours.items()} | {"font": FONT_FAMILY}


def _floats(values) -> list:
    return np.asarray(values, dtype=float).tolist()


def race_payload(
    race: Race,
    settings: RaceSettings,
    shown: tuple[str, ...],
    *,
    presenting: bool = False,
    dark: bool = False,
) -> dict[str, object]:
    """What ``live/race/main.js`` draws for these controls (``race = lesson_race(settings)``).

    Parameters
    ----------
    race : Race
        The Python race: its exact minimum, steps and view are sent; its runs are not
        (the browser runs them again, and the tests hold the two to agreement).
    settings : RaceSettings
        The controls.
    shown : tuple of str
        The optimisers drawn, in the page's order.
    presenting, dark : bool
        Projector type and lines; colours for a dark page.
    """
    problem = lesson_problem(seed=0)
    data, loss = problem.data, problem.loss
    start = np.array(settings.start, dtype=float)
    x_range, y_range = view_box(race, start, shown)
    on_axis, axis_text = on_axis_text(race.exact)
    return {
        "name": "training-race",
        "presenting": bool(presenting),
        "dark": bool(dark),
        "palette": _palette(dark, presenting),
        "problem": {
            "center": _floats(loss.center),
            "hessian": _floats(loss.hessian),
            "linear": _floats(loss.linear_term),
            "features": _floats(data.features),
            "response": _floats(data.response),
            "rows": batch_rows(data.samples, settings.batch, settings.seed, settings.iterations),
            "batch": int(settings.batch),
            "lipschitzStep": lipschitz_step(loss),
            "sgdCurvature": minibatch_curvature(data, settings.batch),
            "maxStep": MAX_STEP,
            "adamRate": float(settings.adam_rate),
            "iterations": int(settings.iterations),
        },
        "controls": {"start": _floats(start), "step": float(settings.step), "lam": race.lam},
        "specs": {s.key: {"low": s.low, "high": s.high, "step": s.step} for s in START},
        "steps": {"step": race.step, "fistaStep": race.fista_step, "sgdStep": race.sgd_step},
        "exact": {"w": _floats(race.exact.w), "zeros": list(race.exact.zeros)},
        "center": _floats(loss.center),
        "box": {"x": list(x_range), "y": list(y_range)},
        "onAxis": on_axis,
        "shown": list(shown),
        "styles": {
            slug: {
                "name": OPTIMISERS[slug],
                "colour": _colour(OPTIMISER_STYLES[slug].colour, dark),
                "dash": OPTIMISER_STYLES[slug].dash,
                "marker": OPTIMISER_STYLES[slug].marker,
            }
            for slug in shown
        },
        "labels": {
            "optimum": f"w* = {point_text(race.exact.w)}, exact",
            "axis": axis_text,
            "center": "ŵ: minimum of L",
            "start": "start",
            "contours": "contours of L + λ‖w‖₁",
        },
        "title": race_title(race, shown, presenting),
        "trail": TRAIL,
        "hint": HINT,
    }


def release_start(state: object) -> dict[str, object]:
    """The raw slider values a release reports (``w1_0``, ``w2_0``), by key; others ignored."""
    if not isinstance(state, dict):
        return {}
    return {s.key: state[s.key] for s in START if s.key in state}
