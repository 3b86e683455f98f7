/**
 * Drawing the race figure into its SVG: built once (buildRace), redrawn on
 * every animation frame of a drag (drawRace) by setting the attributes that
 * changed. The static parts (grid, ticks, legend) are redrawn only when the
 * view or the size changes.
 */

import { dashArray, symbolPath } from "../figure/layout.js";
import { el, set } from "../figure/svg.js";
import { rangeTicks } from "./layout.js";
import { spreadMarkers, thinIndices } from "./view.js";

/** Plotly's dashes, with the one live/figure/layout.js has no name for. */
function dash(name, width) {
  if (name === "longdashdot") return [5, 2, 0.01, 2].map((v) => (v * Math.max(width, 1) * 1.6).toFixed(1)).join(" ");
  return dashArray(name, width);
}

/** A marker symbol's path; "cross" is a plus. */
function symbol(name, size) {
  if (name === "cross") {
    const a = (size / 2).toFixed(2);
    const b = (size / 6).toFixed(2);
    return `M-${b},-${a}H${b}V-${b}H${a}V${b}H${b}V${a}H-${b}V${b}H-${a}V-${b}H-${b}Z`;
  }
  return symbolPath(name, size);
}

const f = (v) => v.toFixed(1);

/** The SVG and its layers, once per figure. */
export function buildRace(parent) {
  const svg = el("svg", { class: "lf-svg race-svg", role: "img" }, parent);
  const defs = el("defs", {}, svg);
  const clip = el("clipPath", { id: `race-clip-${Math.random().toString(36).slice(2, 8)}` }, defs);
  const clipRect = el("rect", {}, clip);
  const background = el("rect", { x: 0, y: 0 }, svg);
  const title = el("text", { class: "race-title" }, svg);
  const grid = el("g", {}, svg);
  const plot = el("g", { "clip-path": `url(#${clip.id})` }, svg);
  const axis = el("path", { fill: "none", "stroke-linecap": "butt" }, plot);
  const contours = el("path", { fill: "none" }, plot);
  const paths = el("g", {}, plot);
  const trails = el("g", {}, plot);
  const fixed = el("g", {}, plot);
  const leaders = el("path", { fill: "none", "stroke-width": 1 }, svg);
  const markers = el("g", {}, svg);
  const legend = el("g", { class: "race-legend" }, svg);
  const handles = el("g", { class: "lf-handles" }, svg);
  const handle = el("g", { class: "lf-handle race-start", tabindex: 0, role: "slider", "data-handle": "start" }, handles);
  const ring = el("circle", { class: "lf-ring", r: 17 }, handle);
  const hit = el("circle", { class: "lf-hit", r: 22 }, handle);
  return { svg, clipRect, background, title, grid, axis, contours, paths, trails, fixed, leaders, markers, legend, handle, ring, hit, lines: {} };
}

/** Grid, ticks, axis titles, title and legend: redrawn when the view or the size changes. */
export function drawStatic(refs, scene) {
  const { layout, transform: t, palette } = scene;
  const { plot } = layout;
  set(refs.svg, { width: layout.width, height: layout.height, viewBox: `0 0 ${layout.width} ${layout.height}` });
  set(refs.background, { width: layout.width, height: layout.height, fill: palette.paper });
  set(refs.clipRect, { x: plot.left, y: plot.top, width: plot.width, height: plot.height });
  refs.title.replaceChildren();
  set(refs.title, { x: 4, fill: palette.ink, "font-size": layout.titleFont });
  layout.lines.forEach((line, i) => {
    el("tspan", { x: 4, y: layout.titleFont * (1.05 + 1.3 * i) }, refs.title).textContent = line;
  });
  refs.grid.replaceChildren();
  const font = { "font-size": layout.tickFont, fill: palette.ink };
  const bottom = plot.top + plot.height;
  for (const v of rangeTicks(t.xRange[0], t.xRange[1], Math.max(3, Math.round(plot.width / 80)))) {
    const x = t.x(v);
    el("path", { d: `M${f(x)},${plot.top}V${bottom}`, stroke: v === 0 ? palette.ink : palette.grid, "stroke-width": v === 0 ? 2 : 1 }, refs.grid);
    el("text", { x: f(x), y: bottom + layout.tickFont * 1.25, "text-anchor": "middle", ...font }, refs.grid).textContent = String(v);
  }
  for (const v of rangeTicks(t.yRange[0], t.yRange[1], Math.max(3, Math.round(plot.height / 70)))) {
    const y = t.y(v);
    el("path", { d: `M${plot.left},${f(y)}H${plot.left + plot.width}`, stroke: v === 0 ? palette.ink : palette.grid, "stroke-width": v === 0 ? 2 : 1 }, refs.grid);
    el("text", { x: plot.left - 5, y: f(y + layout.tickFont * 0.35), "text-anchor": "end", ...font }, refs.grid).textContent = String(v);
  }
  const axisFont = { ...font, "font-size": layout.tickFont * 1.15 };
  el("text", { x: plot.left + plot.width / 2, y: bottom + layout.tickFont * 2.6, "text-anchor": "middle", ...axisFont }, refs.grid).textContent = "w1";
  el("text", { x: 12, y: plot.top + plot.height / 2, "text-anchor": "middle", transform: `rotate(-90 12 ${plot.top + plot.height / 2})`, ...axisFont }, refs.grid).textContent = "w2";
  drawLegend(refs.legend, scene);
}

