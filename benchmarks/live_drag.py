"""The live figure under a scripted drag, in headless Chromium: figures printed, no asserts.

Run: ``.venv/bin/python benchmarks/live_drag.py`` (needs Debian's chromium);
``--page one_weight`` drags the One weight page's a handle instead (on the
shrinkage chart; every live chart of the page redraws each frame) and also
prints the WebSocket bytes of one press of the a slider's arrow key (``--url``
measures a server already running, e.g. another checkout's, for a before/after).

For each region (both panels the same region, so that every update solves two
problems), ŵ is dragged along three quarters of a loop, 120 pointer moves, one
per animation frame, dispatched in the page (so that the figure, not the
driver's round trips, sets the pace), and the page reports:

- updates per second: redraws with a new state over the drag's wall time;
- pointer-move -> redrawn latency, p50 and p95: ``performance.now()`` at the end
  of the redraw minus the first unhandled ``pointermove``'s timestamp (the
  figure's own counters, ``window.__sparsityLab.stats``);
- draw p50 / p95: the figure's own work per update (solving both panels and
  setting the SVG attributes), ``performance.now()`` around it;
- idle fps: animation frames per second with nothing moving, what the machine
  allows at all (a loaded shared machine caps updates/s and latency here);
- requestAnimationFrame callbacks the drag used;
- server reruns per drag: transitions of Streamlit's ``data-test-script-state``
  to "running", counted by a MutationObserver;
- bytes: everything the page received on load (HTTP bodies and WebSocket
  frames, from the Chrome DevTools Protocol's Network events), and the
  WebSocket bytes of the one rerun a release starts.

Training's race has its own section (``browser_bench.race_drag``): its start
dragged on the Training page, every move a new start for all six optimisers.
"""

from __future__ import annotations

import base64
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import browser_bench as bb
from browser_bench.race_drag import race_section

MOVES = 120
REGIONS = ("l1", "l2", "linf", "elasticnet")
COUNTER = """() => {
  window.__reruns = { started: 0 };
  const root = document.querySelector('[data-test-script-state]');
  let last = root.getAttribute('data-test-script-state');
  new MutationObserver(() => {
    const now = root.getAttribute('data-test-script-state');
    if (now === 'running' && last !== 'running') window.__reruns.started += 1;
    last = now;
  }).observe(root, { attributes: true, attributeFilter: ['data-test-script-state'] });
}"""
# The drag runs in the page: one pointermove per animation frame, as a 60 Hz mouse
# gives, so that the figure, not the test driver's round trips, sets the pace.
DRAG = """async (moves) => {
  const figure = window.__sparsityLab.figure;
  const hit = figure.panels[0].refs.handle.centre.hit;
  const box = hit.getBoundingClientRect();
  const x0 = box.x + box.width / 2, y0 = box.y + box.height / 2;
  const event = (type, x, y) => new PointerEvent(type, { bubbles: true, composed: true,
    pointerId: 7, pointerType: "mouse", isPrimary: true, buttons: 1, clientX: x, clientY: y });
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  hit.dispatchEvent(event("pointerdown", x0, y0));
  const start = performance.now();
  let x = x0, y = y0;
  for (let k = 1; k <= moves; k += 1) {
    const angle = 1.5 * Math.PI * k / moves;  // three quarters of a loop: it ends elsewhere
    x = x0 + 90 * Math.sin(angle);
    y = y0 - 60 * (1 - Math.cos(angle)) - 20 * Math.sin(angle);
    hit.dispatchEvent(event("pointermove", x, y));
    await frame();
  }
  window.__release = () => hit.dispatchEvent(event("pointerup", x, y));
  return performance.now() - start;
}"""
# The One weight page: the a handle of its shrinkage chart, along the a axis and back.
ONE_WEIGHT_DRAG = """async (moves) => {
  const figure = window.__sparsityLab.oneWeight.figures.find(
    (f) => f.data?.panel === "shrinkage" && f.root.isConnected);
  const hit = figure.root.querySelector(".ow-handle[data-handle=a] .lf-hit");
  hit.scrollIntoView({ block: "center" });
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const box = hit.getBoundingClientRect();
  const x0 = box.x + box.width / 2, y0 = box.y + box.height / 2;
  const event = (type, x) => new PointerEvent(type, { bubbles: true, composed: true,
    pointerId: 7, pointerType: "mouse", isPrimary: true, buttons: 1, clientX: x, clientY: y0 });
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  hit.dispatchEvent(event("pointerdown", x0));
  const start = performance.now();
  let x = x0;
  for (let k = 1; k <= moves; k += 1) {
    x = x0 + 150 * Math.sin(1.5 * Math.PI * k / moves);  // out of the dead zone and back
    hit.dispatchEvent(event("pointermove", x));
    await frame();
  }
  window.__release = () => hit.dispatchEvent(event("pointerup", x));
  return performance.now() - start;
}"""
ONE_WEIGHT_READY = (
    "() => (window.__sparsityLab?.oneWeight?.figures ?? []).filter((f) => f.data).length >= 5"
)
RELEASE = "() => window.__release()"
# What the machine allows at all: animation frames per second with nothing moving.
IDLE_FPS = """async () => { const t0 = performance.now();
  for (let k = 0; k < 30; k += 1) await new Promise((r) => requestAnimationFrame(r));
  return 30000 / (performance.now() - t0); }"""
IDLE = (
    "() => document.querySelector('[data-test-script-state]')"
    "?.getAttribute('data-test-script-state') === 'notRunning'"
)


