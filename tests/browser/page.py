"""Pages of the app in a real browser: the waits, the reading, the console they logged.

- ``Browsing`` opens pages of one server, each in a browser context of its own (with
  the run counter of ``scripts.INIT_SCRIPT`` installed before any page script).
- ``AppPage`` is one such page: ``settle`` (a run finished and the page fully drawn),
  ``rerun`` (do something, wait for the new run's page), reading (signature, query,
  measure), screenshots, and the console errors it logged.
- ``ALLOWED_CONSOLE``: the console errors that are proven noise; any other fails a test.
"""

from __future__ import annotations

import contextlib
import re
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.browser import artifacts
from tests.browser.scripts import INIT_SCRIPT, MEASURE_JS, SETTLED_JS, SIGNATURE_JS

# A run not counted after this long (see AppPage.rerun) is looked for in the page.
UNSEEN_RUN_MS = 30_000
TIMEOUT_MS = 120_000  # a 2-core machine shared by several engineers: generous

# Browser console errors that are proven Streamlit/Chromium noise in this sandbox.
# Each entry: (why, message pattern, pattern of the URL the message is about).
ALLOWED_CONSOLE: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...] = (
    (
        # Streamlit's connection manager does not know the app's base path, so it tries
        # the page's own path first: for /tour it asks /tour/_stcore/health and
        # /tour/_stcore/host-config (404) before / (200). In 1.67 see the function in
        # static/js/index.*.js that builds the candidate URLs from `pathname.split("/")`
        # (at most two: the full path and one level up). The app then connects normally.
        "Streamlit probes the page's path as a possible base URL",
        re.compile(r"^Failed to load resource: the server responded with a status of 404"),
        re.compile(r"^http://127\.0\.0\.1:\d+/[^/]+/_stcore/(health|host-config)$"),
    ),
)


@dataclass
class ConsoleEntry:
    kind: str  # "error" (console.error, failed resource) or "pageerror" (uncaught)
    text: str
    url: str  # the resource or script the message is about
    page_url: str

    def allowed(self) -> str | None:
        """Why this entry is noise, or None when it is a defect."""
        for why, text, url in ALLOWED_CONSOLE:
            if self.kind == "error" and text.search(self.text) and url.search(self.url):
                return why
        return None

    def __str__(self) -> str:
        return f"[{self.kind}] {self.text} ({self.url or 'no url'}) on {self.page_url}"


