/**
 * A panel's legend: one row per entry the dynamic layer collected, each a
 * swatch (fill, line, cone, arrow or marker) and its words. Rows are made on
 * first need and then only updated, hidden when not used.
 */

import { dashArray, symbolPath } from "./layout.js";
import { el, set } from "./svg.js";

const SWATCH_X = 8;

/** The row `index`, made if it does not exist yet, placed for `layout`. */
function legendRow(refs, index, layout) {
  while (refs.legendRows.length <= index) {
    const g = el("g", {}, refs.legend);
    refs.legendRows.push({ g, swatch: el("path", {}, g), text: el("text", {}, g) });
  }
  const row = refs.legendRows[index];
  const y = layout.legendTop + index * layout.legendRow;
  set(row.text, { x: 48, y: y + layout.legendFont * 0.35, "font-size": layout.legendFont });
  row.y = y;
  return row;
}

/** Entries too long for the panel go on two rows, split before their last parenthesis. */
function wrapEntries(entries, layout) {
  const room = Math.floor((layout.width - 48) / (layout.legendFont * 0.52));
  const out = [];
  for (const entry of entries) {
    const cut = entry.text.lastIndexOf(" (");
    if (entry.text.length <= room || cut <= 0) {
      out.push(entry);
      continue;
    }
    out.push({ ...entry, text: entry.text.slice(0, cut) });
    out.push({ kind: "none", text: entry.text.slice(cut + 1) });
  }
  return out;
}

/** A marker swatch: open (x, circle-open) in its colour's outline, else filled. */
function markerSwatch(entry, x, y) {
  const at = `translate(${x + 15},${y})`;
  if (entry.symbol === "circle-open") {
    return { d: symbolPath("circle", 12), transform: at, stroke: entry.colour, "stroke-width": 2 };
  }
  const open = entry.symbol === "x";
  return {
    d: symbolPath(entry.symbol, 12),
    transform: at,
    fill: open ? "none" : entry.colour,
    stroke: open ? entry.colour : "none",
    "stroke-width": open ? 2.5 : 0,
  };
}

/** The swatch's own attributes, by the entry's kind. */
function swatchShape(entry, x, y, palette, style) {
  const box = `M${x},${y - 6}h30v12h-30Z`;
  switch (entry.kind) {
    case "none":
      return { d: "" };
    case "fill":
      return { d: box, fill: style.fill, stroke: style.colour, "stroke-width": 2, "stroke-dasharray": dashArray(style.dash, 2) };
    case "cone":
      return { d: box, fill: palette.cone, stroke: palette.axisHighlight, "stroke-width": 1.5 };
    case "line":
      return {
        d: `M${x},${y}h30`,
        stroke: entry.colour,
        "stroke-width": Math.min(entry.width, 6),
        "stroke-dasharray": entry.dash ? dashArray(entry.dash, entry.width) : "none",
        "stroke-linecap": entry.dash ? "round" : "butt",
      };
    case "arrow":
      return { d: `M${x},${y}h22m0,-5l8,5l-8,5z`, stroke: palette.ink, fill: palette.ink, "stroke-width": 2.5 };
    default:
      return markerSwatch(entry, x, y);
  }
}

/**
 * Draw the legend rows for `entries` (as many as the layout has rows for).
 * @param {object} refs the panel's elements
 * @param {object[]} entries {kind, text, colour?, width?, dash?, symbol?}
 * @param {object} layout the panel's sizes
 * @param {object} palette the payload's colours
 * @param {object} style the panel's region style
 */
export function drawLegend(refs, entries, layout, palette, style) {
  const shown = wrapEntries(entries, layout).slice(0, layout.legendRows);
  shown.forEach((entry, index) => {
    const row = legendRow(refs, index, layout);
    row.text.textContent = entry.text;
    set(row.text, { fill: palette.ink, visibility: "visible" });
    const reset = { visibility: "visible", transform: "", fill: "none", stroke: "none", "stroke-dasharray": "none" };
    set(row.swatch, { ...reset, ...swatchShape(entry, SWATCH_X, row.y, palette, style) });
  });
  for (let index = shown.length; index < refs.legendRows.length; index += 1) {
    set(refs.legendRows[index].g, { visibility: "hidden" });
  }
  for (let index = 0; index < shown.length; index += 1) set(refs.legendRows[index].g, { visibility: "visible" });
}
