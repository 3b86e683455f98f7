"""The one real-browser harness: Debian's Chromium driven by Playwright against `streamlit run`.

Split by job (each module is short enough to read at once):

- ``chromium``: finding Debian's Chromium (the CI rule: fail under CI=true, skip on a
  developer's machine without it), its command-line switches, launching it.
- ``server``: ``streamlit run <script>`` on a free loopback port, its output in a log
  file, stopped by its pid. Shared with the browser benchmarks (benchmarks/browser_bench/).
- ``scripts``: the JavaScript the waits run in the page (run counting, "settled").
- ``page``: ``AppPage`` / ``Browsing``: pages in contexts of their own, the waits, and the
  console errors they logged (``ALLOWED_CONSOLE``: the proven noise).
- ``layout`` (with ``measure.js``): the pages and sizes the layout gate measures, and
  ``Measurements``: one fresh load of a page at a viewport, measured once.
- ``artifacts``: where logs and screenshots go (tests/artifacts/, git-ignored).
- ``fixtures``: the pytest fixtures and the failure report (registered in tests/conftest.py).

``chromium`` and ``server`` do not import pytest: the benchmarks use them too.
"""
