/**
 * The live figure of the Constraint regions page, as an st.components.v2
 * component: `export default function ({data, parentElement, setStateValue})`.
 *
 * Streamlit calls the default export again, on the same parentElement,
 * whenever Python sends new data; the figure therefore lives on the element
 * (made once) and each call only hands it the new data.
 *
 * While a handle is dragged (pointer events: mouse, pen or finger) or moved
 * with the arrow keys, the figure recomputes on each animation frame with the
 * exact solve2d; nothing is sent to Python until the release (pointerup,
 * keyup), which reports the final controls once, with setStateValue: one
 * rerun per drag. Python then solves again (the reference) and sends its
 * answer back as new data.
 */

import { dragToControls, keyToControls, shapeHandle } from "./controls.js";
import { axisIntercept, viewLimit } from "./geometry.js";
import { arrangePanels, panelLayout } from "./layout.js";
import { changedControls, panelModel, viewFromData } from "./model.js";
import { sweepBudget } from "./play.js";
import { buildPanel, drawDynamic, drawStatic, exportSvg } from "./render.js";
import { formatNumber, formatPoint } from "./text.js";

const ARROWS = new Set(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"]);
const SHARED = (globalThis.__sparsityLab ??= {});
/** Counters a benchmark or test reads (window.__sparsityLab.stats). */
export const stats = (SHARED.stats ??= {
  updates: 0,
  latencies: [],
  renderTimes: [],
  frames: 0,
  commits: 0,
  renders: 0,
});

class LiveFigure {
  constructor(parent) {
    this.parent = parent;
    this.root = document.createElement("div");
    this.root.className = "lf-root";
    this.root.dataset.testid = "live-figure";
    parent.appendChild(this.root);
    this.panelsBox = document.createElement("div");
    this.panelsBox.className = "lf-panels";
    this.root.appendChild(this.panelsBox);
    // Under the panels: on a 1280 x 720 projector the panels start on the first screen.
    const toolbar = document.createElement("div");
    toolbar.className = "lf-toolbar";
    this.root.appendChild(toolbar);
    this.playButton = this.button(toolbar, "▶ Play: t from 3 to 0 and back", () => this.togglePlay());
    this.playButton.dataset.role = "play";
    this.button(toolbar, "Download SVG", () => this.download("svg")).dataset.role = "svg";
    this.button(toolbar, "Download PNG", () => this.download("png")).dataset.role = "png";
    this.hint = document.createElement("span");
    this.hint.className = "lf-hint";
    toolbar.appendChild(this.hint);
    this.panels = [];
    this.drag = null;
    this.playing = null;
    this.paths = {};
    this.shapeSide = 1;
    this.seq = 0;
    this.width = 0;
    this.frameRequested = false;
    this.observer = new ResizeObserver(() => {
      const width = this.root.clientWidth;
      if (width && Math.abs(width - this.width) > 1 && this.data) {
        this.width = width;
        this.layoutPanels();
        this.render();
      }
    });
    this.observer.observe(this.root);
    this.bindEvents();
  }

  button(parent, text, onClick) {
    const node = document.createElement("button");
    node.type = "button";
    node.textContent = text;
    node.addEventListener("click", onClick);
    parent.appendChild(node);
    return node;
  }

  /** New data from Python: shown at once, unless a drag or Play is under way. */
  receive(data) {
    if (this.drag || this.playing) {
      this.queued = data;
      return;
    }
    this.apply(data);
  }

  apply(data) {
    const structure = data.panels.map((p) => p.side).join();
    const rebuild = !this.data || this.structure !== structure;
    this.data = data;
    this.view = viewFromData(data);
    this.queued = null;
    if (!this.keepPaths) this.paths = {};
    this.keepPaths = false;
    this.structure = structure;
    if (rebuild) {
      this.panelsBox.replaceChildren();
      this.panels = data.panels.map((panel) => ({ data: panel, refs: buildPanel(this.panelsBox, panel.side) }));
    } else {
      this.panels.forEach((p, i) => (p.data = data.panels[i]));
    }
    this.root.classList.toggle("lf-presenting", Boolean(data.presenting));
    this.root.classList.toggle("lf-dark", Boolean(data.dark));
    this.root.style.setProperty("--lf-paper", data.palette.paper);
    this.root.style.setProperty("--lf-ink", data.palette.ink);
    this.playButton.disabled = !data.panels.some((p) => p.budgetHandle);
    this.hint.textContent = data.hint;
    this.width = this.root.clientWidth || this.width || 900;
    this.layoutPanels();
    this.render();
  }

  layoutPanels() {
    const arrangement = arrangePanels(this.width, this.panels.length);
    this.panelsBox.style.gridTemplateColumns = `repeat(${arrangement.columns}, ${arrangement.width}px)`;
    this.layout = panelLayout(arrangement.width, Boolean(this.data.presenting));
    this.staticLimit = null;
  }

  /** The view's half-width: Python's, grown (never shrunk) while a drag needs more room. */
  limitFor(view) {
    let extent = 0;
    for (const { data } of this.panels) {
      if (!data.region) continue;
      const t = data.budgetHandle ? view[`${data.side}_t`] : data.region.radius;
      extent = Math.max(extent, axisIntercept({ ...data.region, radius: t }));
    }
    return Math.max(this.data.limit, viewLimit([view.c1, view.c2], extent, this.data.viewRule));
  }

  render(options = {}) {
    const started = performance.now();
    const { data, layout } = this;
    const limit = this.limitFor(this.view);
    const palette = data.palette;
    for (const panel of this.panels) {
      if (this.staticLimit !== limit) panel.transform = drawStatic(panel.refs, layout, limit, palette);
      const model = panelModel(panel.data, this.view, data, { playing: Boolean(this.playing) });
      panel.model = model;
      if (this.playing && panel.data.budgetHandle && options.trace) {
        (this.paths[panel.data.side] ??= []).push(model.solution.w);
      }
      drawDynamic(panel.refs, model, {
        layout,
        transform: panel.transform,
        palette,
        style: panel.data.style,
        showCone: data.showCone,
        levelMultiples: data.levelMultiples,
        view: this.view,
        dataView: data.view,
        path: this.paths[panel.data.side],
        shapeSide: this.shapeSide,
        handles: {
          centre: !this.playing,
          shape: !this.playing,
          budget: !this.playing && panel.data.budgetHandle,
        },
      });
      this.writeHeader(panel, model);
    }
    this.staticLimit = limit;
    this.root.dataset.view = JSON.stringify(this.view);
    stats.renders += 1;
    const duration = performance.now() - started;
    stats.renderTimes.push(duration);
    if (stats.renderTimes.length > 5000) stats.renderTimes.splice(0, 1000);
    return duration;
  }

  writeHeader(panel, model) {
    const { refs, data } = panel;
    refs.name.textContent = data.label;
    refs.badge.textContent = model.badge;
    refs.badge.className = `lf-badge lf-${model.colour}`;
    refs.box.dataset.status = model.status;
    refs.box.dataset.zeros = model.solution.zeros.join(",");
    const w = model.solution.w;
    let text = `w = ${formatPoint(w)}`;
    if (Number.isFinite(model.solution.multiplier)) text += ` · λ = ${formatNumber(model.solution.multiplier)}`;
    if (data.budgetHandle) text += ` · t = ${formatNumber(model.t)}`;
    refs.readout.textContent = text;
    refs.readout.dataset.w = JSON.stringify(w);
    refs.note.textContent = model.status === "pending" ? data.pendingNote : data.note;
  }

  // --- dragging -------------------------------------------------------------------------

  bindEvents() {
    const root = this.root;
    root.addEventListener("pointerdown", (event) => this.onPointerDown(event));
    root.addEventListener("pointermove", (event) => this.onPointerMove(event));
    root.addEventListener("pointerup", (event) => this.onPointerUp(event));
    root.addEventListener("pointercancel", (event) => this.onPointerUp(event));
    // CSS touch-action does not reach inside an SVG, so a finger on a handle
    // would pan the page (and cancel the pointer): hold the page still instead,
    // only while a handle is touched; elsewhere the figure scrolls as usual.
    const holdStill = (event) => {
      if (this.drag || event.target.closest?.(".lf-handle")) event.preventDefault();
    };
    root.addEventListener("touchstart", holdStill, { passive: false });
    root.addEventListener("touchmove", holdStill, { passive: false });
    root.addEventListener("keydown", (event) => this.onKeyDown(event));
    root.addEventListener("keyup", (event) => this.onKeyUp(event));
  }

  handleOf(event) {
    const g = event.target.closest?.(".lf-handle");
    if (!g) return null;
    const panel = this.panels.find((p) => p.data.side === g.dataset.side);
    return panel ? { kind: g.dataset.handle, panel, g } : null;
  }

  worldPoint(panel, event, transform) {
    const matrix = panel.refs.svg.getScreenCTM();
    if (!matrix) return null;
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    return transform.toWorld(point.x, point.y);
  }

  handlePoint(kind, panel) {
    const { model } = panel;
    if (kind === "centre") return model.center;
    if (kind === "budget") return [axisIntercept(model.region), 0];
    return shapeHandle(model.center, this.view.cond, this.view.angle, panel.transform.limit, this.shapeSide);
  }

  onPointerDown(event) {
    const target = this.handleOf(event);
    if (!target || this.playing || this.drag || !this.data) return;
    event.preventDefault();
    const { panel, kind } = target;
    const transform = panel.transform;
    const start = this.worldPoint(panel, event, transform);
    if (!start) return;
    const at = this.handlePoint(kind, panel);
    target.g.focus({ preventScroll: true });
    try {
      panel.refs.svg.setPointerCapture(event.pointerId);
    } catch {
      // A synthetic pointer (a test's dispatched event) cannot be captured; moves still bubble here.
    }
    this.drag = {
      kind,
      panel,
      transform,
      pointerId: event.pointerId,
      offset: [at[0] - start[0], at[1] - start[1]],
      latest: null,
      since: null,
      moved: false,
    };
    this.root.classList.add("lf-dragging");
  }

  onPointerMove(event) {
    const drag = this.drag;
    if (!drag || event.pointerId !== drag.pointerId) return;
    event.preventDefault();
    drag.latest = { clientX: event.clientX, clientY: event.clientY };
    if (drag.since === null) drag.since = event.timeStamp;
    if (!this.frameRequested) {
      this.frameRequested = true;
      requestAnimationFrame(() => this.dragFrame());
    }
  }

  /** One animation frame of a drag: the latest pointer position -> controls -> redraw. */
  dragFrame() {
    this.frameRequested = false;
    const drag = this.drag;
    if (!drag || !drag.latest) return;
    stats.frames += 1;
    this.applyPointer(drag);
    if (drag.since !== null) {
      stats.latencies.push(performance.now() - drag.since);
      if (stats.latencies.length > 5000) stats.latencies.splice(0, 1000);
      drag.since = null;
    }
  }

  applyPointer(drag) {
    const point = this.worldPoint(drag.panel, drag.latest, drag.transform);
    if (!point) return;
    const target = [point[0] + drag.offset[0], point[1] + drag.offset[1]];
    const { changes, shapeSide } = dragToControls(drag.kind, this.view, target, {
      side: drag.panel.data.side,
      region: drag.panel.model.region ?? drag.panel.data.region,
      limit: drag.transform.limit,
      specs: this.data.specs,
    });
    if (shapeSide !== undefined) this.shapeSide = shapeSide;
    const next = { ...this.view, ...changes };
    if (Object.keys(changedControls(next, this.view, this.data.viewKeys)).length === 0) return;
    this.view = next;
    drag.moved = true;
    this.render();
    stats.updates += 1;
  }

  onPointerUp(event) {
    const drag = this.drag;
    if (!drag || event.pointerId !== drag.pointerId) return;
    if (event.type === "pointerup") {
      drag.latest = { clientX: event.clientX, clientY: event.clientY };
      this.applyPointer(drag);
    }
    if (drag.panel.refs.svg.hasPointerCapture?.(event.pointerId)) {
      drag.panel.refs.svg.releasePointerCapture(event.pointerId);
    }
    this.drag = null;
    this.root.classList.remove("lf-dragging");
    this.commit();
  }

  /** Report the controls to Python once (a release): one rerun. */
  commit() {
    const changes = changedControls(this.view, this.data.view, this.data.viewKeys);
    if (Object.keys(changes).length === 0) {
      if (this.queued) this.apply(this.queued);
      return;
    }
    // Every control a handle moves, but not the budget of a panel that has no budget handle.
    const fixed = this.panels.filter((p) => !p.data.budgetHandle).map((p) => `${p.data.side}_t`);
    const report = {};
    for (const key of this.data.viewKeys) if (!fixed.includes(key)) report[key] = this.view[key];
    this.seq += 1;
    report.seq = `${Date.now()}-${this.seq}`;
    stats.commits += 1;
    this.queued = null; // the rerun this starts brings the data to show
    this.setStateValue("view", report);
  }

  // --- keyboard -------------------------------------------------------------------------

  onKeyDown(event) {
    if (!ARROWS.has(event.key)) return;
    const target = this.handleOf(event);
    if (!target || this.playing || this.drag) return;
    event.preventDefault();
    const changes = keyToControls(target.kind, this.view, event.key, {
      side: target.panel.data.side,
      specs: this.data.specs,
    });
    if (!changes) return;
    this.view = { ...this.view, ...changes };
    this.keyed = true;
    this.render();
    stats.updates += 1;
  }

  onKeyUp(event) {
    if (!ARROWS.has(event.key) || !this.keyed) return;
    this.keyed = false;
    this.commit();
  }

  // --- Play -----------------------------------------------------------------------------

  togglePlay() {
    if (this.playing) {
      this.stopPlay();
      return;
    }
    if (this.drag) return;
    this.paths = {};
    this.playing = { start: performance.now(), lastElapsed: 0, tMax: this.data.specs.t.high };
    this.playButton.textContent = "■ Stop";
    this.root.classList.add("lf-playing");
    requestAnimationFrame((now) => this.playFrame(now));
  }

  playFrame(now) {
    const play = this.playing;
    if (!play) return;
    const elapsed = (now - play.start) / 1000;
    const seconds = this.data.playSeconds;
    // Never skip the turn: t = 0 exactly is drawn (the L2 path reaches 0 only there).
    if (play.lastElapsed < seconds && elapsed >= seconds) this.playAt(0, true);
    play.lastElapsed = elapsed;
    const { t, done, falling } = sweepBudget(elapsed, play.tMax, seconds);
    if (done) {
      this.stopPlay();
      return;
    }
    this.playAt(t, falling);
    requestAnimationFrame((next) => this.playFrame(next));
  }

  playAt(t, trace) {
    const view = { ...this.view };
    for (const panel of this.panels) if (panel.data.budgetHandle) view[`${panel.data.side}_t`] = t;
    this.view = view;
    this.render({ trace });
    stats.frames += 1;
  }

  stopPlay() {
    this.playing = null;
    this.playButton.textContent = "▶ Play: t from 3 to 0 and back";
    this.root.classList.remove("lf-playing");
    this.keepPaths = true;
    this.apply(this.queued ?? this.data);
  }

  // --- export ---------------------------------------------------------------------------

  download(format) {
    const { text, width, height } = exportSvg(
      this.panels.map((p) => p.refs),
      this.data.palette,
    );
    const name = `sparsity-lab-${this.data.name}`;
    if (format === "svg") {
      this.save(new Blob([text], { type: "image/svg+xml" }), `${name}.svg`);
      return;
    }
    const image = new Image();
    const url = URL.createObjectURL(new Blob([text], { type: "image/svg+xml" }));
    image.onload = () => {
      const canvas = document.createElement("canvas");
      canvas.width = width * 2;
      canvas.height = height * 2;
      const context = canvas.getContext("2d");
      context.scale(2, 2);
      context.drawImage(image, 0, 0);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => this.save(blob, `${name}.png`), "image/png");
    };
    image.src = url;
  }

  save(blob, filename) {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = filename;
    this.root.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  }
}

/** The component's entry point (Streamlit calls it on mount and on each new data). */
export default function mount({ data, parentElement, setStateValue }) {
  let figure = parentElement.__sparsityLiveFigure;
  if (!figure) {
    figure = new LiveFigure(parentElement);
    parentElement.__sparsityLiveFigure = figure;
    SHARED.figure = figure; // for tests and the benchmark: window.__sparsityLab.figure
  }
  figure.setStateValue = setStateValue;
  if (data) figure.receive(data);
}
