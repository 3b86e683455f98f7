/**
 * The live figure's geometry: pure functions, no DOM, so Node tests them.
 *
 * Mirrors what the Python figures draw (figures/constraint_regions.py,
 * figures/cone_traces.py, geometry/balls.py, geometry/normal_cone.py) for one
 * 2-D panel, plus what only the live figure needs: where each handle sits and
 * which slider values a handle's position stands for (snapped to the sliders'
 * steps, so a drag ends on a state the URL can hold exactly).
 */

import { snap } from "./snap.js";

// Contour levels as multiples of the touching level (figures/constraint_regions.py).
export const LEVEL_MULTIPLES = [1, 2, 4, 5, 6].map((k) => (k / 3) ** 2);
// The shape handle sits at sqrt(cond) * SHAPE_UNIT * limit from the centre.
export const SHAPE_UNIT = 0.12;
const DEG = Math.PI / 180;

/** The Hessian R diag(1, cond) R^T of lessons.loss_shape (long axis at `angle` degrees). */
export function hessianFromShape(cond, angle) {
  const a = angle * DEG;
  const c = Math.cos(a);
  const s = Math.sin(a);
  // The products in numpy's order for rotation @ diag(1, cond) @ rotation.T.
  const h11 = c * c + -s * cond * -s;
  const h22 = s * s + c * cond * c;
  const h12 = 0.5 * (c * s + -s * cond * c + (s * c + c * cond * -s));
  return [
    [h11, h12],
    [h12, h22],
  ];
}

/** Half-width of the square view (figures.constraint_regions.view_limit). */
export function viewLimit(center, extent) {
  return 1.2 * Math.max(extent, Math.abs(center[0]), Math.abs(center[1])) + 0.1;
}

/** Where a region's boundary meets the positive w1 axis (the budget handle). */
export function axisIntercept(region) {
  if (region.kind === "elasticnet") return elasticScale(region, 1, 1);
  return region.radius;
}

/** The budget t whose region meets the w1 axis at x > 0 (inverse of axisIntercept). */
export function budgetFromIntercept(region, x) {
  if (region.kind === "elasticnet") {
    const a = region.l1Ratio;
    return a * x + (1 - a) * x * x;
  }
  return x;
}

/** Largest s >= 0 with a s l1 + (1 - a) s^2 l2sq = t (geometry/balls.py _scale_along). */
function elasticScale(region, l1Length, l2Squared) {
  const a = region.l1Ratio;
  const r = region.radius;
  const quadratic = (1 - a) * l2Squared;
  const linear = a * l1Length;
  if (a === 1) return r / linear;
  return (2 * r) / (linear + Math.sqrt(linear * linear + 4 * quadratic * r));
}

/**
 * The region's boundary as a closed list of [w1, w2], through its exact corners.
 * @param {{kind: string, radius: number, p?: number, l1Ratio?: number}} region
 * @param {number} nPoints about how many points (curved regions)
 */
export function regionBoundary(region, nPoints = 242) {
  const t = region.radius;
  if (region.kind === "l1") {
    return [[t, 0], [0, t], [-t, 0], [0, -t], [t, 0]];
  }
  if (region.kind === "linf") {
    return [[t, t], [-t, t], [-t, -t], [t, -t], [t, t]];
  }
  const steps = Math.max(Math.floor(nPoints / 4), 2);
  const quadrant = [];
  for (let k = 0; k <= steps; k += 1) {
    const s = (0.5 * Math.PI * k) / steps;
    const cos = k === steps ? 0 : Math.cos(s);
    const sin = k === 0 ? 0 : Math.sin(s);
    if (region.kind === "elasticnet") {
      const scale = elasticScale(region, cos + sin, cos * cos + sin * sin);
      quadrant.push([cos * scale, sin * scale]);
    } else {
      const p = region.kind === "l2" ? 2 : region.p;
      const e = 2 / p;
      quadrant.push([t * cos ** e, t * sin ** e]);
    }
  }
  const out = [...quadrant];
  for (let i = quadrant.length - 2; i >= 0; i -= 1) out.push([-quadrant[i][0], quadrant[i][1]]);
  for (let i = 1; i < quadrant.length; i += 1) out.push([-quadrant[i][0], -quadrant[i][1]]);
  for (let i = quadrant.length - 2; i >= 0; i -= 1) out.push([quadrant[i][0], -quadrant[i][1]]);
  return out;
}

/** R(w): the region's measure at w (the budget it uses). */
export function regionMeasure(region, w) {
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
      return (x ** region.p + y ** region.p) ** (1 / region.p);
  }
}

/**
 * Points of the ellipse 0.5 (w - c)^T H (w - c) = level, H with eigenvalues
 * (1, cond) and the eigenvalue-1 (long) axis at `angle` degrees.
 */
