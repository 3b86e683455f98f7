// Shared by the tests (not a test file itself: node --test runs *.test.js).

/** Machine epsilon. */
export const EPS = 2.220446049250313e-16;

/**
 * mulberry32: a small seeded PRNG (uniform in [0, 1)), so every run draws the
 * same problems.
 */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** H = R diag(small, large) R^T, with the off-diagonal entries equal. */
export function rotatedHessian(small, large, angle) {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const off = (small - large) * cos * sin;
  return [
    [small * cos * cos + large * sin * sin, off],
    [off, small * sin * sin + large * cos * cos],
  ];
}

/** 0.5 (w - c)^T H (w - c), written out here, independently of the solver. */
export function loss(center, hessian, w) {
  const d1 = w[0] - center[0];
  const d2 = w[1] - center[1];
  return 0.5 * (hessian[0][0] * d1 * d1 + 2 * hessian[0][1] * d1 * d2 + hessian[1][1] * d2 * d2);
}

/** H (w - c). */
export function gradient(center, hessian, w) {
  const d1 = w[0] - center[0];
  const d2 = w[1] - center[1];
  return [hessian[0][0] * d1 + hessian[0][1] * d2, hessian[1][0] * d1 + hessian[1][1] * d2];
}

/** The region's measure R(w), so that the region is R(w) <= radius. */
export function measure(region, w) {
  const [x, y] = [Math.abs(w[0]), Math.abs(w[1])];
  switch (region.kind) {
    case "l1":
      return x + y;
    case "l2":
      return Math.hypot(x, y);
    case "linf":
      return Math.max(x, y);
    case "elasticnet":
      return region.l1Ratio * (x + y) + (1 - region.l1Ratio) * (x * x + y * y);
    default:
      throw new Error(region.kind);
  }
}

/**
 * `count` points on the region's boundary, spread over the angle, each found
 * by scaling a direction until R = radius (closed forms, not the solver),
 * plus the corners on the axes and of the square.
 */
export function boundaryPoints(region, count) {
  const points = [];
  const t = region.radius;
  const scaleTo = (dx, dy) => {
    const x = Math.abs(dx);
    const y = Math.abs(dy);
    let s;
    if (region.kind === "l1") s = t / (x + y);
    else if (region.kind === "l2") s = t / Math.hypot(x, y);
    else if (region.kind === "linf") s = t / Math.max(x, y);
    else {
      // a s l1 + (1 - a) s^2 l2sq = t: the positive root.
      const a = region.l1Ratio;
      const l1 = a * (x + y);
      const l2 = (1 - a) * (x * x + y * y);
      s = (2 * t) / (l1 + Math.sqrt(l1 * l1 + 4 * l2 * t));
    }
    return [dx * s, dy * s];
  };
  for (let k = 0; k < count; k += 1) {
    const angle = (2 * Math.PI * k) / count;
    points.push(scaleTo(Math.cos(angle), Math.sin(angle)));
  }
  for (const [dx, dy] of [[1, 0], [-1, 0], [0, 1], [0, -1], [1, 1], [1, -1], [-1, 1], [-1, -1]]) {
    points.push(scaleTo(dx, dy));
  }
  return points;
}
