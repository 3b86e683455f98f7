"""Servers and the browser for the benchmarks: the tests' harness, with the benchmarks' settings.

The Chromium lookup and ``streamlit run`` are the real-browser tests' own
(``tests.browser.chromium``, ``tests.browser.server``, neither imports pytest); here a
server logs under the temp folder (``LOGS``), sends no usage statistics, and can report
its memory; Chromium keeps background tabs at full speed (``CHROMIUM_ARGS``).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from tests.browser.chromium import BACKGROUND_ARGS, find_chromium
from tests.browser.chromium import launch as launch_chromium
from tests.browser.server import APP, StreamlitServer

REFERENCE = "benchmarks/reference_app.py"
LOGS = Path(tempfile.gettempdir()) / "sparsity_lab_bench_logs"
# Several tabs are open at once (the app page and the reference, N students):
# a tab in the background must not have its timers or frames slowed.
CHROMIUM_ARGS = BACKGROUND_ARGS
VIEWPORT = {"width": 1440, "height": 900}


class Server(StreamlitServer):
    """A ``streamlit run`` process on a loopback port, with its memory."""

    def rss_mb(self) -> float:
        """Resident memory of the server process now (VmRSS), in MB."""
        return _status_kb(self.pid, "VmRSS") / 1024

    def cpu_seconds(self) -> float:
        """User + system CPU time of the server process so far (its threads included)."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def peak_mb(self) -> float:
        """Peak resident memory of the server process so far (VmHWM), in MB."""
        return _status_kb(self.pid, "VmHWM") / 1024


def _status_kb(pid: int, field_name: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field_name + ":"):
            return float(line.split()[1])
    return float("nan")


def start_server(script: str = APP, timeout_s: float = 90.0) -> Server:
    """Serve ``script`` (relative to the repository) and wait until it is healthy.

    Raises ``tests.browser.server.ServerStartError`` (a RuntimeError) with the log's tail
    when it does not start. The log: ``LOGS/streamlit-<script stem>-<our pid>.log``.
    """
    name = f"{Path(script).stem}-{os.getpid()}"
    server = Server(name, "--browser.gatherUsageStats", "false", script=script, log_dir=LOGS)
    server.start(timeout=timeout_s)
    return server


def stop_server(server: Server | None) -> None:
    """Stop the server process we started (by its pid), killing it if it hangs."""
    if server is not None:
        server.stop()


def launch(playwright, args=CHROMIUM_ARGS):
    """Debian's Chromium through Playwright (sync or async API alike)."""
    executable = find_chromium()
    if executable is None:
        raise SystemExit("no chromium on PATH: the browser benchmarks need Debian's chromium")
    return launch_chromium(playwright, executable, args)


def page_url(server: Server, url_path: str) -> str:
    return f"{server.url}/{url_path}"
