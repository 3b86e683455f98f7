/**
 * Play: the budget sweeps from its largest value to 0 and back, on the clock.
 * Pure (no DOM): the figure asks for t at each animation frame.
 */

/**
 * The budget at `elapsed` seconds into a sweep tMax -> 0 -> tMax.
 * @param {number} elapsed seconds since the start
 * @param {number} tMax the budget slider's top
 * @param {number} seconds each way (the payload's playSeconds, lessons.live_figure.PLAY_SECONDS)
 * @returns {{t: number, done: boolean, falling: boolean}}
 */
export function sweepBudget(elapsed, tMax, seconds) {
  if (elapsed >= 2 * seconds) return { t: tMax, done: true, falling: false };
  if (elapsed <= seconds) {
    // Linear in time: the path is traced at an even pace in t.
    return { t: tMax * (1 - Math.max(elapsed, 0) / seconds), done: false, falling: true };
  }
  return { t: (tMax * (elapsed - seconds)) / seconds, done: false, falling: false };
}

/** The samples of a precomputed path [[t, w1, w2], ...] (t descending) with t >= `t`. */
export function pathUpTo(path, t) {
  const out = [];
  for (const [budget, w1, w2] of path) {
    if (budget + 1e-12 < t) break;
    out.push([w1, w2]);
  }
  return out;
}

/** The sample of a precomputed path nearest to budget `t`. */
export function nearestSample(path, t) {
  let best = path[0];
  for (const sample of path) if (Math.abs(sample[0] - t) < Math.abs(best[0] - t)) best = sample;
  return best;
}
