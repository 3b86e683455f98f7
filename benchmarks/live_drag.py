"""The live figure under a scripted drag, in headless Chromium: figures printed, no asserts.

Run: ``.venv/bin/python benchmarks/live_drag.py`` (needs Debian's chromium).

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
    elapsed = page.evaluate(DRAG, MOVES) / 1000
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


def main() -> None:
    from playwright.sync_api import sync_playwright

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


if __name__ == "__main__":
    main()
