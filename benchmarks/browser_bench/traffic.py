"""Bytes the server sends a tab: every websocket frame it receives, counted in Python.

Playwright reports each frame (``framereceived``); a press's payload is the count after
the press less the count before it, the deltas, figures and component data together.
"""

from __future__ import annotations


class Traffic:
    """A running count of the bytes a page has received over its websockets."""

    def __init__(self, page) -> None:
        self.received = 0
        page.on("websocket", self._watch)

    def _watch(self, socket) -> None:
        socket.on("framereceived", self._count)

    def _count(self, payload) -> None:
        self.received += len(payload if isinstance(payload, bytes) else payload.encode())
