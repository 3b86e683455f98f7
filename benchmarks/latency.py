"""Interaction latency in a real browser: a slider keypress to the chart showing the new state.

Run: ``.venv/bin/python benchmarks/latency.py [--quick] [--pages main,how_often]`` (prints
figures, no asserts).

For every page of ``ui.registry.PAGES`` the app is served by ``streamlit run app.py``
on this machine and driven by Chromium. One interaction: focus a slider thumb,
press ArrowRight (ArrowLeft once it reaches the end), and time, inside the page:

- keypress -> the run state becomes "running" (the widget message reaches the server),
- "running" -> "notRunning" (the rerun: solve, figures, serialisation, the deltas sent),
- "notRunning" -> the first chart whose Plotly data changed (browser render; 0 when the
  chart changed before the run ended),
- total = max(notRunning, first chart changed): what a student waits for, and
  "all charts" = the last chart that changed in the same update.

The floor is ``benchmarks/reference_app.py`` (one slider, one chart) on its own
server, pressed the same way in the same run, one press after every app press, so
both see the same load. Ratios are p95 / p95 of the floor presses interleaved with
that page. The tour has no slider: its control is the Next button (Enter).

Part 1: the first control of each page, ``--presses`` times (30; 10 with --quick).
Part 2: every slider of the first page and the first 3 of the others (``--every-control``:
every slider, toggle, radio row, select box and pill row of every page, pressed from the
keyboard: ``browser_bench.choices``), ``--per-control`` times each (10; 5 with --quick).
``--budget-min`` bounds the whole run.

Beside each control's latency, its cost: the server's CPU per press (``/proc/<pid>/stat``,
the app server's CPU seconds over the control's presses, against the floor server's over
the floor presses; target <= 3x) and the bytes the tab received per press (the websocket
frames; target <= 100 KB).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import browser_bench as bb

from ui.registry import PAGES

TARGET_MAIN = 1.5  # p95 / p95 of the floor, first page
TARGET_ANY = 2.0  # every page
TARGET_TOUR = 3.0  # the Tour's Next/Back (issue 33): a press shows a new step's figures
TARGET_CPU = 3.0  # server CPU per press / the floor's
TARGET_KB = 100.0  # bytes received per press
TOUR_BUTTONS = ("Next", "Back")
WARM_UP = 2  # presses per control before timing (the first rerun imports and fills caches)


class Bench:
    """The app tab and the floor tab, and the clock of the whole run."""

    def __init__(self, browser, app: bb.Server, floor: bb.Server, budget_s: float):
        self.app_context = browser.new_context(viewport=bb.VIEWPORT)
        self.floor_context = browser.new_context(viewport=bb.VIEWPORT)
        self.app = app
        self.floor = floor
        self.traffic = None
        self.floor_page = bb.open_page(self.floor_context, floor.url)
        self.floor_direction = {"key": "ArrowRight"}
        self.deadline = time.monotonic() + budget_s
        self.out_of_time = False

    def over(self) -> bool:
        self.out_of_time = self.out_of_time or time.monotonic() > self.deadline
        return self.out_of_time

    def floor_press(self) -> bb.Interaction:
        self.floor_page.bring_to_front()
        return bb.press_slider(self.floor_page, 0, self.floor_direction)

    def open(self, spec):
        url = bb.page_url(self.app, spec.url_path)
        page = bb.open_page(self.app_context, url, before_goto=self._watch)
        return page

    def _watch(self, page) -> None:
        self.traffic = bb.Traffic(page)  # before the first frame, so no socket is missed


def controls_of(page, spec, limit: int | None, first_key: str = "ArrowRight") -> list:
    """(label, press function) for the page's sliders (or the tour's Next button).

    ``first_key`` is the first direction: part 2 goes left, to values part 1 did not
    visit (so that st.cache_data, shared by every session, cannot answer them).
    """
    sliders = bb.visible_sliders(page)
    if not sliders:
        if page.get_by_role("button", name=TOUR_BUTTONS[0], exact=True).count():
            direction: dict = {} if first_key == "ArrowRight" else {"button": "Back"}
            return [("Next/Back button", lambda: bb.press_button(page, TOUR_BUTTONS, direction))]
        return []
    chosen = sliders if limit is None else sliders[:limit]
    controls = []
    for index, thumb in enumerate(chosen):
        label = bb.slider_state(thumb)["label"]
        direction = {"key": first_key}
        controls.append((label, lambda i=index, d=direction: bb.press_slider(page, i, d)))
    return controls


def measure(bench: Bench, press, count: int, warm_up: int = WARM_UP) -> tuple[list, list, bb.Cost]:
    """``count`` timed presses of one control, each followed by one floor press."""
    for _ in range(warm_up):
        press()
    app_runs, floor_runs, kb = [], [], []
    app_cpu = floor_cpu = 0.0
    for _ in range(count):
        if bench.over():
            break
        received, cpu = bench.traffic.received, bench.app.cpu_seconds()
        app_runs.append(press())
        app_cpu += bench.app.cpu_seconds() - cpu
        kb.append((bench.traffic.received - received) / 1024)
        cpu = bench.floor.cpu_seconds()
        floor_runs.append(bench.floor_press())
        floor_cpu += bench.floor.cpu_seconds() - cpu
    presses = max(len(app_runs), 1)
    return app_runs, floor_runs, bb.Cost(1e3 * app_cpu / presses, 1e3 * floor_cpu / presses, kb)


def figures(runs: list[bb.Interaction]) -> dict[str, bb.Summary]:
    ok = [run for run in runs if run.ok]
    return {
        "total": bb.Summary([run.total for run in ok]),
        "to_running": bb.Summary([run.running for run in ok if run.running is not None]),
        "rerun": bb.Summary([run.idle - run.running for run in ok if run.running is not None]),
        "server": bb.Summary([run.server for run in ok]),
        "render": bb.Summary([run.render for run in ok]),
        "all": bb.Summary([max(run.idle, run.last) for run in ok]),
        "busy": bb.Summary([run.busy for run in ok]),
    }


def part_one(bench: Bench, presses: int, pages: tuple) -> tuple[list, list]:
    print(f"\nPart 1: the first control of each page, {presses} presses, each beside a floor press")
    header = (
        f"{'page':<20}{'control':<22}{'ok':>6}{'p50':>8}{'p95':>8}{'floor p50':>10}"
        f"{'floor p95':>10}{'p95/floor':>10}{'target':>8}  verdict  {bb.COST_HEADER}"
    )
    split_header = (
        f"{'page':<20}{'key->running':>13}{'rerun':>8}{'key->idle':>10}{'idle->chart':>12}"
        f"{'all charts':>11}{'browser busy':>13}   (p50 ms; p95 of the rerun and the render)"
    )
    rows, splits, pooled_floor = [], [], []
    for spec in pages:
        if bench.over():
            rows.append(f"{spec.key:<20}(not measured: out of time)")
            continue
        page = bench.open(spec)
        controls = controls_of(page, spec, 1)
        if not controls:
            rows.append(f"{spec.key:<20}(no slider or button)")
            page.close()
            continue
        label, press = controls[0]
        app_runs, floor_runs, cost = measure(bench, press, presses)
        page.close()
        pooled_floor += floor_runs
        app, floor = figures(app_runs), figures(floor_runs)
        target = {"": TARGET_MAIN, "tour": TARGET_TOUR}.get(spec.url_path, TARGET_ANY)
        r = bb.ratio(app["total"].p95, floor["total"].p95)
        rows.append(
            f"{spec.key:<20}{label[:21]:<22}{sum(x.ok for x in app_runs):>3}/{len(app_runs):<2}"
            f"{app['total'].p50:>8.0f}{app['total'].p95:>8.0f}{floor['total'].p50:>10.0f}"
            f"{floor['total'].p95:>10.0f}{r:>9.1f}x{target:>7.1f}x  "
            f"{bb.verdict(r, target):<7}  {cost.columns()}"
        )
        splits.append(
            f"{spec.key:<20}{app['to_running'].p50:>13.0f}{app['rerun'].p50:>8.0f}"
            f"{app['server'].p50:>10.0f}{app['render'].p50:>12.0f}{app['all'].p50:>11.0f}"
            f"{app['busy'].p50:>13.0f}"
            f"   [rerun p95 {app['rerun'].p95:.0f}, render p95 {app['render'].p95:.0f}]"
        )
        print(f"  measured {spec.key} ({len(app_runs)} presses)", flush=True)
    floor = figures(pooled_floor)
    splits.append(
        f"{'floor (all)':<20}{floor['to_running'].p50:>13.0f}{floor['rerun'].p50:>8.0f}"
        f"{floor['server'].p50:>10.0f}{floor['render'].p50:>12.0f}{floor['all'].p50:>11.0f}"
        f"{floor['busy'].p50:>13.0f}"
        f"   [rerun p95 {floor['rerun'].p95:.0f}, render p95 {floor['render'].p95:.0f}]"
    )
    print(
        f"\nkeypress -> chart showing the new state (ms); cost per press: server CPU ms and its "
        f"ratio to the floor's (target <= {TARGET_CPU:g}x), KB received (target <= {TARGET_KB:g})"
    )
    print(header)
    print("\n".join(rows))
    print(
        f"floor, all {len(pooled_floor)} presses: p50 {floor['total'].p50:.0f} ms, "
        f"p95 {floor['total'].p95:.0f} ms"
    )
    print(
        "\nthe split (ms, p50): server = keypress -> notRunning (key->running: the widget "
        "message; rerun: running -> notRunning); render = notRunning -> chart (0 when the "
        "chart changed before the run ended); browser busy = the page's main thread in long "
        "tasks (> 50 ms: Plotly, React) from the keypress to the end, overlapping the rest"
    )
    print(split_header)
    print("\n".join(splits))
    return rows, pooled_floor


def part_two(bench: Bench, per_control: int, pages: tuple, every: bool = False) -> None:
    which = (
        "every slider, toggle, radio row, select box and pill row of every page"
        if every
        else ("every slider of the first page, the first 3 of the others")
    )
    print(f"\nPart 2: {which}, {per_control} presses each (ms)")
    print(
        f"{'page':<20}{'control':<34}{'ok':>6}{'p50':>8}{'p95':>8}{'rerun p50':>10}"
        f"{'render p50':>11}{'busy p50':>9}{'floor p95':>10}{'p95/floor':>10}{bb.COST_HEADER}"
    )
    for spec in pages:
        if bench.over():
            print(f"{spec.key:<20}(not measured: out of time)")
            continue
        page = bench.open(spec)
        controls = controls_of(page, spec, None if every or spec.url_path == "" else 3, "ArrowLeft")
        if every:
            controls += bb.choice_controls(page)
        for label, press in controls:
            if bench.over():
                print(f"{spec.key:<20}{label[:33]:<34}(not measured: out of time)")
                continue
            app_runs, floor_runs, cost = measure(bench, press, per_control, warm_up=1)
            app, floor = figures(app_runs), figures(floor_runs)
            print(
                f"{spec.key:<20}{label[:33]:<34}{sum(x.ok for x in app_runs):>3}/{len(app_runs):<2}"
                f"{app['total'].p50:>8.0f}{app['total'].p95:>8.0f}{app['rerun'].p50:>10.0f}"
                f"{app['render'].p50:>11.0f}{app['busy'].p50:>9.0f}{floor['total'].p95:>10.0f}"
                f"{bb.ratio(app['total'].p95, floor['total'].p95):>9.1f}x{cost.columns()}",
                flush=True,
            )
        page.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10 presses per page, 5 per control")
    parser.add_argument("--presses", type=int, help="presses per page in part 1 (default 30)")
    parser.add_argument("--per-control", type=int, help="presses per control in part 2 (10)")
    parser.add_argument("--budget-min", type=float, default=25.0, help="stop after this long")
    parser.add_argument("--skip-controls", action="store_true", help="part 1 only")
    parser.add_argument("--pages", help="comma-separated page keys (default: every page)")
    parser.add_argument(
        "--every-control", action="store_true", help="part 2: every control of every page"
    )
    args = parser.parse_args()
    keys = args.pages.split(",") if args.pages else [spec.key for spec in PAGES]
    unknown = sorted(set(keys) - {spec.key for spec in PAGES})
    if unknown:
        parser.error(f"unknown page keys {unknown}; known: {[spec.key for spec in PAGES]}")
    pages = tuple(spec for spec in PAGES if spec.key in keys)
    presses = args.presses or (10 if args.quick else 30)
    per_control = args.per_control or (5 if args.quick else 10)

    app = floor = None
    started = time.monotonic()
    try:
        app = bb.start_server(bb.APP)
        floor = bb.start_server(bb.REFERENCE)
        print(f"app server pid {app.pid} at {app.url}; floor server pid {floor.pid} at {floor.url}")
        with sync_playwright() as playwright:
            browser = bb.launch(playwright)
            try:
                bench = Bench(browser, app, floor, args.budget_min * 60)
                part_one(bench, presses, pages)
                if not args.skip_controls:
                    part_two(bench, per_control, pages, args.every_control)
                if bench.out_of_time:
                    print(f"\nstopped early: the {args.budget_min:.0f}-minute budget ran out")
            finally:
                browser.close()
    finally:
        bb.stop_server(app)
        bb.stop_server(floor)
    print(f"\nwhole run: {(time.monotonic() - started) / 60:.1f} min; logs in {bb.LOGS}")


if __name__ == "__main__":
    main()
