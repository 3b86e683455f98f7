/**
 * The one-weight problem ½(w − a)² + penalty(w) and its closed-form
 * minimisers (ESL table 3.4), as solvers/shrinkage.py computes them: the same
 * floating-point operations in the same order, so that the browser and Python
 * agree to the last bit and an exact zero is 0 on both sides (built by a
 * comparison, never by subtracting equal numbers). Pure (no DOM).
 *
 *   lasso        λ|w|                  soft threshold  sign(a) max(|a| − λ, 0)
 *   ridge        λw²                   proportional    a / (1 + 2λ)
 *   elastic net  λ(α|w| + (1 − α)w²)   soft(a, λα) / (1 + 2λ(1 − α))
 *   best subset  λ[w ≠ 0]              hard threshold  a [|a| > √(2λ)]
 */

export const PENALTIES = ["l1", "l2", "elasticnet"];

/** sign(a) max(|a| − λ, 0): exactly 0 on the dead zone |a| ≤ λ (soft_threshold). */
export function softThreshold(a, lam) {
  return Math.abs(a) <= lam ? 0 : a - Math.sign(a) * lam;
}

/** a / (1 + 2λ): zero only where a is (ridge_shrink). */
export function ridgeShrink(a, lam) {
  return a / (1 + 2 * lam);
}

/** Threshold at λα, then shrink by 1 + 2λ(1 − α) (elastic_net_shrink). */
export function elasticNetShrink(a, lam, ratio) {
  return softThreshold(a, lam * ratio) / (1 + 2 * lam * (1 - ratio));
}

/** Keep or kill: a where |a| > √(2λ), else 0 (hard_threshold). */
export function hardThreshold(a, lam) {
  return Math.abs(a) > Math.sqrt(2 * lam) ? a : 0;
}

/** The minimiser of ½(w − a)² + penalty(w) (one_weight_solution). */
export function oneWeightSolution(a, lam, penalty, ratio = 0.5) {
  if (penalty === "l1") return softThreshold(a, lam);
  if (penalty === "l2") return ridgeShrink(a, lam);
  if (penalty === "elasticnet") return elasticNetShrink(a, lam, ratio);
  if (penalty === "l0") return hardThreshold(a, lam);
  throw new RangeError(`unknown penalty ${penalty}`);
}

/** The L1 share α of a penalty: 1 for the lasso, 0 for ridge, the ratio otherwise (l1_share). */
export function l1Share(penalty, ratio) {
  if (penalty === "l1") return 1;
  if (penalty === "l2") return 0;
  return ratio;
}

/** The penalty at w (penalty_value). */
export function penaltyValue(w, lam, penalty, ratio = 0.5) {
  if (penalty === "l1") return lam * Math.abs(w);
  if (penalty === "l2") return lam * w * w;
  if (penalty === "elasticnet") return lam * (ratio * Math.abs(w) + (1 - ratio) * w * w);
  if (penalty === "l0") return lam * (w !== 0 ? 1 : 0);
  throw new RangeError(`unknown penalty ${penalty}`);
}

/** The penalty's slope λR′(w) away from 0 (with L1 share α). */
export function penaltySlope(w, lam, alpha) {
  return lam * (alpha * Math.sign(w) + 2 * (1 - alpha) * w);
}

/** The problem's value ½(w − a)² + penalty(w) at w. */
export function objective(w, a, lam, penalty, ratio = 0.5) {
  return 0.5 * (w - a) ** 2 + penaltyValue(w, lam, penalty, ratio);
}

/**
 * `count` evenly spaced points over [low, high] with `extra` points (kinks,
 * jumps) merged in, sorted and without repeats (np.union1d of a linspace).
 * @param {number} low
 * @param {number} high
 * @param {number} count
 * @param {number[]} [extra]
 * @returns {number[]}
 */
export function grid(low, high, count, extra = []) {
  const points = [];
  for (let k = 0; k < count; k += 1) points.push(k === count - 1 ? high : low + ((high - low) * k) / (count - 1));
  for (const x of extra) if (x >= low && x <= high) points.push(x);
  points.sort((p, q) => p - q);
  return points.filter((x, k) => k === 0 || x !== points[k - 1]);
}