export function levelCurve(center, cond, angle, level, nPoints = 121) {
  const a = angle * DEG;
  const u = [Math.cos(a), Math.sin(a)];
  const v = [-u[1], u[0]];
  const long = Math.sqrt(2 * level);
  const short = Math.sqrt((2 * level) / cond);
  const out = new Array(nPoints);
  for (let k = 0; k < nPoints; k += 1) {
    const s = (2 * Math.PI * k) / (nPoints - 1);
    const p = long * Math.cos(s);
    const q = short * Math.sin(s);
    out[k] = [center[0] + p * u[0] + q * v[0], center[1] + p * u[1] + q * v[1]];
  }
  return out;
}

/** The contour levels: multiples of the touching level, else of the region's scale. */
export function contourLevels(solution, cond, extent) {
  const reference =
    solution && solution.active && solution.loss > 0 ? solution.loss : 0.5 * cond * extent * extent;
  return LEVEL_MULTIPLES.map((m) => reference * m);
}

function unit(v) {
  const n = Math.hypot(v[0], v[1]);
  return [v[0] / n, v[1] / n];
}

/**
 * The normal cone of the region at w (geometry/normal_cone.py).
 * @returns {{kind: "zero"|"ray"|"wedge"|"halfplane", generators: number[][], inward?: number[]}}
 */
export function normalCone(region, w) {
  if (regionMeasure(region, w) < region.radius * (1 - 1e-12)) return { kind: "zero", generators: [] };
  const signs = [Math.sign(w[0]), Math.sign(w[1])];
  const zeroAxes = [0, 1].filter((i) => w[i] === 0);
  const wedgeAt = (base, j, half) => {
    const left = [...base];
    const right = [...base];
    left[j] = -half;
    right[j] = half;
    return { kind: "wedge", generators: [unit(left), unit(right)] };
  };
  if (region.kind === "elasticnet") {
    const a = region.l1Ratio;
    const smooth = [2 * (1 - a) * w[0], 2 * (1 - a) * w[1]];
    if (a > 0 && zeroAxes.length === 1) {
      const j = zeroAxes[0];
      const i = 1 - j;
      const base = [0, 0];
      base[i] = a * signs[i] + smooth[i];
      return wedgeAt(base, j, a);
    }
    return { kind: "ray", generators: [unit([a * signs[0] + smooth[0], a * signs[1] + smooth[1]])] };
  }
  const p = region.kind === "l1" ? 1 : region.kind === "l2" ? 2 : region.kind === "linf" ? Infinity : region.p;
  if (p === 1) {
    if (zeroAxes.length === 1) return wedgeAt(signs, zeroAxes[0], 1);
    return { kind: "ray", generators: [unit(signs)] };
  }
  if (p === Infinity) {
    let atBound = [0, 1].filter((i) => Math.abs(w[i]) === region.radius);
    if (atBound.length === 0) atBound = [Math.abs(w[0]) >= Math.abs(w[1]) ? 0 : 1];
    if (atBound.length === 2) {
      return { kind: "wedge", generators: [[signs[0], 0], [0, signs[1]]] };
    }
    const direction = [0, 0];
    direction[atBound[0]] = signs[atBound[0]];
    return { kind: "ray", generators: [direction] };
  }
  if (p < 1 && zeroAxes.length === 1) {
    const j = zeroAxes[0];
    const i = 1 - j;
    const edge = [0, 0];
    edge[j] = 1;
    const inward = [0, 0];
    inward[i] = signs[i];
    return { kind: "halfplane", generators: [edge, [-edge[0], -edge[1]]], inward };
  }
  return {
    kind: "ray",
    generators: [unit([signs[0] * Math.abs(w[0]) ** (p - 1), signs[1] * Math.abs(w[1]) ** (p - 1)])],
  };
}

/** Opening angle of a cone in degrees (0 for a ray, 180 for a half-plane). */
export function openingDegrees(cone) {
  if (cone.kind === "zero" || cone.kind === "ray") return 0;
  if (cone.kind === "halfplane") return 180;
  const [g1, g2] = cone.generators;
  return Math.acos(Math.max(-1, Math.min(1, g1[0] * g2[0] + g1[1] * g2[1]))) / DEG;
}

/** Start and end angle (radians) of a wedge the short way round, or a half-plane's half-disc. */
export function coneAngles(cone) {
  if (cone.kind === "wedge") {
    const [g1, g2] = cone.generators;
    const a0 = Math.atan2(g1[1], g1[0]);
    let a1 = Math.atan2(g2[1], g2[0]);
    if (Math.abs(a1 - a0) > Math.PI) a1 += a1 > a0 ? -2 * Math.PI : 2 * Math.PI;
    return [a0, a1];
  }
  const centre = Math.atan2(cone.inward[1], cone.inward[0]);
  return [centre - Math.PI / 2, centre + Math.PI / 2];
}

