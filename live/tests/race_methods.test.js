// The race's optimisers, one step at a time against cases worked by hand.
import assert from "node:assert/strict";
import { test } from "node:test";

import { adam, coordinateDescent, fista, ista, makeData, makeLoss, sgd, soft, subgradientDescent } from "../race/methods.js";
import { decodeRows, identifiedAt } from "../race/race.js";
import { spreadMarkers } from "../race/view.js";

// H = diag(1, 4), c = (1, 2): H c = (1, 8). From (2.5, -1.5): grad = (1.5, -14).
const loss = makeLoss([1, 2], [[1, 0], [0, 4]], [1, 8]);
const start = [2.5, -1.5];

test("soft threshold: 0.0 on the dead zone, its edge included", () => {
  assert.equal(soft(0.625, 0.625), 0);
  assert.equal(soft(-0.5, 0.625), 0);
  assert.equal(soft(2.125, 0.625), 1.5);
  assert.equal(soft(-2, 0.5), -1.5);
});

test("one subgradient step: w - eta (grad + lam sign w)", () => {
  const path = subgradientDescent(loss, 2.5, 0.25, 1, start);
  assert.deepEqual([...path], [2.5, -1.5, 1.5, 2.625]);
  // sign(0) = 0: from the axis, w1 moves by the gradient alone (-1); w2 by 0 + lam.
  assert.deepEqual([...subgradientDescent(loss, 2.5, 0.25, 1, [0, 2])].slice(2), [0.25, 1.375]);
});

test("the decaying step divides by sqrt(k + 1)", () => {
  const path = subgradientDescent(loss, 0, 1, 2, [1, 2.5], "sqrt");
  // grad at (1, 2.5) = (0, 2): w2 = 2.5 - 2 = 0.5; then grad = (0, -6), step 1/sqrt 2.
  assert.equal(path[3], 0.5);
  assert.equal(path[5], 0.5 + 6 / Math.sqrt(2));
});

test("one ISTA step: the soft threshold of the gradient step", () => {
  // v = (2.125, 2), t = 0.625: (1.5, 1.375).
  assert.deepEqual([...ista(loss, 2.5, 0.25, 1, start)].slice(2), [1.5, 1.375]);
  // From w = (0.5, 2): v = (0.375, 2), |0.375| <= 0.625: w1 = 0.0 exactly.
  assert.deepEqual([...ista(loss, 2.5, 0.25, 1, [0.5, 2])].slice(2), [0, 1.375]);
});

test("FISTA's first step is ISTA's; the second uses the momentum (t1 - 1) / t2 = 0", () => {
  const f = fista(loss, 2.5, 0.25, 2, start);
  const i = ista(loss, 2.5, 0.25, 2, start);
  assert.deepEqual([...f], [...i]); // momentum 0 at k = 0 and (t2 - 1) / t3 applies from k = 2
  const three = fista(loss, 2.5, 0.25, 3, start);
  assert.notDeepEqual([...three].slice(6), [...ista(loss, 2.5, 0.25, 3, start)].slice(6));
});

test("one coordinate sweep on a diagonal bowl: soft(H_jj c_j, lam) / H_jj", () => {
  // w1 = soft(1, 2.5) / 1 = 0; w2 = soft(8, 2.5) / 4 = 1.375.
  assert.deepEqual([...coordinateDescent(loss, 2.5, 1, start)].slice(2), [0, 1.375]);
});

test("Adam's first step is alpha times the sign of the gradient (less eps)", () => {
  const path = adam(loss, 0, 0.1, 1, start);
  assert.ok(Math.abs(path[2] - (2.5 - 0.1)) < 1e-8 && Math.abs(path[3] - (-1.5 + 0.1)) < 1e-8);
});

test("SGD on the rows it is given: the batch's mean gradient", () => {
  // Two samples x = (1, 0), (0, 2), y = (1, 4): the mean of x x^T is diag(0.5, 2).
  const data = makeData([[1, 0], [0, 2]], [1, 4]);
  const rows = decodeRows("B"); // row 1 alone: gradient (0, 2 (2 w2 - 4))
  const path = sgd(data, 0, 0.1, 1, [1, 1], rows, 1);
  assert.deepEqual([...path].slice(2), [1, 1 - 0.1 * 2 * (2 - 4)]);
  const full = sgd(data, 0, 0.1, 1, [1, 1], null, 2); // (1 (1 - 1) + 0, 0 + 2 (2 - 4)) / 2
  assert.deepEqual([...full].slice(2), [1, 1 - 0.1 * -2]);
  assert.throws(() => decodeRows("*"), RangeError);
});

test("identification: the first iteration from which the zeros are w*'s for good", () => {
  const path = Float64Array.from([1, 1, 0, 1, 0.5, 1, 0, 1, 0, 2]);
  assert.equal(identifiedAt(path, [0, 1.5]), 3);
  assert.equal(identifiedAt(path, [1, 1.5]), null);
});

test("markers within 10 px of each other spread on a ring; lone ones stay", () => {
  const placed = spreadMarkers([[100, 100], [101, 100], [100, 102], [300, 300]]);
  assert.deepEqual(placed[3], { at: [300, 300], from: null });
  for (const p of placed.slice(0, 3)) {
    assert.ok(p.from && Math.hypot(p.at[0] - 100.33, p.at[1] - 100.67) > 20);
  }
});
