"""Shared helpers for the browser benchmarks: servers, the browser, and in-page timing.

Used by ``latency.py``, ``first_visit.py`` and ``load.py`` (each prints figures, no asserts).

Every time is taken inside the page with ``performance.now()`` (a keydown
listener, a MutationObserver on Streamlit's run state, a requestAnimationFrame
poll of the charts), so Playwright's own round trips are not counted.

- A server is ``python -m streamlit run <script>`` on a free loopback port, its
  output in a log file under the temp folder (``LOGS``), stopped in
  a ``finally``.
- The run state is ``[data-testid="stApp"][data-test-script-state]``:
  "running" while the script reruns, "notRunning" when it is done.
- A chart "changed" when a ``.js-plotly-plot`` element's ``.data`` or ``.layout`` (or the
  live figure's data, ``window.__sparsityLab.figure.data``: the main page's figure is
  not a Plotly chart) is a different object whose JSON differs from the one before
  the keypress (identity first, so the JSON is only built when a figure was given
  new data).
"""

from __future__ import annotations

import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP = "app.py"
REFERENCE = "benchmarks/reference_app.py"
LOGS = Path(tempfile.gettempdir()) / "sparsity_lab_bench_logs"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    # Several tabs are open at once (the app page and the reference, N students):
    # a tab in the background must not have its timers or frames slowed.
    "--disable-background-timer-throttling",
    "--disable-renderer-backgrounding",
    "--disable-backgrounding-occluded-windows",
]
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
CHART = ".js-plotly-plot .main-svg"
# The live figure (the main page's): a custom component whose SVG panels live in a
# shadow root under its keyed element container.
LIVE = ".st-key-live_figure"
# A slider thumb: role "slider". Streamlit 1.5x draws it as a visually hidden
# <input type="range"> (implicit role slider), older ones as [role="slider"].
SLIDER = ':is([role="slider"], input[type="range"])'
VIEWPORT = {"width": 1440, "height": 900}
GRACE_MS = 3000  # after the run ends, how long to wait for a chart that may not change


# ---------------------------------------------------------------- servers


@dataclass
class Server:
    """A ``streamlit run`` process on a loopback port."""

    script: str
    process: subprocess.Popen
    url: str
    log: Path
    started_s: float = 0.0  # seconds from spawn to a healthy /_stcore/health

    @property
    def pid(self) -> int:
        return self.process.pid

    def rss_mb(self) -> float:
        """Resident memory of the server process now (VmRSS), in MB."""
        return _status_kb(self.pid, "VmRSS") / 1024

    def peak_mb(self) -> float:
        """Peak resident memory of the server process so far (VmHWM), in MB."""
        return _status_kb(self.pid, "VmHWM") / 1024


def _status_kb(pid: int, field_name: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field_name + ":"):
            return float(line.split()[1])
    return float("nan")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(script: str = APP, timeout_s: float = 90.0) -> Server:
    """Serve ``script`` (relative to the repository) and wait until it is healthy."""
    LOGS.mkdir(parents=True, exist_ok=True)
    port = free_port()
    log = LOGS / f"{Path(script).stem}-{port}.log"
    handle = log.open("w")
    spawned = time.perf_counter()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            script,
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--server.address",
            "127.0.0.1",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=ROOT,
        stdout=handle,
        stderr=subprocess.STDOUT,
    )
    handle.close()  # the child keeps its own descriptor
    server = Server(script, process, f"http://127.0.0.1:{port}", log)
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            with urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=2) as reply:
                if reply.status == 200:
                    break
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            stop_server(server)
            raise RuntimeError(f"{script} did not start; see {log}:\n{log.read_text()[-2000:]}")
        time.sleep(0.2)
    server.started_s = time.perf_counter() - spawned
    return server


def stop_server(server: Server | None) -> None:
    """Stop the server process we started (by its pid), killing it if it hangs."""
    if server is None or server.process.poll() is not None:
        return
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait(timeout=10)


# ---------------------------------------------------------------- the browser


