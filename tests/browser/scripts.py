"""The JavaScript the waits run in the page: finished runs counted, "settled", a signature.

Waits are states, never fixed times: a Streamlit run finished (the app root's
``data-test-script-state`` went back to ``notRunning``, counted by an observer
installed before the page loads), no skeleton or stale element left, every Plotly
chart drawn, and the layout unchanged over several animation frames.
"""

from __future__ import annotations

from pathlib import Path

# Installed before any page script: counts finished Streamlit runs. A run is finished
# when the app root's data-test-script-state returns to "notRunning" from anything else.
INIT_SCRIPT = """
(() => {
  const state = (window.__sparsity = {done: 0, last: null, states: [], sig: null, same: 0});
  const look = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    const now = app ? app.getAttribute('data-test-script-state') : null;
    if (now === state.last) return;
    if (now === 'notRunning' && state.last !== null) state.done += 1;
    state.last = now;
    state.states.push(now);
  };
  new MutationObserver(look).observe(document, {
    subtree: true, childList: true, attributes: true,
    attributeFilter: ['data-test-script-state'],
  });
})();
"""

# True once `minDone` runs have finished and the page shows their result, fully drawn:
# connected, not running, no status widget, no skeleton (lazy widgets and charts not
# mounted yet), no stale element, every Plotly chart drawn, the fonts loaded, and the
# boxes of the charts and the length of the page unchanged for 5 animation frames.
SETTLED_JS = """
(minDone) => {
  const s = window.__sparsity;
  const app = document.querySelector('[data-testid="stApp"]');
  // `why` keeps the last reason for waiting, for the message when a wait times out.
  const unsettled = (why) => { if (s) { s.why = why; s.sig = null; s.same = 0; } return false; };
  if (!s || !app) return unsettled('no app root yet');
  if (s.done < minDone) return unsettled(`runs finished ${s.done} < ${minDone}`);
  const script = app.getAttribute('data-test-script-state');
  if (script !== 'notRunning') return unsettled(`script state ${script}`);
  const link = app.getAttribute('data-test-connection-state');
  if (link !== 'CONNECTED') return unsettled(`connection ${link}`);
  const busy = document.querySelector(
      '[data-testid="stStatusWidget"], [data-testid="stSkeleton"], [data-stale="true"]');
  if (busy) return unsettled(`busy element ${busy.outerHTML.slice(0, 120)}`);
  if (document.fonts.status !== 'loaded') return unsettled('fonts loading');
  // A chart waits for a new width to hold before it redraws (live/chart/plotly_chart.js).
  const charts = globalThis.__sparsityLab && globalThis.__sparsityLab.charts;
  if (charts && charts.resizing > 0) return unsettled('a chart resizing');
  const boxes = [];
  for (const chart of document.querySelectorAll('[data-testid="stBidiComponentRegular"]')) {
    const gd = chart.querySelector('.js-plotly-plot');
    if (!gd || !gd._fullLayout || !gd.querySelector('.main-svg'))
      return unsettled('a Plotly chart not drawn');
    const r = gd.getBoundingClientRect();
    boxes.push([r.x, r.y, r.width, r.height]);
  }
  // The live figure (a custom component) is drawn when its SVG panels exist; so are the
  // One weight page's live charts (keys ow_*).
  for (const live of document.querySelectorAll('.st-key-live_figure, [class*="st-key-ow_"]')) {
    // Its panels live in the component's shadow root.
    const hosts = [live, ...live.querySelectorAll('*')].filter((e) => e.shadowRoot);
    const svgs = [...live.querySelectorAll('.lf-svg'),
                  ...hosts.flatMap((h) => [...h.shadowRoot.querySelectorAll('.lf-svg')])];
    if (!svgs.length) return unsettled('live figure not drawn');
    for (const svg of svgs) {
      const r = svg.getBoundingClientRect();
      if (r.height < 10) return unsettled('live figure panel flat');
      boxes.push([r.x, r.y, r.width, r.height]);
    }
  }
  const main = document.querySelector('[data-testid="stMain"]');
  const side = document.querySelector('[data-testid="stSidebar"]');
  const edge = side ? side.getBoundingClientRect() : {left: 0, width: 0};
  const sig = JSON.stringify(
    [boxes, main ? main.scrollHeight : 0, innerWidth, innerHeight, edge.left, edge.width]);
  if (sig === s.sig) s.same += 1; else { s.sig = sig; s.same = 0; s.moves = (s.moves || 0) + 1; }
  s.why = 'boxes or page length still changing';
  return s.same >= 5;
}
"""

# What changes when the page responds to a control: each chart's data (and its layout
# images), and the main area's text. Hashes (FNV-1a), to keep the answer small.
SIGNATURE_JS = """
() => {
  const hash = (text) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) { h ^= text.charCodeAt(i); h = Math.imul(h, 16777619); }
    return (h >>> 0).toString(16);
  };
  const charts = {};
  document.querySelectorAll('[data-testid="stElementContainer"]').forEach((box, i) => {
    const gd = box.querySelector('.js-plotly-plot');
    if (!gd) return;
    const key = [...box.classList].find((c) => c.startsWith('st-key-')) || `chart-${i}`;
    const images = (gd.layout && gd.layout.images || []).map((im) => im.source);
    charts[key] = hash(JSON.stringify([gd.data, images]));
  });
  const main = document.querySelector('[data-testid="stMain"]');
  return {charts, text: hash(main ? main.innerText : '')};
}
"""

# Text boxes may touch; overlapping more than this (px) is a defect (the measuring script).
OVERLAP_TOLERANCE_PX = 2
# One fresh load, measured (``AppPage.measure``): viewport, charts, text boxes, overlaps,
# clipping, elements beyond the viewport, touch targets. JavaScript of its own size: a file.
MEASURE_JS = (
    Path(__file__)
    .with_name("measure.js")
    .read_text(encoding="utf-8")
    .replace("__TOL__", str(OVERLAP_TOLERANCE_PX))
)
