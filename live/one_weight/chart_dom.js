/**
 * One One weight chart as SVG: made once per figure (chart_dom.buildChart),
 * then each animation frame of a drag only sets attributes (drawChart): the
 * curves' paths, the legend's words, the handles' places. The axes, grid and
 * ticks are redrawn only when the ranges or the size change.
 */

import { dashArray, symbolPath } from "../figure/layout.js";
import { el, hide, set } from "../figure/svg.js";
import { axisTransform, niceTicks } from "./chart_layout.js";

const HANDLE_LABELS = {
  a: "Data's pull a: drag sideways, or use the arrow keys",
  lam: "Penalty weight λ: drag, or use the arrow keys",
};
let clipCount = 0; // clip-path ids are document-wide: one per chart made

/** "−2" rather than "-2", as the Plotly figures print. */
function tickText(value) {
  return String(value).replace("-", "−");
}

/** One focusable handle (a slider to assistive technology), as the main page's (panel_dom.js). */
function buildHandle(parent, index) {
  const g = el("g", { class: "lf-handle ow-handle", tabindex: "0", role: "slider" }, parent);
  g.dataset.index = String(index);
  const ring = el("circle", { class: "lf-ring", r: 15 }, g);
  const mark = el("path", { class: "lf-mark" }, g);
  const arrows = el("path", { class: "ow-arrows", fill: "none" }, g);
  const hit = el("circle", { class: "lf-hit", r: 22 }, g);
  return { g, ring, mark, arrows, hit };
}

/**
 * The chart's elements, in drawing order, for a model's traces and handles.
 * @param {Element} parent
 * @param {object} model the first model drawn (its traces' ids and order are the chart's)
 * @returns {object} refs
 */
export function buildChart(parent, model) {
  const svg = el("svg", { class: "lf-svg ow-svg", role: "img" }, parent);
  const defs = el("defs", {}, svg);
  const refs = { svg, background: el("rect", {}, svg), static: el("g", { class: "ow-static" }, svg), clips: {} };
  for (const id of Object.keys(model.axes)) {
    clipCount += 1;
    const clip = el("clipPath", { id: `ow-clip-${clipCount}` }, defs);
    refs.clips[id] = { id: `ow-clip-${clipCount}`, rect: el("rect", {}, clip) };
  }
  const plot = el("g", { class: "ow-plot" }, svg);
  // A marker is placed by a transform, which would move its clip with it: markers are not
  // clipped (they sit inside the plot: a minimiser, the lasso's w* at a).
  refs.traces = model.traces.map((trace) =>
    el("path", trace.kind === "marker" ? { class: `ow-trace ow-${trace.id}` } : { class: `ow-trace ow-${trace.id}`, "clip-path": `url(#${refs.clips[trace.axis].id})` }, plot),
  );
  refs.title = el("text", { class: "ow-title" }, svg);
  refs.titleLines = [];
  refs.legend = el("g", { class: "ow-legend" }, svg);
  refs.legendRows = [];
  const handles = el("g", { class: "lf-handles" }, svg);
  refs.handles = model.handles.map((_, i) => buildHandle(handles, i));
  return refs;
}

