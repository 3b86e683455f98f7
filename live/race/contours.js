/**
 * Contours of the lasso objective L(w) + lam ||w||_1 in 2-D, as
 * geometry/contours.py draws them: in each quadrant the objective is a
 * quadratic with a shifted centre c_s = c - lam H^-1 s, so each level is the
 * part of an ellipse inside that quadrant. The levels follow the start, as
 * lessons/training/charts.py's race_view chooses them. Pure (no DOM).
 */

const QUADRANTS = [
  [1, 1],
  [-1, 1],
  [-1, -1],
  [1, -1],
];

/** The objective at w. */
export function objective(loss, lam, w) {
  const d0 = w[0] - loss.c0;
  const d1 = w[1] - loss.c1;
  const quad = 0.5 * (d0 * (loss.h00 * d0 + loss.h01 * d1) + d1 * (loss.h10 * d0 + loss.h11 * d1));
  return quad + lam * (Math.abs(w[0]) + Math.abs(w[1]));
}

/** race_view's levels: lowest + (corner - lowest) (k / 6)^2, k = 1..7, corner = F(start) or more. */
export function contourLevels(loss, lam, optimum, start) {
  const lowest = objective(loss, lam, optimum);
  const corner = Math.max(objective(loss, lam, start), lowest + 1);
  return Array.from({ length: 7 }, (_, i) => lowest + (corner - lowest) * ((i + 1) / 6) ** 2);
}

/** Eigen-decomposition of a symmetric 2 x 2: values ascending, unit vectors as columns. */
function eigen(loss) {
  const { h00: a, h01: b, h11: d } = loss;
  const mean = 0.5 * (a + d);
  const radius = Math.hypot(0.5 * (a - d), b);
  const values = [mean - radius, mean + radius];
  // The larger value's vector, then its perpendicular.
  let v = b !== 0 ? [values[1] - d, b] : a >= d ? [1, 0] : [0, 1];
  const norm = Math.hypot(v[0], v[1]);
  v = [v[0] / norm, v[1] / norm];
  return { values, vectors: [[-v[1], v[0]], v] };
}

/** The part of a closed curve inside the quadrant signs * w >= 0, its ends put on the axes. */
function quadrantPieces(points, signs) {
  const inside = points.map((p) => p[0] * signs[0] >= 0 && p[1] * signs[1] >= 0);
  if (inside.every(Boolean)) return [points];
  if (!inside.some(Boolean)) return [];
  const shift = inside.indexOf(false);
  const pts = points.slice(shift).concat(points.slice(0, shift));
  const ins = inside.slice(shift).concat(inside.slice(0, shift));
  const crossing = (a, b) => {
    let t = 1;
    for (let i = 0; i < 2; i += 1) {
      const ai = a[i] * signs[i];
      const bi = b[i] * signs[i];
      if (bi < 0) t = Math.min(t, ai / (ai - bi));
    }
    return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
  };
  const pieces = [];
  let k = 0;
  while (k < ins.length) {
    if (!ins[k]) {
      k += 1;
      continue;
    }
    let end = k;
    while (end + 1 < ins.length && ins[end + 1]) end += 1;
    const head = crossing(pts[k], pts[k - 1]);
    const tail = crossing(pts[end], pts[(end + 1) % pts.length]);
    pieces.push([head, ...pts.slice(k, end + 1), tail]);
    k = end + 1;
  }
  return pieces;
}

/**
 * The contours of the objective at `levels`: a list of polylines (world units).
 * @param {object} loss methods.js makeLoss's
 * @param {number} lam
 * @param {number[]} levels
 * @param {number} [points] points of each ellipse before it is cut
 */
export function objectiveContours(loss, lam, levels, points = 181) {
  const { values, vectors } = eigen(loss);
  const det = loss.h00 * loss.h11 - loss.h01 * loss.h10;
  const cHc = loss.c0 * loss.l0 + loss.c1 * loss.l1;
  const lines = [];
  for (const s of QUADRANTS) {
    // H^-1 s by Cramer's rule: the 2 x 2 is well conditioned on this page.
    const u0 = (loss.h11 * s[0] - loss.h01 * s[1]) / det;
    const u1 = (loss.h00 * s[1] - loss.h10 * s[0]) / det;
    const sc = [loss.c0 - lam * u0, loss.c1 - lam * u1];
    const sHs = sc[0] * (loss.h00 * sc[0] + loss.h01 * sc[1]) + sc[1] * (loss.h10 * sc[0] + loss.h11 * sc[1]);
    const offset = 0.5 * (cHc - sHs);
    for (const level of levels) {
      const rest = level - offset;
      if (rest <= 0) continue;
      const a0 = Math.sqrt((2 * rest) / values[0]);
      const a1 = Math.sqrt((2 * rest) / values[1]);
      const curve = [];
      for (let k = 0; k < points; k += 1) {
        const angle = (2 * Math.PI * k) / (points - 1);
        const p0 = Math.cos(angle) * a0;
        const p1 = Math.sin(angle) * a1;
        curve.push([sc[0] + p0 * vectors[0][0] + p1 * vectors[1][0], sc[1] + p0 * vectors[0][1] + p1 * vectors[1][1]]);
      }
      lines.push(...quadrantPieces(curve, s));
    }
  }
  return lines;
}
