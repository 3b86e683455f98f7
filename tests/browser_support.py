"""What the real-browser tests share: the server, pages, waits, and measurements.

The fixtures that use these are in tests/browser_fixtures.py (a pytest plugin).

- ``PAGE_PATHS``: every page of the app; ``MAIN_FIGURES``: each page's main figure.
- ``StreamlitServer``: ``streamlit run app.py`` with its output in a log file under
  tests/artifacts/ (a pipe that nobody reads blocks the server once ~64 KiB are logged).
- ``Browsing`` / ``AppPage``: pages in contexts of their own, with the waits below and
  the console errors they logged (``ALLOWED_CONSOLE``: the proven noise).
- ``Measurements``: what a fresh load of a page at a viewport looks like (chart boxes,
  text boxes, overlaps, touch targets...), measured once per page and size.

Waits are states, never fixed times: a Streamlit run finished (the app root's
``data-test-script-state`` went back to ``notRunning``, counted by an observer
installed before the page loads), no skeleton or stale element left, every Plotly
chart drawn, and the layout unchanged over several animation frames.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from ui.registry import PAGES

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "tests" / "artifacts"  # git-ignored
CHROMIUM_ARGS = [
    "--no-sandbox",  # we run as root in CI
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# A run not counted after this long (see AppPage.rerun) is looked for in the page.
UNSEEN_RUN_MS = 30_000
TIMEOUT_MS = 120_000  # a 2-core machine shared by several engineers: generous

# The pages whose layout this gate measures, by URL path ("" is the first page): all.
PAGE_PATHS: tuple[str, ...] = (
    "",
    "tour",
    "one_weight",
    "three_weights",
    "how_often",
    "real_data",
    "training",
    "questions",
)
assert set(PAGE_PATHS) <= {page.url_path for page in PAGES}

# The page's main figure, as the keys of its charts (Streamlit gives each keyed
# element's container the class st-key-<key>). A page not listed here: its first chart.
MAIN_FIGURES: dict[str, tuple[str, ...]] = {
    "": ("live_figure",),  # both panels of the live figure (not its buttons): the lesson
    "tour": ("tour_1_0", "tour_1_1"),  # step 1 (the default): the L1 and L2 panels
    "three_weights": ("scene_l1", "scene_l2"),  # the octahedron and the sphere beside it
}

DESKTOP_SIZES = ((1280, 720), (1440, 900))
PHONE_SIZES = ((390, 844), (360, 640))
MIN_TOUCH_PX = 44  # WCAG 2.5.5 / Apple HIG: the smaller side of a touch target
# "The first screen shows part of the main figure": at least this much of its height,
# so that a one-pixel sliver at the bottom edge does not count.
MIN_VISIBLE_PART_PX = 50
OVERLAP_TOLERANCE_PX = 2  # text boxes may touch; overlapping more than this is a defect

# Browser console errors that are proven Streamlit/Chromium noise in this sandbox.
# Each entry: (why, message pattern, pattern of the URL the message is about).
ALLOWED_CONSOLE: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...] = (
    (
        # Streamlit's connection manager does not know the app's base path, so it tries
        # the page's own path first: for /tour it asks /tour/_stcore/health and
        # /tour/_stcore/host-config (404) before / (200). In 1.67 see the function in
        # static/js/index.*.js that builds the candidate URLs from `pathname.split("/")`
        # (at most two: the full path and one level up). The app then connects normally.
        "Streamlit probes the page's path as a possible base URL",
        re.compile(r"^Failed to load resource: the server responded with a status of 404"),
        re.compile(r"^http://127\.0\.0\.1:\d+/[^/]+/_stcore/(health|host-config)$"),
    ),
)

# Installed before any page script: counts finished Streamlit runs. A run is finished
# when the app root's data-test-script-state returns to "notRunning" from anything else.
_INIT_SCRIPT = """
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
_SETTLED_JS = """
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
  const boxes = [];
  for (const chart of document.querySelectorAll('[data-testid="stBidiComponentRegular"]')) {
    const gd = chart.querySelector('.js-plotly-plot');
    if (!gd || !gd._fullLayout || !gd.querySelector('.main-svg'))
      return unsettled('a Plotly chart not drawn');
    const r = gd.getBoundingClientRect();
    boxes.push([r.x, r.y, r.width, r.height]);
  }
  // The live figure (a custom component) is drawn when its SVG panels exist.
  for (const live of document.querySelectorAll('.st-key-live_figure')) {
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
_SIGNATURE_JS = """
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

