"""The JavaScript the benchmarks run in the page, and the selectors they wait for.

``INSTALL_WATCH`` / ``AWAIT_WATCH`` time one interaction (``window.__bench``): a keydown
listener, a MutationObserver on Streamlit's run state and a requestAnimationFrame poll
of the charts, all with ``performance.now()``, so Playwright's round trips do not count.
``FIRST_PAINT`` is an init script for first visits; ``SLIDER_STATE`` reads a thumb.
"""

IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
CHART = ".js-plotly-plot .main-svg"
# The live figure (the main page's): a custom component whose SVG panels live in a
# shadow root under its keyed element container.
LIVE = ".st-key-live_figure"
# A slider thumb: role "slider". Streamlit 1.5x draws it as a visually hidden
# <input type="range"> (implicit role slider), older ones as [role="slider"].
SLIDER = ':is([role="slider"], input[type="range"])'


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
    // The One weight page's live charts (live/one_weight): the same, one per chart.
    const oneWeight = (globalThis.__sparsityLab && globalThis.__sparsityLab.oneWeight) || {};
    for (const f of oneWeight.figures || []) {
      if (f.root && f.root.isConnected) found.push([f.root, [f.data]]);
    }
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
