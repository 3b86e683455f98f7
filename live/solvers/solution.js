/**
 * The answer every solver returns, in the vocabulary of the Python Solution
 * (solvers/solution.py): face is "interior" | "vertex" | "edge" | "smooth".
 */

import { lossValue } from "./quadratic.js";

/**
 * A solution object for `problem` at w = (w1, w2).
 *
 * `zeros` lists the coordinates that are exactly 0. The solvers build those
 * zeros from the face they found (a vertex has one coordinate set to 0, not
 * computed); here -0 is only normalised to 0, so that a zero is 0 under
 * Object.is as well as under ===.
 *
 * @param {object} problem the validated problem
 * @param {number} w1
 * @param {number} w2
 * @param {"interior"|"vertex"|"edge"|"smooth"} face
 * @param {number} multiplier the KKT multiplier (0 when the constraint is slack)
 * @returns {{w: number[], zeros: number[], face: string, multiplier: number, loss: number, active: boolean}}
 */
export function makeSolution(problem, w1, w2, face, multiplier) {
  const w = [w1 === 0 ? 0 : w1, w2 === 0 ? 0 : w2];
  const zeros = [];
  if (w[0] === 0) zeros.push(0);
  if (w[1] === 0) zeros.push(1);
  const active = face !== "interior";
  return {
    w,
    zeros,
    face,
    multiplier: active ? multiplier : 0,
    loss: active ? lossValue(problem, w[0], w[1]) : 0,
    active,
  };
}

/**
 * The slack constraint: the centre itself is the optimum.
 * @param {object} problem
 */
export function interiorSolution(problem) {
  return makeSolution(problem, problem.c1, problem.c2, "interior", 0);
}
