"""Debian's Chromium: where it is, the switches it runs with, and launching it.

Playwright cannot download its own browser here, so it drives the system's
``chromium`` (``apt-get install chromium``). The CI rule: under CI=true a missing
Chromium fails the test (``.ci/run`` installs it; a browser test that CI never runs
would be a defect); on a developer's machine without it the browser tests skip.
"""

from __future__ import annotations

import os
import shutil

CHROMIUM_ARGS = (
    "--no-sandbox",  # we run as root in CI
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
# The 3-D scenes are WebGL, and headless Chromium without a GPU has none otherwise:
# WebGL in software (SwiftShader).
WEBGL_ARGS = (*CHROMIUM_ARGS, "--use-gl=swiftshader", "--enable-unsafe-swiftshader")
# Several tabs open at once (a page and a reference, N students): a tab in the
# background must not have its timers or frames slowed (the benchmarks).
BACKGROUND_ARGS = (
    *CHROMIUM_ARGS,
    "--disable-background-timer-throttling",
    "--disable-renderer-backgrounding",
    "--disable-backgrounding-occluded-windows",
)


def find_chromium() -> str | None:
    """The path of Debian's Chromium on PATH, or None."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def chromium_for_tests() -> str:
    """Chromium's path; without it fail under CI=true, else skip the test."""
    import pytest

    path = find_chromium()
    if path:
        return path
    if os.environ.get("CI"):
        pytest.fail("CI=true but no chromium on PATH: .ci/run must install Debian's chromium")
    pytest.skip("no chromium on this machine (apt-get install chromium)")


def launch(playwright, executable: str, args=CHROMIUM_ARGS):
    """Headless Chromium through Playwright's sync or async API (async: await the result)."""
    return playwright.chromium.launch(executable_path=executable, args=list(args))
