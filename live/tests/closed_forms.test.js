// Hand-derived cases: every expected value below is worked out in the comment
// beside it from the geometry, not taken from the solver.
import assert from "node:assert/strict";
import { test } from "node:test";

import { solve2d } from "../solvers/index.js";
import { EPS } from "./helpers.js";

const I = [
  [1, 0],
  [0, 1],
];

function close(actual, expected, tolerance, message) {
  assert.ok(
    Math.abs(actual - expected) <= tolerance,
    `${message}: ${actual} vs ${expected} (tolerance ${tolerance})`,
  );
}

test("a centre inside any region is its own optimum: interior, multiplier 0, loss 0", () => {
  const H = [
    [3, 1],
    [1, 2],
  ];
  const regions = [
    { kind: "l1", radius: 1 },
    { kind: "l2", radius: 1 },
    { kind: "linf", radius: 1 },
    { kind: "elasticnet", radius: 1, l1Ratio: 0.5 },
    { kind: "elasticnet", radius: 1, l1Ratio: 0 },
    { kind: "elasticnet", radius: 1, l1Ratio: 1 },
  ];
  for (const region of regions) {
    const solution = solve2d([0.2, -0.3], H, region);
    assert.deepEqual(solution, {
      w: [0.2, -0.3],
      zeros: [],
      face: "interior",
      multiplier: 0,
      loss: 0,
      active: false,
    });
  }
});

test("a centre inside and on an axis keeps its exact zero (+0, not -0)", () => {
  const solution = solve2d([-0, 0.5], I, { kind: "l1", radius: 1 });
  assert.ok(Object.is(solution.w[0], 0));
  assert.deepEqual(solution.zeros, [0]);
});

test("L1, H = I: a vertex hit has an exact zero", () => {
  // Edge s = (1, 1): lam = (3.5 - 1) / 2, w = (1.75, -0.75) is off the edge.
  // Vertex (1, 0): g = (1 - 3, -0.5), pull 2 >= |g2| = 0.5: certified, lam = 2.
  const solution = solve2d([3, 0.5], I, { kind: "l1", radius: 1 });
  assert.equal(solution.face, "vertex");
  assert.ok(Object.is(solution.w[1], 0));
  assert.deepEqual(solution.w, [1, 0]);
  assert.deepEqual(solution.zeros, [1]);
  assert.equal(solution.multiplier, 2);
  assert.equal(solution.loss, 0.5 * (4 + 0.25));
  assert.equal(solution.active, true);
  // The mirror image in the third quadrant lands on (0, -1).
  const mirrored = solve2d([-0.5, -3], I, { kind: "l1", radius: 1 });
  assert.deepEqual(mirrored.w, [0, -1]);
  assert.deepEqual(mirrored.zeros, [0]);
});

test("L1, H = I: an edge hit is the Euclidean projection onto the edge", () => {
  // s = (1, 1): lam = (1.5 + 1 - 1) / 2 = 0.75, w = c - lam (1, 1) = (0.75, 0.25).
  const solution = solve2d([1.5, 1], I, { kind: "l1", radius: 1 });
  assert.equal(solution.face, "edge");
  assert.deepEqual(solution.zeros, []);
  close(solution.w[0], 0.75, 2 * EPS, "w1");
  close(solution.w[1], 0.25, 2 * EPS, "w2");
  close(solution.multiplier, 0.75, 2 * EPS, "lam");
  close(solution.loss, 0.5 * (0.75 ** 2 + 0.75 ** 2), 4 * EPS, "loss");
});

test("L1 with a correlated loss centred on an axis: the vertex by KKT", () => {
  // H = [[2, 1], [1, 2]], c = (2, 0), t = 1. At (1, 0): g = H (-1, 0) = (-2, -1),
  // pull 2 >= |g2| = 1, so the vertex is optimal with lam = 2, loss 0.5 * 2 = 1.
  const solution = solve2d([2, 0], [[2, 1], [1, 2]], { kind: "l1", radius: 1 });
  assert.deepEqual(solution.w, [1, 0]);
  assert.equal(solution.face, "vertex");
  assert.equal(solution.multiplier, 2);
  assert.equal(solution.loss, 1);
});

