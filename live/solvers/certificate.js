/**
 * Choosing the face by its optimality certificate, not by its loss.
 *
 * Each candidate face comes with the minimiser of the loss on that face's
 * affine hull (or curve) and a margin: the smallest of its KKT slacks (the
 * point strictly inside its face; the pull -grad L(w) inside the face's normal
 * cone, which includes multiplier >= 0), each divided by the size of the
 * quantities it compares, so the margin is dimensionless and unchanged when c,
 * t and H are rescaled. The problem is strictly convex, so in exact arithmetic
 * exactly one face has margin >= 0 (two have margin 0 only at a transition,
 * where their candidates are the same point). In floating point the face with
 * the largest margin is taken: that needs no threshold, and where rounding
 * blurs a transition the two faces it hesitates between give the same w to
 * rounding.
 *
 * Comparing losses instead fails once ||c|| / t is large: every candidate's
 * loss is about 0.5 c^T H c and the differences that decide the face fall
 * below its last bit (L1, H = I, c = (1e4, 1e4), t = 1e-6 picks the vertex
 * (1e-6, 0) instead of (5e-7, 5e-7)). The margins stay of order one there.
 */

/**
 * The better of two candidates {margin, ...}: the larger margin; on a tie the
 * one seen first (the solvers list vertices first, so a tie at a transition
 * keeps the vertex and its exact zero).
 *
 * @template {{margin: number}} T
 * @param {T | null} best the best so far, or null
 * @param {T} candidate
 * @returns {T}
 */
export function better(best, candidate) {
  return best === null || candidate.margin > best.margin ? candidate : best;
}

/**
 * The cone slack at a vertex, relative: (lam * width - |g_j|) / ||g||_1.
 *
 * At a corner on axis i the normal cone is {mu (sign * slope e_i + tau * width
 * e_j) : mu >= 0, |tau| <= 1}; -g lies in it iff mu = -sign g_i / slope >= 0
 * and |g_j| <= mu * width. Dividing by ||g||_1 makes it scale-free; g = 0
 * (the centre is the corner itself) certifies trivially.
 *
 * @param {number} pull -sign * g_i, the pull along the axis
 * @param {number} across |g_j|, the pull across it
 * @param {number} widthRatio width / slope of the cone (1 for the L1 diamond)
 * @returns {number}
 */
export function vertexMargin(pull, across, widthRatio) {
  const size = Math.abs(pull) + across;
  return size === 0 ? Infinity : (pull * widthRatio - across) / size;
}
