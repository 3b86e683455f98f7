/**
 * One panel as SVG: a static layer (grid, axes, ticks), redrawn when the view
 * or the size changes, and the moving parts (region, contours, touching
 * ellipse, cone, pull, solution, centre, handles, title, legend), whose
 * elements are made once and then only have their attributes set, so that a
 * drag redraws on every animation frame without rebuilding the DOM.
 */

import { coneDrawing } from "./cone.js";
import { shapeHandle } from "./controls.js";
import { axisIntercept, contourLevels, levelCurve, regionBoundary } from "./geometry.js";
import { makeTransform, pathData, ticks } from "./transform.js";
import { dashArray, symbolPath } from "./layout.js";
import { axisLegend, coneLegend, formatNumber, formatPoint } from "./text.js";

const SVG = "http://www.w3.org/2000/svg";

function el(tag, attrs = {}, parent = null) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (parent) parent.appendChild(node);
  return node;
}

function set(node, attrs) {
  for (const [name, value] of Object.entries(attrs)) {
    if (node.getAttribute(name) !== String(value)) node.setAttribute(name, value);
  }
}

function html(tag, className, parent) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (parent) parent.appendChild(node);
  return node;
}

const HANDLE_LABELS = {
  centre: "Loss centre ŵ: drag, or use the arrow keys to move it",
  budget: "Budget t: drag along the w1 axis, or use the arrow keys",
  shape: "Loss shape: drag to turn and stretch the ellipses; left and right arrows turn, up and down stretch",
};

/**
 * Make one panel's DOM inside `parent`.
 * @returns {object} the panel's element references
 */
export function buildPanel(parent, side) {
  const box = html("div", "lf-panel", parent);
  box.dataset.side = side;
  const head = html("div", "lf-head", box);
  const name = html("span", "lf-name", head);
  const badge = html("span", "lf-badge", head);
  badge.dataset.role = "badge";
  const readout = html("div", "lf-readout", box);
  readout.dataset.role = "readout";
  readout.setAttribute("aria-live", "polite");
  const svg = el("svg", { class: "lf-svg", role: "img" }, box);
  const note = html("div", "lf-note", box);
  const defs = el("defs", {}, svg);
  const clip = el("clipPath", { id: `lf-clip-${side}` }, defs);
  const clipRect = el("rect", {}, clip);
  const background = el("rect", { class: "lf-bg" }, svg);
  const grid = el("g", { class: "lf-grid" }, svg);
  const plot = el("g", { "clip-path": `url(#lf-clip-${side})` }, svg);
  const refs = {
    box,
    name,
    badge,
    readout,
    note,
    svg,
    clipRect,
    background,
    grid,
    region: el("path", { class: "lf-region" }, plot),
    axis: el("path", { class: "lf-axis-highlight" }, plot),
    contours: el("path", { class: "lf-contours", fill: "none" }, plot),
    touching: el("path", { class: "lf-touching", fill: "none" }, plot),
    cone: el("path", { class: "lf-cone" }, plot),
    pull: el("path", { class: "lf-pull", fill: "none" }, plot),
    pullHead: el("path", { class: "lf-pull-head" }, plot),
    path: el("path", { class: "lf-path", fill: "none" }, plot),
    shapeGuide: el("path", { class: "lf-shape-guide", fill: "none" }, plot),
    others: el("path", { class: "lf-others", fill: "none" }, plot),
    solution: el("path", { class: "lf-solution" }, plot),
    centre: el("path", { class: "lf-centre", fill: "none" }, plot),
    title: el("text", { class: "lf-title" }, svg),
    legend: el("g", { class: "lf-legend" }, svg),
    handles: el("g", { class: "lf-handles" }, svg),
  };
  refs.titleLines = [el("tspan", {}, refs.title), el("tspan", {}, refs.title)];
  refs.handle = {};
  for (const kind of ["budget", "shape", "centre"]) {
    const g = el(
      "g",
      { class: `lf-handle lf-handle-${kind}`, tabindex: "0", role: "slider", "aria-label": HANDLE_LABELS[kind] },
      refs.handles,
    );
    g.dataset.handle = kind;
    g.dataset.side = side;
    const ring = el("circle", { class: "lf-ring", r: 15 }, g);
    const mark = el("path", { class: "lf-mark" }, g);
    const hit = el("circle", { class: "lf-hit", r: 22 }, g);
    refs.handle[kind] = { g, ring, mark, hit };
  }
  refs.legendRows = [];
  return refs;
}