def launch(playwright):
    """Debian's Chromium through Playwright (sync or async API alike)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def page_url(server: Server, url_path: str) -> str:
    return f"{server.url}/{url_path}"


# In-page JavaScript. ``__bench`` holds the watcher of one interaction.
INSTALL_WATCH = """() => {
  // Every figure on the page, as [element, its data]: the Plotly charts, and the live
  // figure (main page), which draws its SVG synchronously when it is handed new data.
  const charts = () => {
    // A Plotly chart's state is its data and its layout: a marker drawn as a layout
    // shape (Real data's log10 lambda line) moves with the layout alone.
    const found = Array.from(document.querySelectorAll('.js-plotly-plot'),
                             (el) => [el, [el.data, el.layout]]);
    const live = globalThis.__sparsityLab && globalThis.__sparsityLab.figure;
    if (live && live.root && live.root.isConnected) found.push([live.root, [live.data]]);
    return found;
  };
  const app = document.querySelector('[data-testid="stApp"]');
  const w = {t0: null, running: null, idle: null, first: null, last: null, changed: 0,
             states: [], done: false};
  const before = new Map();
  for (const [el, data] of charts()) before.set(el, {ref: data, json: null});
  const jsonOf = (data) => {
    try { return JSON.stringify(data); } catch (e) { return String(Math.random()); }
  };
  const changedCharts = () => {
    let n = 0;
    for (const [el, data] of charts()) {
      const old = before.get(el);
      if (!old) { if (data[0]) n++; continue; }           // a new chart element
      if (data.every((part, i) => part === old.ref[i])) continue;
      if (old.json === null) old.json = jsonOf(old.ref);
      if (jsonOf(data) !== old.json) n++;
      else old.ref = data;                                // same content, new objects
    }
    return n;
  };
  w.onKey = (e) => { if (w.t0 === null) w.t0 = performance.now(); };
  // The browser's own busy time: long tasks (> 50 ms) on the main thread after the key.
  w.busy = 0;
  try {
    w.longtasks = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (w.t0 !== null && entry.startTime >= w.t0) w.busy += entry.duration;
      }
    });
    w.longtasks.observe({type: 'longtask'});
  } catch (e) { w.longtasks = null; }
  document.addEventListener('keydown', w.onKey, true);
  // Each record holds the value before it; the value after it is the next record's
  // "before" (or the current value), so a quick running -> notRunning is not missed.
  w.observer = new MutationObserver((records) => {
    const now = performance.now();
    if (w.t0 === null) return;
    records.forEach((record, i) => {
      const state = i + 1 < records.length ? records[i + 1].oldValue
                                           : app.getAttribute('data-test-script-state');
      w.states.push([state, now - w.t0]);
      if (state === 'running' && w.running === null) w.running = now;
      if (state === 'notRunning' && w.running !== null && w.idle === null) w.idle = now;
    });
  });
  w.observer.observe(app, {attributes: true, attributeOldValue: true,
                           attributeFilter: ['data-test-script-state']});
  let extra = 0;
  const poll = () => {
    if (w.done) return;
    if (w.t0 !== null) {
      // The frame's time before comparing: JSON of a large figure takes milliseconds
      // that are the benchmark's, not the page's.
      const now = performance.now();
      const n = changedCharts();
      if (n > 0 && w.first === null) {
        w.first = now;
        // A run so short that React never drew "running": it is over by now.
        if (w.running === null) { w.idle = now; w.collapsed = true; }
      }
      if (n > w.changed) { w.changed = n; w.last = now; }
      if (w.idle !== null && w.first !== null && ++extra > 3) { w.finish(); return; }
    }
    requestAnimationFrame(poll);
  };
  w.finish = () => {
    w.done = true;
    w.observer.disconnect();
    if (w.longtasks) { for (const e of w.longtasks.takeRecords()) {
      if (w.t0 !== null && e.startTime >= w.t0) w.busy += e.duration; }
      w.longtasks.disconnect(); }
    document.removeEventListener('keydown', w.onKey, true);
  };
  window.__bench = w;
  requestAnimationFrame(poll);
}"""

AWAIT_WATCH = """async ([timeoutMs, graceMs]) => {
  const w = window.__bench;
  const start = performance.now();
  while (!w.done && performance.now() - start < timeoutMs) {
    // The run is over but no chart changed: give up graceMs later (a control that moves no chart).
    if (w.idle !== null && w.first === null && performance.now() - w.idle > graceMs) break;
    await new Promise(r => setTimeout(r, 10));
  }
  if (!w.done) w.finish();
  const rel = (t) => (t === null || w.t0 === null) ? null : t - w.t0;
  return {running: rel(w.running), idle: rel(w.idle), first: rel(w.first), last: rel(w.last),
          charts: w.changed, states: w.states.length, keyed: w.t0 !== null,
          collapsed: !!w.collapsed, busy: w.busy};
}"""

SLIDER_STATE = """(el) => {
  const num = (a, b) => Number(el.getAttribute(a) ?? el.getAttribute(b));
  const own = el.value !== undefined && el.value !== '';
  return {value: own ? Number(el.value) : num('aria-valuenow'),
          min: num('min', 'aria-valuemin'), max: num('max', 'aria-valuemax'),
          label: el.getAttribute('aria-label') || ''};
}"""

# An init script for first visits: when the first chart (or live component) appears,
# and when the script first reaches notRunning, relative to navigation start.
FIRST_PAINT = """(() => {
  const marks = {chart: null, live: null, idle: null};
  window.__firstMarks = marks;
  const found = (selector) => document.querySelector(selector) !== null;
  // The live figure is drawn when one of its SVG panels (in a shadow root) has a size.
  const liveDrawn = () => {
    for (const host of document.querySelectorAll('.st-key-live_figure, .st-key-live_figure *')) {
      for (const svg of (host.shadowRoot || host).querySelectorAll('.lf-svg'))
        if (svg.getBoundingClientRect().height > 10) return true;
    }
    return false;
  };
  const check = () => {
    const now = performance.now();
    if (marks.live === null && liveDrawn()) marks.live = now;
    // "chart": the first figure drawn, a Plotly chart or the live figure.
    if (marks.chart === null && (marks.live !== null || found('.js-plotly-plot .main-svg')))
      marks.chart = now;
    const idle = '[data-testid="stApp"][data-test-script-state="notRunning"]';
    if (marks.idle === null && marks.chart !== null && found(idle)) marks.idle = now;
    return marks.chart !== null && marks.idle !== null && marks.live !== null;
  };
  const watch = {childList: true, subtree: true, attributes: true,
                 attributeFilter: ['data-test-script-state']};
  const start = () => {
    const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
    observer.observe(document.documentElement, watch);
    // Drawing inside a shadow root is not seen by the observer: look each frame too.
    // (a page without a live figure stops looking after a minute)
    const frame = () => {
      if (!check() && performance.now() < 60000) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  };
  if (document.documentElement) start();
  else document.addEventListener('DOMContentLoaded', start);
})();"""


@dataclass
class Interaction:
    """One keypress on a slider, in ms from the keydown (None: never seen)."""

    running: float | None  # the script state became "running"
    idle: float | None  # ... and back to "notRunning"
    first: float | None  # the first chart whose data changed
    last: float | None  # the last chart that changed in the same update
    charts: int  # how many charts changed
    collapsed: bool = False  # the run was too short for React to draw "running" at all
    busy: float = 0.0  # the browser's main thread in long tasks (> 50 ms) meanwhile

    @property
    def ok(self) -> bool:
        return self.idle is not None and self.first is not None

    @property
    def total(self) -> float | None:
        """Keypress to the chart showing the new state: rerun done AND a chart changed."""
        return max(self.idle, self.first) if self.ok else None

    @property
    def server(self) -> float | None:
        """Keypress to notRunning: the widget message, the rerun, the deltas."""
        return self.idle

    @property
    def render(self) -> float | None:
        """notRunning to the chart changing (0 when the chart changed before the run ended)."""
        return max(0.0, self.first - self.idle) if self.ok else None


def interaction_from(result: dict) -> Interaction:
    return Interaction(
        result["running"],
        result["idle"],
        result["first"],
        result["last"],
        result["charts"],
        result["collapsed"],
        result.get("busy", 0.0),
    )


# ---------------------------------------------------------------- a slider keypress (sync)


def wait_idle(page, timeout_ms: float = 60_000) -> None:
    """Wait until Streamlit's script has finished its run."""
    page.wait_for_selector(IDLE, timeout=timeout_ms)


def open_page(context, url: str, timeout_ms: float = 90_000):
    """A new tab on ``url``, waited until a chart is drawn and the run is over."""
    page = context.new_page()
    page.goto(url, timeout=timeout_ms)
    # The first visible chart: a page's first chart in the DOM may be in a closed expander.
    page.locator(CHART).filter(visible=True).first.wait_for(timeout=timeout_ms)
    wait_idle(page, timeout_ms)
    page.wait_for_timeout(300)  # late reruns (the router hand-over, URL writes)
    wait_idle(page, timeout_ms)
    return page


def visible_sliders(page) -> list:
    """The slider thumbs a student can reach now (not in a closed expander or tab)."""
    containers = page.locator('[data-testid="stSlider"]').all()  # SLIDER lies inside each
    return [c.locator(SLIDER).first for c in containers if c.is_visible()]


def slider_state(thumb) -> dict:
    return thumb.evaluate(SLIDER_STATE)


def press_slider(page, index: int, direction: dict, timeout_ms: float = 30_000) -> Interaction:
    """Focus visible slider ``index``, press one arrow key, time the update.

    ``direction`` holds {"key": "ArrowRight"|"ArrowLeft"} for this slider; it turns
    round at either end of the slider's range, so that every press changes the value.
    """
    thumb = visible_sliders(page)[index]
    state = slider_state(thumb)
    if direction["key"] == "ArrowRight" and state["value"] >= state["max"]:
        direction["key"] = "ArrowLeft"
    elif direction["key"] == "ArrowLeft" and state["value"] <= state["min"]:
        direction["key"] = "ArrowRight"
    thumb.focus()
    return _timed_key(page, direction["key"], timeout_ms)


def press_button(page, labels: tuple[str, str], direction: dict, timeout_ms: float = 30_000):
    """For a page without sliders (the tour): Enter on its "Next" button, "Back" at the end."""
    forward, backward = labels
    name = direction.setdefault("button", forward)
    button = page.get_by_role("button", name=name, exact=True)
    if button.is_disabled():
        direction["button"] = name = backward if name == forward else forward
        button = page.get_by_role("button", name=name, exact=True)
    button.focus()
    return _timed_key(page, "Enter", timeout_ms)


def _timed_key(page, key: str, timeout_ms: float) -> Interaction:
    page.evaluate(INSTALL_WATCH)
    page.keyboard.press(key)
    result = page.evaluate(AWAIT_WATCH, [timeout_ms, GRACE_MS])
    wait_idle(page, 60_000)  # whatever happened, the next press starts from a quiet page
    return interaction_from(result)


# ---------------------------------------------------------------- figures


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0..100), linear between order statistics; nan if empty."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    rank = (len(ordered) - 1) * q / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