class AppPage:
    """One page in a browser context of its own, with the waits the tests need."""

    def __init__(self, context, page, base_url: str) -> None:
        self.context = context
        self.page = page
        self.base_url = base_url
        self.console: list[ConsoleEntry] = []
        page.on("console", self._on_console)
        page.on("pageerror", self._on_page_error)

    def _on_console(self, message) -> None:
        if message.type == "error":
            location = message.location or {}
            self.console.append(
                ConsoleEntry("error", message.text, location.get("url", ""), self.page.url)
            )

    def _on_page_error(self, error) -> None:
        self.console.append(ConsoleEntry("pageerror", str(error), "", self.page.url))

    def console_errors(self) -> list[ConsoleEntry]:
        return [entry for entry in self.console if entry.allowed() is None]

    # -- waits --

    def runs(self) -> int:
        return int(self.page.evaluate("() => window.__sparsity ? window.__sparsity.done : 0"))

    def settle(self, runs: int = 1, timeout: float = TIMEOUT_MS) -> None:
        """Wait until at least `runs` Streamlit runs finished and the page is fully drawn."""
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        try:
            self.page.wait_for_function(SETTLED_JS, arg=runs, polling="raf", timeout=timeout)
        except PlaywrightTimeout as error:
            # Say what the page was still waiting for: a timeout alone cannot be diagnosed.
            state = self.page.evaluate(
                "() => { const s = window.__sparsity || {}; return {done: s.done,"
                " states: (s.states || []).slice(-12), why: s.why, moves: s.moves}; }"
            )
            raise AssertionError(
                f"page not settled after {timeout / 1000:.0f} s waiting for {runs} runs: {state}"
            ) from error

    def rerun(self, action: Callable[[], object], timeout: float = TIMEOUT_MS) -> None:
        """Do something that makes Streamlit run again, and wait for the new run's page."""
        before = self.runs()
        query, signature = self.query(), self.signature()
        action()
        try:
            self.settle(before + 1, timeout=min(timeout, UNSEEN_RUN_MS))
        except AssertionError:
            # The counter sees a run when React commits the "running" state; a page busy
            # drawing can take the run's first and last messages in one commit, and then
            # no run is counted. Long after the action, a changed URL or page proves that
            # the run happened: wait for it to be over and drawn. Nothing changed: fail.
            if self.query() == query and self.signature() == signature:
                raise
            self.settle(self.runs(), timeout=timeout)

    def goto(self, path: str) -> None:
        self.page.goto(f"{self.base_url}/{path.lstrip('/')}", timeout=TIMEOUT_MS)
        self.settle()

    def resize(self, width: int, height: int) -> None:
        self.page.set_viewport_size({"width": width, "height": height})
        self.settle(self.runs())

    # -- reading --

    def signature(self) -> dict:
        return self.page.evaluate(SIGNATURE_JS)

    def query(self) -> dict[str, str]:
        return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(self.page.url).query))

    def measure(self) -> dict:
        self.page.evaluate("() => document.fonts.ready.then(() => true)")
        self.page.evaluate(
            "() => { const m = document.querySelector('[data-testid=\"stMain\"]');"
            " if (m) m.scrollTop = 0; }"
        )
        return self.page.evaluate(MEASURE_JS)

    def screenshot(self, name: str) -> Path:
        return artifacts.screenshot(self.page, name)

    def screenshot_whole(self, name: str, max_height: int = 9000) -> Path:
        """The whole page: the main area scrolls inside the window (not the document, so
        Playwright's full_page sees one screen); grow the window to the content's height."""
        size = self.page.viewport_size
        height = int(
            self.page.evaluate(
                "() => { const m = document.querySelector('[data-testid=\"stMain\"]');"
                " return m ? m.scrollHeight : document.documentElement.scrollHeight; }"
            )
        )
        self.resize(size["width"], min(max(height, size["height"]), max_height))
        path = self.screenshot(name)
        self.resize(size["width"], size["height"])
        return path

    def assert_no_error(self) -> None:
        for selector in ('[data-testid="stException"]', '[data-testid="stAlertContentError"]'):
            found = self.page.locator(selector)
            assert found.count() == 0, found.first.inner_text()

    def close(self) -> None:
        self.context.close()


class Browsing:
    """Opens pages of one server, each in a fresh context; remembers them for the checks."""

    def __init__(self, browser, base_url: str) -> None:
        self.browser = browser
        self.base_url = base_url
        self.pages: list[AppPage] = []

    def new_page(
        self,
        width: int = 1280,
        height: int = 900,
        *,
        mobile: bool = False,
        color_scheme: str | None = None,
        base_url: str | None = None,
    ) -> AppPage:
        """A blank page in a new context: a phone (touch, mobile viewport) or a desktop."""
        options: dict = {"viewport": {"width": width, "height": height}}
        if mobile:
            options.update(has_touch=True, is_mobile=True, device_scale_factor=2)
        if color_scheme:
            options["color_scheme"] = color_scheme
        context = self.browser.new_context(**options)
        context.add_init_script(INIT_SCRIPT)
        context.set_default_timeout(TIMEOUT_MS)
        app_page = AppPage(context, context.new_page(), base_url or self.base_url)
        self.pages.append(app_page)
        return app_page

    def open(self, path: str = "", width: int = 1280, height: int = 900, **options) -> AppPage:
        """`path` (with its query) loaded in a new context, once Streamlit has drawn it."""
        app_page = self.new_page(width, height, **options)
        app_page.goto(path)
        return app_page

    def console_errors(self) -> list[ConsoleEntry]:
        return [entry for page in self.pages for entry in page.console_errors()]

    def close(self) -> None:
        for page in self.pages:
            with contextlib.suppress(Exception):  # already closed by the test
                page.close()
