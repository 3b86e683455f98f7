"""The server's warm-up: fixed content computed in the background after the first visit.

Some pages show fixed ensembles that take seconds to compute (Three weights' 3-D
odds, about 3 s, and its zeros against n, about 8 s). Computed on first need, the
first visitor to that page waits for them; computed here, in a daemon thread started
by app.py on the server's first run, they are usually ready before anyone asks. The
thread waits a few seconds first, so that it does not slow the first page being drawn,
and a visitor who asks while it works waits for the same computation
(``lessons.computed_once``), never for a second one.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Sequence

from lessons import three_weights

__all__ = ["DELAY_S", "SWITCH", "TASKS", "run_tasks", "start_warm_up"]

DELAY_S = 3.0
# SPARSITY_LAB_WARM=0 turns it off, as it does the pages' warming (ui.warm): the test
# suite does, so that AppTest's timed runs keep their cores (tests/test_warm_up.py runs it).
SWITCH = "SPARSITY_LAB_WARM"
# (name, computation): each is cached by its lesson for the life of the process.
TASKS: tuple[tuple[str, Callable[[], object]], ...] = (
    ("three weights: 3-D odds", three_weights.three_d_odds),
    ("three weights: zeros against n, t = 1", lambda: three_weights.zeros_by_dimension()),
    ("three weights: zeros against n, t = n/4", lambda: three_weights.zeros_by_dimension(True)),
)

_started: threading.Thread | None = None
_lock = threading.Lock()
_log = logging.getLogger(__name__)


def run_tasks(tasks: Sequence[tuple[str, Callable[[], object]]], delay_s: float) -> None:
    """Wait ``delay_s``, then run each task in order; a failure is logged, not raised."""
    time.sleep(delay_s)
    for name, task in tasks:
        started = time.perf_counter()
        try:
            task()
        except Exception:  # the page computes it on first need instead, and shows the error
            _log.exception("warm-up of %s failed", name)
            continue
        _log.info("warm-up: %s in %.1f s", name, time.perf_counter() - started)


def start_warm_up(
    tasks: Sequence[tuple[str, Callable[[], object]]] = TASKS, delay_s: float = DELAY_S
) -> threading.Thread | None:
    """Start the warm-up thread once per process; later calls return the same thread.

    Parameters
    ----------
    tasks : sequence of (name, callable)
        What to compute, in order.
    delay_s : float
        Seconds to wait before the first task.

    Returns
    -------
    threading.Thread or None
        The (daemon) thread, for tests to join; None when ``SPARSITY_LAB_WARM=0``.
    """
    global _started
    if os.environ.get(SWITCH, "1") == "0":
        return None
    with _lock:
        if _started is None:
            _started = threading.Thread(
                target=run_tasks, args=(tuple(tasks), delay_s), name="sparsity-warm-up", daemon=True
            )
            _started.start()
        return _started
