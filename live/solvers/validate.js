/**
 * Up-front checks of solve2d's arguments, in the manner of the Python
 * geometry/_validate.py: nonsense fails at once with a message naming the
 * argument (TypeError for a wrong type or shape, RangeError for a bad
 * value), instead of surfacing later as NaN on the live figure.
 */

/** The region kinds solve2d knows. */
export const REGION_KINDS = Object.freeze(["l1", "l2", "linf", "elasticnet"]);

// Relative asymmetry tolerated in a Hessian, as in Python: enough for a
// matrix assembled in floating point (R diag(d) R^T), too little to hide a typo.
const SYMMETRY_RTOL = 1e-10;

function isArrayLike(value) {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

function describe(value) {
  if (typeof value === "string") return JSON.stringify(value);
  if (isArrayLike(value)) return `an array of length ${value.length}`;
  return value === null ? "null" : typeof value === "object" ? "an object" : String(value);
}

/**
 * `value` as a finite number, or throw naming `name`.
 * @returns {number}
 */
function finiteNumber(name, value) {
  if (typeof value !== "number") {
    throw new TypeError(`${name} must be a number, got ${describe(value)}`);
  }
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be finite, got ${value}`);
  return value;
}

function pair(name, value) {
  if (!isArrayLike(value) || value.length !== 2) {
    throw new TypeError(`${name} must be an array of 2 entries, got ${describe(value)}`);
  }
  return value;
}

/**
 * Check solve2d's arguments and flatten them into one problem object.
 *
 * @param {ArrayLike<number>} center [c1, c2], finite
 * @param {ArrayLike<ArrayLike<number>>} hessian [[h11, h12], [h21, h22]], finite,
 *   symmetric (to 1e-10 relative) and positive definite
 * @param {{kind: string, radius: number, l1Ratio?: number}} region kind one of
 *   REGION_KINDS, radius finite > 0, l1Ratio in [0, 1] (elastic net only; ignored otherwise)
 * @returns {{c1: number, c2: number, h11: number, h12: number, h22: number,
 *   kind: string, radius: number, l1Ratio: number}} (l1Ratio is NaN unless elasticnet)
 * @throws {TypeError} for a wrong type or shape (message names the argument)
 * @throws {RangeError} for a bad value (message names the argument)
 */
export function validateProblem(center, hessian, region) {
  pair("center", center);
  const c1 = finiteNumber("center[0]", center[0]);
  const c2 = finiteNumber("center[1]", center[1]);

  pair("hessian", hessian);
  pair("hessian[0]", hessian[0]);
  pair("hessian[1]", hessian[1]);
  const h11 = finiteNumber("hessian[0][0]", hessian[0][0]);
  const h12 = finiteNumber("hessian[0][1]", hessian[0][1]);
  const h21 = finiteNumber("hessian[1][0]", hessian[1][0]);
  const h22 = finiteNumber("hessian[1][1]", hessian[1][1]);
  const scale = Math.max(Math.abs(h11), Math.abs(h12), Math.abs(h21), Math.abs(h22));
  if (Math.abs(h12 - h21) > SYMMETRY_RTOL * scale) {
    throw new RangeError(`hessian must be symmetric, got h12 = ${h12}, h21 = ${h21}`);
  }
  // Average the two off-diagonal entries only when they differ: x === x stays exact.
  const off = h12 === h21 ? h12 : 0.5 * (h12 + h21);
  // Cholesky's test, as numpy's: h11 > 0, then the Schur complement > 0.
  if (!(h11 > 0) || !(h22 - off * (off / h11) > 0)) {
    throw new RangeError(
      `hessian must be positive definite, got [[${h11}, ${off}], [${off}, ${h22}]]`,
    );
  }

  if (region === null || typeof region !== "object" || isArrayLike(region)) {
    throw new TypeError(`region must be an object {kind, radius, l1Ratio?}, got ${describe(region)}`);
  }
  const { kind } = region;
  if (typeof kind !== "string") {
    throw new TypeError(`region.kind must be a string, got ${describe(kind)}`);
  }
  if (!REGION_KINDS.includes(kind)) {
    throw new RangeError(`region.kind must be one of ${REGION_KINDS.join(", ")}, got "${kind}"`);
  }
  const radius = finiteNumber("region.radius", region.radius);
  if (!(radius > 0)) throw new RangeError(`region.radius must be > 0, got ${radius}`);
  let l1Ratio = NaN;
  if (kind === "elasticnet") {
    // ElasticNetBall allows both ends: 1 is the diamond, 0 the disc.
    l1Ratio = finiteNumber("region.l1Ratio", region.l1Ratio);
    if (!(l1Ratio >= 0 && l1Ratio <= 1)) {
      throw new RangeError(`region.l1Ratio must lie in [0, 1], got ${l1Ratio}`);
    }
  }
  return { c1, c2, h11, h12: off, h22, kind, radius, l1Ratio };
}
