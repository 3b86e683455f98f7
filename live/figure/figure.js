/**
 * The live figure itself: what Python sent (the data), the controls of the
 * moment (the view), the panels' layout, drawing them, and the one message
 * back to Python (commit). The input controllers (pointer.js, keys.js), Play
 * (player.js) and download (download.js) act on it from outside.
 */

import { downloadFigure } from "./download.js";
import { drawDynamic } from "./dynamic_layer.js";
import { axisIntercept, viewLimit } from "./geometry.js";
import { KeyControl } from "./keys.js";
import { arrangePanels, panelLayout } from "./layout.js";
import { changedControls, panelModel, viewFromData } from "./model.js";
import { buildPanel } from "./panel_dom.js";
import { PLAY_LABEL, Player } from "./player.js";
import { PointerControl } from "./pointer.js";
import { drawStatic } from "./static_layer.js";
import { record, stats } from "./stats.js";
import { formatNumber, formatPoint } from "./text.js";

/** A toolbar button. */
function button(parent, text, role, onClick) {
  const node = document.createElement("button");
  node.type = "button";
  node.textContent = text;
  node.dataset.role = role;
  node.addEventListener("click", onClick);
  parent.appendChild(node);
  return node;
}

/** The panel's header: name, badge, readout (with the exact w for tests) and note. */
function writeHeader(panel, model) {
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

/** The live figure on one parent element (made once; main.js hands it each new data). */
export class LiveFigure {
  /** @param {Element} parent the component's element */
  constructor(parent) {
    this.root = document.createElement("div");
    this.root.className = "lf-root";
    this.root.dataset.testid = "live-figure";
    parent.appendChild(this.root);
    this.panelsBox = document.createElement("div");
    this.panelsBox.className = "lf-panels";
    this.root.appendChild(this.panelsBox);
    this.buildToolbar();
    this.panels = [];
    this.paths = {};
    this.shapeSide = 1;
    this.seq = 0;
    this.width = 0;
    this.pointer = new PointerControl(this);
    this.pointer.bind(this.root);
    new KeyControl(this).bind(this.root);
    this.watchWidth();
  }

  /** Under the panels: on a 1280 x 720 projector the panels start on the first screen. */
  buildToolbar() {
    const toolbar = document.createElement("div");
    toolbar.className = "lf-toolbar";
    this.root.appendChild(toolbar);
    this.playButton = button(toolbar, PLAY_LABEL, "play", () => this.player.toggle());
    this.player = new Player(this, this.playButton);
    button(toolbar, "Download SVG", "svg", () => this.download("svg"));
    button(toolbar, "Download PNG", "png", () => this.download("png"));
    this.hint = document.createElement("span");
    this.hint.className = "lf-hint";
    toolbar.appendChild(this.hint);
  }

  /** Lay out and redraw when the width changes (a resized window, a folded sidebar). */
  watchWidth() {
    this.observer = new ResizeObserver(() => {
      const width = this.root.clientWidth;
      if (width && Math.abs(width - this.width) > 1 && this.data) {
        this.width = width;
        this.layoutPanels();
        this.render();
      }
    });
    this.observer.observe(this.root);
  }

  /** The drag under way, or null (tests and the controllers read it). */
  get drag() {
    return this.pointer.drag;
  }

  /** The Play sweep under way, or null (tests read window.__sparsityLab.figure.playing). */
  get playing() {
    return this.player.playing;
  }

  /** The handle an event is on, with its panel, or null. */
  handleOf(event) {
    const g = event.target.closest?.(".lf-handle");
    if (!g) return null;
    const panel = this.panels.find((p) => p.data.side === g.dataset.side);
    return panel ? { kind: g.dataset.handle, panel, g } : null;
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
    this.applyLook(data);
    this.width = this.root.clientWidth || this.width || 900;
    this.layoutPanels();
    this.render();
  }

  /** Presentation mode, dark figures, the paper and ink colours, Play's availability, the hint. */
  applyLook(data) {
    this.root.classList.toggle("lf-presenting", Boolean(data.presenting));
    this.root.classList.toggle("lf-dark", Boolean(data.dark));
    this.root.style.setProperty("--lf-paper", data.palette.paper);
    this.root.style.setProperty("--lf-ink", data.palette.ink);
    this.playButton.disabled = !data.panels.some((p) => p.budgetHandle);
    this.hint.textContent = data.hint;
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

  /** Draw every panel for the view of the moment; `trace` (Play) extends the paths. */
  render(options = {}) {
    const started = performance.now();
    const limit = this.limitFor(this.view);
    for (const panel of this.panels) {
      if (this.staticLimit !== limit) panel.transform = drawStatic(panel.refs, this.layout, limit, this.data.palette);
      const model = panelModel(panel.data, this.view, this.data, { playing: Boolean(this.playing) });
      panel.model = model;
      if (this.playing && panel.data.budgetHandle && options.trace) {
        (this.paths[panel.data.side] ??= []).push(model.solution.w);
      }
      drawDynamic(panel.refs, model, this.drawContext(panel));
      writeHeader(panel, model);
    }
    this.staticLimit = limit;
    this.root.dataset.view = JSON.stringify(this.view);
    stats.renders += 1;
    const duration = performance.now() - started;
    record(stats.renderTimes, duration);
    return duration;
  }

  /** What the dynamic layer needs besides the panel's model. */
  drawContext(panel) {
    const { data } = this;
    const still = !this.playing; // Play hides the handles
    return {
      layout: this.layout,
      transform: panel.transform,
      palette: data.palette,
      style: panel.data.style,
      showCone: data.showCone,
      levelMultiples: data.levelMultiples,
      view: this.view,
      dataView: data.view,
      path: this.paths[panel.data.side],
      shapeSide: this.shapeSide,
      handles: { centre: still, shape: still, budget: still && panel.data.budgetHandle },
    };
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

  download(format) {
    const refs = this.panels.map((p) => p.refs);
    downloadFigure(this.root, refs, this.data.palette, `sparsity-lab-${this.data.name}`, format);
  }
}