# One fresh load, measured: viewport, charts, text boxes, overlaps, clipping, elements
# beyond the viewport, touch targets. Coordinates are the viewport's (scrolled to top).
_MEASURE_JS = r"""
() => {
  const W = innerWidth, H = innerHeight;
  const main = document.querySelector('[data-testid="stMain"]');
  const sidebar = document.querySelector('[data-testid="stSidebar"]');
  // Streamlit 1.67 marks the sidebar with data-collapsed (it has no aria-expanded).
  const sidebarOpen = !!(sidebar && sidebar.getAttribute('data-collapsed') === 'false');
  const box = (r) => ({x: r.left, y: r.top, w: r.width, h: r.height});
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) return false;
    const st = getComputedStyle(el);
    return st.visibility !== 'hidden' && st.display !== 'none';
  };
  const opaque = (el) => {
    for (let e = el; e && e !== document.body; e = e.parentElement)
      if (parseFloat(getComputedStyle(e).opacity) === 0) return false;
    return true;
  };
  const keyOf = (el) => {
    const c = el.closest('[data-testid="stElementContainer"]');
    return c ? ([...c.classList].find((k) => k.startsWith('st-key-')) || '').slice(7) : '';
  };
  const label = (el) => (el.getAttribute('aria-label') || el.innerText || el.textContent || '')
    .trim().replace(/\s+/g, ' ').slice(0, 60);

  // Charts: the Plotly div's box, its traces and what it drew.
  // A chart inside a closed expander is not on the page a person sees.
  const charts = [...document.querySelectorAll('[data-testid="stBidiComponentRegular"]')]
    .filter((c) => !c.closest('details:not([open])')).map((c) => {
    const gd = c.querySelector('.js-plotly-plot');
    const svgMarks = [...gd.querySelectorAll('.trace path, .trace text, .trace image, .trace rect')]
      .filter((p) => p.tagName !== 'path' || (p.getAttribute('d') || '').length > 4).length;
    // A 3-D scene draws with WebGL, not SVG: its marks are the objects its live GL
    // context holds, on a canvas with a size.
    const glMarks = Object.keys(gd._fullLayout || {}).filter((k) => /^scene\d*$/.test(k))
      .map((k) => gd._fullLayout[k]._scene && gd._fullLayout[k]._scene.glplot)
      .filter((g) => g && g.canvas.width > 0 && !g.gl.isContextLost())
      .reduce((n, g) => n + g.objects.length, 0);
    const marks = svgMarks + glMarks;
    const images = [...gd.querySelectorAll('image')].filter((im) =>
      (im.getAttribute('href') || im.getAttribute('xlink:href') || '').length > 100).length;
    return {key: keyOf(c), box: box(gd.getBoundingClientRect()),
            traces: (gd._fullData || []).length, marks, images,
            layoutImages: ((gd.layout && gd.layout.images) || []).length,
            types: [...new Set((gd._fullData || []).map((t) => t.type))]};
  });

  // Text boxes of the main area: text nodes grouped by their nearest non-inline
  // ancestor, each group the union of its text's line boxes; formulas (KaTeX) and
  // figures (SVG) count as one box each.
  const groups = new Map();
  const add = (el, r) => {
    if (r.width <= 0 || r.height <= 0) return;
    const g = groups.get(el);
    if (!g) { groups.set(el, {l: r.left, t: r.top, r: r.right, b: r.bottom}); return; }
    g.l = Math.min(g.l, r.left); g.t = Math.min(g.t, r.top);
    g.r = Math.max(g.r, r.right); g.b = Math.max(g.b, r.bottom);
  };
  if (main) {
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim()) continue;
      const parent = node.parentElement;
      if (!parent || parent.closest('svg, .katex, style, script')) continue;
      // A closed expander's text keeps a layout box in Chromium but is not drawn.
      if (parent.closest('details:not([open])')) continue;
      if (!shown(parent) || !opaque(parent)) continue;
      let block = parent;
      while (block !== main && ['inline', 'contents'].includes(getComputedStyle(block).display))
        block = block.parentElement;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) add(block, r);
    }
    main.querySelectorAll('.katex').forEach((k) => {
      if (!k.parentElement.closest('.katex') && !k.closest('details:not([open])') && shown(k))
        add(k, k.getBoundingClientRect());
    });
  }
  const texts = [...groups.entries()].map(([el, g]) => ({el, l: g.l, t: g.t, r: g.r, b: g.b,
    text: (el.classList.contains('katex') ? 'formula: ' : '') + label(el)}));

  // Overlaps: two text boxes (neither inside the other) sharing more than the tolerance.
  const overlaps = [];
  const tol = __TOL__;
  for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
    const a = texts[i], b = texts[j];
    if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
    const w = Math.min(a.r, b.r) - Math.max(a.l, b.l), h = Math.min(a.b, b.b) - Math.max(a.t, b.t);
    if (w > tol && h > tol)
      overlaps.push({a: a.text, b: b.text, w: Math.round(w), h: Math.round(h)});
  }
  // Text against charts: a caption or badge drawn over a figure is an overlap too.
  for (const t of texts) for (const c of charts) {
    if (t.el.closest('[data-testid="stBidiComponentRegular"]')) continue;
    const w = Math.min(t.r, c.box.x + c.box.w) - Math.max(t.l, c.box.x);
    const h = Math.min(t.b, c.box.y + c.box.h) - Math.max(t.t, c.box.y);
    if (w > tol && h > tol)
      overlaps.push({a: t.text, b: 'chart ' + c.key, w: Math.round(w), h: Math.round(h)});
  }

  // Clipping: text that reaches beyond an ancestor which hides its overflow, or that an
  // ellipsis cuts short. (Beyond an ancestor that scrolls: reported as `scrolls`.)
  const clipped = [], scrolls = [];
  for (const t of texts) {
    for (let e = t.el; e && e !== main; e = e.parentElement) {
      const st = getComputedStyle(e);
      if (st.textOverflow === 'ellipsis' && e.scrollWidth > e.clientWidth + 1) {
        clipped.push({text: t.text, by: 'ellipsis', px: e.scrollWidth - e.clientWidth}); break;
      }
      const hides = (v) => v === 'hidden' || v === 'clip';
      const scroll = (v) => v === 'auto' || v === 'scroll';
      if (e === t.el) continue;
      const r = e.getBoundingClientRect();
      const out = Math.max(r.left - t.l, t.r - r.right, r.top - t.t, t.b - r.bottom);
      if (out <= 1) continue;
      if (hides(st.overflowX) || hides(st.overflowY)) {
        clipped.push({text: t.text, by: e.getAttribute('data-testid') || e.tagName.toLowerCase(),
                      px: Math.round(out)}); break;
      }
      if (scroll(st.overflowX) || scroll(st.overflowY)) {
        scrolls.push({text: t.text, by: e.getAttribute('data-testid') || e.tagName.toLowerCase(),
                      px: Math.round(out)}); break;
      }
    }
  }

  // Text inside the figures (titles, tick and bar labels, legends, annotations): clipped
  // when it reaches beyond the figure or beyond the clip path Plotly draws it in (a bar
  // label cut at the plot area's edge); overlapped when a visible figure toolbar button
  // covers it.
  const drawnText = (gd) => [...gd.querySelectorAll('.main-svg text')].filter((t) =>
    t.textContent.trim() && shown(t) && opaque(t));
  for (const c of charts) {
    const gd = [...document.querySelectorAll('[data-testid="stBidiComponentRegular"]')]
      .map((e) => e.querySelector('.js-plotly-plot')).find((g) => keyOf(g) === c.key);
    if (!gd) continue;
    const frame = gd.getBoundingClientRect();
    const buttons = [...gd.querySelectorAll('.modebar-btn')].filter((b) => shown(b) && opaque(b))
      .map((b) => b.getBoundingClientRect());
    for (const t of drawnText(gd)) {
      const r = t.getBoundingClientRect();
      const what = `chart ${c.key}: ${t.textContent.trim().slice(0, 50)}`;
      let out = Math.max(frame.left - r.left, r.right - frame.right, frame.top - r.top,
                         r.bottom - frame.bottom);
      let by = 'figure';
      for (let e = t.parentElement; e && e !== gd; e = e.parentElement) {
        const ref = (e.getAttribute('clip-path') || '').match(/url\(["']?#([^"')]+)/);
        const shape = ref && document.getElementById(ref[1]);
        const area = shape && shape.firstElementChild;
        const m = area && e.getScreenCTM();
        if (!m || area.tagName !== 'rect') continue;
        // A clip path is not drawn (its box is empty): map its rectangle, given in the
        // user space of the element it clips, to the window (Plotly does not rotate).
        const num = (name) => parseFloat(area.getAttribute(name) || '0');
        const a = {left: m.e + m.a * num('x'), top: m.f + m.d * num('y')};
        a.right = a.left + m.a * num('width');
        a.bottom = a.top + m.d * num('height');
        const cut = Math.max(
          a.left - r.left, r.right - a.right, a.top - r.top, r.bottom - a.bottom);
        if (cut > out) { out = cut; by = 'plot area'; }
      }
      if (out > 1) clipped.push({text: what, by, px: Math.round(out)});
      for (const b of buttons) {
        const w = Math.min(r.right, b.right) - Math.max(r.left, b.left);
        const h = Math.min(r.bottom, b.bottom) - Math.max(r.top, b.top);
        if (w > tol && h > tol) {
          overlaps.push({a: what, b: 'figure toolbar button', w: Math.round(w), h: Math.round(h)});
          break;
        }
      }
    }
  }

  // Beyond the viewport, sideways: text boxes, charts, widgets of the main area.
  const beyond = [];
  for (const t of texts)
    if (t.r > W + 1 || t.l < -1)
      beyond.push({what: t.text, left: Math.round(t.l), right: Math.round(t.r)});
  for (const c of charts)
    if (c.box.x + c.box.w > W + 1 || c.box.x < -1)
      beyond.push({what: 'chart ' + c.key,
                   left: Math.round(c.box.x), right: Math.round(c.box.x + c.box.w)});
  if (main) main.querySelectorAll('[data-testid="stElementContainer"]').forEach((e) => {
    const r = e.getBoundingClientRect();
    if (shown(e) && (r.right > W + 1 || r.left < -1))
      beyond.push({what: 'element ' + (keyOf(e) || label(e).slice(0, 30)),
                   left: Math.round(r.left), right: Math.round(r.right)});
  });

  // Touch targets: what a finger presses. Hidden inputs (range, checkbox, radio) are
  // pressed through the nearest ancestor that has a size: the thumb, the label.
  const targets = [];
  const where = (el) => (el.closest('[data-testid="stSidebar"]') ? 'sidebar'
    : el.closest('[data-testid="stHeader"]') ? 'header' : 'main');
  const visibleTarget = (el) => {
    if (!shown(el) || !opaque(el)) return false;
    const r = el.getBoundingClientRect();
    if (r.right <= 0 || r.left >= W) return false;  // e.g. a folded sidebar
    return where(el) !== 'sidebar' || sidebarOpen;
  };
  const sized = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const r = e.getBoundingClientRect();
      if (r.width > 2 && r.height > 2) return e;
    }
    return el;
  };
  const push = (kind, el, name) => {
    if (!visibleTarget(el)) return;
    const r = el.getBoundingClientRect();
    targets.push({kind, where: where(el), label: name || label(el) || kind,
                  w: Math.round(r.width * 10) / 10, h: Math.round(r.height * 10) / 10,
                  y: Math.round(r.top)});
  };
  const seen = new Set();
  const once = (el) => { if (seen.has(el)) return false; seen.add(el); return true; };
  document.querySelectorAll('input[type="range"]').forEach((i) => {
    const thumb = sized(i.parentElement);
    if (once(thumb)) push('slider thumb', thumb, i.getAttribute('aria-label'));
  });
  document.querySelectorAll('input[type="checkbox"]').forEach((i) => {
    const l = i.closest('label') || sized(i);
    if (once(l)) push(i.getAttribute('role') === 'switch' ? 'toggle' : 'checkbox', l);
  });
  document.querySelectorAll('input[type="radio"]').forEach((i) => {
    const l = i.closest('label') || sized(i);
    if (once(l)) push('radio option', l);
  });
  document.querySelectorAll('[data-testid="stExpander"] summary').forEach((s) => {
    if (once(s)) push('expander', s);
  });
  document.querySelectorAll('[data-testid="stSelectbox"] [data-baseweb="select"]').forEach((s) => {
    const control = s.firstElementChild || s;
    if (once(control)) push('select box', control);
  });
  document.querySelectorAll('button, a[data-testid*="NavLink"], a[data-testid*="PageLink"]')
    .forEach((b) => {
      if (!once(b)) return;
      const kind = b.closest('.modebar') ? 'figure toolbar button'
        : b.closest('[data-testid="stTooltipIcon"]') ? 'help icon'
        : b.tagName === 'A' ? 'link' : 'button';
      push(kind, b);
    });

  return {
    viewport: {w: W, h: H},
    docScrollWidth: document.documentElement.scrollWidth,
    mainScrollWidth: main ? main.scrollWidth : 0, mainClientWidth: main ? main.clientWidth : 0,
    mainScrollHeight: main ? main.scrollHeight : 0,
    sidebarOpen, charts, overlaps, clipped, scrolls, beyond, targets,
    // Keyed elements that are figures but not Plotly charts (the live figure).
    keyed: [...document.querySelectorAll('[data-testid="stElementContainer"][class*="st-key-"]')]
      .map((c) => ({key: keyOf(c), box: box(c.getBoundingClientRect())})),
    // The live figure's two panels (in its shadow root), without its row of buttons.
    livePanels: [...document.querySelectorAll('.st-key-live_figure')].flatMap((c) =>
      [c, ...c.querySelectorAll('*')].filter((e) => e.shadowRoot)
        .flatMap((h) => [...h.shadowRoot.querySelectorAll('.lf-panels')]))
      .map((p) => ({key: 'live_figure', box: box(p.getBoundingClientRect())})),
    textBoxes: texts.length,
    errors: [...document.querySelectorAll(
      '[data-testid="stException"], [data-testid="stAlertContentError"]')].map((e) => label(e)),
    bodyText: document.body.innerText,
  };
}
""".replace("__TOL__", str(OVERLAP_TOLERANCE_PX))


