/**
 * A panel's moving parts for the moment's model: region, the axis the optimum
 * sits on, contours, the touching ellipse, the normal cone and the pull, the
 * Play path, ŵ, other local minima, the solution, the title, then the legend
 * and the handles. Each part only sets attributes on elements made once
 * (panel_dom.js), so a drag redraws on every animation frame cheaply.
 *
 * A "pending" panel (one the browser cannot solve while a handle moves) keeps
 * Python's last answer, faded, around the centre Python drew.
 */

import { coneDrawing } from "./cone.js";
import { axisIntercept, contourLevels, levelCurve, regionBoundary } from "./geometry.js";
import { drawHandles } from "./handles.js";
import { dashArray, symbolPath } from "./layout.js";
import { drawLegend } from "./legend.js";
import { hide, set } from "./svg.js";
import { axisLegend, coneLegend, formatPoint } from "./text.js";
import { pathData } from "./transform.js";

const FADED = 0.45;

/** An SVG transform putting a symbol at world point `p`. */
function at(transform, p) {
  return `translate(${transform.x(p[0]).toFixed(1)},${transform.y(p[1]).toFixed(1)})`;
}

function drawRegion(refs, model, scene, legend) {
  const { region } = model;
  if (!region) return hide(refs.region);
  const { line, style } = scene;
  set(refs.region, {
    d: pathData(regionBoundary(region), scene.transform, true),
    fill: style.fill,
    stroke: style.colour,
    "stroke-width": 3 * line,
    "stroke-dasharray": dashArray(style.dash, 3 * line),
    "stroke-linejoin": "round",
    visibility: "visible",
  });
  legend.push({ kind: "fill", text: model.legend });
}

/** The axis the optimum sits on when exactly one weight is zero. */
function drawAxisHighlight(refs, model, scene, legend) {
  const { solution } = model;
  const onAxis = axisLegend(solution);
  if (!onAxis || scene.faded) return hide(refs.axis);
  const { transform, limit, palette } = scene;
  const d =
    solution.zeros[0] === 0
      ? `M${transform.x(0)},${transform.y(3 * limit)}V${transform.y(-3 * limit)}`
      : `M${transform.x(-3 * limit)},${transform.y(0)}H${transform.x(3 * limit)}`;
  set(refs.axis, { d, stroke: palette.axisHighlight, "stroke-width": 6 * scene.line, visibility: "visible" });
  legend.push({ kind: "line", colour: palette.axisHighlight, width: 6, text: onAxis });
}

/** Contours around the centre Python drew (pending) or the moving one, and the touching one. */
function drawContours(refs, model, scene, legend) {
  const { solution, region } = model;
  const { transform, palette, line, faded } = scene;
  const centre = faded ? [scene.dataView.c1, scene.dataView.c2] : model.center;
  const shape = faded ? scene.dataView : scene.view;
  const extent = Math.max(region ? axisIntercept(region) : 0, 0.5 * scene.limit);
  let d = "";
  for (const level of contourLevels(solution, shape.cond, extent, scene.levelMultiples)) {
    d += pathData(levelCurve(centre, shape.cond, shape.angle, level), transform);
  }
  set(refs.contours, {
    d,
    stroke: palette.contour,
    "stroke-width": 1.3 * line,
    "stroke-dasharray": dashArray("dot", 1.3 * line),
    "stroke-linecap": "round",
    opacity: faded ? FADED : 1,
  });
  legend.push({ kind: "line", colour: palette.contour, width: 1.3, dash: "dot", text: "loss contours" });
  if (!(solution.active && solution.loss > 0)) return hide(refs.touching);
  set(refs.touching, {
    d: pathData(levelCurve(centre, shape.cond, shape.angle, solution.loss, 242), transform),
    stroke: palette.ink,
    "stroke-width": 2.6 * line,
    visibility: "visible",
    opacity: faded ? FADED : 1,
  });
  legend.push({ kind: "line", colour: palette.ink, width: 2.6, text: "first contour to touch" });
}

/** The arrow of the pull −∇L(w), from w to the cone drawing's tip. */
function drawPull(refs, from, tip, scene) {
  const { transform, palette, layout } = scene;
  set(refs.pull, { d: pathData([from, tip], transform), stroke: palette.ink, "stroke-width": 3 * scene.line, visibility: "visible" });
  const angle = Math.atan2(transform.y(tip[1]) - transform.y(from[1]), transform.x(tip[0]) - transform.x(from[0]));
  const size = 9 * layout.marker;
  set(refs.pullHead, {
    d: `M0,0L${-1.8 * size},${-size * 0.75}L${-1.8 * size},${size * 0.75}Z`,
    transform: `${at(transform, tip)} rotate(${((angle * 180) / Math.PI).toFixed(1)})`,
    fill: palette.ink,
    visibility: "visible",
  });
}

