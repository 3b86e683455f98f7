/**
 * The elastic-net region a ||w||_1 + (1 - a) ||w||_2^2 <= r in 2-D, exactly.
 *
 * As solvers/elastic_net.py: the boundary is four corners +-v e_i on the axes
 * (a v + (1 - a) v^2 = r) and four curved pieces a s^T w + (1 - a) ||w||^2 = r
 * with sign(w) = s. On a piece the stationary points are
 *
 *     (H + 2 (1 - a) lam I) w = H c - lam a s,
 *
 * and P(lam) = a s^T w + (1 - a) ||w||^2 along this curve decreases strictly
 * (dP/dlam = -v^T M^{-1} v < 0), from P(0) = P_s(c) to -a^2 / (2 (1 - a)) < r,
 * so P(lam) = r has one root, found by a bracketed Brent search; only
 * P_s(c) > r gives lam > 0. a = 1 is the L1 diamond of radius r and a = 0 the
 * disc of radius sqrt(r), handed to those solvers as in Python.
 */

import { better } from "./certificate.js";
import { bestVertex, solveL1 } from "./l1.js";
import { solveL2 } from "./l2.js";
import { linearTerm, shiftedSolve } from "./quadratic.js";
import { brentRoot } from "./root.js";
import { interiorSolution, makeSolution } from "./solution.js";

const PIECES = [
  [1, 1],
  [1, -1],
  [-1, 1],
  [-1, -1],
];

/**
 * The corner v > 0 with a v + (1 - a) v^2 = r, by the stable form of the
 * positive root (no cancellation for small a or r): ElasticNetBall.axis_intercept.
 * @returns {number}
 */
export function axisIntercept(l1Ratio, radius) {
  return (2 * radius) / (l1Ratio + Math.sqrt(l1Ratio * l1Ratio + 4 * (1 - l1Ratio) * radius));
}

/**
 * The penalty a s^T w + (1 - a) ||w||^2 along signs s, minus r.
 */
function excess(w1, w2, s1, s2, l1Ratio, radius) {
  return l1Ratio * (s1 * w1 + s2 * w2) + (1 - l1Ratio) * (w1 * w1 + w2 * w2) - radius;
}

/**
 * The stationary point on the curved piece with signs s and lam > 0.
 * @returns {{lam: number, w1: number, w2: number}}
 */
function curvedPiece(problem, b1, b2, s1, s2, scale) {
  const { h11, h12, h22, l1Ratio, radius } = problem;
  const curvature = 2 * (1 - l1Ratio);
  const point = (lam) =>
    shiftedSolve(curvature * lam, b1 - lam * l1Ratio * s1, b2 - lam * l1Ratio * s2, h11, h12, h22);
  // point(lam) written out: this runs some 30 times per piece on every
  // animation frame, and scalars allocate nothing for the garbage collector.
  const f = (lam) => {
    const nu = curvature * lam;
    const r1 = b1 - lam * l1Ratio * s1;
    const r2 = b2 - lam * l1Ratio * s2;
    const a11 = h11 + nu;
    const a22 = h22 + nu;
    const det = a11 * a22 - h12 * h12;
    return excess((a22 * r1 - h12 * r2) / det, (a11 * r2 - h12 * r1) / det, s1, s2, l1Ratio, radius);
  };
  // The caller checked P_s(c) > r; w(0) is c only to rounding, so f(0) <= 0
  // means c lies on this piece to rounding, and lam = 0 is the root (as nu = 0
  // for the disc).
  if (!(f(0) > 0)) {
    const [w1, w2] = point(0);
    return { lam: 0, w1, w2 };
  }
  // f decreases to below -r: double an upper end from a scale-aware guess
  // until f changes sign.
  let lower = 0;
  let upper = scale;
  while (f(upper) > 0) {
    lower = upper;
    upper *= 2;
  }
  const lam = brentRoot(f, lower, upper);
  const [w1, w2] = point(lam);
  return { lam, w1, w2 };
}

/**
 * Minimise 0.5 (w - c)^T H (w - c) subject to a ||w||_1 + (1 - a) ||w||_2^2 <= r.
 *
 * @param {{c1: number, c2: number, h11: number, h12: number, h22: number,
 *   radius: number, l1Ratio: number}} problem validated (see validate.js); radius is r
 * @returns {object} the solution (see solution.js); multiplier is the weight
 *   lam for which w also minimises loss + lam (a ||w||_1 + (1 - a) ||w||_2^2)
 */
export function solveElasticNet(problem) {
  const { c1, c2, l1Ratio: a, radius } = problem;
  if (a === 1) return solveL1(problem);
  // The disc ||w||_2^2 <= r; the L2 multiplier is already the ridge weight.
  if (a === 0) return solveL2({ ...problem, radius: Math.sqrt(radius) });
  // The Python expression, so that a centre on the boundary is judged alike.
  if (a * (Math.abs(c1) + Math.abs(c2)) + (1 - a) * (c1 * c1 + c2 * c2) <= radius) {
    return interiorSolution(problem);
  }
  const corner = axisIntercept(a, radius);
  // At a corner the penalty's slope is a + 2 (1 - a) v along the axis, a across.
  const slope = a + 2 * (1 - a) * corner;
  let best = bestVertex(problem, corner, slope, a);

  const [b1, b2] = linearTerm(problem);
  // lam balances the pull ~||H c|| against the penalty's slope ~a + 2 (1 - a) v.
  const scale = (Math.abs(b1) + Math.abs(b2)) / slope || 1;
  for (const [s1, s2] of PIECES) {
    if (!(excess(c1, c2, s1, s2, a, radius) > 0)) continue; // only lam <= 0 here
    const { lam, w1, w2 } = curvedPiece(problem, b1, b2, s1, s2, scale);
    // Strictly inside the piece: both signs as s, relative to the corner.
    const margin = Math.min(s1 * w1, s2 * w2) / corner;
    best = better(best, { margin, w1, w2, multiplier: lam, face: "edge" });
  }
  return makeSolution(problem, best.w1, best.w2, best.face, best.multiplier);
}
