// Bad input fails at once with a TypeError (wrong type or shape) or a
// RangeError (bad value) whose message names the argument.
import assert from "node:assert/strict";
import { test } from "node:test";

import { solve2d } from "../solvers/index.js";

const H = [
  [2, 1],
  [1, 2],
];
const L1 = { kind: "l1", radius: 1 };

function throwsNaming(call, errorClass, name) {
  assert.throws(call, (error) => {
    assert.ok(error instanceof errorClass, `${error.name}: ${error.message}`);
    assert.ok(error.message.includes(name), `"${error.message}" should name ${name}`);
    return true;
  });
}

test("center: shape, type and finiteness", () => {
  throwsNaming(() => solve2d([1, 2, 3], H, L1), TypeError, "center");
  throwsNaming(() => solve2d([1], H, L1), TypeError, "center");
  throwsNaming(() => solve2d(undefined, H, L1), TypeError, "center");
  throwsNaming(() => solve2d({ 0: 1, 1: 2 }, H, L1), TypeError, "center");
  throwsNaming(() => solve2d(["1", 2], H, L1), TypeError, "center[0]");
  throwsNaming(() => solve2d([1, true], H, L1), TypeError, "center[1]");
  throwsNaming(() => solve2d([NaN, 2], H, L1), RangeError, "center[0]");
  throwsNaming(() => solve2d([1, -Infinity], H, L1), RangeError, "center[1]");
  // A typed array is a fine centre.
  assert.equal(solve2d(new Float64Array([3, 0.5]), H, L1).face, "vertex");
});

test("hessian: shape, finiteness, symmetry, positive definiteness", () => {
  throwsNaming(() => solve2d([1, 2], [1, 2, 3, 4], L1), TypeError, "hessian");
  throwsNaming(() => solve2d([1, 2], [[1, 0]], L1), TypeError, "hessian");
  throwsNaming(() => solve2d([1, 2], [1, [0, 1]], L1), TypeError, "hessian[0]");
  throwsNaming(() => solve2d([1, 2], [[1, 0, 0], [0, 1]], L1), TypeError, "hessian[0]");
  throwsNaming(() => solve2d([1, 2], [[1, 0], [0, Infinity]], L1), RangeError, "hessian[1][1]");
  throwsNaming(() => solve2d([1, 2], [[NaN, 0], [0, 1]], L1), RangeError, "hessian[0][0]");
  throwsNaming(() => solve2d([1, 2], [[2, 1], [1.001, 2]], L1), RangeError, "symmetric");
  throwsNaming(() => solve2d([1, 2], [[1, 2], [2, 1]], L1), RangeError, "positive definite");
  throwsNaming(() => solve2d([1, 2], [[1, 1], [1, 1]], L1), RangeError, "positive definite");
  throwsNaming(() => solve2d([1, 2], [[0, 0], [0, 1]], L1), RangeError, "hessian");
  throwsNaming(() => solve2d([1, 2], [[-1, 0], [0, -1]], L1), RangeError, "hessian");
  // Asymmetry at the rounding level of an assembled matrix is accepted.
  const nearly = [
    [2, 1],
    [1 + 1e-15, 2],
  ];
  assert.equal(solve2d([3, 0.5], nearly, L1).face, "vertex");
});

test("region: object, kind, radius", () => {
  throwsNaming(() => solve2d([1, 2], H, null), TypeError, "region");
  throwsNaming(() => solve2d([1, 2], H, "l1"), TypeError, "region");
  throwsNaming(() => solve2d([1, 2], H, { radius: 1 }), TypeError, "region.kind");
  throwsNaming(() => solve2d([1, 2], H, { kind: "l3", radius: 1 }), RangeError, "region.kind");
  throwsNaming(() => solve2d([1, 2], H, { kind: "L1", radius: 1 }), RangeError, "region.kind");
  for (const radius of [0, -1, -0]) {
    throwsNaming(() => solve2d([1, 2], H, { kind: "l2", radius }), RangeError, "region.radius");
  }
  for (const radius of [NaN, Infinity]) {
    throwsNaming(() => solve2d([1, 2], H, { kind: "l2", radius }), RangeError, "region.radius");
  }
  for (const radius of ["1", undefined, null]) {
    throwsNaming(() => solve2d([1, 2], H, { kind: "linf", radius }), TypeError, "region.radius");
  }
});

test("region.l1Ratio: required for the elastic net, in [0, 1] with both ends allowed", () => {
  const net = (l1Ratio) => ({ kind: "elasticnet", radius: 1, l1Ratio });
  throwsNaming(() => solve2d([1, 2], H, { kind: "elasticnet", radius: 1 }), TypeError, "region.l1Ratio");
  throwsNaming(() => solve2d([1, 2], H, net("0.5")), TypeError, "region.l1Ratio");
  for (const bad of [-0.1, 1.1, -1e-300, NaN, Infinity]) {
    throwsNaming(() => solve2d([1, 2], H, net(bad)), RangeError, "region.l1Ratio");
  }
  // As ElasticNetBall: 0 (the disc) and 1 (the diamond) are regions too.
  assert.equal(solve2d([3, 4], H, net(0)).face, "smooth");
  assert.equal(solve2d([3, 0.5], H, net(1)).face, "vertex");
  // The other kinds ignore it (the component may keep it in its state).
  assert.equal(solve2d([3, 0.5], H, { kind: "l1", radius: 1, l1Ratio: 7 }).face, "vertex");
});
