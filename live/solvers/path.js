/**
 * The solution path w(t) as the budget t shrinks: what the live figure's Play
 * draws. Each point is solve2d's exact answer at its t; t = 0 is the region
 * {0} and its answer w = 0 exactly (solve2d itself asks for t > 0).
 */

import { solve2d } from "./index.js";
import { lossValue } from "./quadratic.js";
import { validateProblem } from "./validate.js";

/**
 * solve2d at budget t >= 0 (t = 0: the single point w = 0, face "vertex").
 *
 * @param {ArrayLike<number>} center
 * @param {ArrayLike<ArrayLike<number>>} hessian
 * @param {{kind: string, radius?: number, l1Ratio?: number}} region its radius is replaced by t
 * @param {number} t the budget, finite and >= 0
 * @returns {object} as solve2d returns
 */
export function solveAtBudget(center, hessian, region, t) {
  if (!(typeof t === "number" && Number.isFinite(t) && t >= 0)) {
    throw new RangeError(`t must be a finite number >= 0, got ${t}`);
  }
  if (t > 0) return solve2d(center, hessian, { ...region, radius: t });
  const problem = validateProblem(center, hessian, { ...region, radius: 1 });
  const atOrigin = problem.c1 === 0 && problem.c2 === 0;
  return {
    w: [0, 0],
    zeros: [0, 1],
    face: atOrigin ? "interior" : "vertex",
    multiplier: Infinity,
    loss: lossValue(problem, 0, 0),
    active: !atOrigin,
  };
}

/**
 * w(t) at each budget of `budgets` (any order; each >= 0).
 * @returns {number[][]} one [w1, w2] per budget
 */
export function solutionPath(center, hessian, region, budgets) {
  return Array.from(budgets, (t) => solveAtBudget(center, hessian, region, t).w);
}
