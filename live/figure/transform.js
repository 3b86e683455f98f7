/**
 * The view: world <-> pixel for a square plot, SVG paths through world
 * points, and tick positions. Pure (no DOM).
 */


/** World <-> pixel for a square plot of side `size` px at (left, top), showing [-limit, limit]^2. */
export function makeTransform(limit, left, top, size) {
  const scale = size / (2 * limit);
  return {
    limit,
    left,
    top,
    size,
    scale,
    x: (w1) => left + (w1 + limit) * scale,
    y: (w2) => top + (limit - w2) * scale,
    toWorld: (px, py) => [(px - left) / scale - limit, limit - (py - top) / scale],
  };
}

/** An SVG path through `points` (world units), optionally closed. */
export function pathData(points, transform, close = false) {
  let d = "";
  for (let k = 0; k < points.length; k += 1) {
    const p = points[k];
    d += `${k === 0 ? "M" : "L"}${transform.x(p[0]).toFixed(1)},${transform.y(p[1]).toFixed(1)}`;
  }
  return close && d ? `${d}Z` : d;
}

/** Tick positions for an axis over [-limit, limit]: a 1, 2 or 5 step giving about 5-9 ticks. */
export function ticks(limit) {
  const raw = (2 * limit) / 7;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const out = [];
  for (let v = Math.ceil(-limit / step) * step; v <= limit + 1e-9; v += step) {
    out.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toFixed(6)));
  }
  return out;
}
