/**
 * A safeguarded, bracketed root finder: Brent's method.
 *
 * R. P. Brent, "Algorithms for Minimization without Derivatives" (1973), chapter 4
 * (the algorithm known as zeroin). Each step tries inverse quadratic
 * interpolation or the secant step and falls back to bisection whenever the
 * fast step would leave the bracket or shrink it too slowly, so the root stays
 * bracketed throughout and convergence is guaranteed, superlinear near a
 * simple root. The solvers use it for the L2 secular equation and the
 * elastic net's curved pieces, where the functions are monotone on the bracket.
 */

/** Machine epsilon of IEEE doubles. */
export const EPS = 2.220446049250313e-16;

/**
 * The root of `f` in the bracket `[a, b]`.
 *
 * Stops once the bracket is narrower than `xtol + rtol * |x|`; the defaults
 * (4 eps relative, as scipy's `brentq` allows at finest) converge to full
 * double precision.
 *
 * @param {(x: number) => number} f continuous on [a, b]
 * @param {number} a one end of the bracket
 * @param {number} b the other end; f(a) and f(b) must differ in sign (or one be 0)
 * @param {{xtol?: number, rtol?: number, maxIterations?: number}} [options]
 * @returns {number} x with a sign change of f within the tolerance of x
 * @throws {RangeError} if f(a) and f(b) have the same sign, or f returns NaN
 * @throws {Error} if the iteration limit is reached (it cannot be with the defaults)
 */
export function brentRoot(f, a, b, { xtol = 1e-300, rtol = 4 * EPS, maxIterations = 500 } = {}) {
  let fa = f(a);
  let fb = f(b);
  if (Number.isNaN(fa) || Number.isNaN(fb)) throw new RangeError("brentRoot: f is NaN at an end");
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (fa > 0 === fb > 0) {
    throw new RangeError(`brentRoot: no sign change on [${a}, ${b}] (f = ${fa}, ${fb})`);
  }
  // Invariant: the root lies between b (the best estimate) and c; a is the previous b.
  let c = a;
  let fc = fa;
  let step = b - a;
  let previousStep = step;
  for (let iteration = 0; iteration < maxIterations; iteration += 1) {
    if (fb > 0 === fc > 0) {
      // b and c no longer bracket the root: the previous iterate a does.
      c = a;
      fc = fa;
      step = b - a;
      previousStep = step;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      // Keep b the end with the smaller residual.
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tolerance = 0.5 * (xtol + rtol * Math.abs(b));
    const half = 0.5 * (c - b);
    if (fb === 0 || Math.abs(half) <= tolerance) return b;

    if (Math.abs(previousStep) >= tolerance && Math.abs(fa) > Math.abs(fb)) {
      let p;
      let q;
      const s = fb / fa;
      if (a === c) {
        // Two points only: the secant step.
        p = 2 * half * s;
        q = 1 - s;
      } else {
        // Inverse quadratic interpolation through a, b and c.
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * half * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      // Accept the fast step only if it stays well inside the bracket and
      // shrinks faster than the step before last (Brent's safeguard).
      if (2 * p < Math.min(3 * half * q - Math.abs(tolerance * q), Math.abs(previousStep * q))) {
        previousStep = step;
        step = p / q;
      } else {
        step = half;
        previousStep = half;
      }
    } else {
      step = half;
      previousStep = half;
    }
    a = b;
    fa = fb;
    // Never a step below the tolerance: it would not move b in floating point.
    b += Math.abs(step) > tolerance ? step : half > 0 ? tolerance : -tolerance;
    fb = f(b);
    if (Number.isNaN(fb)) throw new RangeError(`brentRoot: f is NaN at ${b}`);
  }
  throw new Error(`brentRoot: no convergence in ${maxIterations} iterations`);
}
