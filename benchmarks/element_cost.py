"""What Streamlit costs per element on a rerun, in a real browser (prints figures, no asserts).

Run: ``.venv/bin/python benchmarks/element_cost.py [--presses 20]``.

The floor of ``latency.py`` is one slider and one chart. A lesson page has 30 to
70 elements, and Streamlit sends and draws every one of them again on every
rerun, changed or not. This script serves ``element_cost_app.py`` and presses
its slider on variants of the floor with N unchanged elements of one kind, and
with the same text merged into one st.markdown, so that a page's latency can be
read against what its element count alone costs. Times as in ``latency.py``
(keypress to the run over and the chart changed; see ``browser_bench``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.browser
import browser_bench as bb

VARIANTS = (
    ("floor (no extra element)", "n=0"),
    ("20 sliders", "n=20&kind=slider"),
    ("40 captions", "n=40&kind=caption"),
    ("40 markdown paragraphs", "n=40&kind=markdown"),
    ("40 LaTeX formulas", "n=40&kind=latex"),
    ("40 headers", "n=40&kind=header"),
    ("40 mixed (header, markdown, caption, LaTeX)", "n=40&kind=mixed"),
    ("80 mixed", "n=80&kind=mixed"),
    ("40 mixed, merged into one markdown", "n=40&kind=mixed&merged=1"),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=20)
    args = parser.parse_args()
    server = bb.start_server("benchmarks/element_cost_app.py")
    rows = []
    try:
        with sync_playwright() as playwright:
            browser = bb.launch(playwright)
            context = browser.new_context(viewport=bb.VIEWPORT)
            for label, query in VARIANTS:
                page = bb.open_page(context, f"{server.url}/?{query}")
                direction = {"key": "ArrowRight"}
                for _ in range(3):  # warm-up
                    bb.press_slider(page, 0, direction)
                presses = [bb.press_slider(page, 0, direction) for _ in range(args.presses)]
                page.close()
                totals = [p.total for p in presses if p.ok]
                running = [p.running for p in presses if p.running is not None]
                rows.append((label, len(totals), totals, running))
                print(f"  measured {label}", flush=True)
    finally:
        bb.stop_server(server)
    floor_p95 = bb.Summary(rows[0][2]).p95
    print("\nkeypress -> chart showing the new state (ms)")
    header = ("page", "ok", "p50", "p95", "p95/floor", "key->running p50")
    print("{:46s} {:>5s} {:>6s} {:>6s} {:>9s} {:>17s}".format(*header))
    for label, ok, totals, running in rows:
        total = bb.Summary(totals)
        print(
            f"{label:46s} {ok:>5d} {total.p50:6.0f} {total.p95:6.0f} "
            f"{bb.ratio(total.p95, floor_p95):8.2f}x {bb.Summary(running).p50:17.0f}"
        )


if __name__ == "__main__":
    main()
