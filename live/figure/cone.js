/**
 * The normal cone of a region at a point, and what the cone layer draws of it
 * (geometry/normal_cone.py, figures/cone_traces.py). Pure (no DOM).
 */

import { DEG, regionMeasure } from "./geometry.js";

function unit(v) {
  const n = Math.hypot(v[0], v[1]);
  return [v[0] / n, v[1] / n];
}

/** The wedge between base with coordinate j at -half and at +half. */
function wedgeAt(base, j, half) {
  const left = [...base];
  const right = [...base];
  left[j] = -half;
  right[j] = half;
  return { kind: "wedge", generators: [unit(left), unit(right)] };
}

/** a sign(w) + 2 (1 - a) w: a wedge where one weight is 0 (the L1 part's kink), else a ray. */
function elasticNetCone(region, w, signs, zeroAxes) {
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

/** The square: a wedge at a corner (both coordinates at the bound), else the face's normal. */
function squareCone(region, w, signs) {
  let atBound = [0, 1].filter((i) => Math.abs(w[i]) === region.radius);
  if (atBound.length === 0) atBound = [Math.abs(w[0]) >= Math.abs(w[1]) ? 0 : 1];
  if (atBound.length === 2) {
    return { kind: "wedge", generators: [[signs[0], 0], [0, signs[1]]] };
  }
  const direction = [0, 0];
  direction[atBound[0]] = signs[atBound[0]];
  return { kind: "ray", generators: [direction] };
}

/** A p < 1 ball's spike on an axis: every direction pointing out of the axis' side. */
function spikeCone(w, signs, j) {
  const i = 1 - j;
  const edge = [0, 0];
  edge[j] = 1;
  const inward = [0, 0];
  inward[i] = signs[i];
  return { kind: "halfplane", generators: [edge, [-edge[0], -edge[1]]], inward };
}

/** The exponent p of an Lp-family region (1, 2, Infinity, or region.p). */
function exponent(region) {
  return { l1: 1, l2: 2, linf: Infinity }[region.kind] ?? region.p;
}

/**
 * The normal cone of the region at w (geometry/normal_cone.py).
 * @param {{kind: string, radius: number, p?: number, l1Ratio?: number}} region
 * @param {number[]} w a point on (or inside) the region
 * @returns {{kind: "zero"|"ray"|"wedge"|"halfplane", generators: number[][], inward?: number[]}}
 */
export function normalCone(region, w) {
  if (regionMeasure(region, w) < region.radius * (1 - 1e-12)) return { kind: "zero", generators: [] };
  const signs = [Math.sign(w[0]), Math.sign(w[1])];
  const zeroAxes = [0, 1].filter((i) => w[i] === 0);
  if (region.kind === "elasticnet") return elasticNetCone(region, w, signs, zeroAxes);
  const p = exponent(region);
  if (p === 1) {
    if (zeroAxes.length === 1) return wedgeAt(signs, zeroAxes[0], 1);
    return { kind: "ray", generators: [unit(signs)] };
  }
  if (p === Infinity) return squareCone(region, w, signs);
  if (p < 1 && zeroAxes.length === 1) return spikeCone(w, signs, zeroAxes[0]);
  // A smooth point: the gradient of sum |w_i|^p, up to a positive factor.
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
