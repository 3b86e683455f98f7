/**
 * Input mapping: where each handle sits, and which slider values a handle's
 * position (a drag) or an arrow key stands for, snapped to the sliders' steps
 * so that a drag ends on a state the URL can hold exactly. Pure (no DOM).
 */

import { budgetFromIntercept, DEG } from "./geometry.js";
import { snap } from "./snap.js";

// The shape handle sits at sqrt(cond) * SHAPE_UNIT * limit from the centre.
export const SHAPE_UNIT = 0.12;

/** Where the shape handle sits: the end of the long axis, sqrt(cond) * SHAPE_UNIT * limit away. */
export function shapeHandle(center, cond, angle, limit, side = 1) {
  const length = side * Math.sqrt(cond) * SHAPE_UNIT * limit;
  return [center[0] + length * Math.cos(angle * DEG), center[1] + length * Math.sin(angle * DEG)];
}

/**
 * The shape a handle at `point` stands for: angle (the long axis, folded into
 * [-90, 90]) and cond (from the distance); `side` says which end of the axis
 * the point is at (+1 when the direction's cosine is >= 0).
 */
export function shapeFromHandle(center, point, limit) {
  const dx = point[0] - center[0];
  const dy = point[1] - center[1];
  const distance = Math.hypot(dx, dy);
  let angle = Math.atan2(dy, dx) / DEG;
  let side = 1;
  if (angle > 90) {
    angle -= 180;
    side = -1;
  } else if (angle < -90) {
    angle += 180;
    side = -1;
  }
  const cond = (distance / (SHAPE_UNIT * limit)) ** 2;
  return { cond, angle, side };
}

/**
 * The controls' new values for a handle dragged to `point` (world coordinates).
 *
 * @param {"centre"|"budget"|"shape"} handle
 * @param {object} view {c1, c2, cond, angle, t: {left, right}}
 * @param {number[]} point where the pointer is, in world units
 * @param {object} context {side, region (for budget), limit, specs: {c, cond, angle, t}}
 * @returns {{changes: object, shapeSide?: number}} changes: the slider keys that move
 */
export function dragToControls(handle, view, point, context) {
  const { specs } = context;
  if (handle === "centre") {
    return { changes: { c1: snap(point[0], specs.c), c2: snap(point[1], specs.c) } };
  }
  if (handle === "budget") {
    const x = Math.max(point[0], 0);
    const t = snap(budgetFromIntercept(context.region, x), specs.t);
    return { changes: { [`${context.side}_t`]: t } };
  }
  const shape = shapeFromHandle([view.c1, view.c2], point, context.limit);
  return {
    changes: { cond: snap(shape.cond, specs.cond), angle: snap(shape.angle, specs.angle) },
    shapeSide: shape.side,
  };
}

/** The controls after one arrow key on a handle (one slider step; budget along w1 only). */
export function keyToControls(handle, view, key, context) {
  const { specs } = context;
  const dx = { ArrowRight: 1, ArrowLeft: -1 }[key] ?? 0;
  const dy = { ArrowUp: 1, ArrowDown: -1 }[key] ?? 0;
  if (dx === 0 && dy === 0) return null;
  if (handle === "centre") {
    return {
      c1: snap(view.c1 + dx * specs.c.step, specs.c),
      c2: snap(view.c2 + dy * specs.c.step, specs.c),
    };
  }
  if (handle === "budget") {
    const key = `${context.side}_t`;
    return { [key]: snap(view[key] + (dx || dy) * specs.t.step, specs.t) };
  }
  // Shape: left/right turn the long axis, up/down stretch it.
  return {
    cond: snap(view.cond + dy * specs.cond.step, specs.cond),
    angle: snap(view.angle + dx * specs.angle.step, specs.angle),
  };
}
