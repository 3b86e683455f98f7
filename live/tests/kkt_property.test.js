// Property tests on seeded random problems: every returned solution carries a
// valid optimality certificate, checked here from w, the multiplier and the
// problem alone (the gradient, the region's subdifferential and its normal
// cone are written out below, not imported from the solver), and no point on
// a dense sample of the boundary beats it.
import assert from "node:assert/strict";
import { test } from "node:test";

import { solve2d } from "../solvers/index.js";
import {
  boundaryPoints,
  gradient,
  loss,
  measure,
  rotatedHessian,
  seededRandom,
} from "./helpers.js";

// Rounding in w of relative size eps reaches H (w - c) multiplied by ||H||, so
// a KKT residual is measured against ||H|| (||w|| + ||c||) + lam (a backward
// error); a correct solver leaves ~1e-14 there, a wrong face leaves O(1).
const KKT_TOLERANCE = 1e-10;
// The boundary constraint R(w) = t: the closed forms hold it to a few ulps of
// t; the roots to Brent's 4 eps in lam, times the slope of R along the curve.
const BOUNDARY_RTOL = 1e-10;

function randomProblem(random, kind) {
  const angle = random() < 0.15 ? 0 : Math.PI * random(); // some axis-aligned losses
  const small = 10 ** (2 * random() - 1);
  const large = small * 10 ** (4 * random()); // condition numbers up to 1e4
  const hessian = rotatedHessian(small, large, angle);
  const center = [10 * random() - 5, 10 * random() - 5];
  if (random() < 0.15) center[random() < 0.5 ? 0 : 1] = 0; // centres on an axis
  const region = { kind, radius: 10 ** (2.5 * random() - 2) };
  if (kind === "elasticnet") region.l1Ratio = [0.1, 0.5, 0.9, 0.999][Math.floor(4 * random())];
  return { center, hessian, region };
}

function normH(hessian) {
  return Math.max(...hessian.flat().map(Math.abs));
}

/** The largest relative KKT violation of the solution, by region. */
function kktViolation({ center, hessian, region }, solution) {
  const { w, multiplier: lam } = solution;
  const g = gradient(center, hessian, w);
  const scale = normH(hessian) * (Math.max(...w.map(Math.abs)) + Math.max(...center.map(Math.abs))) + lam;
  const violations = [-lam];
  const a = region.l1Ratio;
  for (let i = 0; i < 2; i += 1) {
    const s = Math.sign(w[i]);
    switch (region.kind) {
      case "l1": // 0 in g + lam d||w||_1
        violations.push(w[i] !== 0 ? Math.abs(g[i] + lam * s) : Math.abs(g[i]) - lam);
        break;
      case "l2": // g + 2 lam w = 0 (lam the ridge weight)
        violations.push(Math.abs(g[i] + 2 * lam * w[i]));
        break;
      case "elasticnet": // 0 in g + lam (a d||w||_1 + 2 (1 - a) w)
        violations.push(
          w[i] !== 0 ? Math.abs(g[i] + lam * (a * s + 2 * (1 - a) * w[i])) : Math.abs(g[i]) - lam * a,
        );
        break;
      case "linf": // free coordinates are stationary; bound ones pulled outward
        violations.push(Math.abs(w[i]) === region.radius ? s * g[i] : Math.abs(g[i]));
        break;
      default:
        throw new Error(region.kind);
    }
  }
  if (region.kind === "linf") violations.push(Math.abs(lam - Math.abs(g[0]) - Math.abs(g[1])));
  return Math.max(0, ...violations) / Math.max(scale, 1e-300);
}

function checkFace(problem, solution) {
  const { region } = problem;
  const { w, zeros, face } = solution;
  for (const i of zeros) assert.ok(Object.is(w[i], 0), "an exact zero is +0");
  assert.deepEqual(zeros, [0, 1].filter((i) => w[i] === 0));
  const atBound = w.filter((v) => Math.abs(v) === region.radius).length;
  const a = region.kind === "elasticnet" ? region.l1Ratio : NaN;
  if (region.kind === "l2" || a === 0) {
    assert.equal(face, "smooth");
  } else if (region.kind === "linf") {
    assert.equal(face, atBound === 2 ? "vertex" : "edge");
    assert.ok(atBound >= 1, "a bound binds");
  } else {
    // Diamond and elastic net: a vertex is exactly one zero; an edge has none.
    assert.equal(face, zeros.length === 1 ? "vertex" : "edge");
    assert.ok(zeros.length < 2);
  }
}

for (const kind of ["l1", "l2", "linf", "elasticnet"]) {
  test(`${kind}: KKT certificate on 4000 random problems (condition to 1e4, centres on axes)`, () => {
    const random = seededRandom(20240613 + kind.length);
    let worst = 0;
    let activeCount = 0;
    for (let k = 0; k < 4000; k += 1) {
      const problem = randomProblem(random, kind);
      const { center, hessian, region } = problem;
      const solution = solve2d(center, hessian, region);
      const label = JSON.stringify(problem);
      if (measure(region, center) <= region.radius) {
        assert.deepEqual(solution.w, center.map((v) => (v === 0 ? 0 : v)), label);
        assert.equal(solution.face, "interior", label);
        assert.equal(solution.multiplier, 0, label);
        continue;
      }
      activeCount += 1;
      assert.equal(solution.active, true, label);
      const gap = Math.abs(measure(region, solution.w) - region.radius) / region.radius;
      assert.ok(gap <= BOUNDARY_RTOL, `R(w) - t relative ${gap}: ${label}`);
      const violation = kktViolation(problem, solution);
      worst = Math.max(worst, violation);
      assert.ok(violation <= KKT_TOLERANCE, `KKT violation ${violation}: ${label}`);
      checkFace(problem, solution);
      assert.equal(solution.loss, loss(center, hessian, solution.w), label);
    }
    assert.ok(activeCount > 2000, "most problems have an active constraint");
  });

  test(`${kind}: no point of a dense boundary sample has a smaller loss (300 problems)`, () => {
    const random = seededRandom(77 + kind.length);
    for (let k = 0; k < 300; k += 1) {
      const problem = randomProblem(random, kind);
      const { center, hessian, region } = problem;
      const solution = solve2d(center, hessian, region);
      const best = solution.loss;
      const g = gradient(center, hessian, solution.w);
      // w may sit outside by an ulp-level error, which lowers its loss by ~|g| that much.
      const slack = 1e-12 * (best + (Math.abs(g[0]) + Math.abs(g[1])) * region.radius);
      for (const point of boundaryPoints(region, 4096)) {
        const value = loss(center, hessian, point);
        if (!(best <= value + slack)) assert.fail(`${point} beats w: ${JSON.stringify(problem)}`);
      }
    }
  });
}
