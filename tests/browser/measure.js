// One fresh load, measured (tests/browser/layout.py evaluates this in the page): viewport,
// charts, text boxes, overlaps (the page's text, each figure's own), clipping, elements
// beyond the viewport, touch targets.
// Coordinates are the viewport's (scrolled to top). __TOL__ is OVERLAP_TOLERANCE_PX.
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
  // The words a figure's layout writes (title, panel titles and other annotations, axis
  // titles, tick labels, legend entries): two that overlap are a figure-text overlap.
  const figureOverlaps = [];
  const layoutText = 'text.gtitle, text.annotation-text, text[class$="title"], ' +
    'text.legendtext, g[class*="tick"] > text';
  const name = (t) => `${t.getAttribute('class') || 'tick'}: ${t.textContent.trim().slice(0, 40)}`;
  for (const c of charts) {
    const gd = [...document.querySelectorAll('[data-testid="stBidiComponentRegular"]')]
      .map((e) => e.querySelector('.js-plotly-plot')).find((g) => keyOf(g) === c.key);
    if (!gd) continue;
    const frame = gd.getBoundingClientRect();
    const buttons = [...gd.querySelectorAll('.modebar-btn')].filter((b) => shown(b) && opaque(b))
      .map((b) => b.getBoundingClientRect());
    const words = [...gd.querySelectorAll(layoutText)].filter((t) =>
      t.textContent.trim() && shown(t) && opaque(t)).map((t) => [t, t.getBoundingClientRect()]);
    for (let i = 0; i < words.length; i++) for (let j = i + 1; j < words.length; j++) {
      const [[ta, a], [tb, b]] = [words[i], words[j]];
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > tol && h > tol) figureOverlaps.push(
        {chart: c.key, a: name(ta), b: name(tb), w: Math.round(w), h: Math.round(h)});
    }
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
    sidebarOpen, charts, overlaps, figureOverlaps, clipped, scrolls, beyond, targets,
    // Keyed elements that are figures but not Plotly charts (the live figure).
    keyed: [...document.querySelectorAll('[data-testid="stElementContainer"][class*="st-key-"]')]
      .map((c) => ({key: keyOf(c), box: box(c.getBoundingClientRect())})),
    // The live figure's two panels (in its shadow root), without its row of buttons.
    livePanels: [...document.querySelectorAll('.st-key-live_figure')].flatMap((c) =>
      [c, ...c.querySelectorAll('*')].filter((e) => e.shadowRoot)
        .flatMap((h) => [...h.shadowRoot.querySelectorAll('.lf-panels')]))
      .map((p) => ({key: 'live_figure', box: box(p.getBoundingClientRect())})),
    // Each panel on its own: on a phone they stack, and the first is the first figure.
    livePanel: [...document.querySelectorAll('.st-key-live_figure')].flatMap((c) =>
      [c, ...c.querySelectorAll('*')].filter((e) => e.shadowRoot)
        .flatMap((h) => [...h.shadowRoot.querySelectorAll('.lf-panel')]))
      .map((p) => ({key: `live_figure_${p.dataset.side}`, box: box(p.getBoundingClientRect())})),
    // Training's live race (in its shadow root): the figure it draws, without its toolbar.
    liveRace: [...document.querySelectorAll('.st-key-live_race')].flatMap((c) =>
      [c, ...c.querySelectorAll('*')].filter((e) => e.shadowRoot)
        .flatMap((h) => [...h.shadowRoot.querySelectorAll('[data-testid="live-race"] svg.race-svg')]))
      .map((p) => ({key: 'live_race', box: box(p.getBoundingClientRect())})),
    textBoxes: texts.length,
    errors: [...document.querySelectorAll(
      '[data-testid="stException"], [data-testid="stAlertContentError"]')].map((e) => label(e)),
    bodyText: document.body.innerText,
  };
}