@dataclass
class Summary:
    """p50 / p95 of a list of times (ms)."""

    values: list[float] = field(default_factory=list)

    @property
    def p50(self) -> float:
        return percentile(self.values, 50)

    @property
    def p95(self) -> float:
        return percentile(self.values, 95)

    @property
    def median(self) -> float:
        return statistics.median(self.values) if self.values else float("nan")


def ratio(value: float, reference: float) -> float:
    return value / reference if reference and reference == reference else float("nan")


def verdict(value: float, target: float) -> str:
    if value != value:
        return "n/a"
    return "met" if value <= target else f"MISSED by {value / target:.2f}x"


# ---------------------------------------------------------------- the same, with the async API


async def aopen_page(context, url: str, timeout_ms: float = 180_000):
    """``open_page`` for Playwright's async API."""
    page = await context.new_page()
    await page.goto(url, timeout=timeout_ms)
    await page.locator(CHART).filter(visible=True).first.wait_for(timeout=timeout_ms)
    await page.wait_for_selector(IDLE, timeout=timeout_ms)
    await page.wait_for_timeout(300)
    await page.wait_for_selector(IDLE, timeout=timeout_ms)
    return page


async def avisible_sliders(page) -> list:
    containers = await page.locator('[data-testid="stSlider"]').all()
    return [c.locator(SLIDER).first for c in containers if await c.is_visible()]


async def apress_slider(page, index: int, direction: dict, timeout_ms: float = 60_000):
    """``press_slider`` for Playwright's async API."""
    thumb = (await avisible_sliders(page))[index]
    state = await thumb.evaluate(SLIDER_STATE)
    if direction["key"] == "ArrowRight" and state["value"] >= state["max"]:
        direction["key"] = "ArrowLeft"
    elif direction["key"] == "ArrowLeft" and state["value"] <= state["min"]:
        direction["key"] = "ArrowRight"
    await thumb.focus()
    await page.evaluate(INSTALL_WATCH)
    await page.keyboard.press(direction["key"])
    result = await page.evaluate(AWAIT_WATCH, [timeout_ms, GRACE_MS])
    await page.wait_for_selector(IDLE, timeout=120_000)
    return interaction_from(result)
