/**
 * The disc ||w||_2 <= t in 2-D: the trust-region subproblem, exactly.
 *
 * Moré & Sorensen, "Computing a trust region step", SIAM J. Sci. Stat.
 * Comput. 4(3), 1983. Outside the disc, w(nu) = (H + nu I)^{-1} H c at the
 * unique nu > 0 with ||w(nu)|| = t; the secular equation in their form
 * 1/||w(nu)|| - 1/t = 0 is nearly linear and increasing in nu, bracketed by
 * [0, ||H c|| / t] (there ||w|| < ||Hc|| / nu = t). H is positive definite, so
 * the "hard case" cannot occur. As in solvers/planar.py, w is computed in
 * the original basis (by the adjugate): an axis-aligned loss centred on an
 * axis keeps its exact zero.
 */

import { brentRoot } from "./root.js";
import { linearTerm, shiftedSolve } from "./quadratic.js";
import { interiorSolution, makeSolution } from "./solution.js";

/**
 * Minimise 0.5 (w - c)^T H (w - c) subject to ||w||_2 <= t.
 *
 * @param {{c1: number, c2: number, h11: number, h12: number, h22: number, radius: number}} problem
 *   validated (see validate.js)
 * @returns {object} the solution (see solution.js) with face "smooth" when
 *   active; multiplier = nu / 2, the ridge weight: w also minimises
 *   loss + multiplier * ||w||_2^2
 */
export function solveL2(problem) {
  const { c1, c2, h11, h12, h22, radius } = problem;
  if (Math.hypot(c1, c2) <= radius) return interiorSolution(problem);
  const [b1, b2] = linearTerm(problem);
  const inverseRadius = 1 / radius;
  // shiftedSolve written out, allocation-free: it runs on every animation frame.
  const secular = (nu) => {
    const a11 = h11 + nu;
    const a22 = h22 + nu;
    const det = a11 * a22 - h12 * h12;
    return 1 / Math.hypot((a22 * b1 - h12 * b2) / det, (a11 * b2 - h12 * b1) / det) - inverseRadius;
  };

  // c lies outside, so secular(0) < 0 in exact arithmetic; a centre outside
  // only by a rounding error can say otherwise, and then nu = 0 is the root.
  let nu = 0;
  if (secular(0) < 0) {
    let upper = Math.hypot(b1, b2) / radius;
    // In exact arithmetic secular(upper) > 0; should rounding deny it, widen.
    while (secular(upper) < 0) upper *= 2;
    nu = brentRoot(secular, 0, upper);
  }
  const [w1, w2] = shiftedSolve(nu, b1, b2, h11, h12, h22);
  return makeSolution(problem, w1, w2, "smooth", 0.5 * nu);
}