/** The static layer and the sizes: background, grid, zero axes, ticks, axis titles. */
export function drawStatic(refs, layout, limit, palette) {
  const { plot } = layout;
  const transform = makeTransform(limit, plot.left, plot.top, plot.size);
  set(refs.svg, {
    viewBox: `0 0 ${layout.width} ${layout.height}`,
    width: layout.width,
    height: layout.height,
    "font-family": palette.font,
  });
  set(refs.background, { x: 0, y: 0, width: layout.width, height: layout.height, fill: palette.paper });
  set(refs.clipRect, { x: plot.left, y: plot.top, width: plot.size, height: plot.size });
  refs.grid.replaceChildren();
  const grid = el("path", { stroke: palette.grid, "stroke-width": 1, fill: "none" }, refs.grid);
  let d = "";
  const values = ticks(limit);
  for (const v of values) {
    if (v === 0) continue;
    d += `M${transform.x(v).toFixed(1)},${plot.top}V${plot.top + plot.size}`;
    d += `M${plot.left},${transform.y(v).toFixed(1)}H${plot.left + plot.size}`;
  }
  grid.setAttribute("d", d);
  el(
    "path",
    {
      d: `M${transform.x(0)},${plot.top}V${plot.top + plot.size}M${plot.left},${transform.y(0)}H${plot.left + plot.size}`,
      stroke: palette.ink,
      "stroke-width": 2 * layout.line,
    },
    refs.grid,
  );
  for (const v of values) {
    const label = Number.isInteger(v) ? String(v) : String(v);
    el(
      "text",
      {
        x: transform.x(v),
        y: plot.top + plot.size + layout.tickFont * 1.25,
        "text-anchor": "middle",
        "font-size": layout.tickFont,
        fill: palette.ink,
      },
      refs.grid,
    ).textContent = label.replace("-", "−");
    el(
      "text",
      {
        x: plot.left - 6,
        y: transform.y(v) + layout.tickFont * 0.35,
        "text-anchor": "end",
        "font-size": layout.tickFont,
        fill: palette.ink,
      },
      refs.grid,
    ).textContent = label.replace("-", "−");
  }
  el(
    "text",
    {
      x: plot.left + plot.size / 2,
      y: plot.top + plot.size + layout.tickFont * 1.5 + layout.font * 1.25,
      "text-anchor": "middle",
      "font-size": layout.font * 1.1,
      fill: palette.ink,
    },
    refs.grid,
  ).textContent = "w1";
  const yTitle = el(
    "text",
    {
      x: 0,
      y: 0,
      "text-anchor": "middle",
      "font-size": layout.font * 1.1,
      fill: palette.ink,
      transform: `translate(${plot.left - layout.tickFont * 2.4 - 4},${plot.top + plot.size / 2}) rotate(-90)`,
    },
    refs.grid,
  );
  yTitle.textContent = "w2";
  set(refs.title, { x: 8, "font-size": layout.titleFont, fill: palette.ink });
  refs.titleLines.forEach((line, i) => set(line, { x: 8, y: layout.titleFont * (1.15 + 1.3 * i) }));
  return transform;
}

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

/**
 * Draw the moving parts for `model` (see model.js).
 * @param {object} ctx {layout, transform, palette, style, showCone, levelMultiples, handles: {budget, shape, centre}, path, shapeSide, status}
 */
