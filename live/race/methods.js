/**
 * The race's optimisers on the 2-D lasso  L(w) + lam ||w||_1,
 * L(w) = 0.5 (w - c)^T H (w - c), mirroring the Python solvers operation by
 * operation (solvers/descent.py, proximal.py, coordinate_descent.py,
 * stochastic.py), so that the same doubles give the same iterates: the
 * gradient is (w - c) @ H as numpy computes it for 2 x 2 (no fused
 * multiply-add), the soft threshold returns 0.0 exactly where |v| <= t.
 * Adam's bias corrections use beta^t correctly rounded (powers.js), as C's
 * pow gives them to numpy. One source of rounding-level difference remains,
 * and the tests allow for it: SGD's minibatch sums (numpy sums X_B^T r in
 * BLAS's order, which depends on the machine's CPU kernel).
 *
 * Every method returns a Float64Array of (iterations + 1) * 2 numbers: the
 * iterates, start included, w_k = (path[2k], path[2k + 1]). Pure (no DOM).
 */

import { powers } from "./powers.js";

/** sign as numpy's: -1, 0 or 1 (0 for 0 and -0). */
function sign(x) {
  return x > 0 ? 1 : x < 0 ? -1 : 0;
}

/** numpy's soft_threshold_checked for one number: 0.0 when |a| <= t, else a - sign(a) t. */
export function soft(a, t) {
  return Math.abs(a) <= t ? 0 : a - sign(a) * t;
}

/**
 * The loss as the methods read it.
 * @param {number[]} center c
 * @param {number[][]} hessian H, symmetric
 * @param {number[]} linear H c as Python computed it (loss.linear_term)
 */
export function makeLoss(center, hessian, linear) {
  return {
    c0: center[0],
    c1: center[1],
    h00: hessian[0][0],
    h01: hessian[0][1],
    h10: hessian[1][0],
    h11: hessian[1][1],
    l0: linear[0],
    l1: linear[1],
  };
}

/** grad L at (w0, w1) into out: (w - c) @ H, numpy's order. */
function gradient(loss, w0, w1, out) {
  const d0 = w0 - loss.c0;
  const d1 = w1 - loss.c1;
  out[0] = d0 * loss.h00 + d1 * loss.h10;
  out[1] = d0 * loss.h01 + d1 * loss.h11;
}

function newPath(iterations, start) {
  const path = new Float64Array(2 * (iterations + 1));
  path[0] = start[0];
  path[1] = start[1];
  return path;
}

/**
 * Subgradient descent, w <- w - eta_k (grad L(w) + lam sign(w)).
 * @param {"constant"|"sqrt"} schedule eta_k = eta or eta / sqrt(k + 1)
 */
export function subgradientDescent(loss, lam, step, iterations, start, schedule = "constant") {
  const path = newPath(iterations, start);
  const g = [0, 0];
  let [w0, w1] = start;
  for (let k = 0; k < iterations; k += 1) {
    const eta = schedule === "sqrt" ? step / Math.sqrt(k + 1) : step;
    gradient(loss, w0, w1, g);
    w0 = w0 - eta * (g[0] + lam * sign(w0));
    w1 = w1 - eta * (g[1] + lam * sign(w1));
    path[2 * k + 2] = w0;
    path[2 * k + 3] = w1;
  }
  return path;
}

/** ISTA, w <- soft(w - eta grad L(w), eta lam). */
export function ista(loss, lam, step, iterations, start) {
  const path = newPath(iterations, start);
  const g = [0, 0];
  const t = step * lam;
  let [w0, w1] = start;
  for (let k = 0; k < iterations; k += 1) {
    gradient(loss, w0, w1, g);
    w0 = soft(w0 - step * g[0], t);
    w1 = soft(w1 - step * g[1], t);
    path[2 * k + 2] = w0;
    path[2 * k + 3] = w1;
  }
  return path;
}

/** FISTA (Beck & Teboulle 2009) without restart: the prox outputs x_k. */
export function fista(loss, lam, step, iterations, start) {
  const path = newPath(iterations, start);
  const g = [0, 0];
  const threshold = step * lam;
  let [x0, x1] = start;
  let [y0, y1] = start;
  let t = 1;
  for (let k = 0; k < iterations; k += 1) {
    gradient(loss, y0, y1, g);
    const n0 = soft(y0 - step * g[0], threshold);
    const n1 = soft(y1 - step * g[1], threshold);
    const tNew = 0.5 * (1 + Math.sqrt(1 + 4 * t * t));
    const momentum = (t - 1) / tNew;
    y0 = n0 + momentum * (n0 - x0);
    y1 = n1 + momentum * (n1 - x1);
    x0 = n0;
    x1 = n1;
    t = tNew;
    path[2 * k + 2] = x0;
    path[2 * k + 3] = x1;
  }
  return path;
}

