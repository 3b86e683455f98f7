/**
 * The One weight figures' own words while a handle moves: the labels that
 * depend on a or λ, in Python's formats (figures/penalties.py,
 * figures/shrinkage.py, figures/posterior.py), so that the browser's labels
 * and Python's redraw on release say the same thing. The words that depend
 * only on α (the elastic net's legend entries) come from Python in the data.
 * tests/test_one_weight_live.py compares these with Python's trace names.
 * Pure (no DOM).
 */

import { formatG } from "../figure/text.js";

/** Python's f"{value:g}" (6 significant digits), or f"{value:.{digits}g}"; "-0" for −0. */
export function g(value, digits = 6) {
  if (Object.is(value, -0)) return "-0";
  return formatG(value, digits);
}

export const LEGEND = {
  l1: "L1: λ|w|",
  l2: "L2: λw²",
  deadZone: "dead zone |a| ≤ λ:<br>while a is in here, w* = 0",
  dataTerm: "data term ½(w − a)²",
  sum: "sum: what is minimised",
  lassoZone: "lasso's dead zone |a| ≤ λ: w* = 0 exactly",
  ols: "no penalty: w* = a (OLS)",
  lasso: "lasso: sign(a)(|a| − λ)₊",
  ridge: "ridge: a / (1 + 2λ)",
  hard: "best subset (L0 penalty λ·[w ≠ 0]):<br>a·[|a| > √(2λ)]",
  laplacePrior: "Laplace prior ∝ exp(−λ|w|)",
  gaussianPrior: "Gaussian prior ∝ exp(−λw²)",
};

export const SLOPES_TITLE = "The L1 slope stays λ all the way to 0; the L2 slope fades";
export const SHRINKAGE_TITLE = "Shrinkage operators for an orthonormal design (after ESL table 3.4)";

/** The subgradient bar's legend entry. */
export function subgradientLegend(lam) {
  return `L1 subgradient at 0: [−λ, λ] = [${g(-lam, 3)}, ${g(lam, 3)}]`;
}

/** The problem figure's variable entries and title. */
export function problemWords(a, lam, best) {
  return {
    pull: `a = ${g(a)}`,
    penalty: `penalty, λ = ${g(lam)}`,
    minimiser: `minimiser w* = ${g(best, 4)}`,
    title: best === 0 ? "w* = 0 exactly" : `w* = ${g(best, 3)}, not zero`,
  };
}

/** The shrinkage figure's marker entry. */
export function shrinkageMarker(a, lasso) {
  return `lasso at your a = ${g(a)}: w* = ${g(lasso, 4)}`;
}

/** The posterior figure's variable entries and title. */
export function posteriorWords(a, mode, mean) {
  let title = "Outside the dead zone the mode moves off 0 too; the mean is never 0";
  if (mode === 0 && mean !== 0) title = "The mode sits at exactly 0; the mean does not";
  else if (mode === 0) title = "At a = 0 mode and mean are both 0";
  return {
    posterior: `posterior under the Laplace prior, data a = ${g(a)}`,
    mode: `posterior mode (MAP) = lasso = ${g(mode, 4)}`,
    mean: `posterior mean = ${g(mean, 4)}`,
    title,
  };
}
