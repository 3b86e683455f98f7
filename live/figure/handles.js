/**
 * A panel's three handles placed for the moment's model: the centre ŵ, the
 * budget (where the region meets the w1 axis) and the shape (the end of the
 * ellipses' long axis, with its guide line). A hidden handle also leaves the
 * tab order, so that the keyboard reaches only what can move.
 */

import { shapeHandle } from "./controls.js";
import { axisIntercept } from "./geometry.js";
import { symbolPath } from "./layout.js";
import { hide, set } from "./svg.js";
import { formatNumber, formatPoint } from "./text.js";
import { pathData } from "./transform.js";

/** Show the handle at `point` (world units), or hide it. */
function place(handle, point, shown, transform) {
  if (!shown) {
    set(handle.g, { visibility: "hidden", tabindex: "-1" });
    return;
  }
  set(handle.g, {
    visibility: "visible",
    tabindex: "0",
    transform: `translate(${transform.x(point[0]).toFixed(1)},${transform.y(point[1]).toFixed(1)})`,
  });
}

function placeCentre(refs, model, ctx) {
  const handle = refs.handle.centre;
  place(handle, model.center, ctx.handles.centre, ctx.transform);
  set(handle.g, { "aria-valuetext": `ŵ = ${formatPoint(model.center)}` });
  set(handle.mark, { d: "", fill: "none" });
}

function placeBudget(refs, model, ctx) {
  const handle = refs.handle.budget;
  const shown = ctx.handles.budget && model.region;
  place(handle, [shown ? axisIntercept(model.region) : 0, 0], shown, ctx.transform);
  if (!shown) return;
  set(handle.mark, {
    d: symbolPath("circle", 13 * ctx.layout.marker) + `M-4,0h8M-4,0l3,-3M-4,0l3,3M4,0l-3,-3M4,0l-3,3`,
    fill: ctx.style.colour,
    stroke: ctx.palette.paper,
    "stroke-width": 2,
  });
  set(handle.g, { "aria-valuetext": `t = ${formatNumber(model.t)}` });
}

function placeShape(refs, model, ctx) {
  const { transform, palette, view } = ctx;
  const handle = refs.handle.shape;
  const point = shapeHandle(model.center, view.cond, view.angle, transform.limit, ctx.shapeSide);
  place(handle, point, ctx.handles.shape, transform);
  if (!ctx.handles.shape) {
    hide(refs.shapeGuide);
    return;
  }
  set(handle.mark, {
    d: symbolPath("square", 11 * ctx.layout.marker),
    transform: `rotate(${-view.angle + 45})`,
    fill: palette.paper,
    stroke: palette.ink,
    "stroke-width": 2,
  });
  set(handle.g, { "aria-valuetext": `condition number ${view.cond}, long axis at ${view.angle}°` });
  set(refs.shapeGuide, {
    d: pathData([model.center, point], transform),
    stroke: palette.ink,
    "stroke-width": 1.2,
    "stroke-dasharray": "3 3",
    visibility: "visible",
    opacity: 0.7,
  });
}

/**
 * Place the handles for `model`.
 * @param {object} refs the panel's elements
 * @param {object} model the panel model (model.js panelModel)
 * @param {object} ctx {transform, palette, style, layout, view, shapeSide, handles: {centre, budget, shape}}
 */
export function drawHandles(refs, model, ctx) {
  placeCentre(refs, model, ctx);
  placeBudget(refs, model, ctx);
  placeShape(refs, model, ctx);
}