# --- the server ----------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class StreamlitServer:
    """``streamlit run app.py`` in the background, its output in a log file.

    The output goes to tests/artifacts/streamlit-<name>.log, never to a pipe: a pipe
    that nobody reads fills at ~64 KiB and then blocks the server on its next log line.
    """

    def __init__(self, name: str, *extra_args: str) -> None:
        self.name = name
        self.extra_args = extra_args
        self.log_path = ARTIFACTS / f"streamlit-{name}.log"
        self.process: subprocess.Popen | None = None
        self.url = ""

    def start(self, timeout: float = 120.0) -> StreamlitServer:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        port = _free_port()
        with self.log_path.open("wb") as log:  # the child keeps its own handle
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "streamlit",
                    "run",
                    "app.py",
                    "--server.port",
                    str(port),
                    "--server.headless",
                    "true",
                    "--server.address",
                    "127.0.0.1",
                    *self.extra_args,
                ],
                cwd=ROOT,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self.url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + timeout
        while not self.healthy():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                pytest.fail(f"streamlit did not start:\n{self.tail()}")
            time.sleep(0.3)  # polling the health endpoint, not waiting for the app
        return self

    def healthy(self, timeout: float = 2.0) -> bool:
        try:
            with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=timeout) as reply:
                return reply.status == 200
        except OSError:
            return False

    def tail(self, lines: int = 60) -> str:
        if not self.log_path.exists():
            return "(no server log)"
        text = self.log_path.read_text(errors="replace").splitlines()[-lines:]
        return f"--- last {len(text)} lines of {self.log_path} ---\n" + "\n".join(text)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=15)


