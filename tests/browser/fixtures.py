"""The browser tests' fixtures: a pytest plugin, registered in tests/conftest.py.

- ``streamlit_server`` (session): one ``streamlit run app.py`` for every browser test;
  a failed browser test reports the tail of its log (and screenshots its pages).
- ``base_url`` (session): that server's address, for tests that drive pages themselves.
- ``cold_server`` (function): a server of its own, for the cold deep-link test.
- ``browser`` (module): one headless Debian Chromium, driven by Playwright, started
  with ``chromium_args`` (module): a test module overrides that fixture to change the
  switches (the 3-D scenes need software WebGL: ``WEBGL_ARGS``).
- ``app`` (function): opens pages, each in a context of its own, and fails the test
  when the browser console logged an error that is not proven noise (ALLOWED_CONSOLE).
- ``measured`` (module): fresh loads of a page at a viewport, each measured once in a
  context of its own and shared by the read-only checks of that load.

Without Chromium a browser test skips on a developer's machine and fails under CI=true
(``chromium.chromium_for_tests``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest

from tests.browser.artifacts import artifact_name
from tests.browser.chromium import CHROMIUM_ARGS, chromium_for_tests, launch
from tests.browser.layout import Measurements
from tests.browser.page import Browsing
from tests.browser.server import ServerStartError, StreamlitServer

_SERVERS: list[StreamlitServer] = []  # started by the fixtures: their logs go in failures
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


@contextlib.contextmanager
def _serving(name: str) -> Iterator[StreamlitServer]:
    """A started server whose log goes in the report of a failed test; stopped after."""
    try:
        server = StreamlitServer(name).start()
    except ServerStartError as error:
        pytest.fail(str(error))
    _SERVERS.append(server)
    try:
        yield server
    finally:
        _SERVERS.remove(server)
        server.stop()


@pytest.fixture(scope="session")
def streamlit_server() -> Iterator[StreamlitServer]:
    with _serving("session") as server:
        yield server


@pytest.fixture(scope="session")
def base_url(streamlit_server) -> str:
    """The session server's address, e.g. http://127.0.0.1:40123 (no trailing slash)."""
    return streamlit_server.url


@pytest.fixture
def cold_server() -> Iterator[StreamlitServer]:
    """A server of its own, started for one test (its first request decides its mode)."""
    with _serving("cold") as server:
        yield server


@pytest.fixture(scope="module")
def chromium_args() -> tuple[str, ...]:
    """Chromium's switches for this module's browser (override the fixture to change them)."""
    return CHROMIUM_ARGS


# Module scope: a module may choose its switches, and Playwright's sync API cannot run
# twice at once in one thread (each module's browser is closed before the next starts).
@pytest.fixture(scope="module")
def browser(chromium_args):
    executable = chromium_for_tests()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = launch(playwright, executable, chromium_args)
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