export function drawDynamic(refs, model, ctx) {
  const { layout, transform, palette, style } = ctx;
  const line = layout.line;
  const { region, solution, center } = model;
  const limit = transform.limit;
  const faded = model.status === "pending";
  const legend = [];

  // Region.
  if (region) {
    set(refs.region, {
      d: pathData(regionBoundary(region), transform, true),
      fill: style.fill,
      stroke: style.colour,
      "stroke-width": 3 * line,
      "stroke-dasharray": dashArray(style.dash, 3 * line),
      "stroke-linejoin": "round",
      visibility: "visible",
    });
    legend.push({ kind: "fill", text: model.legend });
  } else set(refs.region, { visibility: "hidden" });

  // The axis the optimum sits on when exactly one weight is zero.
  const onAxis = axisLegend(solution);
  if (onAxis && !faded) {
    const vertical = solution.zeros[0] === 0;
    const d = vertical
      ? `M${transform.x(0)},${transform.y(3 * limit)}V${transform.y(-3 * limit)}`
      : `M${transform.x(-3 * limit)},${transform.y(0)}H${transform.x(3 * limit)}`;
    set(refs.axis, { d, stroke: palette.axisHighlight, "stroke-width": 6 * line, visibility: "visible" });
    legend.push({ kind: "line", colour: palette.axisHighlight, width: 6, text: onAxis });
  } else set(refs.axis, { visibility: "hidden" });

  // Contours around the centre Python drew (pending) or the moving one.
  const contourCentre = faded ? [ctx.dataView.c1, ctx.dataView.c2] : center;
  const shape = faded ? ctx.dataView : ctx.view;
  const extent = Math.max(region ? axisIntercept(region) : 0, 0.5 * limit);
  const levels = contourLevels(solution, shape.cond, extent, ctx.levelMultiples);
  let contours = "";
  for (const level of levels) contours += pathData(levelCurve(contourCentre, shape.cond, shape.angle, level), transform);
  set(refs.contours, {
    d: contours,
    stroke: palette.contour,
    "stroke-width": 1.3 * line,
    "stroke-dasharray": dashArray("dot", 1.3 * line),
    "stroke-linecap": "round",
    opacity: faded ? 0.45 : 1,
  });
  legend.push({ kind: "line", colour: palette.contour, width: 1.3, dash: "dot", text: "loss contours" });
  if (solution.active && solution.loss > 0) {
    set(refs.touching, {
      d: pathData(levelCurve(contourCentre, shape.cond, shape.angle, solution.loss, 242), transform),
      stroke: palette.ink,
      "stroke-width": 2.6 * line,
      visibility: "visible",
      opacity: faded ? 0.45 : 1,
    });
    legend.push({ kind: "line", colour: palette.ink, width: 2.6, text: "first contour to touch" });
  } else set(refs.touching, { visibility: "hidden" });

  // The normal cone and the pull of the loss.
  const cone = ctx.showCone && solution.active && region && !faded ? coneDrawing(region, solution.w, model.gradient, limit) : null;
  if (cone) {
    const ray = cone.kind === "ray";
    set(refs.cone, {
      d: pathData(cone.outline, transform, !ray),
      fill: ray ? "none" : palette.cone,
      stroke: palette.axisHighlight,
      "stroke-width": (ray ? 4 : 1.5) * line,
      visibility: "visible",
    });
    legend.push(
      ray
        ? { kind: "line", colour: palette.axisHighlight, width: 4, text: coneLegend(cone) }
        : { kind: "cone", text: coneLegend(cone) },
    );
    const from = solution.w;
    const tip = cone.tip;
    set(refs.pull, {
      d: pathData([from, tip], transform),
      stroke: palette.ink,
      "stroke-width": 3 * line,
      visibility: "visible",
    });
    const angle = Math.atan2(transform.y(tip[1]) - transform.y(from[1]), transform.x(tip[0]) - transform.x(from[0]));
    const size = 9 * layout.marker;
    set(refs.pullHead, {
      d: `M0,0L${-1.8 * size},${-size * 0.75}L${-1.8 * size},${size * 0.75}Z`,
      transform: `translate(${transform.x(tip[0]).toFixed(1)},${transform.y(tip[1]).toFixed(1)}) rotate(${((angle * 180) / Math.PI).toFixed(1)})`,
      fill: palette.ink,
      visibility: "visible",
    });
    legend.push({ kind: "arrow", text: "−∇L(w): the pull of the loss" });
  } else {
    for (const node of [refs.cone, refs.pull, refs.pullHead]) set(node, { visibility: "hidden" });
  }

  // The path traced by Play.
  if (ctx.path && ctx.path.length > 1) {
    set(refs.path, {
      d: pathData(ctx.path, transform),
      stroke: style.colour,
      "stroke-width": 2.2 * line,
      "stroke-linejoin": "round",
      visibility: "visible",
    });
    legend.push({ kind: "line", colour: style.colour, width: 2.2, text: "solution path w(t) as t goes 3 → 0" });
  } else set(refs.path, { visibility: "hidden" });

  // ŵ, where the loss is smallest (moves live even for a pending panel).
  set(refs.centre, {
    d: symbolPath("x", 14 * layout.marker),
    transform: `translate(${transform.x(center[0]).toFixed(1)},${transform.y(center[1]).toFixed(1)})`,
    stroke: palette.ink,
    "stroke-width": 3 * line,
  });
  legend.push({ kind: "marker", symbol: "x", colour: palette.ink, text: "ŵ unconstrained optimum" });

  const others = faded ? [] : model.localMinima.slice(1);
  if (others.length) {
    const r = 7 * layout.marker;
    set(refs.others, {
      d: others
        .map(([a, b]) => `M${transform.x(a) - r},${transform.y(b)}a${r},${r} 0 1 0 ${2 * r},0a${r},${r} 0 1 0 ${-2 * r},0`)
        .join(""),
      stroke: style.colour,
      "stroke-width": 2.5,
      visibility: "visible",
    });
    legend.push({ kind: "marker", symbol: "circle-open", colour: style.colour, text: "other local minima (not global)" });
  } else set(refs.others, { visibility: "hidden" });

  const w = solution.w;
  set(refs.solution, {
    d: symbolPath(region ? style.marker : "circle", 18 * layout.marker),
    transform: `translate(${transform.x(w[0]).toFixed(1)},${transform.y(w[1]).toFixed(1)})`,
    fill: region ? style.colour : palette.ink,
    stroke: palette.paper,
    "stroke-width": 2,
    opacity: faded ? 0.45 : 1,
  });
  legend.push({ kind: "marker", symbol: region ? style.marker : "circle", colour: region ? style.colour : palette.ink, text: `w = ${formatPoint(w)}` });

  // Title: region, then the conclusion.
  const [first, ...rest] = model.title.split(": ");
  refs.titleLines[0].textContent = rest.length ? first : model.title;
  refs.titleLines[1].textContent = rest.join(": ");

  drawLegend(refs, legend, layout, palette, style);
  drawHandles(refs, model, ctx);
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

function drawLegend(refs, entries, layout, palette, style) {
  const shown = wrapEntries(entries, layout).slice(0, layout.legendRows);
  shown.forEach((entry, index) => {
    const row = legendRow(refs, index, layout);
    const x = 8;
    const y = row.y;
    row.text.textContent = entry.text;
    set(row.text, { fill: palette.ink, visibility: "visible" });
    const attrs = { visibility: "visible", transform: "", fill: "none", stroke: "none", "stroke-dasharray": "none" };
    if (entry.kind === "none") {
      attrs.d = "";
    } else if (entry.kind === "fill") {
      Object.assign(attrs, {
        d: `M${x},${y - 6}h30v12h-30Z`,
        fill: style.fill,
        stroke: style.colour,
        "stroke-width": 2,
        "stroke-dasharray": dashArray(style.dash, 2),
      });
    } else if (entry.kind === "cone") {
      Object.assign(attrs, { d: `M${x},${y - 6}h30v12h-30Z`, fill: palette.cone, stroke: palette.axisHighlight, "stroke-width": 1.5 });
    } else if (entry.kind === "line") {
      Object.assign(attrs, {
        d: `M${x},${y}h30`,
        stroke: entry.colour,
        "stroke-width": Math.min(entry.width, 6),
        "stroke-dasharray": entry.dash ? dashArray(entry.dash, entry.width) : "none",
        "stroke-linecap": entry.dash ? "round" : "butt",
      });
    } else if (entry.kind === "arrow") {
      Object.assign(attrs, { d: `M${x},${y}h22m0,-5l8,5l-8,5z`, stroke: palette.ink, fill: palette.ink, "stroke-width": 2.5 });
    } else if (entry.symbol === "circle-open") {
      Object.assign(attrs, { d: symbolPath("circle", 12), transform: `translate(${x + 15},${y})`, stroke: entry.colour, "stroke-width": 2 });
    } else {
      const open = entry.symbol === "x";
      Object.assign(attrs, {
        d: symbolPath(entry.symbol, 12),
        transform: `translate(${x + 15},${y})`,
        fill: open ? "none" : entry.colour,
        stroke: open ? entry.colour : "none",
        "stroke-width": open ? 2.5 : 0,
      });
    }
    set(row.swatch, attrs);
  });
  for (let index = shown.length; index < refs.legendRows.length; index += 1) {
    set(refs.legendRows[index].g, { visibility: "hidden" });
  }
  for (let index = 0; index < shown.length; index += 1) set(refs.legendRows[index].g, { visibility: "visible" });
}

function drawHandles(refs, model, ctx) {
  const { transform, palette, style, layout, view } = ctx;
  const place = (kind, point, shown) => {
    const handle = refs.handle[kind];
    if (!shown) {
      set(handle.g, { visibility: "hidden", tabindex: "-1" });
      return;
    }
    set(handle.g, {
      visibility: "visible",
      tabindex: "0",
      transform: `translate(${transform.x(point[0]).toFixed(1)},${transform.y(point[1]).toFixed(1)})`,
    });
  };
  const centre = model.center;
  place("centre", centre, ctx.handles.centre);
  set(refs.handle.centre.g, { "aria-valuetext": `ŵ = ${formatPoint(centre)}` });
  set(refs.handle.centre.mark, { d: "", fill: "none" });

  const budgetShown = ctx.handles.budget && model.region;
  const intercept = budgetShown ? axisIntercept(model.region) : 0;
  place("budget", [intercept, 0], budgetShown);
  if (budgetShown) {
    set(refs.handle.budget.mark, {
      d: symbolPath("circle", 13 * layout.marker) + `M-4,0h8M-4,0l3,-3M-4,0l3,3M4,0l-3,-3M4,0l-3,3`,
      fill: style.colour,
      stroke: palette.paper,
      "stroke-width": 2,
    });
    set(refs.handle.budget.g, { "aria-valuetext": `t = ${formatNumber(model.t)}` });
  }

  const shapePoint = shapeHandle(centre, view.cond, view.angle, transform.limit, ctx.shapeSide);
  place("shape", shapePoint, ctx.handles.shape);
  if (ctx.handles.shape) {
    const angle = -view.angle;
    set(refs.handle.shape.mark, {
      d: symbolPath("square", 11 * layout.marker),
      transform: `rotate(${angle + 45})`,
      fill: palette.paper,
      stroke: palette.ink,
      "stroke-width": 2,
    });
    set(refs.handle.shape.g, {
      "aria-valuetext": `condition number ${view.cond}, long axis at ${view.angle}°`,
    });
    set(refs.shapeGuide, {
      d: pathData([centre, shapePoint], transform),
      stroke: palette.ink,
      "stroke-width": 1.2,
      "stroke-dasharray": "3 3",
      visibility: "visible",
      opacity: 0.7,
    });
  } else set(refs.shapeGuide, { visibility: "hidden" });
}

/** The two panels as one standalone SVG document (handles left out), for download. */
export function exportSvg(panels, palette) {
  const gap = 16;
  const widths = panels.map((p) => Number(p.svg.getAttribute("width")));
  const heights = panels.map((p) => Number(p.svg.getAttribute("height")));
  const width = widths.reduce((a, b) => a + b, 0) + gap * (panels.length - 1);
  const height = Math.max(...heights);
  const root = document.createElementNS(SVG, "svg");
  root.setAttribute("xmlns", SVG);
  root.setAttribute("width", width);
  root.setAttribute("height", height);
  root.setAttribute("viewBox", `0 0 ${width} ${height}`);
  const bg = el("rect", { width, height, fill: palette.paper }, root);
  bg.setAttribute("x", 0);
  let x = 0;
  panels.forEach((p, i) => {
    const copy = p.svg.cloneNode(true);
    copy.querySelector(".lf-handles")?.remove();
    copy.setAttribute("x", x);
    copy.setAttribute("y", 0);
    copy.removeAttribute("class");
    root.appendChild(copy);
    x += widths[i] + gap;
  });
  return { text: new XMLSerializer().serializeToString(root), width, height };
}