# --- the browser and the pages ---------------------------------------------------------


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path:
        return path
    if os.environ.get("CI"):
        pytest.fail("CI=true but no chromium on PATH: .ci/run must install Debian's chromium")
    pytest.skip("no chromium on this machine (apt-get install chromium)")


@dataclass
class ConsoleEntry:
    kind: str  # "error" (console.error, failed resource) or "pageerror" (uncaught)
    text: str
    url: str  # the resource or script the message is about
    page_url: str

    def allowed(self) -> str | None:
        """Why this entry is noise, or None when it is a defect."""
        for why, text, url in ALLOWED_CONSOLE:
            if self.kind == "error" and text.search(self.text) and url.search(self.url):
                return why
        return None

    def __str__(self) -> str:
        return f"[{self.kind}] {self.text} ({self.url or 'no url'}) on {self.page_url}"


class AppPage:
    """One page in a browser context of its own, with the waits the tests need."""

    def __init__(self, context, page, base_url: str) -> None:
        self.context = context
        self.page = page
        self.base_url = base_url
        self.console: list[ConsoleEntry] = []
        page.on("console", self._on_console)
        page.on("pageerror", self._on_page_error)

    def _on_console(self, message) -> None:
        if message.type == "error":
            location = message.location or {}
            self.console.append(
                ConsoleEntry("error", message.text, location.get("url", ""), self.page.url)
            )

    def _on_page_error(self, error) -> None:
        self.console.append(ConsoleEntry("pageerror", str(error), "", self.page.url))

    def console_errors(self) -> list[ConsoleEntry]:
        return [entry for entry in self.console if entry.allowed() is None]

    # -- waits --

    def runs(self) -> int:
        return int(self.page.evaluate("() => window.__sparsity ? window.__sparsity.done : 0"))

    def settle(self, runs: int = 1, timeout: float = TIMEOUT_MS) -> None:
        """Wait until at least `runs` Streamlit runs finished and the page is fully drawn."""
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        try:
            self.page.wait_for_function(_SETTLED_JS, arg=runs, polling="raf", timeout=timeout)
        except PlaywrightTimeout as error:
            # Say what the page was still waiting for: a timeout alone cannot be diagnosed.
            state = self.page.evaluate(
                "() => { const s = window.__sparsity || {}; return {done: s.done,"
                " states: (s.states || []).slice(-12), why: s.why, moves: s.moves}; }"
            )
            raise AssertionError(
                f"page not settled after {timeout / 1000:.0f} s waiting for {runs} runs: {state}"
            ) from error

    def rerun(self, action: Callable[[], object], timeout: float = TIMEOUT_MS) -> None:
        """Do something that makes Streamlit run again, and wait for the new run's page."""
        before = self.runs()
        query, signature = self.query(), self.signature()
        action()
        try:
            self.settle(before + 1, timeout=min(timeout, UNSEEN_RUN_MS))
        except AssertionError:
            # The counter sees a run when React commits the "running" state; a page busy
            # drawing can take the run's first and last messages in one commit, and then
            # no run is counted. Long after the action, a changed URL or page proves that
            # the run happened: wait for it to be over and drawn. Nothing changed: fail.
            if self.query() == query and self.signature() == signature:
                raise
            self.settle(self.runs(), timeout=timeout)

    def goto(self, path: str) -> None:
        self.page.goto(f"{self.base_url}/{path.lstrip('/')}", timeout=TIMEOUT_MS)
        self.settle()

    def resize(self, width: int, height: int) -> None:
        self.page.set_viewport_size({"width": width, "height": height})
        self.settle(self.runs())

    # -- reading --

    def signature(self) -> dict:
        return self.page.evaluate(_SIGNATURE_JS)

    def query(self) -> dict[str, str]:
        return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(self.page.url).query))

    def measure(self) -> dict:
        self.page.evaluate("() => document.fonts.ready.then(() => true)")
        self.page.evaluate(
            "() => { const m = document.querySelector('[data-testid=\"stMain\"]');"
            " if (m) m.scrollTop = 0; }"
        )
        return self.page.evaluate(_MEASURE_JS)

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path))
        return path

    def screenshot_whole(self, name: str, max_height: int = 9000) -> Path:
        """The whole page: the main area scrolls inside the window (not the document, so
        Playwright's full_page sees one screen); grow the window to the content's height."""
        size = self.page.viewport_size
        height = int(
            self.page.evaluate(
                "() => { const m = document.querySelector('[data-testid=\"stMain\"]');"
                " return m ? m.scrollHeight : document.documentElement.scrollHeight; }"
            )
        )
        self.resize(size["width"], min(max(height, size["height"]), max_height))
        path = self.screenshot(name)
        self.resize(size["width"], size["height"])
        return path

    def assert_no_error(self) -> None:
        for selector in ('[data-testid="stException"]', '[data-testid="stAlertContentError"]'):
            found = self.page.locator(selector)
            assert found.count() == 0, found.first.inner_text()

    def close(self) -> None:
        self.context.close()


