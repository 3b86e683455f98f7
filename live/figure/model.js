/**
 * What one panel shows for the controls of the moment: its region, its
 * solution, and the words. Pure (no DOM).
 *
 * Python is the reference: while the controls are those Python drew (the
 * data), the panel shows Python's solution and Python's words. While a handle
 * moves, a panel whose region the browser can solve exactly (L1, L2, L∞,
 * elastic net, as a constraint) shows solve2d's answer; any other panel
 * (Lp, a penalty) keeps Python's last answer, marked "pending", until the
 * release brings Python's new one.
 */

import { solveAtBudget } from "../solvers/path.js";
import { lossGradient } from "../solvers/quadratic.js";
import { hessianFromShape } from "./geometry.js";
import { nearestSample } from "./play.js";
import { badgeColour, badgeText, figureTitle, regionLegend } from "./text.js";

/** The controls Python drew. */
export function viewFromData(data) {
  return { ...data.view };
}

function sameShape(a, b) {
  return a.c1 === b.c1 && a.c2 === b.c2 && a.cond === b.cond && a.angle === b.angle;
}

/** The panel's region at budget t (null when a penalty has zeroed w: no region drawn). */
export function regionAt(panel, t) {
  if (panel.region === null) return null;
  return { ...panel.region, radius: t };
}

/** The Hessian for the view: Python's while the shape is Python's, else built here. */
export function hessianFor(view, data) {
  if (view.cond === data.view.cond && view.angle === data.view.angle) return data.hessian;
  return hessianFromShape(view.cond, view.angle);
}

/** The Hessian's three entries, as lossGradient takes them. */
function flat(h) {
  return { h11: h[0][0], h12: h[0][1], h22: h[1][1] };
}

/** What Python drew for the panel. */
function pythonShown(panel) {
  const { region, solution, title, badge, colour, legend, localMinima } = panel;
  return { region, solution, title, badge, colour, legend, localMinima };
}

/** solve2d's exact answer at budget t, and its words (no region drawn at t = 0). */
function liveShown(panel, center, hessian, t) {
  const region = regionAt(panel, t);
  const solution = solveAtBudget(center, hessian, region, t);
  const drawn = t > 0 ? region : null;
  return {
    region: drawn,
    solution,
    title: figureTitle(drawn, solution),
    badge: badgeText(solution),
    colour: badgeColour(solution),
    legend: drawn ? regionLegend(drawn) : "",
    localMinima: [],
  };
}

/** During Play, a panel the browser cannot solve: the sample of Python's path nearest t, its words Python's. */
function pathShown(panel, center, hessian, t) {
  const [budget, w1, w2, badge, colour, title] = nearestSample(panel.path, t);
  const w = [w1, w2];
  const zeros = [0, 1].filter((i) => w[i] === 0);
  const d = [w1 - center[0], w2 - center[1]];
  const loss = 0.5 * (hessian[0][0] * d[0] * d[0] + 2 * hessian[0][1] * d[0] * d[1] + hessian[1][1] * d[1] * d[1]);
  const region = budget > 0 ? regionAt(panel, budget) : null;
  const solution = { w, zeros, face: "path", multiplier: NaN, loss, active: loss > 0 };
  return {
    region,
    solution,
    title,
    badge,
    colour,
    legend: region ? regionLegend(region) : "",
    localMinima: [],
  };
}

/** ∇L at the solution shown (the pull is its negative); pending keeps the old centre's pull. */
function pullGradient(status, w, center, hessian, data) {
  const pending = status === "pending";
  const [c1, c2] = pending ? [data.view.c1, data.view.c2] : center;
  return lossGradient({ c1, c2, ...flat(pending ? data.hessian : hessian) }, w[0], w[1]);
}

/**
 * The panel for the controls `view`.
 *
 * @param {object} panel one entry of data.panels
 * @param {object} view the controls (data.viewKeys)
 * @param {object} data what Python sent
 * @param {{playing?: boolean}} options during Play, a non-live panel shows its
 *   precomputed path's sample nearest to the budget
 * @returns {{status: "python"|"live"|"pending"|"path", region: object|null, solution: object,
 *   title: string, badge: string, colour: string, legend: string, hessian: number[][],
 *   center: number[], gradient: number[], localMinima: number[][]}}
 */
export function panelModel(panel, view, data, options = {}) {
  const tKey = `${panel.side}_t`;
  const t = panel.budgetHandle ? view[tKey] : data.view[tKey];
  const center = [view.c1, view.c2];
  const hessian = hessianFor(view, data);
  let status = "pending";
  let shown;
  if (sameShape(view, data.view) && t === data.view[tKey]) {
    status = "python";
  } else if (panel.live) {
    [status, shown] = ["live", liveShown(panel, center, hessian, t)];
  } else if (options.playing && panel.path && panel.budgetHandle) {
    [status, shown] = ["path", pathShown(panel, center, hessian, t)];
  }
  shown ??= pythonShown(panel);
  const gradient = pullGradient(status, shown.solution.w, center, hessian, data);
  return { status, center, hessian, gradient, t, ...shown };
}

/**
 * The controls that differ between two views (what a release reports).
 * @param {object} view
 * @param {object} base
 * @param {string[]} keys the controls a handle moves (the payload's viewKeys)
 */
export function changedControls(view, base, keys) {
  const out = {};
  for (const key of keys) if (view[key] !== base[key]) out[key] = view[key];
  return out;
}
