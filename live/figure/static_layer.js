/**
 * A panel's static layer and its sizes: background, grid, zero axes, ticks
 * and axis titles. Redrawn only when the view's half-width or the panel's size
 * changes, not on every frame of a drag.
 */

import { el, set } from "./svg.js";
import { makeTransform, ticks } from "./transform.js";

/** "−2" rather than "-2": the minus sign the Plotly figures print. */
function tickText(value) {
  return String(value).replace("-", "−");
}

/** The grid lines at the ticks (the zero lines are the axes, drawn apart). */
function drawGridLines(group, transform, plot, values, palette) {
  let d = "";
  for (const v of values) {
    if (v === 0) continue;
    d += `M${transform.x(v).toFixed(1)},${plot.top}V${plot.top + plot.size}`;
    d += `M${plot.left},${transform.y(v).toFixed(1)}H${plot.left + plot.size}`;
  }
  el("path", { d, stroke: palette.grid, "stroke-width": 1, fill: "none" }, group);
}

/** Both zero axes, drawn strongly. */
function drawZeroAxes(group, transform, plot, layout, palette) {
  const d = `M${transform.x(0)},${plot.top}V${plot.top + plot.size}M${plot.left},${transform.y(0)}H${plot.left + plot.size}`;
  el("path", { d, stroke: palette.ink, "stroke-width": 2 * layout.line }, group);
}

/** The tick labels under the plot (w1) and left of it (w2). */
function drawTickLabels(group, transform, values, layout, palette) {
  const { plot, tickFont } = layout;
  const common = { "font-size": tickFont, fill: palette.ink };
  for (const v of values) {
    const below = { x: transform.x(v), y: plot.top + plot.size + tickFont * 1.25, "text-anchor": "middle" };
    el("text", { ...below, ...common }, group).textContent = tickText(v);
    const left = { x: plot.left - 6, y: transform.y(v) + tickFont * 0.35, "text-anchor": "end" };
    el("text", { ...left, ...common }, group).textContent = tickText(v);
  }
}

/** The axis titles: w1 under the ticks, w2 turned upright left of them. */
function drawAxisTitles(group, layout, palette) {
  const { plot, tickFont, font } = layout;
  const common = { "text-anchor": "middle", "font-size": font * 1.1, fill: palette.ink };
  const x = { x: plot.left + plot.size / 2, y: plot.top + plot.size + tickFont * 1.5 + font * 1.25 };
  el("text", { ...x, ...common }, group).textContent = "w1";
  const turn = `translate(${plot.left - tickFont * 2.4 - 4},${plot.top + plot.size / 2}) rotate(-90)`;
  el("text", { x: 0, y: 0, ...common, transform: turn }, group).textContent = "w2";
}

/** The SVG's size, background and clip, and the title's place. */
function sizePanel(refs, layout, palette) {
  const { plot } = layout;
  set(refs.svg, {
    viewBox: `0 0 ${layout.width} ${layout.height}`,
    width: layout.width,
    height: layout.height,
    "font-family": palette.font,
  });
  set(refs.background, { x: 0, y: 0, width: layout.width, height: layout.height, fill: palette.paper });
  set(refs.clipRect, { x: plot.left, y: plot.top, width: plot.size, height: plot.size });
  set(refs.title, { x: 8, "font-size": layout.titleFont, fill: palette.ink });
  refs.titleLines.forEach((line, i) => set(line, { x: 8, y: layout.titleFont * (1.15 + 1.3 * i) }));
}

/**
 * Draw the static layer for the view [-limit, limit]^2.
 * @param {object} refs the panel's elements (panel_dom.js buildPanel)
 * @param {object} layout the panel's sizes (layout.js panelLayout)
 * @param {number} limit the view's half-width
 * @param {object} palette the payload's colours and font
 * @returns {object} the world <-> pixel transform (transform.js makeTransform)
 */
export function drawStatic(refs, layout, limit, palette) {
  const { plot } = layout;
  const transform = makeTransform(limit, plot.left, plot.top, plot.size);
  sizePanel(refs, layout, palette);
  refs.grid.replaceChildren();
  const values = ticks(limit);
  drawGridLines(refs.grid, transform, plot, values, palette);
  drawZeroAxes(refs.grid, transform, plot, layout, palette);
  drawTickLabels(refs.grid, transform, values, layout, palette);
  drawAxisTitles(refs.grid, layout, palette);
  return transform;
}
