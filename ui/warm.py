"""Computing a page's likely next settings at server start, in the background.

A page hands ``start`` its settings (``lessons.warm_grid``) and a function that
computes one of them through the page's own caches; one daemon thread per page
and server process works through them, the nearest values first, so that a
student's next presses are answered from the cache.

It must not slow the students down. The thread runs at the lowest CPU priority
(``nice`` 19; Linux gives each thread its own), and it stops while any page of
this server runs (``busy``): not only between pieces, but within one, at its
next Python or C call (a profile hook of its own thread; a numpy call on 100,000
problems takes a few ms), so that a rerun does not share the GIL with it. It
never stops inside an import or logging (their locks are the pages' too). Inside
a Streamlit cache's computation it holds that value's lock: a page that asks for
the same value waits for it, so a pause that lasts ``MAX_PAUSE_S`` ends the pauses
until the thread's next setting. It is off when ``SPARSITY_LAB_WARM=0`` (the tests
set it: a test's run computes only what it asks).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence

__all__ = ["ENABLED", "MAX_PAUSE_S", "busy", "start", "warmed"]

ENABLED = os.environ.get("SPARSITY_LAB_WARM", "1") != "0"
POLL_S = 0.01  # how often a paused thread looks whether the pages are idle again
MAX_PAUSE_S = 3.0  # a pause this long may be a page waiting for the thread: go on
_LOG = logging.getLogger(__name__)
_CONTEXT_LOGGER = "streamlit.runtime.scriptrunner_utils.script_run_context"
# Code that may hold a lock a page run could need: the thread does not pause in it.
_HOLDS_LOCKS = ("importlib", "logging", "threading.py")
_running = 0  # pages and fragments of this server running now
_lock = threading.Lock()
_done: dict[str, int] = {}  # page -> settings computed so far
_threads: dict[str, threading.Thread] = {}  # page -> its one warming thread
_patient = threading.local()  # .until_next: no more pauses in this thread's setting


@contextlib.contextmanager
def busy() -> Iterator[None]:
    """Mark a page run (or a fragment's) in progress: the warming threads pause meanwhile."""
    global _running
    with _lock:
        _running += 1
    try:
        yield
    finally:
        with _lock:
            _running -= 1


def warmed(page: str) -> int:
    """How many of ``page``'s settings its thread has computed so far."""
    return _done.get(page, 0)


class _Quiet(logging.Filter):
    """Drops Streamlit's "missing ScriptRunContext" warning from the warming threads.

    Streamlit warns once per cached call outside a session; here that is the design.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.threadName.startswith("warm-")


def _may_pause(frame) -> bool:
    """No frame between the thread's own loop and ``frame`` is an import's or logging's."""
    while frame is not None and frame.f_code is not _work.__code__:
        if any(part in frame.f_code.co_filename for part in _HOLDS_LOCKS):
            return False
        frame = frame.f_back
    return True


def _pause(frame, event, arg) -> None:
    """The thread's profile hook: wait while a page runs, where that is safe."""
    if _running and not getattr(_patient, "until_next", False) and _may_pause(frame):
        deadline = time.monotonic() + MAX_PAUSE_S
        while _running:
            if time.monotonic() > deadline:
                _patient.until_next = True
                return
            time.sleep(POLL_S)


def _work(page: str, settings: Sequence, compute: Callable[[dict], Iterator]) -> None:
    with contextlib.suppress(AttributeError, OSError):  # not Linux: an ordinary thread
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)
    logging.getLogger(_CONTEXT_LOGGER).addFilter(_Quiet())
    started = time.perf_counter()
    sys.setprofile(_pause)  # this thread only
    for setting in settings:
        _patient.until_next = False
        try:
            for _ in compute(setting):
                pass
        except Exception:  # a setting that fails is computed again when asked, with its error
            _LOG.exception("warming %s at %s failed", page, setting)
        _done[page] = _done.get(page, 0) + 1
    sys.setprofile(None)
    seconds = time.perf_counter() - started
    print(f"warmed {page}: {len(settings)} settings in {seconds:.0f} s", file=sys.stderr)


def start(page: str, settings: Sequence, compute: Callable[[dict], Iterator]) -> None:
    """Start ``page``'s warming thread, once per server process (no-op when not ``ENABLED``).

    ``compute(setting)`` is a generator that fills the page's caches for one setting,
    yielding after each piece. It runs outside any session: it must only fill caches.
    """
    if not ENABLED:
        return
    # Plotly asks sys.modules whether pandas is loaded (and then uses it): were pandas
    # first imported by a page while this thread builds a figure, it would see a half-
    # initialised module. So it is loaded before the thread starts.
    import pandas  # noqa: F401

    with _lock:
        if page in _threads:
            return
        _threads[page] = threading.Thread(
            target=_work, args=(page, list(settings), compute), name=f"warm-{page}", daemon=True
        )
    _threads[page].start()
