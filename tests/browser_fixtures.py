"""The browser tests' fixtures (a pytest plugin: ``pytest_plugins = ["tests.browser_fixtures"]``).

- ``streamlit_server`` (session): one ``streamlit run app.py`` for every browser test;
  a failed browser test reports the tail of its log (and screenshots its pages).
- ``cold_server`` (function): a server of its own, for the cold deep-link test.
- ``browser`` (module): one headless Debian Chromium, driven by Playwright.
- ``app`` (function): opens pages, each in a context of its own, and fails the test
  when the browser console logged an error that is not proven noise (ALLOWED_CONSOLE).
- ``measured`` (module): fresh loads of a page at a viewport, each measured once in a
  context of its own and shared by the read-only checks of that load.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest

from tests.browser_support import (
    CHROMIUM_ARGS,
    Browsing,
    Measurements,
    StreamlitServer,
    artifact_name,
    chromium_path,
)

_SERVERS: list[StreamlitServer] = []  # started by the fixture: their logs go in failures
_FAILED = pytest.StashKey[bool]()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A failed browser test reports the server's log tail and screenshots its pages."""
    outcome = yield
    report = outcome.get_result()
    if not report.failed or "browser" not in item.keywords:
        return
    item.stash[_FAILED] = True
    for server in _SERVERS:
        report.sections.append((f"streamlit server log ({server.name})", server.tail()))
    browsing = item.funcargs.get("app") if hasattr(item, "funcargs") else None
    for number, page in enumerate(getattr(browsing, "pages", [])):
        with contextlib.suppress(Exception):  # the context may be gone already
            page.screenshot(artifact_name("FAILED", item.name, number))


@pytest.fixture(scope="session")
def streamlit_server() -> Iterator[StreamlitServer]:
    server = StreamlitServer("session").start()
    _SERVERS.append(server)
    yield server
    _SERVERS.remove(server)
    server.stop()


@pytest.fixture
def cold_server() -> Iterator[StreamlitServer]:
    """A server of its own, started for one test (its first request decides its mode)."""
    server = StreamlitServer("cold").start()
    _SERVERS.append(server)
    yield server
    _SERVERS.remove(server)
    server.stop()


# Module scope: Playwright's sync API cannot run twice at once in one thread, and the
# pages' own browser tests (tests/page_browser.py) start their own after these.
@pytest.fixture(scope="module")
def browser():
    executable = chromium_path()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def app(browser, streamlit_server, request) -> Iterator[Browsing]:
    """Pages of the session's server, each in its own context; console errors fail the test."""
    browsing = Browsing(browser, streamlit_server.url)
    yield browsing
    browsing.close()
    errors = browsing.console_errors()
    if errors and not request.node.stash.get(_FAILED, False):
        pytest.fail("the browser console logged errors:\n" + "\n".join(map(str, errors)))


@pytest.fixture(scope="module")
def measured(browser, streamlit_server) -> Iterator[Measurements]:
    browsing = Browsing(browser, streamlit_server.url)
    yield Measurements(browsing)
    browsing.close()
