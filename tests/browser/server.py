"""``streamlit run <script>`` in the background, for the browser tests and the benchmarks.

The output goes to a log file (``<log_dir>/streamlit-<name>.log``), never to a pipe: a
pipe that nobody reads fills at ~64 KiB and then blocks the server on its next log line.
The server is stopped by its own pid (terminate, then kill if it hangs).
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.browser.artifacts import ARTIFACTS, ROOT

APP = "app.py"


class ServerStartError(RuntimeError):
    """The server exited, or its health endpoint did not answer in time."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class StreamlitServer:
    """One ``streamlit run`` process on a loopback port.

    Parameters
    ----------
    name : str
        Names the log file, ``streamlit-<name>.log`` in ``log_dir``.
    *extra_args : str
        More options for ``streamlit run``.
    script : str
        The script to serve, relative to the repository.
    log_dir : Path
        Where the log goes: tests/artifacts/ unless told.
    """

    def __init__(
        self, name: str, *extra_args: str, script: str = APP, log_dir: Path = ARTIFACTS
    ) -> None:
        self.name = name
        self.extra_args = extra_args
        self.script = script
        self.log_path = log_dir / f"streamlit-{name}.log"
        self.process: subprocess.Popen | None = None
        self.url = ""
        self.started_s = 0.0  # seconds from spawn to a healthy /_stcore/health

    def start(self, timeout: float = 120.0) -> StreamlitServer:
        """Spawn the server and wait for its health endpoint; ServerStartError if not."""
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        port = free_port()
        spawned = time.perf_counter()
        with self.log_path.open("wb") as log:  # the child keeps its own handle
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "streamlit",
                    "run",
                    self.script,
                    "--server.port",
                    str(port),
                    "--server.headless",
                    "true",
                    "--server.address",
                    "127.0.0.1",
                    *self.extra_args,
                ],
                cwd=ROOT,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self.url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + timeout
        while not self.healthy():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise ServerStartError(f"{self.script} did not start:\n{self.tail()}")
            time.sleep(0.3)  # polling the health endpoint, not waiting for the app
        self.started_s = time.perf_counter() - spawned
        return self

    @property
    def pid(self) -> int:
        assert self.process is not None, "not started"
        return self.process.pid

    def healthy(self, timeout: float = 2.0) -> bool:
        try:
            with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=timeout) as reply:
                return reply.status == 200
        except OSError:
            return False

    def tail(self, lines: int = 60) -> str:
        if not self.log_path.exists():
            return "(no server log)"
        text = self.log_path.read_text(errors="replace").splitlines()[-lines:]
        return f"--- last {len(text)} lines of {self.log_path} ---\n" + "\n".join(text)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=15)