class Browsing:
    """Opens pages of one server, each in a fresh context; remembers them for the checks."""

    def __init__(self, browser, base_url: str) -> None:
        self.browser = browser
        self.base_url = base_url
        self.pages: list[AppPage] = []

    def new_page(
        self,
        width: int = 1280,
        height: int = 900,
        *,
        mobile: bool = False,
        color_scheme: str | None = None,
        base_url: str | None = None,
    ) -> AppPage:
        """A blank page in a new context: a phone (touch, mobile viewport) or a desktop."""
        options: dict = {"viewport": {"width": width, "height": height}}
        if mobile:
            options.update(has_touch=True, is_mobile=True, device_scale_factor=2)
        if color_scheme:
            options["color_scheme"] = color_scheme
        context = self.browser.new_context(**options)
        context.add_init_script(_INIT_SCRIPT)
        context.set_default_timeout(TIMEOUT_MS)
        app_page = AppPage(context, context.new_page(), base_url or self.base_url)
        self.pages.append(app_page)
        return app_page

    def open(self, path: str = "", width: int = 1280, height: int = 900, **options) -> AppPage:
        """`path` (with its query) loaded in a new context, once Streamlit has drawn it."""
        app_page = self.new_page(width, height, **options)
        app_page.goto(path)
        return app_page

    def console_errors(self) -> list[ConsoleEntry]:
        return [entry for page in self.pages for entry in page.console_errors()]

    def close(self) -> None:
        for page in self.pages:
            with contextlib.suppress(Exception):  # already closed by the test
                page.close()


