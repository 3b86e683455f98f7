/**
 * One race: every optimiser of the Training page from one start, with the
 * steps lessons/training/model.py uses (lesson_race): eta = multiple / L for
 * subgradient descent and ISTA, FISTA's held at 1 / L, SGD's held at
 * MAX_STEP over a bound on a minibatch's curvature. Pure (no DOM).
 */

import { adam, coordinateDescent, fista, ista, makeData, makeLoss, sgd, subgradientDescent } from "./methods.js";

/** The optimisers' slugs, in the page's order (lessons/training/controls.py OPTIMISERS). */
export const SLUGS = ["subgradient", "subgradient_sqrt", "sgd", "adam", "ista", "fista", "cd"];

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/**
 * The batches' row indices from Python's text, one character per row (base64url's alphabet).
 * @param {string|null} text
 * @returns {Uint8Array|null}
 */
export function decodeRows(text) {
  if (text === null || text === undefined) return null;
  const rows = new Uint8Array(text.length);
  for (let k = 0; k < text.length; k += 1) {
    const index = ALPHABET.indexOf(text[k]);
    if (index < 0) throw new RangeError(`rows: ${JSON.stringify(text[k])} is not a row`);
    rows[k] = index;
  }
  return rows;
}

/**
 * What every race of a payload shares (decoded once per payload).
 * @param {object} problem the payload's problem: {center, hessian, linear, features, response,
 *   rows, batch, lipschitzStep, sgdCurvature, maxStep, adamRate, iterations}
 */
export function raceSetup(problem) {
  return {
    loss: makeLoss(problem.center, problem.hessian, problem.linear),
    data: makeData(problem.features, problem.response),
    rows: decodeRows(problem.rows),
    batch: problem.batch,
    lipschitzStep: problem.lipschitzStep,
    sgdLimit: problem.maxStep / problem.sgdCurvature,
    adamRate: problem.adamRate,
    iterations: problem.iterations,
  };
}

/**
 * The steps of one race, as model.py's lesson_race, _fista_step and _sgd_step choose them.
 * @param {object} setup raceSetup's
 * @param {number} multiple eta times L (the step slider)
 */
export function raceSteps(setup, multiple) {
  const step = multiple * setup.lipschitzStep;
  return {
    step,
    fistaStep: step <= setup.lipschitzStep ? step : setup.lipschitzStep,
    sgdStep: step <= setup.sgdLimit ? step : setup.sgdLimit,
  };
}

/**
 * Every optimiser's iterates.
 * @param {object} setup raceSetup's
 * @param {{start: number[], step: number, lam: number}} controls the start, eta times L, lambda
 * @param {string[]} [slugs] which optimisers (all by default)
 * @returns {{runs: object, steps: object}} runs: slug -> Float64Array path
 */
export function runRace(setup, controls, slugs = SLUGS) {
  const { loss, data, rows, batch, adamRate, iterations: n } = setup;
  const { start, lam } = controls;
  const steps = raceSteps(setup, controls.step);
  const methods = {
    subgradient: () => subgradientDescent(loss, lam, steps.step, n, start),
    subgradient_sqrt: () => subgradientDescent(loss, lam, steps.step, n, start, "sqrt"),
    sgd: () => sgd(data, lam, steps.sgdStep, n, start, rows, batch),
    adam: () => adam(loss, lam, adamRate, n, start),
    ista: () => ista(loss, lam, steps.step, n, start),
    fista: () => fista(loss, lam, steps.fistaStep, n, start),
    cd: () => coordinateDescent(loss, lam, n, start),
  };
  const runs = {};
  for (const slug of slugs) runs[slug] = methods[slug]();
  return { runs, steps };
}

/**
 * solvers.identification.identification_iteration: the first iteration from
 * which the path's zero pattern equals the exact one's and stays; null if the last differs.
 * @param {Float64Array} path
 * @param {number[]} exact w*, its zeros exactly 0
 */
export function identifiedAt(path, exact) {
  const rows = path.length / 2;
  const same = (k) => (path[2 * k] === 0) === (exact[0] === 0) && (path[2 * k + 1] === 0) === (exact[1] === 0);
  if (!same(rows - 1)) return null;
  let k = rows - 1;
  while (k > 0 && same(k - 1)) k -= 1;
  return k;
}
