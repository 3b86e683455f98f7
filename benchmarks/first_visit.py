"""Opening the link: navigation to the first chart drawn, first visitor and later visitors.

Run: ``.venv/bin/python benchmarks/first_visit.py [--quick]`` (prints figures, no asserts).

For every page of ``ui.registry.PAGES``, a fresh app server (``streamlit run app.py``)
and a fresh floor server (``benchmarks/reference_app.py``, one slider and one chart)
are started; then, each visit in a fresh browser context (empty cache, new session):

- first visitor: the floor's first visit, then the page's (its URL opened cold, as a
  lecturer's link is: the first run imports the app, fills the caches, and a deep link
  goes through the router's hand-over),
- later visitors: ``--later`` visits of the page and of the floor, alternated.

Times come from an init script in the page: ``performance.now()`` (ms since
navigation start) when the first figure is drawn ("chart": a ``.js-plotly-plot
.main-svg``, or the live figure's first SVG panel with a size, which is also
reported as "live") and when the run state is first "notRunning" with a chart on
the page ("done"). Ratios: the page's time / the floor's in the same round; target 1.25x.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import browser_bench as bb

from ui.registry import PAGES

TARGET = 1.25
MARKS_READY = "() => window.__firstMarks && window.__firstMarks.chart !== null"
MARKS_DONE = "() => window.__firstMarks && window.__firstMarks.idle !== null"
MARKS_LIVE = "() => window.__firstMarks && window.__firstMarks.live !== null"


def visit(browser, url: str, timeout_ms: float = 120_000) -> dict:
    """One visitor in a fresh context: ms from navigation start to chart / live / done."""
    context = browser.new_context(viewport=bb.VIEWPORT)
    try:
        context.add_init_script(bb.FIRST_PAINT)
        page = context.new_page()
        page.goto(url, wait_until="commit", timeout=timeout_ms)
        page.wait_for_function(MARKS_READY, timeout=timeout_ms)
        page.wait_for_function(MARKS_DONE, timeout=timeout_ms)
        if page.locator(bb.LIVE).count():  # the main page: until its live figure is drawn
            page.wait_for_function(MARKS_LIVE, timeout=timeout_ms)
        return page.evaluate("() => window.__firstMarks")
    finally:
        context.close()


def fmt(value: float | None) -> str:
    return f"{value:>8.0f}" if value is not None else f"{'-':>8}"


def measure_page(browser, spec, later: int) -> dict:
    app = floor = None
    try:
        app = bb.start_server(bb.APP)
        floor = bb.start_server(bb.REFERENCE)
        url = bb.page_url(app, spec.url_path)
        first_floor = visit(browser, floor.url)
        first_app = visit(browser, url)
        later_app, later_floor = [], []
        for _ in range(later):
            later_app.append(visit(browser, url))
            later_floor.append(visit(browser, floor.url))
        return {
            "first": (first_app, first_floor),
            "later": (later_app, later_floor),
            "started": (app.started_s, floor.started_s),
        }
    finally:
        bb.stop_server(app)
        bb.stop_server(floor)


def median_of(marks: list[dict], key: str) -> float | None:
    values = [m[key] for m in marks if m.get(key) is not None]
    return statistics.median(values) if values else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 later visitors instead of 5")
    parser.add_argument("--later", type=int, help="later visitors per page (default 5)")
    parser.add_argument("--budget-min", type=float, default=20.0, help="stop after this long")
    args = parser.parse_args()
    later = args.later or (3 if args.quick else 5)

    started = time.monotonic()
    deadline = started + args.budget_min * 60
    results = {}
    with sync_playwright() as playwright:
        browser = bb.launch(playwright)
        try:
            for spec in PAGES:
                if time.monotonic() > deadline:
                    print(f"stopped early: the {args.budget_min:.0f}-minute budget ran out")
                    break
                results[spec.key] = measure_page(browser, spec, later)
                print(f"  measured {spec.key}", flush=True)
        finally:
            browser.close()

    live_seen = any(
        m.get("live") is not None for r in results.values() for m in [r["first"][0], *r["later"][0]]
    )
    print(
        "\nnavigation -> first chart drawn (ms since navigation start); "
        f"ratio = page / floor in the same round; target {TARGET}x"
    )
    print(
        f"{'page':<20}{'first':>8}{'floor':>8}{'ratio':>7}  {'verdict':<16}"
        f"{'later':>8}{'floor':>8}{'ratio':>7}  {'verdict':<16}"
        f"{'done 1st':>9}{'done later':>11}"
        + (f"{'live 1st':>9}{'live later':>11}" if live_seen else "")
    )
    for key, r in results.items():
        first_app, first_floor = r["first"]
        later_app, later_floor = r["later"]
        first_ratio = bb.ratio(first_app["chart"], first_floor["chart"])
        later_chart, later_floor_chart = (
            median_of(later_app, "chart"),
            median_of(later_floor, "chart"),
        )
        later_ratio = bb.ratio(later_chart, later_floor_chart)
        line = (
            f"{key:<20}{fmt(first_app['chart'])}{fmt(first_floor['chart'])}{first_ratio:>6.2f}x"
            f"  {bb.verdict(first_ratio, TARGET):<16}"
            f"{fmt(later_chart)}{fmt(later_floor_chart)}{later_ratio:>6.2f}x"
            f"  {bb.verdict(later_ratio, TARGET):<16}"
            f"{fmt(first_app['idle'])}{fmt(median_of(later_app, 'idle'))}"
        )
        if live_seen:
            line += f"{fmt(first_app.get('live'))}{fmt(median_of(later_app, 'live'))}"
        print(line)
    print(
        f"\n'later' = median of {later} visitors, each in a fresh context, alternated with the "
        "floor's; 'done' = the page's run over (notRunning) with a chart drawn."
    )
    if not live_seen:
        print("no page has a live figure (.st-key-live_figure): charts timed only")
    spread = [
        f"{key} {max(m['chart'] for m in r['later'][0]):.0f}"
        for key, r in results.items()
        if r["later"][0]
    ]
    print("slowest later visit per page (ms): " + ", ".join(spread))
    boot = [r["started"][0] for r in results.values()]
    if boot:
        print(
            f"server start to healthy: app median {statistics.median(boot):.1f} s, floor "
            f"{statistics.median([r['started'][1] for r in results.values()]):.1f} s"
        )
    print(f"whole run: {(time.monotonic() - started) / 60:.1f} min")


if __name__ == "__main__":
    main()
