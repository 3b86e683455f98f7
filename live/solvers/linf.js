/**
 * The square ||w||_inf <= t in 2-D, exactly, by enumerating active bounds.
 *
 * Four corners (both coordinates at a bound) and four edges (coordinate j
 * held at sigma t, coordinate i free). On an edge the free coordinate
 * minimises the loss, w_i = c_i - h_ij (sigma t - c_j) / h_ii, so that
 * g_i = 0 and g_j = (sigma t - c_j) (h_jj - h_ij^2 / h_ii): the bound's
 * multiplier -sigma g_j is >= 0 exactly when sigma c_j >= t. With h_ij = 0
 * the free coordinate is c_i itself, an exact zero when c_i is.
 */

import { better } from "./certificate.js";
import { lossGradient } from "./quadratic.js";
import { interiorSolution, makeSolution } from "./solution.js";

const SIGNS = [1, -1];

/**
 * Minimise 0.5 (w - c)^T H (w - c) subject to |w1| <= t and |w2| <= t.
 *
 * @param {{c1: number, c2: number, h11: number, h12: number, h22: number, radius: number}} problem
 *   validated (see validate.js)
 * @returns {object} the solution (see solution.js); multiplier = ||H (w - c)||_1,
 *   the weight lam for which w also minimises loss + lam ||w||_inf
 */
export function solveLinf(problem) {
  const { c1, c2, h11, h12, h22, radius } = problem;
  if (Math.max(Math.abs(c1), Math.abs(c2)) <= radius) return interiorSolution(problem);
  const center = [c1, c2];
  const diagonal = [h11, h22];

  let best = null;
  for (const s1 of SIGNS) {
    for (const s2 of SIGNS) {
      const w1 = s1 * radius;
      const w2 = s2 * radius;
      // KKT at a corner: -g = (mu1 s1, mu2 s2) with mu >= 0.
      const [g1, g2] = lossGradient(problem, w1, w2);
      const size = Math.abs(g1) + Math.abs(g2);
      const margin = size === 0 ? Infinity : Math.min(-s1 * g1, -s2 * g2) / size;
      best = better(best, { margin, w1, w2, face: "vertex" });
    }
  }
  for (let bound = 0; bound < 2; bound += 1) {
    const free = 1 - bound;
    for (const sign of SIGNS) {
      // The bound's multiplier is >= 0 only if the centre lies beyond it.
      if (!(sign * center[bound] > radius)) continue;
      const value = center[free] - (h12 * (sign * radius - center[bound])) / diagonal[free];
      const margin = (radius - Math.abs(value)) / radius;
      const w1 = bound === 0 ? sign * radius : value;
      const w2 = bound === 1 ? sign * radius : value;
      best = better(best, { margin, w1, w2, face: "edge" });
    }
  }
  const [g1, g2] = lossGradient(problem, best.w1, best.w2);
  return makeSolution(problem, best.w1, best.w2, best.face, Math.abs(g1) + Math.abs(g2));
}