/** One legend entry's sample: a line, a marker, or both. */
function sample(g, entry, x, y, scene) {
  const { layout } = scene;
  if (entry.line) el("path", { d: `M${x},${y}h26`, fill: "none", ...entry.line }, g);
  if (entry.marker) el("path", { d: entry.marker.d, transform: `translate(${x + 13},${y})`, ...entry.marker.attrs }, g);
  el("text", { x: x + 32, y: y + layout.legendFont * 0.35, "font-size": layout.legendFont, fill: scene.palette.ink }, g).textContent = entry.name;
}

/** The legend entries in the page's order. */
export function legendEntries(scene) {
  const { data, palette, layout } = scene;
  const entries = data.shown.map((slug) => {
    const style = data.styles[slug];
    return {
      name: style.name,
      line: { stroke: style.colour, "stroke-width": 1.6 * layout.line, "stroke-dasharray": dash(style.dash, 1.6 * layout.line) },
      marker: markerShape(style, 9 * layout.marker, palette),
    };
  });
  entries.push({ name: data.labels.optimum, marker: { d: symbolPath("circle", 16), attrs: { fill: "none", stroke: palette.ink, "stroke-width": 2.5 } } });
  if (data.presenting) return entries;
  entries.push({ name: data.labels.start, marker: { d: symbolPath("square", 12), attrs: { fill: "none", stroke: palette.ink, "stroke-width": 2.2 } } });
  entries.push({ name: data.labels.center, marker: { d: symbolPath("x", 12), attrs: { fill: "none", stroke: palette.ink, "stroke-width": 2 } } });
  if (data.labels.axis) entries.push({ name: data.labels.axis, line: { stroke: palette.axisHighlight, "stroke-width": 6 } });
  entries.push({ name: data.labels.contours, line: { stroke: palette.contour, "stroke-width": 1.3 } });
  return entries;
}

function drawLegend(g, scene) {
  g.replaceChildren();
  const { legend } = scene.layout;
  scene.entries.forEach((entry, i) => {
    const column = i % legend.columns;
    const row = Math.floor(i / legend.columns);
    sample(g, entry, 4 + column * legend.width, legend.top + row * legend.row + legend.row / 2, scene);
  });
}

/** A method's marker: its symbol filled with its colour, outlined in the paper's colour. */
function markerShape(style, size, palette) {
  const open = style.marker === "x";
  return {
    d: symbol(style.marker, size),
    attrs: open
      ? { fill: "none", stroke: style.colour, "stroke-width": 2.4 }
      : { fill: style.colour, stroke: palette.paper, "stroke-width": 1.2 },
  };
}

