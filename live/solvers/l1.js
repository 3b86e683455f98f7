/**
 * The L1 ball |w1| + |w2| <= t in 2-D, exactly, by enumerating its faces.
 *
 * The boundary is four vertices +-t e_i and four open edges s^T w = t with
 * sign(w) = s. On the line through an edge the minimiser is
 * w = c - lam H^{-1} s with lam = (s^T c - t) / (s^T H^{-1} s), the closed form
 * of solvers/planar.py. Here w is computed in the edge's own chart,
 * w = (1 - theta) s1 t e1 + theta s2 t e2, so that it lies on the edge to the
 * rounding of t even when ||c|| >> t (the Python form c - lam H^{-1} s is off
 * the edge by about eps ||c||). The face is chosen by its KKT certificate
 * (certificate.js), and a vertex's zero coordinate is written as 0, never
 * computed.
 */

import { better, vertexMargin } from "./certificate.js";
import { lossGradient, shiftedSolve } from "./quadratic.js";
import { interiorSolution, makeSolution } from "./solution.js";

// Vertices as (axis, sign), then edges as sign pairs: the Python order.
const VERTICES = [
  [0, 1],
  [0, -1],
  [1, 1],
  [1, -1],
];
const EDGES = [
  [1, 1],
  [1, -1],
  [-1, 1],
  [-1, -1],
];

/**
 * The best vertex of a diamond-like region with corners +-corner e_i.
 *
 * Shared with the elastic net, whose corners have the same normal cone shape:
 * the penalty's slope along the axis is `slope`, across it `width`.
 *
 * @param {object} problem the validated problem
 * @param {number} corner the corner's distance from the origin
 * @param {number} slope the penalty's derivative along the axis at the corner
 * @param {number} width the penalty's derivative across the axis (the kink's half-width)
 * @returns {{margin: number, w1: number, w2: number, multiplier: number, face: string}}
 */
export function bestVertex(problem, corner, slope, width) {
  let best = null;
  for (const [axis, sign] of VERTICES) {
    const w1 = axis === 0 ? sign * corner : 0;
    const w2 = axis === 1 ? sign * corner : 0;
    const gradient = lossGradient(problem, w1, w2);
    // KKT: -g = mu (sign * slope e_i + tau * width e_j), mu >= 0, |tau| <= 1.
    const pull = -sign * gradient[axis];
    const across = Math.abs(gradient[1 - axis]);
    const margin = vertexMargin(pull, across, width / slope);
    best = better(best, { margin, w1, w2, multiplier: pull / slope, face: "vertex" });
  }
  return best;
}

/**
 * Minimise 0.5 (w - c)^T H (w - c) subject to |w1| + |w2| <= t.
 *
 * @param {{c1: number, c2: number, h11: number, h12: number, h22: number, radius: number}} problem
 *   validated (see validate.js)
 * @returns {object} the solution (see solution.js); multiplier is lam of the lasso form
 */
export function solveL1(problem) {
  const { c1, c2, h11, h12, h22, radius } = problem;
  if (Math.abs(c1) + Math.abs(c2) <= radius) return interiorSolution(problem);

  let best = bestVertex(problem, radius, 1, 1);
  for (const [s1, s2] of EDGES) {
    const excess = s1 * c1 + s2 * c2 - radius;
    // s^T H^{-1} s > 0, so lam >= 0 exactly when s^T c >= t; lam = 0 would put
    // w = c, which lies outside. Such an edge cannot carry the optimum.
    if (!(excess > 0)) continue;
    const [d1, d2] = shiftedSolve(0, s1, s2, h11, h12, h22);
    const multiplier = excess / (s1 * d1 + s2 * d2);
    // The edge runs from s1 t e1 (theta = 0) to s2 t e2 (theta = 1) along
    // t u, u = (-s1, s2); the loss is least at theta = u^T H (c - s1 t e1) / (t u^T H u).
    // H c is taken whole (not c - s1 t e1) so that its terms cancel exactly
    // when they should: H = I, c = (1e4, 1e4), t = 1e-6 gives theta = 1/2.
    const p1 = -s1 * h11 + s2 * h12; // (H u)_1
    const p2 = -s1 * h12 + s2 * h22; // (H u)_2
    const pull = p1 * c1 + p2 * c2; // u^T H c
    const curvature = radius * (s2 * p2 - s1 * p1); // t u^T H u > 0
    const theta = (pull - s1 * p1 * radius) / curvature;
    const rest = (s2 * p2 * radius - pull) / curvature; // 1 - theta, without its cancellation
    const w1 = s1 * radius * rest;
    const w2 = s2 * radius * theta;
    // Strictly inside the edge: 0 < theta < 1, i.e. both signs as s.
    const margin = Math.min(theta, rest);
    best = better(best, { margin, w1, w2, multiplier, face: "edge" });
  }
  return makeSolution(problem, best.w1, best.w2, best.face, best.multiplier);
}