class Bytes:
    """Bytes received, from CDP Network events."""

    def __init__(self, page):
        self.http = 0
        self.ws = 0
        session = page.context.new_cdp_session(page)
        session.send("Network.enable")
        session.on("Network.loadingFinished", self._http)
        session.on("Network.webSocketFrameReceived", self._frame)

    def _http(self, event):
        self.http += int(event.get("encodedDataLength", 0))

    def _frame(self, event):
        response = event["response"]
        payload = response.get("payloadData", "")
        self.ws += len(base64.b64decode(payload)) if response.get("opcode") == 2 else len(payload)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure(browser, url: str, region: str) -> dict[str, float]:
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    received = Bytes(page)
    if region == "one_weight":
        page.goto(f"{url}/one_weight")
        page.wait_for_function(ONE_WEIGHT_READY, timeout=60_000)
    else:
        page.goto(f"{url}/?left_region={region}&right_region={region}")
        page.wait_for_selector(".lf-panel[data-side=right] [data-role=readout]", timeout=60_000)
    page.wait_for_function(IDLE, timeout=30_000)
    load_bytes = received.http + received.ws
    page.evaluate(COUNTER)
    idle_fps = page.evaluate(IDLE_FPS)
    page.evaluate(
        "() => { const s = window.__sparsityLab.stats; s.latencies.length = 0; "
        "s.renderTimes.length = 0; s.updates = 0; s.frames = 0; }"
    )
    elapsed = page.evaluate(ONE_WEIGHT_DRAG if region == "one_weight" else DRAG, MOVES) / 1000
    stats = page.evaluate("() => window.__sparsityLab.stats")
    ws_before = received.ws
    page.evaluate(RELEASE)
    page.wait_for_function("() => window.__reruns.started >= 1", timeout=30_000)
    page.wait_for_function(IDLE, timeout=30_000)
    page.wait_for_timeout(300)  # let the last frames of the rerun's messages arrive
    reruns = page.evaluate("() => window.__reruns.started")
    result = {
        "updates/s": stats["updates"] / elapsed,
        "p50 ms": statistics.median(stats["latencies"]),
        "p95 ms": percentile(stats["latencies"], 0.95),
        "draw p50": statistics.median(stats["renderTimes"]),
        "draw p95": percentile(stats["renderTimes"], 0.95),
        "idle fps": idle_fps,
        "rAF": stats["frames"],
        "reruns/drag": reruns,
        "load kB": load_bytes / 1000,
        "rerun kB": (received.ws - ws_before) / 1000,
    }
    page.close()
    return result


def press_bytes(browser, url: str, presses: int = 5) -> list[float]:
    """kB the page receives over its WebSocket for each ArrowRight on the a slider."""
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    received = Bytes(page)
    page.goto(f"{url}/one_weight")
    page.wait_for_selector('[data-testid="stSlider"]', timeout=60_000)
    page.wait_for_function(IDLE, timeout=30_000)
    page.wait_for_timeout(1500)
    thumb = page.locator('[data-testid="stSlider"]').filter(has_text="Data's pull a")
    thumb = thumb.first.get_by_role("slider")
    sizes = []
    for _ in range(presses):
        page.evaluate(COUNTER)
        before = received.ws
        thumb.press("ArrowRight")
        page.wait_for_function("() => window.__reruns.started >= 1", timeout=30_000)
        page.wait_for_function(IDLE, timeout=30_000)
        page.wait_for_timeout(500)  # the rerun's last messages
        sizes.append((received.ws - before) / 1000)
    page.close()
    return sizes


def main() -> None:
    import argparse

    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--page", choices=("constraint_regions", "one_weight"))
    parser.add_argument("--url", help="a running server to measure (--page one_weight)")
    options = parser.parse_args()
    if options.page == "one_weight":
        one_weight(options.url)
        return
    server = bb.start_server(bb.APP)
    url = server.url
    try:
        with sync_playwright() as playwright:
            browser = bb.launch(playwright)
            measure(browser, url, "l1")  # warm-up: imports and caches on the server
            print(f"Live figure, a drag of ŵ over {MOVES} pointer moves (both panels one region)")
            header = (
                "region",
                "updates/s",
                "p50 ms",
                "p95 ms",
                "draw p50",
                "draw p95",
                "idle fps",
                "rAF",
                "reruns/drag",
                "load kB",
                "rerun kB",
            )
            print(" ".join(f"{h:>11}" for h in header))
            for region in REGIONS:
                row = measure(browser, url, region)
                cells = [f"{region:>11}"] + [
                    f"{row[h]:>11.1f}" if isinstance(row[h], float) else f"{row[h]:>11}"
                    for h in header[1:]
                ]
                print(" ".join(cells))
            race_section(browser, url)
            browser.close()
    finally:
        bb.stop_server(server)


def one_weight(url: str | None) -> None:
    """The One weight page: a drag of a (unless ``url`` is an older page), and a press's bytes."""
    from playwright.sync_api import sync_playwright

    server = None if url else bb.start_server(bb.APP)
    url = url or server.url
    try:
        with sync_playwright() as playwright:
            browser = bb.launch(playwright)
            sizes = press_bytes(browser, url)
            print(f"One weight, a slider press: WebSocket kB per rerun {sizes}")
            print(f"  median {statistics.median(sizes):.1f} kB, max {max(sizes):.1f} kB")
            if server is not None:
                measure(browser, url, "one_weight")  # warm-up
                # The main page's L1 drag beside each, as the same machine's reference.
                for page in ("one_weight", "l1") * 3:
                    row = measure(browser, url, page)
                    name = "One weight (5 charts)" if page == "one_weight" else "main page, L1"
                    print(f"{name}, a drag over {MOVES} pointer moves:")
                    print("  " + ", ".join(f"{k} {v:.1f}" for k, v in row.items()))
            browser.close()
    finally:
        bb.stop_server(server)


if __name__ == "__main__":
    main()