/** The axes: background, grid, zero lines, ticks and titles (only when ranges or size change). */
function drawStatic(refs, model, layout, palette) {
  set(refs.svg, { viewBox: `0 0 ${layout.width} ${layout.height}`, width: layout.width, height: layout.height, "font-family": palette.font });
  set(refs.background, { x: 0, y: 0, width: layout.width, height: layout.height, fill: palette.paper });
  refs.static.replaceChildren();
  const transforms = {};
  const common = { "font-size": layout.tickFont, fill: palette.ink };
  for (const [id, axis] of Object.entries(model.axes)) {
    const box = layout.axes[id];
    const t = axisTransform(box, axis.x, axis.y);
    transforms[id] = t;
    set(refs.clips[id].rect, { x: box.left, y: box.top, width: box.width, height: box.height });
    const xs = niceTicks(axis.x[0], axis.x[1]);
    const ys = niceTicks(axis.y[0], axis.y[1], box.height < 200 ? 4 : 6);
    let grid = "";
    for (const v of xs) grid += `M${t.x(v).toFixed(1)},${box.top}v${box.height}`;
    for (const v of ys) grid += `M${box.left},${t.y(v).toFixed(1)}h${box.width}`;
    el("path", { d: grid, stroke: palette.grid, "stroke-width": 1, fill: "none" }, refs.static);
    let zero = "";
    if (axis.x[0] < 0 && axis.x[1] > 0) zero += `M${t.x(0).toFixed(1)},${box.top}v${box.height}`;
    if (axis.y[0] <= 0 && axis.y[1] >= 0) zero += `M${box.left},${t.y(0).toFixed(1)}h${box.width}`;
    el("path", { d: zero, stroke: palette.ink, "stroke-width": 1.5 * layout.line, fill: "none" }, refs.static);
    for (const v of ys) {
      const at = { x: box.left - 5, y: t.y(v) + layout.tickFont * 0.35, "text-anchor": "end" };
      el("text", { ...at, ...common }, refs.static).textContent = tickText(v);
    }
    if (axis.ticks) {
      for (const v of xs) {
        const at = { x: t.x(v), y: box.top + box.height + layout.tickFont * 1.25, "text-anchor": "middle" };
        el("text", { ...at, ...common }, refs.static).textContent = tickText(v);
      }
    }
    const title = { "text-anchor": "middle", "font-size": layout.font, fill: palette.ink };
    if (axis.xTitle) {
      const at = { x: box.left + box.width / 2, y: box.top + box.height + layout.tickFont * 1.4 + layout.font * 1.3 };
      el("text", { ...at, ...title }, refs.static).textContent = axis.xTitle;
    }
    if (axis.yTitle) {
      const turn = `translate(${layout.font * 0.95},${box.top + box.height / 2}) rotate(-90)`;
      el("text", { x: 0, y: 0, ...title, transform: turn }, refs.static).textContent = axis.yTitle;
    }
  }
  return transforms;
}

/** Round caps for dotted lines (Plotly's "dot": dashes of length ~0), else square ends. */
function capOf(dash) {
  return dash === "dot" ? "round" : "butt";
}

/** A trace's SVG path in pixels. */
function tracePath(trace, t) {
  let d = "";
  for (const piece of trace.pieces) {
    piece.forEach(([x, y], k) => (d += `${k === 0 ? "M" : "L"}${t.x(x).toFixed(1)},${t.y(y).toFixed(1)}`));
    if (trace.kind === "fill") d += "Z";
  }
  return d;
}

function drawTrace(node, trace, t, layout, palette) {
  if (trace.kind === "marker") {
    const [x, y] = trace.pieces[0][0];
    set(node, {
      d: symbolPath(trace.symbol, 15 * layout.marker),
      transform: `translate(${t.x(x).toFixed(1)},${t.y(y).toFixed(1)})`,
      fill: trace.colour,
      stroke: palette.paper,
      "stroke-width": 2,
    });
    return;
  }
  const width = trace.width * layout.line;
  set(node, {
    d: tracePath(trace, t),
    fill: trace.kind === "fill" ? trace.colour : "none",
    stroke: trace.kind === "fill" ? "none" : trace.colour,
    "stroke-width": trace.kind === "fill" ? 0 : width,
    "stroke-dasharray": trace.kind === "fill" ? "none" : dashArray(trace.dash, width),
    "stroke-linejoin": "round",
    "stroke-linecap": capOf(trace.dash), // a dot is a zero-length dash: round caps draw it
  });
}