test("L1 at ||c|| / t = 1e10: the certificate finds the edge that losses cannot tell", () => {
  // By symmetry w = (t/2, t/2). Every candidate's loss is about 1e8, and the
  // vertex's exceeds the edge's by (t/2)^2 = 2.5e-13, far below its last bit.
  const solution = solve2d([1e4, 1e4], I, { kind: "l1", radius: 1e-6 });
  assert.equal(solution.face, "edge");
  assert.deepEqual(solution.zeros, []);
  // The backward-error bound: an ulp of c moves w by up to about eps ||c||.
  close(solution.w[0], 5e-7, 4 * EPS * 1e4, "w1");
  close(solution.w[1], 5e-7, 4 * EPS * 1e4, "w2");
  close(solution.multiplier, 1e4 - 5e-7, 4 * EPS * 1e4, "lam");
  // Move the centre by 1 across the diagonal: theta = (1 + t) / (2 t) > 1, so the vertex (0, t).
  const vertex = solve2d([1e4, 1e4 + 1], I, { kind: "l1", radius: 1e-6 });
  assert.equal(vertex.face, "vertex");
  assert.deepEqual(vertex.w, [0, 1e-6]);
});

test("L2, H = I: the solution is the radial scaling t c / ||c||", () => {
  // c = (3, 4), t = 1: w = (0.6, 0.8); w = c / (1 + nu) gives nu = 4, multiplier nu / 2 = 2.
  const solution = solve2d([3, 4], I, { kind: "l2", radius: 1 });
  assert.equal(solution.face, "smooth");
  close(solution.w[0], 0.6, 2 * EPS, "w1");
  close(solution.w[1], 0.8, 2 * EPS, "w2");
  close(solution.multiplier, 2, 8 * EPS, "multiplier");
  close(solution.loss, 8, 16 * EPS, "loss");
  // Any multiple of the identity scales radially too.
  const scaled = solve2d([-6, 8], [[7, 0], [0, 7]], { kind: "l2", radius: 2 });
  close(scaled.w[0], -1.2, 4 * EPS, "w1");
  close(scaled.w[1], 1.6, 4 * EPS, "w2");
});

test("L2 with an axis-aligned loss centred on an axis: an exact zero, by structure", () => {
  // H = diag(1, 4), c = (0, 3): w = (0, 4 * 3 / (4 + nu)) = (0, 1) at nu = 8.
  const solution = solve2d([0, 3], [[1, 0], [0, 4]], { kind: "l2", radius: 1 });
  assert.ok(Object.is(solution.w[0], 0));
  assert.deepEqual(solution.zeros, [0]);
  close(solution.w[1], 1, 2 * EPS, "w2");
  close(solution.multiplier, 4, 16 * EPS, "multiplier");
});

test("L2 never gives a zero off the axis-aligned case", () => {
  // H = [[2, 1], [1, 2]], c = (2, 0): H c = (4, 2) is off the axis, so w is.
  const solution = solve2d([2, 0], [[2, 1], [1, 2]], { kind: "l2", radius: 1 });
  assert.deepEqual(solution.zeros, []);
  close(Math.hypot(...solution.w), 1, 2 * EPS, "||w||");
});

test("Linf, H = I: edge and corner", () => {
  // c = (3, 0.5): w1 held at 1, w2 free = 0.5; g = (-2, 0), multiplier ||g||_1 = 2.
  const edge = solve2d([3, 0.5], I, { kind: "linf", radius: 1 });
  assert.deepEqual(edge.w, [1, 0.5]);
  assert.equal(edge.face, "edge");
  assert.equal(edge.multiplier, 2);
  assert.equal(edge.loss, 2);
  // c = (3, 2): both bounds bind; g = (-2, -1), multiplier 3, loss 0.5 (4 + 1).
  const corner = solve2d([3, 2], I, { kind: "linf", radius: 1 });
  assert.deepEqual(corner.w, [1, 1]);
  assert.equal(corner.face, "vertex");
  assert.equal(corner.multiplier, 3);
  assert.equal(corner.loss, 2.5);
});

test("Linf with a correlated loss: the corner by KKT", () => {
  // H = [[2, 1], [1, 2]], c = (3, 0.5). Edge w1 = 1: w2 = 0.5 - 1 (1 - 3) / 2 = 1.5 > 1, out.
  // Corner (1, 1): g = H (-2, 0.5) = (-3.5, -1); both pulls outward: certified.
  const solution = solve2d([3, 0.5], [[2, 1], [1, 2]], { kind: "linf", radius: 1 });
  assert.deepEqual(solution.w, [1, 1]);
  assert.equal(solution.face, "vertex");
  assert.equal(solution.multiplier, 4.5);
});

test("Linf with an axis-aligned loss centred on an axis: the free coordinate stays exactly 0", () => {
  const solution = solve2d([3, 0], [[1, 0], [0, 2]], { kind: "linf", radius: 1 });
  assert.deepEqual(solution.w, [1, 0]);
  assert.ok(Object.is(solution.w[1], 0));
  assert.equal(solution.face, "edge");
});