/**
 * What the cone layer draws at w: the cone's outline and the pull's arrow, in world units.
 * @returns {null | {kind: string, outline: number[][], tip: number[], opening: number}}
 */
export function coneDrawing(region, w, gradient, limit) {
  const cone = normalCone(region, w);
  if (cone.kind === "zero") return null;
  const reach = 0.45 * limit;
  let outline;
  if (cone.kind === "ray") {
    const g = cone.generators[0];
    outline = [w, [w[0] + reach * g[0], w[1] + reach * g[1]]];
  } else {
    const [a0, a1] = coneAngles(cone);
    outline = [w];
    for (let k = 0; k < 40; k += 1) {
      const a = a0 + ((a1 - a0) * k) / 39;
      outline.push([w[0] + reach * Math.cos(a), w[1] + reach * Math.sin(a)]);
    }
    outline.push(w);
  }
  const pull = [-gradient[0], -gradient[1]];
  const size = Math.hypot(pull[0], pull[1]);
  const tip = size > 0 ? [w[0] + (0.8 * reach * pull[0]) / size, w[1] + (0.8 * reach * pull[1]) / size] : w;
  return { kind: cone.kind, outline, tip, opening: openingDegrees(cone) };
}

// --- handles ----------------------------------------------------------------------------

/** Where the shape handle sits: the end of the long axis, sqrt(cond) * SHAPE_UNIT * limit away. */
export function shapeHandle(center, cond, angle, limit, side = 1) {
  const length = side * Math.sqrt(cond) * SHAPE_UNIT * limit;
  return [center[0] + length * Math.cos(angle * DEG), center[1] + length * Math.sin(angle * DEG)];
}

/**
 * The shape a handle at `point` stands for: angle (the long axis, folded into
 * [-90, 90]) and cond (from the distance); `side` says which end of the axis
 * the point is at (+1 when the direction's cosine is >= 0).
 */
export function shapeFromHandle(center, point, limit) {
  const dx = point[0] - center[0];
  const dy = point[1] - center[1];
  const distance = Math.hypot(dx, dy);
  let angle = Math.atan2(dy, dx) / DEG;
  let side = 1;
  if (angle > 90) {
    angle -= 180;
    side = -1;
  } else if (angle < -90) {
    angle += 180;
    side = -1;
  }
  const cond = (distance / (SHAPE_UNIT * limit)) ** 2;
  return { cond, angle, side };
}

/**
 * The controls' new values for a handle dragged to `point` (world coordinates).
 *
 * @param {"centre"|"budget"|"shape"} handle
 * @param {object} view {c1, c2, cond, angle, t: {left, right}}
 * @param {number[]} point where the pointer is, in world units
 * @param {object} context {side, region (for budget), limit, specs: {c, cond, angle, t}}
 * @returns {{changes: object, shapeSide?: number}} changes: the slider keys that move
 */
export function dragToControls(handle, view, point, context) {
  const { specs } = context;
  if (handle === "centre") {
    return { changes: { c1: snap(point[0], specs.c), c2: snap(point[1], specs.c) } };
  }
  if (handle === "budget") {
    const x = Math.max(point[0], 0);
    const t = snap(budgetFromIntercept(context.region, x), specs.t);
    return { changes: { [`${context.side}_t`]: t } };
  }
  const shape = shapeFromHandle([view.c1, view.c2], point, context.limit);
  return {
    changes: { cond: snap(shape.cond, specs.cond), angle: snap(shape.angle, specs.angle) },
    shapeSide: shape.side,
  };
}

/** The controls after one arrow key on a handle (one slider step; budget along w1 only). */
export function keyToControls(handle, view, key, context) {
  const { specs } = context;
  const dx = { ArrowRight: 1, ArrowLeft: -1 }[key] ?? 0;
  const dy = { ArrowUp: 1, ArrowDown: -1 }[key] ?? 0;
  if (dx === 0 && dy === 0) return null;
  if (handle === "centre") {
    return {
      c1: snap(view.c1 + dx * specs.c.step, specs.c),
      c2: snap(view.c2 + dy * specs.c.step, specs.c),
    };
  }
  if (handle === "budget") {
    const key = `${context.side}_t`;
    return { [key]: snap(view[key] + (dx || dy) * specs.t.step, specs.t) };
  }
  // Shape: left/right turn the long axis, up/down stretch it.
  return {
    cond: snap(view.cond + dy * specs.cond.step, specs.cond),
    angle: snap(view.angle + dx * specs.angle.step, specs.angle),
  };
}

// --- the view ---------------------------------------------------------------------------

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
