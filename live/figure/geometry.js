/**
 * The live figure's region geometry: pure functions, no DOM, so Node tests them.
 *
 * Mirrors what the Python figures draw for one 2-D panel
 * (figures/constraint_regions.py, geometry/balls.py): the loss's Hessian from
 * its shape, the region's boundary through its exact corners, its measure,
 * where it meets the w1 axis (the budget handle), the loss's level curves and
 * the contour levels. The constants Python owns (the contour multiples and
 * the view rule of figures/constraint_regions.py) come in the payload
 * (levelMultiples, viewRule) and are passed in, never written here again.
 */

export const DEG = Math.PI / 180;

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

/**
 * Half-width of the square view (figures.constraint_regions.view_limit).
 * @param {number[]} center the loss's centre
 * @param {number} extent how far along the axes the regions reach
 * @param {{scale: number, margin: number}} rule the payload's viewRule
 */
export function viewLimit(center, extent, rule) {
  return rule.scale * Math.max(extent, Math.abs(center[0]), Math.abs(center[1])) + rule.margin;
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

/**
 * The contour levels: multiples of the touching level, else of the region's scale.
 * @param {object} solution the panel's solution ({active, loss})
 * @param {number} cond the loss's condition number
 * @param {number} extent the region's reach along the axes
 * @param {number[]} multiples the payload's levelMultiples
 */
export function contourLevels(solution, cond, extent, multiples) {
  const reference =
    solution && solution.active && solution.loss > 0 ? solution.loss : 0.5 * cond * extent * extent;
  return multiples.map((m) => reference * m);
}
