"""Computing a page's likely next settings at server start, in the background.

A page hands ``start`` its settings (``lessons.warm_grid``) and a function that
computes one of them through the page's own caches; one daemon thread per page
and server process works through them, the nearest values first, so that a
student's first presses are answered from the cache.

It must not slow the students down: the thread runs at the lowest CPU priority
(``nice`` 19; Linux gives each thread its own), waits while any page of this
server is running (``busy``), and stops at the end of the list. It is off when
``SPARSITY_LAB_WARM=0`` (the tests set it: a test's run computes only what it asks).
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence

__all__ = ["ENABLED", "busy", "start", "warmed"]

ENABLED = os.environ.get("SPARSITY_LAB_WARM", "1") != "0"
POLL_S = 0.05  # how often a waiting thread looks whether the pages are idle again
_LOG = logging.getLogger(__name__)
_CONTEXT_LOGGER = "streamlit.runtime.scriptrunner_utils.script_run_context"
_running = 0  # pages and fragments of this server running now
_lock = threading.Lock()
_done: dict[str, int] = {}  # page -> settings computed so far (for tests and benchmarks)
_threads: dict[str, threading.Thread] = {}  # page -> its one warming thread


@contextlib.contextmanager
def busy() -> Iterator[None]:
    """Mark a page run (or a fragment's) in progress: the warming thread waits meanwhile."""
    global _running
    with _lock:
        _running += 1
    try:
        yield
    finally:
        with _lock:
            _running -= 1


def warmed(page: str) -> int:
    """How many of ``page``'s settings the thread has computed so far."""
    return _done.get(page, 0)


class _Quiet(logging.Filter):
    """Drops Streamlit's "missing ScriptRunContext" warning from the warming threads.

    Streamlit warns once per cached call outside a session; here that is the design.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.threadName.startswith("warm-")


def _lowest_priority() -> None:
    with contextlib.suppress(AttributeError, OSError):  # not Linux: an ordinary thread
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)


def _idle() -> None:
    while _running:
        time.sleep(POLL_S)


def _work(page: str, settings: Sequence, compute: Callable[[dict], Iterator]) -> None:
    _lowest_priority()
    logging.getLogger(_CONTEXT_LOGGER).addFilter(_Quiet())
    for setting in settings:
        try:
            for _ in compute(setting):  # each step one cached piece: a page waits for one only
                _idle()
        except Exception:  # a setting that fails is computed again when asked, with its error
            _LOG.exception("warming %s at %s failed", page, setting)
        _done[page] = _done.get(page, 0) + 1


def start(page: str, settings: Sequence, compute: Callable[[dict], Iterator]) -> None:
    """Start ``page``'s warming thread, once per server process (no-op when not ``ENABLED``).

    ``compute(setting)`` is a generator that fills the page's caches for one setting,
    yielding after each piece (the thread waits there while a page runs). It runs
    outside any session: it must only fill caches.
    """
    if not ENABLED:
        return
    with _lock:
        if page in _threads:
            return
        _threads[page] = threading.Thread(
            target=_work, args=(page, list(settings), compute), name=f"warm-{page}", daemon=True
        )
    _threads[page].start()