/** The part of the drawing that moves: contours, paths, trails, markers, the start handle. */
export function drawDynamic(refs, scene) {
  const { transform: t, palette, layout, data, runs, k } = scene;
  const axisPath = data.onAxis === null ? "" : data.onAxis === 0 ? `M-9999,${f(t.y(0))}H9999` : `M${f(t.x(0))},-9999V9999`;
  set(refs.axis, { d: axisPath, stroke: palette.axisHighlight, "stroke-width": 6 * layout.line, opacity: 0.8 });
  let d = "";
  for (const line of scene.contours) {
    line.forEach((p, i) => (d += `${i ? "L" : "M"}${f(t.x(p[0]))},${f(t.y(p[1]))}`));
  }
  set(refs.contours, { d, stroke: palette.contour, "stroke-width": 1.3 * layout.line });
  const pixels = [];
  for (const slug of data.shown) {
    const style = data.styles[slug];
    const path = runs[slug];
    const lines = (refs.lines[slug] ??= {
      whole: el("path", { fill: "none", "data-slug": slug }, refs.paths),
      trail: el("path", { fill: "none", "stroke-linejoin": "round" }, refs.trails),
    });
    let whole = "";
    for (const i of thinIndices(path.length / 2)) whole += `${whole ? "L" : "M"}${f(clampPx(t.x(path[2 * i])))},${f(clampPx(t.y(path[2 * i + 1])))}`;
    const width = 1.2 * layout.line;
    set(lines.whole, { d: whole, stroke: style.colour, "stroke-width": width, "stroke-dasharray": dash(style.dash, width), opacity: 0.85 });
    let trail = "";
    for (let i = Math.max(0, k - data.trail); i <= k; i += 1) trail += `${trail ? "L" : "M"}${f(clampPx(t.x(path[2 * i])))},${f(clampPx(t.y(path[2 * i + 1])))}`;
    set(lines.trail, { d: trail, stroke: style.colour, "stroke-width": 2.6 * layout.line, opacity: 0.9 });
    pixels.push([clampPx(t.x(path[2 * k])), clampPx(t.y(path[2 * k + 1]))]);
  }
  drawMarkers(refs, scene, pixels);
  drawFixed(refs, scene);
}

/** Keep a diverging iterate's pixel finite and near the plot (SVG drops NaN paths). */
function clampPx(v) {
  return Number.isFinite(v) ? Math.min(Math.max(v, -5000), 5000) : 5000;
}

/** w*'s ring: its radius in px (the circle symbol of size 22) and its stroke. */
const OPTIMUM_RING = 11;
const OPTIMUM_STROKE = 2.5;

function drawMarkers(refs, scene, pixels) {
  const { data, palette, layout } = scene;
  const size = 12 * layout.marker;
  // A spread marker clears w*'s ring, where they gather, by 6 px whatever its size
  // (the group's centre can sit a few px off w*).
  const placed = spreadMarkers(pixels, 10, OPTIMUM_RING + OPTIMUM_STROKE / 2 + size / 2 * Math.SQRT2 + 6);
  refs.markers.replaceChildren();
  let leaders = "";
  data.shown.forEach((slug, i) => {
    const { at, from } = placed[i];
    if (from) leaders += `M${f(at[0])},${f(at[1])}L${f(from[0])},${f(from[1])}`;
    const shape = markerShape(data.styles[slug], size, palette);
    const node = el("path", { class: "race-marker", d: shape.d, transform: `translate(${f(at[0])},${f(at[1])})`, ...shape.attrs, "data-slug": slug }, refs.markers);
    node.dataset.x = String(pixels[i][0]);
  });
  set(refs.leaders, { d: leaders, stroke: palette.ink, opacity: 0.6 });
}

function drawFixed(refs, scene) {
  const { transform: t, palette, data, start } = scene;
  refs.fixed.replaceChildren();
  const [ox, oy] = [t.x(data.exact.w[0]), t.y(data.exact.w[1])];
  el("path", { d: symbolPath("circle", 2 * OPTIMUM_RING), transform: `translate(${f(ox)},${f(oy)})`, fill: "none", stroke: palette.ink, "stroke-width": OPTIMUM_STROKE }, refs.fixed);
  const [cx, cy] = [t.x(data.center[0]), t.y(data.center[1])];
  el("path", { d: symbolPath("x", 13), transform: `translate(${f(cx)},${f(cy)})`, fill: "none", stroke: palette.ink, "stroke-width": 2.2 }, refs.fixed);
  const [sx, sy] = [t.x(start[0]), t.y(start[1])];
  el("path", { d: symbolPath("square", 14), transform: `translate(${f(sx)},${f(sy)})`, fill: "none", stroke: palette.ink, "stroke-width": 2.5 }, refs.fixed);
  set(refs.handle, { transform: `translate(${f(sx)},${f(sy)})`, "aria-valuetext": `start (${start[0]}, ${start[1]})` });
}