test("elastic net, H = I, a = 1/2, r = 1: corner at v = 1 and the symmetric curved hit", () => {
  // 0.5 v + 0.5 v^2 = 1 gives v = 1. c = (3, 0): g = (-2, 0) at (1, 0); the
  // slope along the axis is a + 2 (1 - a) v = 1.5, so lam = 2 / 1.5.
  const corner = solve2d([3, 0], I, { kind: "elasticnet", radius: 1, l1Ratio: 0.5 });
  assert.deepEqual(corner.w, [1, 0]);
  assert.deepEqual(corner.zeros, [1]);
  assert.equal(corner.face, "vertex");
  close(corner.multiplier, 4 / 3, 2 * EPS, "lam");
  // c = (2, 2): w = (x, x) with x + x^2 = 1, x = (sqrt 5 - 1) / 2; 2 - x = lam (0.5 + x).
  const x = (Math.sqrt(5) - 1) / 2;
  const curved = solve2d([2, 2], I, { kind: "elasticnet", radius: 1, l1Ratio: 0.5 });
  assert.equal(curved.face, "edge");
  assert.deepEqual(curved.zeros, []);
  close(curved.w[0], x, 4 * EPS, "w1");
  close(curved.w[1], x, 4 * EPS, "w2");
  close(curved.multiplier, (2 - x) / (0.5 + x), 16 * EPS, "lam");
});

test("elastic net at a = 1 is the diamond of radius r, at a = 0 the disc of radius sqrt(r)", () => {
  const diamond = solve2d([3, 0.5], I, { kind: "elasticnet", radius: 1, l1Ratio: 1 });
  assert.deepEqual(diamond.w, [1, 0]);
  assert.equal(diamond.face, "vertex");
  assert.equal(diamond.multiplier, 2);
  // r = 4: the disc of radius 2; w = 2 (3, 4) / 5, nu = 1.5, ridge weight 0.75.
  const disc = solve2d([3, 4], I, { kind: "elasticnet", radius: 4, l1Ratio: 0 });
  assert.equal(disc.face, "smooth");
  close(disc.w[0], 1.2, 2 * EPS, "w1");
  close(disc.w[1], 1.6, 4 * EPS, "w2");
  close(disc.multiplier, 0.75, 8 * EPS, "multiplier");
});

test("elastic net at ||c|| / r = 1e10 still finds the curved piece", () => {
  // H = I, c = (1e4, 1e4), a = 1/2, r = 1e-6: w = (x, x) with x^2 + x = r.
  const r = 1e-6;
  const x = (2 * r) / (1 + Math.sqrt(1 + 4 * r));
  const solution = solve2d([1e4, 1e4], I, { kind: "elasticnet", radius: r, l1Ratio: 0.5 });
  assert.equal(solution.face, "edge");
  assert.deepEqual(solution.zeros, []);
  close(solution.w[0], x, 4 * EPS * 1e4, "w1");
  close(solution.w[1], x, 4 * EPS * 1e4, "w2");
});

test("the face and w do not depend on the units: scaling by powers of two is exact", () => {
  // Scaling c and t by 2^k and H by 2^m scales every step of the solvers exactly,
  // so w scales exactly and the face (chosen by relative margins) is unchanged.
  const H = [
    [2.5, -1.2990381056766578],
    [-1.2990381056766578, 1.75],
  ];
  const cases = [
    [[1, 2], { kind: "l1", radius: 1 }],
    [[1.7, -0.2], { kind: "l1", radius: 0.5 }],
    [[1e4, 1e4], { kind: "l1", radius: 1e-6 }],
    [[0.9, 2.1], { kind: "linf", radius: 1 }],
    [[3, 0.1], { kind: "linf", radius: 1 }],
    [[3, -4], { kind: "l2", radius: 0.7 }],
  ];
  for (const [center, region] of cases) {
    const base = solve2d(center, H, region);
    for (const [k, m] of [[-20, 3], [7, -5], [30, 0]]) {
      const sk = 2 ** k;
      const sm = 2 ** m;
      const scaled = solve2d(
        center.map((v) => v * sk),
        H.map((row) => row.map((v) => v * sm)),
        { ...region, radius: region.radius * sk },
      );
      assert.equal(scaled.face, base.face, `${JSON.stringify([center, region, k, m])}`);
      assert.deepEqual(scaled.w, base.w.map((v) => v * sk));
    }
  }
});