def artifact_name(*parts: object) -> str:
    text = "_".join(str(part) for part in parts if part != "")
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-")


def page_name(path: str) -> str:
    return path or "constraint_regions"


# --- measurements shared by the read-only checks ---------------------------------------


@dataclass
class Load:
    """A fresh load of one page at one viewport: what was measured and what was logged."""

    path: str
    width: int
    height: int
    present: bool
    mobile: bool
    data: dict
    console: list[ConsoleEntry]
    runs: int
    screenshots: list[Path] = field(default_factory=list)
    sidebar: dict | None = None  # on a phone: the sidebar's targets once opened

    def main_figures(self) -> list[dict]:
        """The page's main figure: its charts by key, or else the page's first chart."""
        charts = self.data["charts"]
        wanted = MAIN_FIGURES.get(self.path)
        if wanted is None:
            return charts[:1]
        found = [chart for key in wanted for chart in charts if chart["key"] == key]
        others = [*self.data.get("livePanels", []), *self.data.get("keyed", [])]
        return found or [e for key in wanted for e in others if e["key"] == key][:1]

    def targets(self) -> list[dict]:
        found = list(self.data["targets"])
        if self.sidebar is not None:
            found += [t for t in self.sidebar["targets"] if t["where"] == "sidebar"]
        return found


