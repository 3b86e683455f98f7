/**
 * The Bayesian reading of one weight (solvers/bayes.py), in closed form.
 *
 * With the likelihood a | w ~ N(w, 1) and the Laplace prior (λ/2)e^{−λ|w|},
 * the posterior is two truncated normals: N(a − λ, 1) on w > 0 and
 * N(a + λ, 1) on w < 0, with masses proportional to
 *   Z₊ = e^{(a−λ)²/2} Φ(a − λ)   and   Z₋ = e^{(a+λ)²/2} Φ(−(a + λ)).
 * Its mean is then a − λ (Z₊ − Z₋) / (Z₊ + Z₋) (the truncated normals'
 * inverse Mills terms cancel), exactly 0 at a = 0, where Z₊ = Z₋; Python
 * integrates numerically (scipy's quad), and the two agree to ~1e-14. Its
 * mode is the lasso's soft threshold. Pure (no DOM).
 */

import { softThreshold } from "./maths.js";

const SQRT2 = Math.SQRT2;
const SQRT_2PI = Math.sqrt(2 * Math.PI);

/** erf(x) by its Taylor series (|x| < 1.5: no cancellation worth a digit). */
function erfSeries(x) {
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 60; n += 1) {
    term *= -x2 / n;
    const add = term / (2 * n + 1);
    sum += add;
    if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}

/** erfc(x) for x >= 1.5 by its continued fraction (modified Lentz). */
function erfcFraction(x) {
  // erfc(x) = e^{−x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...))))
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 500; n += 1) {
    const an = n / 2;
    d = x + an * d;
    d = Math.abs(d) < tiny ? tiny : d;
    c = x + an / c;
    c = Math.abs(c) < tiny ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}

/** erfc(x), relative error ~1e-15 over the range the page uses. */
export function erfc(x) {
  if (Math.abs(x) < 1.5) return 1 - erfSeries(x);
  return x > 0 ? erfcFraction(x) : 2 - erfcFraction(-x);
}

/** The standard normal CDF Φ(x). */
export function normalCdf(x) {
  return 0.5 * erfc(-x / SQRT2);
}

/** The two halves' masses Z₊, Z₋ (a common factor √(2π) e^{−a²/2} left out). */
function masses(a, lam) {
  const up = a - lam;
  const down = a + lam;
  return [Math.exp((up * up) / 2) * normalCdf(up), Math.exp((down * down) / 2) * normalCdf(-down)];
}

/** E[w | a] under the Laplace prior (laplace_posterior_mean). */
export function laplacePosteriorMean(a, lam) {
  const [plus, minus] = masses(a, lam);
  return a - (lam * (plus - minus)) / (plus + minus);
}

/** The posterior mode under the Laplace prior: the soft threshold (laplace_map). */
export function laplaceMap(a, lam) {
  return softThreshold(a, lam);
}

/** The posterior mode (and mean) under the Gaussian prior: ridge (gaussian_map). */
export function gaussianMap(a, lam) {
  return a / (1 + 2 * lam);
}

/** (λ/2) e^{−λ|w|} (laplace_prior_density). */
export function laplacePrior(w, lam) {
  return 0.5 * lam * Math.exp(-lam * Math.abs(w));
}

/** The N(0, 1/(2λ)) density, whose negative log is λw² + const (gaussian_prior_density). */
export function gaussianPrior(w, lam) {
  return Math.sqrt(lam / Math.PI) * Math.exp(-lam * w * w);
}

/**
 * The posterior density of w given a, on `ws` (laplace_posterior_density).
 * @param {number[]} ws
 * @param {number} a
 * @param {number} lam
 * @returns {number[]}
 */
export function laplacePosteriorDensity(ws, a, lam) {
  const kernel = (w) => -0.5 * (w - a) ** 2 - lam * Math.abs(w);
  const shift = kernel(softThreshold(a, lam)); // keeps exp() in range
  const [plus, minus] = masses(a, lam);
  // ∫ e^{kernel} = √(2π) e^{−a²/2} (Z₊ + Z₋); divided by e^{shift} as the values are.
  const normaliser = SQRT_2PI * Math.exp(-(a * a) / 2 - shift) * (plus + minus);
  return ws.map((w) => Math.exp(kernel(w) - shift) / normaliser);
}
