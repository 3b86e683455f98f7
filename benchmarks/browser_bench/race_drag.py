"""Training's live race under a scripted drag of its start (``live_drag.py``'s race section).

The start handle is dragged twice round a circle of 150 px, 120 pointer moves,
one per animation frame, dispatched in the page. Each move is about 16 px, more
than the sliders' 0.1 grid (about 11 px at 1440 x 900), so that every move is a
new start and every frame must run all six optimisers again (200 iterations
each, SGD from Python's batch rows) and redraw. Printed: updates/s (redraws
with a new start over the drag's wall time), pointer-move -> redrawn p50 / p95
(the race's own counters, ``window.__sparsityLab.stats``), draw p50 / p95 (the
runs and the SVG), idle fps (what the machine allows at all), the drag's
animation frames, releases sent (``stats.commits``) and script runs seen
(``data-test-script-state`` to "running") per drag, and the kB the rerun sent.
"""

from __future__ import annotations

import statistics

from .stats import percentile
from .traffic import Traffic

__all__ = ["MOVES", "measure_race", "race_section"]

MOVES = 120
RADIUS_PX = 150
_COUNTER = """() => {
  window.__reruns = { started: 0 };
  const root = document.querySelector('[data-test-script-state]');
  let last = root.getAttribute('data-test-script-state');
  new MutationObserver(() => {
    const now = root.getAttribute('data-test-script-state');
    if (now === 'running' && last !== 'running') window.__reruns.started += 1;
    last = now;
  }).observe(root, { attributes: true, attributeFilter: ['data-test-script-state'] });
}"""
_DRAG = """async ([moves, radius]) => {
  const figure = window.__sparsityLab.race;
  const hit = figure.refs.hit;
  hit.scrollIntoView({ block: "center" });
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const box = hit.getBoundingClientRect();
  const x0 = box.x + box.width / 2, y0 = box.y + box.height / 2;
  const event = (type, x, y) => new PointerEvent(type, { bubbles: true, composed: true,
    pointerId: 7, pointerType: "mouse", isPrimary: true, buttons: 1, clientX: x, clientY: y });
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  hit.dispatchEvent(event("pointerdown", x0, y0));
  const started = performance.now();
  let x = x0, y = y0;
  for (let k = 1; k <= moves; k += 1) {
    const angle = 4 * Math.PI * k / moves + 0.3 * k / moves;  // twice round, ending elsewhere
    x = x0 - radius + radius * Math.cos(angle);
    y = y0 - radius * Math.sin(angle);
    hit.dispatchEvent(event("pointermove", x, y));
    await frame();
  }
  window.__release = () => hit.dispatchEvent(event("pointerup", x, y));
  return performance.now() - started;
}"""
_IDLE_FPS = """async () => { const t0 = performance.now();
  for (let k = 0; k < 30; k += 1) await new Promise((r) => requestAnimationFrame(r));
  return 30000 / (performance.now() - t0); }"""
_IDLE = (
    "() => document.querySelector('[data-test-script-state]')"
    "?.getAttribute('data-test-script-state') === 'notRunning'"
)
_RESET = (
    "() => { const s = window.__sparsityLab.stats; s.latencies.length = 0; "
    "s.renderTimes.length = 0; s.updates = 0; s.frames = 0; s.commits = 0; }"
)
HEADER = (
    "updates/s",
    "p50 ms",
    "p95 ms",
    "draw p50",
    "draw p95",
    "idle fps",
    "rAF",
    "releases",
    "runs seen",
    "rerun kB",
)


def measure_race(browser, url: str) -> dict[str, float]:
    """One drag of the race's start on a fresh Training page at 1440 x 900."""
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    traffic = Traffic(page)
    page.goto(f"{url}/training")
    page.wait_for_selector("[data-testid=live-race] .race-marker", timeout=90_000)
    page.wait_for_function(_IDLE, timeout=60_000)
    page.evaluate(_COUNTER)
    idle_fps = page.evaluate(_IDLE_FPS)
    page.evaluate(_RESET)
    elapsed = page.evaluate(_DRAG, [MOVES, RADIUS_PX]) / 1000
    stats = page.evaluate("() => window.__sparsityLab.stats")
    before = traffic.received
    page.evaluate("() => window.__release()")
    page.wait_for_function("() => window.__reruns.started >= 1", timeout=60_000)
    page.wait_for_function(_IDLE, timeout=60_000)
    page.wait_for_timeout(300)  # the rerun's last messages
    result = {
        "updates/s": stats["updates"] / elapsed,
        "p50 ms": statistics.median(stats["latencies"]),
        "p95 ms": percentile(stats["latencies"], 95),
        "draw p50": statistics.median(stats["renderTimes"]),
        "draw p95": percentile(stats["renderTimes"], 95),
        "idle fps": idle_fps,
        "rAF": stats["frames"],
        "releases": page.evaluate("() => window.__sparsityLab.stats.commits"),
        "runs seen": page.evaluate("() => window.__reruns.started"),
        "rerun kB": (traffic.received - before) / 1000,
    }
    page.close()
    return result


def race_section(browser, url: str, repeats: int = 3) -> None:
    """Print the race's drags, one row each (the first page load warms the server)."""
    measure_race(browser, url)
    print(
        f"\nTraining's race, a drag of the start over {MOVES} pointer moves "
        "(six optimisers, 200 iterations each, every move a new start)"
    )
    print(" ".join(f"{h:>10}" for h in ("drag", *HEADER)))
    for k in range(1, repeats + 1):
        row = measure_race(browser, url)
        cells = [f"{k:>10}"] + [
            f"{row[h]:>10.1f}" if isinstance(row[h], float) else f"{row[h]:>10}" for h in HEADER
        ]
        print(" ".join(cells))
    print("targets: updates/s >= 55 where idle fps is 60, p95 <= 33 ms, 1 release and 1 run a drag")
