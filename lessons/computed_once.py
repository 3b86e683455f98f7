"""Fixed content computed once per process, however many sessions ask at the same moment.

``functools.lru_cache`` lets two threads that miss at once both compute; a page's
session and the server's warm-up thread (``ui.warm_up``) asking for the same fixed
ensemble would then do an 8-second computation twice. Here the second caller waits
for the first's answer. A computation that raises is not remembered.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import ParamSpec, TypeVar

__all__ = ["computed_once"]

P = ParamSpec("P")
R = TypeVar("R")


def computed_once(function: Callable[P, R]) -> Callable[P, R]:
    """Remember ``function``'s answer for each (hashable) argument list; one computation each.

    Parameters
    ----------
    function : callable
        A pure function of hashable arguments (fixed content: ensembles, tables).

    Returns
    -------
    callable
        The same function; concurrent first calls with the same arguments compute once
        and all return that answer. ``.cache_clear()`` forgets every answer (tests).
    """
    answers: dict[tuple, R] = {}
    lock = threading.Lock()

    @functools.wraps(function)
    def once(*args: P.args, **kwargs: P.kwargs) -> R:
        key = (args, tuple(sorted(kwargs.items())))
        if key in answers:
            return answers[key]
        with lock:  # one computation at a time: the others wait, then read its answer
            if key not in answers:
                answers[key] = function(*args, **kwargs)
            return answers[key]

    once.cache_clear = answers.clear  # type: ignore[attr-defined]
    return once
