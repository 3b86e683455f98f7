/**
 * One panel's DOM, made once: the header (name, badge, readout), the SVG with
 * its layers in drawing order, and the three handles. Later frames only set
 * attributes on these elements (static_layer.js, dynamic_layer.js,
 * handles.js), so that a drag never rebuilds the DOM.
 */

import { el, html } from "./svg.js";

const HANDLE_LABELS = {
  centre: "Loss centre ŵ: drag, or use the arrow keys to move it",
  budget: "Budget t: drag along the w1 axis, or use the arrow keys",
  shape: "Loss shape: drag to turn and stretch the ellipses; left and right arrows turn, up and down stretch",
};

/** The moving parts inside the clipped plot, in drawing order (later ones on top). */
const PLOT_LAYERS = [
  ["region", "lf-region"],
  ["axis", "lf-axis-highlight"],
  ["contours", "lf-contours", "none"],
  ["touching", "lf-touching", "none"],
  ["cone", "lf-cone"],
  ["pull", "lf-pull", "none"],
  ["pullHead", "lf-pull-head"],
  ["path", "lf-path", "none"],
  ["shapeGuide", "lf-shape-guide", "none"],
  ["others", "lf-others", "none"],
  ["solution", "lf-solution"],
  ["centre", "lf-centre", "none"],
];

/** The header above the SVG: name, badge and the readout the tests read. */
function buildHeader(box) {
  const head = html("div", "lf-head", box);
  const name = html("span", "lf-name", head);
  const badge = html("span", "lf-badge", head);
  badge.dataset.role = "badge";
  const readout = html("div", "lf-readout", box);
  readout.dataset.role = "readout";
  readout.setAttribute("aria-live", "polite");
  return { name, badge, readout };
}

/** One focusable handle (a slider to assistive technology) of `kind`. */
function buildHandle(parent, kind, side) {
  const g = el(
    "g",
    { class: `lf-handle lf-handle-${kind}`, tabindex: "0", role: "slider", "aria-label": HANDLE_LABELS[kind] },
    parent,
  );
  g.dataset.handle = kind;
  g.dataset.side = side;
  const ring = el("circle", { class: "lf-ring", r: 15 }, g);
  const mark = el("path", { class: "lf-mark" }, g);
  const hit = el("circle", { class: "lf-hit", r: 22 }, g);
  return { g, ring, mark, hit };
}

/**
 * Make one panel's DOM inside `parent`.
 * @param {Element} parent
 * @param {string} side "left" or "right"
 * @returns {object} the panel's element references
 */
export function buildPanel(parent, side) {
  const box = html("div", "lf-panel", parent);
  box.dataset.side = side;
  const header = buildHeader(box);
  const svg = el("svg", { class: "lf-svg", role: "img" }, box);
  const note = html("div", "lf-note", box);
  const clip = el("clipPath", { id: `lf-clip-${side}` }, el("defs", {}, svg));
  const clipRect = el("rect", {}, clip);
  const background = el("rect", { class: "lf-bg" }, svg);
  const grid = el("g", { class: "lf-grid" }, svg);
  const plot = el("g", { "clip-path": `url(#lf-clip-${side})` }, svg);
  const refs = { box, ...header, note, svg, clipRect, background, grid };
  for (const [name, className, fill] of PLOT_LAYERS) {
    refs[name] = el("path", fill ? { class: className, fill } : { class: className }, plot);
  }
  refs.title = el("text", { class: "lf-title" }, svg);
  refs.legend = el("g", { class: "lf-legend" }, svg);
  refs.handles = el("g", { class: "lf-handles" }, svg);
  refs.titleLines = [el("tspan", {}, refs.title), el("tspan", {}, refs.title)];
  refs.handle = {};
  for (const kind of ["budget", "shape", "centre"]) refs.handle[kind] = buildHandle(refs.handles, kind, side);
  refs.legendRows = [];
  return refs;
}
