/**
 * The 2-D quadratic loss 0.5 (w - c)^T H (w - c) in plain arithmetic.
 *
 * A problem is the validated object {c1, c2, h11, h12, h22, ...}; the
 * Hessian travels as its three distinct entries. The formulas are the ones
 * of the Python solvers/planar.py, so the two round alike.
 */

/**
 * d^T H d for the symmetric 2x2 H.
 * @returns {number}
 */
export function quadraticForm(d1, d2, h11, h12, h22) {
  return h11 * d1 * d1 + 2 * h12 * d1 * d2 + h22 * d2 * d2;
}

/**
 * (H + nu I)^{-1} r by the adjugate.
 *
 * With h12 === 0 and r1 === 0 the first coordinate is an exact zero (and
 * likewise the second), which is how an axis-aligned loss centred on an
 * axis keeps its exact zero under the L2 constraint.
 * @returns {[number, number]}
 */
export function shiftedSolve(nu, r1, r2, h11, h12, h22) {
  const a11 = h11 + nu;
  const a22 = h22 + nu;
  const det = a11 * a22 - h12 * h12;
  return [(a22 * r1 - h12 * r2) / det, (a11 * r2 - h12 * r1) / det];
}

/**
 * The gradient H (w - c) of the loss at w.
 * @returns {[number, number]}
 */
export function lossGradient(problem, w1, w2) {
  const { c1, c2, h11, h12, h22 } = problem;
  const d1 = w1 - c1;
  const d2 = w2 - c2;
  return [h11 * d1 + h12 * d2, h12 * d1 + h22 * d2];
}

/**
 * The loss 0.5 (w - c)^T H (w - c) at w.
 * @returns {number}
 */
export function lossValue(problem, w1, w2) {
  const { c1, c2, h11, h12, h22 } = problem;
  return 0.5 * quadraticForm(w1 - c1, w2 - c2, h11, h12, h22);
}

/**
 * H c, the linear term of the loss.
 * @returns {[number, number]}
 */
export function linearTerm(problem) {
  const { c1, c2, h11, h12, h22 } = problem;
  return [h11 * c1 + h12 * c2, h12 * c1 + h22 * c2];
}
