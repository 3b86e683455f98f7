"""Many students at once: N concurrent browser sessions on the first page, 20 slider presses each.

Run: ``.venv/bin/python benchmarks/load.py [--quick]`` (prints figures, no asserts).

For each N (1, 5, 10, 20 by default) a fresh ``streamlit run app.py`` is started and
warmed by one visit (imports, caches; that session is closed). Its resident memory
(VmRSS in /proc/<pid>/status) is read, then N students, each in its own browser
context (one Streamlit session each) of one Chromium driven through Playwright's
async API, open the first page (at most ``--open-at-once`` at a time, as a class
arriving), wait for each other, and then all press at once: student i presses slider
i mod (number of sliders), ArrowRight or ArrowLeft by parity, 20 times, each press
timed like ``latency.py`` (keypress -> run over and a chart changed, in the page).
The server's memory is read again while every session is still open.

Printed per N: interactions that succeeded, p50/p95 latency, p50 divided by the
p50 at N = 1 (target: no worse than N, linear), and memory per session =
(RSS after - RSS before) / N (target < 30 MB), with the peak (VmHWM).

Caveat: the students' Chromium runs on the same 2 cores as the server, so at
large N the figure includes the browsers' own rendering; the time the server is
busy is shown as well (its CPU seconds from /proc/<pid>/stat).
A step of N is given up, and the run stops, when its students cannot all open the
page within ``--open-timeout-s`` or the step runs past ``--step-timeout-s``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
import time
from pathlib import Path

from playwright.async_api import async_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import browser_bench as bb

TARGET_MB = 30.0
PRESSES = 20


async def student(index: int, browser, url: str, signals: tuple, gate, presses: int):
    """One student: a context, the page, then ``presses`` timed presses after the gate.

    ``signals`` = (this student's "page open (or failed)" event, everyone's "go" event).
    """
    ready, opened = signals
    context = await browser.new_context(viewport=bb.VIEWPORT)
    result = {"open_s": None, "runs": [], "error": None}
    try:
        async with gate:
            start = time.perf_counter()
            page = await bb.aopen_page(context, url)
            result["open_s"] = time.perf_counter() - start
    except Exception as error:  # a student who cannot open the page is the figure
        result["error"] = f"open: {type(error).__name__}: {str(error)[:120]}"
        return result
    finally:
        ready.set()
    await opened.wait()
    try:
        sliders = await bb.avisible_sliders(page)
        slider = index % len(sliders)
        direction = {"key": "ArrowRight" if index % 2 == 0 else "ArrowLeft"}
        for _ in range(presses):
            try:
                result["runs"].append(await bb.apress_slider(page, slider, direction))
            except Exception as error:
                result["runs"].append(None)
                result["error"] = f"press: {type(error).__name__}: {str(error)[:120]}"
    except Exception as error:
        result["error"] = f"sliders: {type(error).__name__}: {str(error)[:120]}"
    return result


async def warm_up(browser, server: bb.Server) -> None:
    context = await browser.new_context(viewport=bb.VIEWPORT)
    try:
        page = await bb.aopen_page(context, server.url)
        direction = {"key": "ArrowRight"}
        for _ in range(2):
            await bb.apress_slider(page, 0, direction)
    finally:
        await context.close()


async def one_step(browser, n: int, args) -> dict:
    server = bb.start_server(bb.APP)
    try:
        await warm_up(browser, server)
        await asyncio.sleep(2)
        before, cpu_before = server.rss_mb(), server.cpu_seconds()
        opened = asyncio.Event()
        ready = [asyncio.Event() for _ in range(n)]
        gate = asyncio.Semaphore(args.open_at_once)
        tasks = [
            asyncio.create_task(
                student(i, browser, server.url, (ready[i], opened), gate, args.presses)
            )
            for i in range(n)
        ]
        started = time.monotonic()
        # Everyone presses together once every page is open (or the opening time is up).
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(
                asyncio.gather(*(event.wait() for event in ready)), args.open_timeout_s
            )
        open_s = time.monotonic() - started
        opened.set()
        pressing = time.monotonic()
        done, pending = await asyncio.wait(tasks, timeout=args.step_timeout_s)
        for task in pending:
            task.cancel()
        wall = time.monotonic() - pressing
        after, peak = server.rss_mb(), server.peak_mb()
        cpu = server.cpu_seconds() - cpu_before
        results = [t.result() for t in done if not t.cancelled() and t.exception() is None]
        for context in list(browser.contexts):  # every student's, finished or not
            await context.close()
        return {
            "n": n,
            "expected": n * args.presses,
            "results": results,
            "unfinished": len(pending),
            "before": before,
            "after": after,
            "peak": peak,
            "cpu": cpu,
            "wall": wall,
            "open_s": open_s,
        }
    finally:
        bb.stop_server(server)


def report(step: dict, base_p50: float | None) -> tuple[str, float]:
    n = step["n"]
    runs = [run for r in step["results"] for run in r["runs"]]
    ok = [run.total for run in runs if run is not None and run.ok]
    expected = step["expected"]
    summary = bb.Summary(ok)
    per_session = (step["after"] - step["before"]) / n
    scale = bb.ratio(summary.p50, base_p50) if base_p50 else 1.0
    opens = [r["open_s"] for r in step["results"] if r["open_s"] is not None]
    line = (
        f"{n:>4}{len(ok):>6}/{expected:<5}{summary.p50:>8.0f}{summary.p95:>8.0f}"
        f"{scale:>9.2f}x{'<= ' + str(n) + 'x':>8}  {bb.verdict(scale, n):<16}"
        f"{step['before']:>8.0f}{step['after']:>8.0f}{step['peak']:>8.0f}"
        f"{per_session:>9.1f}  {bb.verdict(per_session, TARGET_MB):<16}"
        f"{step['cpu']:>7.1f}{step['wall']:>7.1f}"
        f"{(max(opens) if opens else float('nan')):>8.1f}"
    )
    return line, summary.p50


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,5,10,20", help="the N to try, in order")
    parser.add_argument("--presses", type=int, default=PRESSES, help="presses per student")
    parser.add_argument("--quick", action="store_true", help="N = 1, 5, 10 only")
    parser.add_argument("--open-at-once", type=int, default=5)
    parser.add_argument("--open-timeout-s", type=float, default=240)
    parser.add_argument("--step-timeout-s", type=float, default=420)
    args = parser.parse_args()
    sizes = [int(n) for n in args.sizes.split(",")]
    if args.quick:
        sizes = [n for n in sizes if n <= 10]

    started = time.monotonic()
    lines, notes = [], []
    asyncio.run(run_all(sizes, args, lines, notes))
    print(
        f"\nN students on the first page, {args.presses} presses each; latency in ms "
        "(keypress -> run over and a chart changed); memory in MB (server RSS)"
    )
    print(
        f"{'N':>4}{'ok':>6} {'':<5}{'p50':>8}{'p95':>8}{'p50/p50₁':>10}{'target':>8}  "
        f"{'verdict':<16}{'before':>8}{'after':>8}{'peak':>8}{'MB/sess':>9}  {'verdict':<16}"
        f"{'cpu s':>7}{'wall s':>7}{'open s':>8}"
    )
    for line in lines:
        print(line)
    for note in notes:
        print(note)
    print(
        "cpu s = server CPU seconds during the presses; wall s = the presses' wall time; "
        "open s = slowest page opening"
    )
    print(f"whole run: {(time.monotonic() - started) / 60:.1f} min")


async def run_all(sizes: list[int], args, lines: list[str], notes: list[str]) -> None:
    base = None
    async with async_playwright() as playwright:
        browser = await bb.launch(playwright)
        try:
            for n in sizes:
                step_started = time.monotonic()
                try:
                    step = await one_step(browser, n, args)
                except Exception as error:
                    notes.append(
                        f"N = {n}: could not be driven ({type(error).__name__}: "
                        f"{str(error)[:160]}); stopped here"
                    )
                    break
                line, p50 = report(step, base)
                base = base or p50
                lines.append(line)
                errors = [r["error"] for r in step["results"] if r["error"]]
                failed_opens = sum(r["open_s"] is None for r in step["results"])
                print(f"  N = {n} done in {time.monotonic() - step_started:.0f} s", flush=True)
                if errors:
                    notes.append(f"N = {n}: {len(errors)} students hit errors, e.g. {errors[0]}")
                if step["unfinished"] or failed_opens:
                    notes.append(
                        f"N = {n}: {step['unfinished']} students unfinished after "
                        f"{args.step_timeout_s:.0f} s, {failed_opens} could not open the page: "
                        "this machine cannot drive this N; stopped here"
                    )
                    break
        finally:
            await browser.close()


if __name__ == "__main__":
    main()
