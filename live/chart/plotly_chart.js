/**
 * A Plotly chart that updates in place: the st.components.v2 component behind
 * ui/plotly_chart.py, `export default function ({data, parentElement})`.
 *
 * Why not st.plotly_chart: Streamlit 1.67 keys its chart element by a hash of
 * the figure, so every changed figure is a new element and a full
 * Plotly.newPlot (a new WebGL context for each 3-D scene, 450-520 ms on this
 * machine's software GL, against 50-90 ms for Plotly.react). A keyed
 * component keeps its element across reruns; this module keeps one graph div
 * on it and hands each new figure to Plotly.react.
 *
 * plotly.js itself is the copy Streamlit already serves (its PlotlyChart
 * chunk, which sets window.Plotly when it runs): the browser has it cached,
 * and nothing extra travels. Python names the chunk in the data.
 *
 * The data is bytes: UTF-8 JSON {"plotly": chunk file name, "figure": the
 * figure's JSON, "config": Plotly's config}.
 */

const DEFAULT_HEIGHT = 450; // Plotly's own default, as st.plotly_chart uses
// A rerun that changes a row's columns (the Tour: a step with one figure after one with
// two) resizes the host a moment before the new figure arrives: redrawing the old
// figure at the new width first cost a whole relayout, twice at 2 -> 1 columns (the
// host is 0 wide in between). So a new width is drawn once it has held this long, and
// a figure arriving meanwhile is simply drawn at the host's width.
export const RESIZE_SETTLE_MS = 80;
const SHARED = (globalThis.__sparsityLab ??= {});
/**
 * Draws and skipped updates, for the tests and a look from the console
 * (window.__sparsityLab.charts); `resizing`: charts waiting for a new width to hold.
 */
export const counters = (SHARED.charts ??= { plots: 0, reacts: 0, skipped: 0, resizing: 0 });

/** The figure, config and chunk name from the component's data (bytes or text). */
export function readData(data) {
  if (data === null || data === undefined) return null;
  const text = typeof data === "string" ? data : new TextDecoder().decode(data);
  const parsed = JSON.parse(text);
  if (typeof parsed !== "object" || parsed === null || typeof parsed.figure !== "object") {
    throw new TypeError("Sparsity Lab chart: the data has no figure");
  }
  return { text, plotly: parsed.plotly, figure: parsed.figure, config: parsed.config ?? {} };
}

/** Where Streamlit serves its own chunk `name`: beside its entry script, or under ./static/js/. */
export function chunkUrl(name, doc) {
  const entry = doc.querySelector('script[type="module"][src*="/static/js/"]');
  const base = entry ? entry.src : new URL("./static/js/", doc.baseURI).href;
  return new URL(name, base).href;
}

/** A loader of window.Plotly that imports Streamlit's chunk once per page. */
export function plotlyLoader(importModule, global, doc) {
  let loading = null;
  return (name) => {
    if (global.Plotly) return Promise.resolve(global.Plotly);
    loading ??= importModule(chunkUrl(name, doc)).then(() => {
      if (!global.Plotly) throw new Error(`Sparsity Lab chart: ${name} did not define Plotly`);
      return global.Plotly;
    });
    return loading;
  };
}

/** The layout to draw: the figure's, at the host's width and the figure's height (or `height`). */
export function sizedLayout(layout, width, height = null) {
  const own = layout && layout.height >= 10 ? layout.height : DEFAULT_HEIGHT;
  return { ...layout, width: Math.max(Math.round(width), 150), height: height ?? own };
}

// Four corner brackets, symmetric top to bottom (plotly.js flips some icons).
const FULLSCREEN_ICON = {
  width: 1000,
  height: 1000,
  path:
    "M0 0H350V100H100V350H0Z M650 0H1000V350H900V100H650Z " +
    "M0 650H100V900H350V1000H0Z M900 650H1000V1000H650V900H900Z",
};

/** The page's config plus a mode-bar button that shows the chart on the whole screen. */
export function withFullscreen(config, toggle) {
  const button = { name: "fullscreen", title: "Fullscreen", icon: FULLSCREEN_ICON, click: toggle };
  return { ...config, modeBarButtonsToAdd: [button, ...(config.modeBarButtonsToAdd ?? [])] };
}

export class Chart {
  /**
   * @param {HTMLElement} parent the component's element (kept across reruns)
   * @param {(name: string) => Promise<object>} loadPlotly resolves to plotly.js
   * @param {Document} doc where the graph div is made
   */
  constructor(parent, loadPlotly, doc) {
    this.parent = parent;
    this.loadPlotly = loadPlotly;
    this.graph = doc.createElement("div");
    this.graph.className = "sl-chart";
    parent.appendChild(this.graph);
    this.shown = null; // the data text last drawn
    this.pending = null; // the newest data not drawn yet
    this.drawing = null; // the draw in progress (a promise)
    this.width = 0;
    this.resizing = null; // the settling resize: {timer, resolve}
    this.fullscreen = false;
    // One function for every draw: Plotly.react redraws from scratch when the config changes.
    this.toggle = () => this.toggleFullscreen();
  }

