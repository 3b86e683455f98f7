import assert from "node:assert/strict";
import { test } from "node:test";

import { brentRoot, EPS } from "../solvers/root.js";

test("converges to full double precision on smooth roots", () => {
  const root2 = brentRoot((x) => x * x - 2, 0, 2);
  assert.ok(Math.abs(root2 - Math.SQRT2) <= 4 * EPS * Math.SQRT2, `${root2}`);
  // cos x = x at the Dottie number 0.7390851332151607 (to 16 digits).
  const dottie = brentRoot((x) => Math.cos(x) - x, 0, 1);
  assert.ok(Math.abs(dottie - 0.7390851332151607) <= 4 * EPS, `${dottie}`);
});

test("keeps the bracket where interpolation would run away", () => {
  // A steep, nearly flat function: secant steps alone overshoot; the root is 1e-3.
  const f = (x) => Math.atan((x - 1e-3) * 1e6);
  const x = brentRoot(f, -10, 10);
  assert.ok(Math.abs(x - 1e-3) <= 4 * EPS * 1e-3 + 1e-300, `${x}`);
  // A root at a discontinuity of sign: the bracket shrinks to it.
  const jump = brentRoot((y) => (y < 0.3 ? -1 : 1), 0, 1);
  assert.ok(Math.abs(jump - 0.3) <= 4 * EPS, `${jump}`);
});

test("returns an end that is a root, and refuses a bracket without a sign change", () => {
  assert.equal(brentRoot((x) => x - 1, 1, 5), 1);
  assert.equal(brentRoot((x) => x - 5, 1, 5), 5);
  assert.throws(() => brentRoot((x) => x * x + 1, -1, 1), RangeError);
  assert.throws(() => brentRoot(() => NaN, -1, 1), RangeError);
});
