"""Each Tour step built once per process: its paragraph and its figures, for every visitor.

The steps are fixed content: nothing a visitor does changes a step's words or
figures. So each is built once per server process (``built_step``) and the
same objects are shown on every rerun of every session; a Next or Back press
then only looks one up. ``start_warming`` builds every step in a background
thread, nearest the visitor's step first, so that the first visitor after a
start waits for no build either (a step the visitor reaches before the thread
does is built by the visitor, once: each step has its own lock).

Memory (tracemalloc, building each step in turn in a fresh process): 0.1-1.5 MB
a step, 7 MB for all twelve, counting the lesson caches their words and figures
fill (the regression paths, the cross-validation); each figure's JSON is 3-93 KB.
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass

import plotly.graph_objects as go

from lessons.tour.steps import STEP, STEPS, step_text

__all__ = ["BUILDS", "BuiltStep", "built_step", "start_warming", "warming_order"]


@dataclass(frozen=True)
class BuiltStep:
    """One step as shown: its paragraph and its figures, never changed once built.

    Attributes
    ----------
    slug : str
        The step's name in the URL.
    text : str
        Its markdown, numbers computed (``step_text``).
    figures : tuple of go.Figure
        Its figures, in order (``TourStep.figures()``). Shared by every session:
        read them, never change them.
    """

    slug: str
    text: str
    figures: tuple[go.Figure, ...]


# How many times each step was built in this process (1 once built): for the tests.
BUILDS: Counter[str] = Counter()
_BUILT: dict[str, BuiltStep] = {}
_LOCKS = {step.slug: threading.Lock() for step in STEPS}
_WARMER: dict[str, threading.Thread] = {}
_WARMER_LOCK = threading.Lock()


def built_step(slug: str) -> BuiltStep:
    """The step ``slug``, built the first time it is asked for in this process.

    Parameters
    ----------
    slug : str
        A step of ``STEPS``.

    Returns
    -------
    BuiltStep
        The same object on every call, from any thread.
    """
    built = _BUILT.get(slug)
    if built is not None:
        return built
    with _LOCKS[slug]:  # a second caller waits for the build in progress
        built = _BUILT.get(slug)
        if built is None:
            step = STEP[slug]
            built = BuiltStep(slug, step_text(step), tuple(step.figures()))
            BUILDS[slug] += 1
            _BUILT[slug] = built
    return built


def warming_order(first: str) -> list[str]:
    """Every slug, nearest ``first`` first: first, the next, the one before, two on, ..."""
    slugs = [step.slug for step in STEPS]
    start = slugs.index(first)
    order = sorted(range(len(slugs)), key=lambda k: (abs(k - start), k < start))
    return [slugs[k] for k in order]


def _build_all(first: str) -> None:
    for slug in warming_order(first):
        built_step(slug)


def start_warming(first: str) -> threading.Thread:
    """Build every step in a background thread, nearest ``first`` first; once per process.

    Parameters
    ----------
    first : str
        The step the visitor is on: the steps next to it are built first.

    Returns
    -------
    threading.Thread
        The (daemon) thread that builds them, the same on every call.
    """
    with _WARMER_LOCK:
        if "thread" not in _WARMER:
            thread = threading.Thread(
                target=_build_all, args=(first,), name="tour-warming", daemon=True
            )
            thread.start()
            _WARMER["thread"] = thread
        return _WARMER["thread"]