/** The legend's rows: a swatch on each entry's first row, then its words. */
function drawLegend(refs, layout, palette) {
  while (refs.legendRows.length < layout.legend.length) {
    const g = el("g", {}, refs.legend);
    refs.legendRows.push({ g, swatch: el("path", {}, g), text: el("text", {}, g) });
  }
  refs.legendRows.forEach((row, i) => {
    const entry = layout.legend[i];
    if (!entry) return hide(row.g);
    const y = layout.legendTop + i * layout.legendRow;
    set(row.g, { visibility: "visible" });
    set(row.text, { x: 46, y: y + layout.legendFont * 0.35, "font-size": layout.legendFont, fill: palette.ink });
    if (row.text.textContent !== entry.text) row.text.textContent = entry.text;
    const trace = entry.trace;
    if (!trace) return set(row.swatch, { d: "" });
    if (trace.kind === "marker") {
      set(row.swatch, { d: symbolPath(trace.symbol, 12), transform: `translate(23,${y})`, fill: trace.colour, stroke: "none", "stroke-width": 0, "stroke-dasharray": "none" });
    } else if (trace.kind === "fill") {
      set(row.swatch, { d: "M8,-6h30v12h-30Z", transform: `translate(0,${y})`, fill: trace.colour, stroke: "none", "stroke-width": 0, "stroke-dasharray": "none" });
    } else {
      const width = Math.min(trace.width, 4) * layout.line;
      set(row.swatch, {
        d: "M8,0h30",
        transform: `translate(0,${y})`,
        fill: "none",
        stroke: trace.colour,
        "stroke-width": width,
        "stroke-dasharray": dashArray(trace.dash, width),
        "stroke-linecap": capOf(trace.dash),
      });
    }
  });
}

/** Place the handles: the a knob open, the λ knob green; arrows say which way each moves. */
function drawHandles(refs, model, transforms, layout, palette, view) {
  model.handles.forEach((handle, i) => {
    const r = refs.handles[i];
    const t = transforms[handle.axis];
    const [x, y] = handle.point;
    const px = Math.min(Math.max(t.x(x), t.box.left), t.box.left + t.box.width);
    const py = Math.min(Math.max(t.y(y), t.box.top), t.box.top + t.box.height);
    set(r.g, {
      transform: `translate(${px.toFixed(1)},${py.toFixed(1)})`,
      "aria-label": HANDLE_LABELS[handle.kind],
      "aria-valuetext": handle.kind === "a" ? `a = ${view.a}` : `λ = ${view.lam}`,
    });
    r.g.dataset.handle = handle.kind;
    const lam = handle.kind === "lam";
    // The a knob is a ring: the marker it sits on (the lasso's w* at a) shows through.
    set(r.mark, {
      d: symbolPath("circle", (lam ? 15 : 19) * layout.marker),
      fill: lam ? palette.axisHighlight : "none",
      stroke: palette.ink,
      "stroke-width": lam ? 2 : 2.5,
    });
    const arrows = handle.direction === "x" ? "M-15,0h-5m0,0l3,-3m-3,3l3,3M15,0h5m0,0l-3,-3m3,3l-3,3" : "M0,-15v-5m0,0l-3,3m3,-3l3,3M0,15v5m0,0l-3,-3m3,3l3,-3";
    set(r.arrows, { d: arrows, stroke: palette.ink, "stroke-width": 1.8 });
  });
}

/**
 * Draw the chart for `model`.
 * @param {object} refs from buildChart
 * @param {object} model models.js figureModel
 * @param {object} layout chart_layout.js chartLayout
 * @param {object} palette the payload's colours
 * @param {object} view {a, lam, ratio}
 * @returns {object} each axis's transform (the pointer reads them)
 */
export function drawChart(refs, model, layout, palette, view) {
  const key = JSON.stringify([layout.width, layout.height, layout.axes, Object.values(model.axes).map((a) => [a.x, a.y])]);
  if (refs.staticKey !== key) {
    refs.transforms = drawStatic(refs, model, layout, palette);
    refs.staticKey = key;
  }
  const transforms = refs.transforms;
  model.traces.forEach((trace, i) => drawTrace(refs.traces[i], trace, transforms[trace.axis], layout, palette));
  while (refs.titleLines.length < layout.titleLines.length) refs.titleLines.push(el("tspan", {}, refs.title));
  set(refs.title, { "font-size": layout.titleFont, fill: palette.ink });
  refs.titleLines.forEach((line, i) => {
    const text = layout.titleLines[i] ?? "";
    set(line, { x: 8, y: layout.titleFont * (1.15 + 1.3 * i) });
    if (line.textContent !== text) line.textContent = text;
  });
  drawLegend(refs, layout, palette);
  drawHandles(refs, model, transforms, layout, palette, view);
  return transforms;
}
