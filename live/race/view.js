/**
 * The race figure's geometry, pure (no DOM): the world box fitted into the
 * plot with equal scale on both axes, the box grown while a drag needs
 * room, the drawn points of a long path, and the markers that would sit on
 * top of each other spread on a small ring round the point they share.
 */

/**
 * World <-> pixel for the box `box` drawn with equal scale in `rect`: the
 * shorter side's range is widened to fill the rect (as Plotly's scaleanchor does).
 * @param {{x: number[], y: number[]}} box world ranges
 * @param {{left: number, top: number, width: number, height: number}} rect pixels
 */
export function fitTransform(box, rect) {
  const xSpan = box.x[1] - box.x[0];
  const ySpan = box.y[1] - box.y[0];
  const scale = Math.min(rect.width / xSpan, rect.height / ySpan);
  const xMid = 0.5 * (box.x[0] + box.x[1]);
  const yMid = 0.5 * (box.y[0] + box.y[1]);
  const x0 = xMid - rect.width / (2 * scale);
  const y1 = yMid + rect.height / (2 * scale);
  return {
    scale,
    rect,
    x: (w1) => rect.left + (w1 - x0) * scale,
    y: (w2) => rect.top + (y1 - w2) * scale,
    toWorld: (px, py) => [x0 + (px - rect.left) / scale, y1 - (py - rect.top) / scale],
    xRange: [x0, x0 + rect.width / scale],
    yRange: [y1 - rect.height / scale, y1],
  };
}

/**
 * lessons/training/charts.py view_box: the origin, start, centre, optimum and
 * the paths (clipped to [-4, 4]) with a margin of 0.4.
 * @param {number[][]} points fixed points
 * @param {Float64Array[]} paths iterates, (w1, w2) pairs
 */
export function viewBox(points, paths) {
  let lo = [Infinity, Infinity];
  let hi = [-Infinity, -Infinity];
  const take = (a, b) => {
    const p = [Math.min(Math.max(a, -4), 4), Math.min(Math.max(b, -4), 4)];
    lo = [Math.min(lo[0], p[0]), Math.min(lo[1], p[1])];
    hi = [Math.max(hi[0], p[0]), Math.max(hi[1], p[1])];
  };
  take(0, 0);
  for (const p of points) take(p[0], p[1]);
  for (const path of paths) {
    for (let k = 0; k < path.length; k += 2) {
      if (Number.isFinite(path[k]) && Number.isFinite(path[k + 1])) take(path[k], path[k + 1]);
    }
  }
  return { x: [lo[0] - 0.4, hi[0] + 0.4], y: [lo[1] - 0.4, hi[1] + 0.4] };
}

/** The smallest box holding both. */
export function unionBox(a, b) {
  return {
    x: [Math.min(a.x[0], b.x[0]), Math.max(a.x[1], b.x[1])],
    y: [Math.min(a.y[0], b.y[0]), Math.max(a.y[1], b.y[1])],
  };
}

/**
 * figures/optimisers.py thin: at most about `most` indices of 0..count-1,
 * every early one, then evenly spaced (the last always kept).
 */
export function thinIndices(count, most = 400) {
  if (count <= most) return Array.from({ length: count }, (_, k) => k);
  const early = Math.floor(most / 4);
  const out = new Set(Array.from({ length: early }, (_, k) => k));
  const rest = most - early;
  for (let k = 0; k < rest; k += 1) out.add(Math.round(early + ((count - 1 - early) * k) / (rest - 1)));
  return [...out].sort((a, b) => a - b);
}

/**
 * Where each marker is drawn: at its point, or, when several fall within
 * `near` px of each other, spread evenly on a ring of `ring` px (more for a
 * larger group) round the group's centre, each joined to its point by a leader.
 * @param {number[][]} pixels each marker's point in pixels
 * @returns {{at: number[], from: number[]|null}[]} at: where to draw; from: the leader's end
 */
export function spreadMarkers(pixels, near = 10, ring = 22) {
  const groups = [];
  pixels.forEach((p, i) => {
    const group = groups.find((g) => g.some((j) => Math.hypot(pixels[j][0] - p[0], pixels[j][1] - p[1]) < near));
    if (group) group.push(i);
    else groups.push([i]);
  });
  const out = pixels.map((p) => ({ at: p, from: null }));
  for (const group of groups) {
    if (group.length < 2) continue;
    const cx = group.reduce((s, i) => s + pixels[i][0], 0) / group.length;
    const cy = group.reduce((s, i) => s + pixels[i][1], 0) / group.length;
    const radius = Math.max(ring, (group.length * 13) / (2 * Math.PI));
    group.forEach((i, k) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * k) / group.length;
      out[i] = { at: [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)], from: pixels[i] };
    });
  }
  return out;
}

/** The frames Play shows: every iteration up to 20, then about 40 more spread evenly in log. */
export function playFrames(count) {
  const frames = new Set();
  for (let k = 0; k <= Math.min(count, 20); k += 1) frames.add(k);
  if (count > 20) {
    const steps = 40;
    for (let i = 0; i <= steps; i += 1) frames.add(Math.round(20 * (count / 20) ** (i / steps)));
  }
  return [...frames].sort((a, b) => a - b);
}
