/**
 * The live One weight figures: each chart on the page is one OneWeightFigure
 * (one component each, placed in the page's sections), and all of them share
 * one view {a, lam, ratio} (hub below): a drag on any handle redraws every
 * chart on the same animation frame, and its release reports the controls to
 * Python once, through the chart that was dragged (one rerun). Input is the
 * main page's (figure/pointer.js, figure/keys.js) with this figure's mapping
 * (handles.js); the download is the main page's (figure/download.js).
 */

import { downloadFigure } from "../figure/download.js";
import { KeyControl } from "../figure/keys.js";
import { PointerControl } from "../figure/pointer.js";
import { record, shared, stats } from "../figure/stats.js";
import { drawChart, buildChart } from "./chart_dom.js";
import { chartLayout } from "./chart_layout.js";
import { changedControls, dragToControls, keyToControls } from "./handles.js";
import { figureModel } from "./models.js";

/** Every One weight chart of the page and their shared view (window.__sparsityLab.oneWeight). */
export const hub = (shared.oneWeight ??= { figures: [], view: null });

/** The y ranges of `model` grown to hold `base`'s (a drag never shrinks an axis under the hand). */
function grown(model, base) {
  if (!base) return model;
  const axes = {};
  for (const [id, axis] of Object.entries(model.axes)) {
    const b = base.axes[id];
    axes[id] = b ? { ...axis, y: [Math.min(axis.y[0], b.y[0]), Math.max(axis.y[1], b.y[1])] } : axis;
  }
  return { ...model, axes };
}

function button(parent, text, role, onClick) {
  const node = document.createElement("button");
  node.type = "button";
  node.textContent = text;
  node.dataset.role = role;
  node.addEventListener("click", onClick);
  parent.appendChild(node);
  return node;
}

/** One chart of the One weight page. */
export class OneWeightFigure {
  /** @param {Element} parent the component's element */
  constructor(parent) {
    this.root = document.createElement("div");
    this.root.className = "lf-root ow-root";
    this.root.dataset.testid = "one-weight-figure";
    parent.appendChild(this.root);
    this.chartBox = document.createElement("div");
    this.chartBox.className = "ow-chart";
    this.root.appendChild(this.chartBox);
    const toolbar = document.createElement("div");
    toolbar.className = "lf-toolbar";
    this.root.appendChild(toolbar);
    button(toolbar, "Download SVG", "svg", () => this.download("svg"));
    button(toolbar, "Download PNG", "png", () => this.download("png"));
    this.hint = document.createElement("span");
    this.hint.className = "lf-hint";
    toolbar.appendChild(this.hint);
    this.seq = 0;
    this.width = 0;
    this.keyed = false;
    this.pointer = new PointerControl(this, {
      handlePoint: (kind, panel) => panel.handle.point,
      dragToControls: (drag, point) => ({ changes: dragToControls(drag.panel.handle, point, this.data.specs) }),
    });
    this.pointer.bind(this.root);
    this.keys = new KeyControl(this, keyToControls);
    this.keys.bind(this.root);
    this.observer = new ResizeObserver(() => {
      const width = this.chartBox.clientWidth;
      if (width && Math.abs(width - this.width) > 1 && this.data) {
        this.width = width;
        this.draw();
      }
    });
    this.observer.observe(this.chartBox);
    // A drag redraws only the charts on the screen; one scrolled away is redrawn when it
    // comes back, or at the release (five charts cost five times one).
    this.visible = true;
    this.dirty = false;
    this.seen = new IntersectionObserver((entries) => {
      this.visible = entries[entries.length - 1].isIntersecting;
      if (this.visible && this.dirty && this.data) this.draw();
    });
    this.seen.observe(this.root);
    hub.figures.push(this);
  }

  /** The shared view: every chart of the page shows the same controls. */
  get view() {
    return hub.view;
  }

  set view(value) {
    hub.view = value;
  }

  get drag() {
    return this.pointer.drag;
  }

  /** Python's own constant for the main page's pointer: every control key a handle moves. */
  get playing() {
    return false;
  }

  /** The handle an event is on, as the pointer and keys want it: {kind, panel, g}. */
  handleOf(event) {
    const g = event.target.closest?.(".ow-handle");
    if (!g || !this.model) return null;
    const handle = this.model.handles[Number(g.dataset.index)];
    const transform = this.transforms[handle.axis];
    return { kind: handle.kind, g, panel: { refs: this.refs, transform, handle, data: { side: this.data.panel } } };
  }

  /** New data from Python: shown at once, unless a drag or key press on any chart is under way. */
  receive(data) {
    if (hub.figures.some((f) => f.drag || f.keys.keyed)) {
      this.queued = data;
      return;
    }
    this.apply(data);
  }

  apply(data) {
    if (!this.data || this.data.panel !== data.panel) {
      this.chartBox.replaceChildren();
      this.refs = null;
    }
    this.data = data;
    this.queued = null;
    hub.view = { ...data.view };
    this.base = figureModel(data.panel, data.view, data);
    this.root.classList.toggle("lf-presenting", Boolean(data.presenting));
    this.root.classList.toggle("lf-dark", Boolean(data.dark));
    this.root.style.setProperty("--lf-paper", data.palette.paper);
    this.root.style.setProperty("--lf-ink", data.palette.ink);
    this.hint.textContent = data.hint;
    this.reserve = null;
    if (this.refs) this.refs.staticKey = null; // the palette may have changed
    this.width = this.chartBox.clientWidth || this.width || 700;
    this.draw();
  }

  /** Draw this chart for the shared view. */
  draw() {
    this.dirty = false;
    const model = grown(figureModel(this.data.panel, this.view, this.data), this.base);
    if (!this.refs) this.refs = buildChart(this.chartBox, model);
    const busy = this.reserve !== null;
    const layout = chartLayout(this.data.panel, model, this.width, Boolean(this.data.presenting), this.reserve);
    this.transforms = drawChart(this.refs, model, layout, this.data.palette, this.view);
    this.model = model;
    if (busy || this.drag) this.reserve = { titleLines: layout.titleRows, legendRows: layout.legendRows };
    this.root.dataset.view = JSON.stringify(this.view);
    this.refs.svg.dataset.title = model.title;
  }

  /** A frame of a drag or a key: every chart of the page redrawn for the shared view. */
  render() {
    const started = performance.now();
    for (const figure of hub.figures) {
      if (!figure.data || !figure.root.isConnected) continue;
      if (figure.reserve === null) figure.reserve = { titleLines: 0, legendRows: 0 };
      if (figure.visible) figure.draw();
      else figure.dirty = true;
    }
    stats.renders += 1;
    const duration = performance.now() - started;
    record(stats.renderTimes, duration);
    return duration;
  }

  /** Report the controls to Python once (a release): one rerun. */
  commit() {
    for (const figure of hub.figures) if (figure.dirty && figure.root.isConnected) figure.draw();
    const changes = changedControls(this.view, this.data.view);
    if (Object.keys(changes).length === 0) {
      for (const figure of hub.figures) if (figure.queued) figure.apply(figure.queued);
      return;
    }
    this.seq += 1;
    stats.commits += 1;
    for (const figure of hub.figures) figure.queued = null; // the rerun brings the data to show
    this.setStateValue("view", { a: this.view.a, lam: this.view.lam, ratio: this.view.ratio, seq: `${Date.now()}-${this.seq}` });
  }

  download(format) {
    downloadFigure(this.root, [this.refs], this.data.palette, `sparsity-lab-${this.data.name}`, format);
  }
}
