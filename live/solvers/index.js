/**
 * Exact 2-D constrained solvers for the live figure, mirroring the Python
 * solvers/ (planar.py, box.py, elastic_net.py). Plain ES module, no
 * dependencies, no DOM: it loads unchanged in Node and in a browser.
 *
 *     import { solve2d } from "./live/solvers/index.js";
 *     solve2d([2, 1], [[3, 1], [1, 2]], { kind: "l1", radius: 1 });
 */

import { solveElasticNet } from "./elastic_net.js";
import { solveL1 } from "./l1.js";
import { solveL2 } from "./l2.js";
import { solveLinf } from "./linf.js";
import { REGION_KINDS, validateProblem } from "./validate.js";

const SOLVERS = { l1: solveL1, l2: solveL2, linf: solveLinf, elasticnet: solveElasticNet };

export { REGION_KINDS };

/**
 * Minimise 0.5 (w - c)^T H (w - c) over a region of the plane, exactly.
 *
 * @param {ArrayLike<number>} center c = [c1, c2]
 * @param {ArrayLike<ArrayLike<number>>} hessian H = [[h11, h12], [h12, h22]],
 *   symmetric positive definite
 * @param {{kind: "l1" | "l2" | "linf" | "elasticnet", radius: number, l1Ratio?: number}} region
 *   ||w||_1 <= t, ||w||_2 <= t, ||w||_inf <= t, or a ||w||_1 + (1 - a) ||w||_2^2 <= t
 *   with a = l1Ratio in [0, 1]; t = radius > 0
 * @returns {{w: number[], zeros: number[], face: "interior" | "vertex" | "edge" | "smooth",
 *   multiplier: number, loss: number, active: boolean}}
 *   w the minimiser (a zero the geometry makes exact is exactly 0); zeros the
 *   indices with w[i] === 0; face where w lies on the region; multiplier the
 *   KKT multiplier lam >= 0 in the penalty form of the Python Solution (lasso
 *   weight for l1, ridge weight nu / 2 for l2, ||H (w - c)||_1 for linf, the
 *   elastic-net weight; 0 when the centre is inside); loss 0.5 (w - c)^T H (w - c);
 *   active whether the constraint binds (face !== "interior")
 * @throws {TypeError | RangeError} for invalid input, naming the argument
 */
export function solve2d(center, hessian, region) {
  const problem = validateProblem(center, hessian, region);
  return SOLVERS[problem.kind](problem);
}