/** The normal cone at the solution (a ray or a wedge) and the pull inside it. */
function drawCone(refs, model, scene, legend) {
  const { solution, region } = model;
  const shown = scene.showCone && solution.active && region && !scene.faded;
  const cone = shown ? coneDrawing(region, solution.w, model.gradient, scene.limit) : null;
  if (!cone) return hide(refs.cone, refs.pull, refs.pullHead);
  const { palette, line } = scene;
  const ray = cone.kind === "ray";
  set(refs.cone, {
    d: pathData(cone.outline, scene.transform, !ray),
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
  drawPull(refs, solution.w, cone.tip, scene);
  legend.push({ kind: "arrow", text: "−∇L(w): the pull of the loss" });
}

/** The path traced by Play. */
function drawPlayPath(refs, scene, legend) {
  const { path, style } = scene;
  if (!path || path.length <= 1) return hide(refs.path);
  set(refs.path, {
    d: pathData(path, scene.transform),
    stroke: style.colour,
    "stroke-width": 2.2 * scene.line,
    "stroke-linejoin": "round",
    visibility: "visible",
  });
  legend.push({ kind: "line", colour: style.colour, width: 2.2, text: "solution path w(t) as t goes 3 → 0" });
}

/** ŵ, where the loss is smallest (moves live even for a pending panel). */
function drawCentre(refs, model, scene, legend) {
  const { palette, layout } = scene;
  set(refs.centre, {
    d: symbolPath("x", 14 * layout.marker),
    transform: at(scene.transform, model.center),
    stroke: palette.ink,
    "stroke-width": 3 * scene.line,
  });
  legend.push({ kind: "marker", symbol: "x", colour: palette.ink, text: "ŵ unconstrained optimum" });
}

/** Local minima other than the global one (p < 1), as open circles. */
function drawOtherMinima(refs, model, scene, legend) {
  const others = scene.faded ? [] : model.localMinima.slice(1);
  if (!others.length) return hide(refs.others);
  const { transform, style } = scene;
  const r = 7 * scene.layout.marker;
  const circle = ([a, b]) => `M${transform.x(a) - r},${transform.y(b)}a${r},${r} 0 1 0 ${2 * r},0a${r},${r} 0 1 0 ${-2 * r},0`;
  set(refs.others, { d: others.map(circle).join(""), stroke: style.colour, "stroke-width": 2.5, visibility: "visible" });
  legend.push({ kind: "marker", symbol: "circle-open", colour: style.colour, text: "other local minima (not global)" });
}

/** The solution w, in the region's marker (a plain dot when no region is drawn). */
function drawSolution(refs, model, scene, legend) {
  const { region, solution } = model;
  const { palette, style } = scene;
  const symbol = region ? style.marker : "circle";
  const colour = region ? style.colour : palette.ink;
  set(refs.solution, {
    d: symbolPath(symbol, 18 * scene.layout.marker),
    transform: at(scene.transform, solution.w),
    fill: colour,
    stroke: palette.paper,
    "stroke-width": 2,
    opacity: scene.faded ? FADED : 1,
  });
  legend.push({ kind: "marker", symbol, colour, text: `w = ${formatPoint(solution.w)}` });
}

/** Title: region, then the conclusion, on two lines. */
function drawTitle(refs, model) {
  const [first, ...rest] = model.title.split(": ");
  refs.titleLines[0].textContent = rest.length ? first : model.title;
  refs.titleLines[1].textContent = rest.join(": ");
}

/**
 * Draw the moving parts for `model` (see model.js).
 * @param {object} refs the panel's elements (panel_dom.js buildPanel)
 * @param {object} model the panel model (model.js panelModel)
 * @param {object} ctx {layout, transform, palette, style, showCone, levelMultiples, view, dataView,
 *   path, shapeSide, handles: {budget, shape, centre}}
 */
export function drawDynamic(refs, model, ctx) {
  const scene = { ...ctx, line: ctx.layout.line, limit: ctx.transform.limit, faded: model.status === "pending" };
  const legend = [];
  drawRegion(refs, model, scene, legend);
  drawAxisHighlight(refs, model, scene, legend);
  drawContours(refs, model, scene, legend);
  drawCone(refs, model, scene, legend);
  drawPlayPath(refs, scene, legend);
  drawCentre(refs, model, scene, legend);
  drawOtherMinima(refs, model, scene, legend);
  drawSolution(refs, model, scene, legend);
  drawTitle(refs, model);
  drawLegend(refs, legend, ctx.layout, ctx.palette, ctx.style);
  drawHandles(refs, model, ctx);
}