/** Cyclic coordinate descent, one row per sweep: w_j = soft(rho_j, lam) / H_jj. */
export function coordinateDescent(loss, lam, iterations, start) {
  const path = newPath(iterations, start);
  let [w0, w1] = start;
  for (let k = 0; k < iterations; k += 1) {
    let rho = loss.l0 - (loss.h00 * w0 + loss.h01 * w1) + loss.h00 * w0;
    w0 = soft(rho, lam) / loss.h00;
    rho = loss.l1 - (loss.h10 * w0 + loss.h11 * w1) + loss.h11 * w1;
    w1 = soft(rho, lam) / loss.h11;
    path[2 * k + 2] = w0;
    path[2 * k + 3] = w1;
  }
  return path;
}

/** Adam (Kingma & Ba 2015) on the full gradient plus lam sign(w); beta1 0.9, beta2 0.999, eps 1e-8. */
export function adam(loss, lam, step, iterations, start, beta1 = 0.9, beta2 = 0.999, eps = 1e-8) {
  const path = newPath(iterations, start);
  const g = [0, 0];
  let [w0, w1] = start;
  let m0 = 0;
  let m1 = 0;
  let v0 = 0;
  let v1 = 0;
  const p1 = powers(beta1, iterations);
  const p2 = powers(beta2, iterations);
  for (let t = 1; t <= iterations; t += 1) {
    gradient(loss, w0, w1, g);
    const g0 = g[0] + lam * sign(w0);
    const g1 = g[1] + lam * sign(w1);
    m0 = beta1 * m0 + (1 - beta1) * g0;
    m1 = beta1 * m1 + (1 - beta1) * g1;
    v0 = beta2 * v0 + (1 - beta2) * g0 * g0;
    v1 = beta2 * v1 + (1 - beta2) * g1 * g1;
    const c1 = 1 - p1[t - 1];
    const c2 = 1 - p2[t - 1];
    w0 = w0 - (step * (m0 / c1)) / (Math.sqrt(v0 / c2) + eps);
    w1 = w1 - (step * (m1 / c1)) / (Math.sqrt(v1 / c2) + eps);
    path[2 * t] = w0;
    path[2 * t + 1] = w1;
  }
  return path;
}

/**
 * The samples SGD sees: X (m x 2, row-major in a Float64Array) and y.
 * @param {number[][]} features X
 * @param {number[]} response y
 */
export function makeData(features, response) {
  const m = response.length;
  const x = new Float64Array(2 * m);
  features.forEach((row, i) => {
    x[2 * i] = row[0];
    x[2 * i + 1] = row[1];
  });
  return { x, y: Float64Array.from(response), samples: m };
}

/**
 * Minibatch SGD, w <- w - eta (X_B^T (X_B w - y_B) / |B| + lam sign(w)).
 * @param {object} data makeData's samples
 * @param {Uint8Array|null} rows the batches' row indices, batch after batch
 *   (Python's seeded reshuffling, sent in the payload); null: the full batch, in order
 * @param {number} batch samples per step
 */
export function sgd(data, lam, step, iterations, start, rows, batch) {
  const path = newPath(iterations, start);
  const { x, y } = data;
  const size = rows ? batch : data.samples;
  let [w0, w1] = start;
  for (let k = 0; k < iterations; k += 1) {
    let s0 = 0;
    let s1 = 0;
    for (let b = 0; b < size; b += 1) {
      const i = rows ? rows[k * batch + b] : b;
      const r = x[2 * i] * w0 + x[2 * i + 1] * w1 - y[i];
      s0 += x[2 * i] * r;
      s1 += x[2 * i + 1] * r;
    }
    w0 = w0 - step * (s0 / size + lam * sign(w0));
    w1 = w1 - step * (s1 / size + lam * sign(w1));
    path[2 * k + 2] = w0;
    path[2 * k + 3] = w1;
  }
  return path;
}
