/**
 * What the page shares on globalThis.__sparsityLab: the figure (for tests and
 * the benchmarks) and its counters (window.__sparsityLab.stats). Touches only
 * globalThis, which Node has too: no DOM at import.
 */

/** The page-wide object, made once however many times the modules load. */
export const shared = (globalThis.__sparsityLab ??= {});

/** Counters a benchmark or test reads (window.__sparsityLab.stats). */
export const stats = (shared.stats ??= {
  updates: 0,
  latencies: [],
  renderTimes: [],
  frames: 0,
  commits: 0,
  renders: 0,
});

/**
 * Append a timing to one of the stats' lists, dropping the oldest in bulk so
 * that a long session does not grow it without end.
 * @param {number[]} list
 * @param {number} value
 */
export function record(list, value) {
  list.push(value);
  if (list.length > 5000) list.splice(0, 1000);
}