def inside_fraction(box: dict, width: float, height: float) -> tuple[float, float]:
    """(share of the box's area inside the first screen, visible height in px)."""
    visible_w = max(0.0, min(box["x"] + box["w"], width) - max(box["x"], 0.0))
    visible_h = max(0.0, min(box["y"] + box["h"], height) - max(box["y"], 0.0))
    area = box["w"] * box["h"]
    return (visible_w * visible_h / area if area else 0.0), visible_h


class Measurements:
    """Fresh loads of a page at a size, each measured once, shared by the read-only checks.

    Each load is a new navigation, so a new Streamlit session; the loads of one kind of
    device share a browser context only for its HTTP and code caches (a new context
    re-parses Plotly's 4 MB of JavaScript: 10 s a page on a loaded 2-core machine).
    """

    def __init__(self, browsing: Browsing) -> None:
        self.browsing = browsing
        self._loads: dict[tuple, Load] = {}
        self._devices: dict[bool, AppPage] = {}

    def get(self, path: str, width: int, height: int, *, present: bool = False) -> Load:
        key = (path, width, height, present)
        if key not in self._loads:
            self._loads[key] = self._measure(path, width, height, present, mobile=width < 500)
        return self._loads[key]

    def loads(self) -> list[Load]:
        return list(self._loads.values())

    def _measure(self, path: str, width: int, height: int, present: bool, mobile: bool) -> Load:
        if mobile not in self._devices:
            self._devices[mobile] = self.browsing.new_page(width, height, mobile=mobile)
        page = self._devices[mobile]
        page.page.set_viewport_size({"width": width, "height": height})
        logged = len(page.console)
        page.goto(path + ("?present=true" if present else ""))
        data = page.measure()
        name = artifact_name(page_name(path), f"{width}x{height}", "present" if present else "")
        load = Load(path, width, height, present, mobile, data, [], page.runs())
        load.screenshots.append(page.screenshot(name))
        if mobile and not data["sidebarOpen"]:
            self._measure_sidebar(page, load, name)
        if (width, height) in ((1440, 900), (390, 844)) and not present:
            load.screenshots.append(page.screenshot_whole(name + "_whole"))
        load.console = page.console[logged:]
        return load

    @staticmethod
    def _measure_sidebar(page: AppPage, load: Load, name: str) -> None:
        """On a phone the sidebar starts folded: open it, measure its targets, fold it."""
        opener = page.page.locator('[data-testid="stExpandSidebarButton"]')
        if not opener.count():
            return
        opener.first.click()
        page.page.locator('[data-testid="stSidebar"][data-collapsed="false"]').wait_for()
        page.settle(page.runs())
        load.sidebar = page.measure()
        load.screenshots.append(page.screenshot(name + "_sidebar"))
        page.page.get_by_role("button", name="Collapse sidebar").click()
        page.page.locator('[data-testid="stSidebar"][data-collapsed="true"]').wait_for(
            state="attached"
        )
        page.settle(page.runs())


# --- the fixtures ----------------------------------------------------------------------


def describe(items: list[dict], limit: int = 12) -> str:
    shown = [json.dumps(item, ensure_ascii=False) for item in items[:limit]]
    more = f"\n... and {len(items) - limit} more" if len(items) > limit else ""
    return "\n".join(shown) + more
