/**
 * The One weight handles as controls: which slider value a handle's place
 * (a drag) or an arrow key stands for, snapped to the slider's grid as
 * Python snaps a link's value (figure/snap.js), so that a drag ends on a
 * state the URL holds exactly. Pure (no DOM).
 */

import { snap } from "../figure/snap.js";

export const VIEW_KEYS = ["a", "lam", "ratio"];

/**
 * The controls for `handle` dragged to `point` (world units of its axis).
 * @param {object} handle a model's handle {kind: "a" | "lam", direction: "x" | "y", scale}
 * @param {number[]} point
 * @param {object} specs {a, lam, ratio}: each {low, high, step}
 * @returns {object} the slider keys that move, with their new values
 */
export function dragToControls(handle, point, specs) {
  const coordinate = handle.direction === "x" ? point[0] : point[1];
  return { [handle.kind]: snap(coordinate * handle.scale, specs[handle.kind]) };
}

const STEPS = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1 };

/**
 * The controls after one arrow key on a handle: one slider step (up and right
 * raise the value, down and left lower it).
 * @param {string} kind "a" or "lam"
 * @param {object} view the controls of the moment
 * @param {string} key the key pressed
 * @param {object} context {specs}
 * @returns {object|null}
 */
export function keyToControls(kind, view, key, context) {
  const step = STEPS[key];
  if (!step) return null;
  const spec = context.specs[kind];
  return { [kind]: snap(view[kind] + step * spec.step, spec) };
}

/** The controls of `view` that differ from `base`. */
export function changedControls(view, base) {
  const out = {};
  for (const key of VIEW_KEYS) if (view[key] !== base[key]) out[key] = view[key];
  return out;
}