  /** Whole screen and back (the Fullscreen API; a projector's lecturer presses it). */
  toggleFullscreen() {
    const doc = this.parent.ownerDocument;
    if (doc.fullscreenElement === this.parent) return doc.exitFullscreen();
    return this.parent.requestFullscreen();
  }

  /** The page entered or left full screen: draw at the screen's size, or the figure's again. */
  fullscreenChanged() {
    this.fullscreen = this.parent.ownerDocument.fullscreenElement === this.parent;
    if (!this.plotly || !this.shown) return null;
    this.width = this.parent.clientWidth;
    const { width, height } = sizedLayout(
      this.shown.figure.layout,
      this.width,
      this.fullscreen ? this.parent.clientHeight : null,
    );
    return this.plotly.relayout(this.graph, { width, height });
  }

  /** Draw `data` (readData's result), after any draw in progress; only the newest waits. */
  receive(data) {
    if (data.text === (this.pending ?? this.shown)?.text) {
      counters.skipped += 1;
      return this.drawing ?? Promise.resolve();
    }
    this.settleResize(null); // the new figure is drawn at the host's width
    this.pending = data;
    // Reserve the figure's height before plotly.js arrives, so the page does not jump.
    this.graph.style.minHeight = `${sizedLayout(data.figure.layout, 0).height}px`;
    this.drawing ??= this.drain();
    return this.drawing;
  }

  async drain() {
    try {
      while (this.pending) {
        const data = this.pending;
        this.pending = null;
        const plotly = await this.loadPlotly(data.plotly);
        await this.draw(plotly, data);
      }
    } finally {
      this.drawing = null;
    }
  }

  async draw(plotly, data) {
    const first = this.shown === null;
    this.width = this.parent.clientWidth || this.width;
    const { figure, config } = data;
    const height = this.fullscreen ? this.parent.clientHeight : null;
    const layout = sizedLayout(figure.layout, this.width, height);
    const withButton = withFullscreen(config, this.toggle);
    // The object form carries the frames too (the Training race's animation).
    await plotly.react(this.graph, {
      data: figure.data ?? [],
      layout,
      config: withButton,
      frames: figure.frames ?? [],
    });
    this.plotly = plotly;
    this.shown = data;
    if (first) counters.plots += 1;
    else counters.reacts += 1;
  }

  /**
   * The host's width changed: redraw at the new width (the figure is unchanged) once it
   * has held for RESIZE_SETTLE_MS; a promise of the relayout, or null if there is none
   * to do. A host 0 wide is not laid out (it is leaving, or hidden): nothing is drawn.
   */
  resize(width) {
    if (!this.plotly || !this.shown) return null;
    if (width < 1) return this.resizing ? this.resizing.promise : null;
    this.settleResize(null); // the newest width wins
    if (Math.abs(width - this.width) < 1) return null;
    let resolve;
    const promise = new Promise((done) => (resolve = done));
    const timer = setTimeout(() => this.settleResize(width), RESIZE_SETTLE_MS);
    this.resizing = { timer, resolve, promise };
    counters.resizing += 1;
    return promise;
  }

  /** End the settling resize: relayout at `width` (null: a new figure is drawn instead). */
  settleResize(width) {
    const resizing = this.resizing;
    if (!resizing) return;
    clearTimeout(resizing.timer);
    this.resizing = null;
    counters.resizing -= 1;
    const redraw =
      width !== null && width >= 1 && Math.abs(width - this.width) >= 1 && this.parent.isConnected;
    if (redraw && this.drawing) {
      // A draw in progress read the width when it started: look again once it is done.
      resizing.resolve(this.drawing.then(() => this.resize(this.parent.clientWidth)));
      return;
    }
    if (!redraw) {
      resizing.resolve(null);
      return;
    }
    this.width = width;
    resizing.resolve(this.plotly.relayout(this.graph, { width: Math.max(Math.round(width), 150) }));
  }

  /** Free plotly.js's resources (a 3-D scene's WebGL context) once the element is gone. */
  dispose() {
    if (this.parent.isConnected) return false; // a rerun cancelled a call; the chart stays
    this.settleResize(null); // a purged graph has nothing to relay out
    if (this.plotly) this.plotly.purge(this.graph);
    return true;
  }
}

const loadPlotly =
  typeof window === "undefined"
    ? null
    : plotlyLoader((url) => import(/* @vite-ignore */ url), window, document);

export default function mount({ data, parentElement }) {
  let chart = parentElement.__sparsityChart;
  if (!chart) {
    chart = new Chart(parentElement, loadPlotly, document);
    parentElement.__sparsityChart = chart;
    const observer = new ResizeObserver(() => chart.resize(parentElement.clientWidth));
    observer.observe(parentElement);
    chart.observer = observer;
    parentElement.addEventListener("fullscreenchange", () => chart.fullscreenChanged());
  }
  const reading = readData(data);
  if (reading) {
    chart.receive(reading).catch((error) => console.error("Sparsity Lab chart:", error));
  }
  return () => {
    // React calls this after the element left the page (or when a newer rerun
    // superseded this call, with the element still there): look once it settled.
    setTimeout(() => {
      if (chart.dispose()) {
        chart.observer.disconnect();
        delete parentElement.__sparsityChart;
      }
    }, 0);
  };
}
