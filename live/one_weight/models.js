/**
 * What each One weight figure shows for the controls of the moment
 * {a, lam, ratio}: its axes, its curves (exact closed forms on a grid with
 * every kink and jump in it), its legend words and its handles. The same
 * curves as studies/one_weight.py and the same traces as Python's figures.
 * Pure (no DOM): chart_dom.js draws what these return.
 *
 * A model is {title, axes: {id: {x, y, xTitle, yTitle, ticks}}, traces: [...],
 * handles: [...]}; a trace is {id, axis, kind: "line" | "fill" | "marker",
 * pieces (lists of [x, y]), colour, width, dash, name, symbol}; a handle is
 * {kind: "a" | "lam", axis, point, direction: "x" | "y", scale}.
 */

import {
  elasticNetShrink,
  grid,
  hardThreshold,
  l1Share,
  objective,
  oneWeightSolution,
  penaltySlope,
  penaltyValue,
  PENALTIES,
  ridgeShrink,
  softThreshold,
} from "./maths.js";
import { gaussianPrior, laplacePosteriorDensity, laplacePosteriorMean, laplacePrior } from "./posterior.js";
import {
  LEGEND,
  posteriorWords,
  problemWords,
  shrinkageMarker,
  SHRINKAGE_TITLE,
  SLOPES_TITLE,
  subgradientLegend,
} from "./words.js";

export const SPAN = 3; // w and a run over [-SPAN, SPAN] (studies.one_weight.SPAN)
export const PROBLEM_TOP = 4.5; // the problem figure's loss axis (figures.penalties._TOP)
const POINTS = 241; // smooth curves: 241 points drawn (Python samples 601, for hover)

/** The range of `values`, padded by 4% (a flat curve gets [-1, 1] around it, as Plotly's). */
export function spanOf(values, floor = null) {
  let low = Math.min(...values);
  let high = Math.max(...values);
  if (floor !== null) low = Math.min(low, floor);
  if (high - low < 1e-12) return [low - 1, high + 1];
  const pad = 0.04 * (high - low);
  return [floor === low ? low : low - pad, high + pad];
}

const line = (id, axis, pieces, colour, width, dash, name) => ({ id, axis, kind: "line", pieces, colour, width, dash, name });

/** Section 1: the penalties (top) and their slopes (bottom), the subgradient [−λ, λ] at 0. */
function penaltiesModel(view, data) {
  const { lam, ratio } = view;
  const { styles, palette } = data;
  const w = grid(-SPAN, SPAN, POINTS, [0]);
  const names = { l1: LEGEND.l1, l2: LEGEND.l2, elasticnet: data.words.enetPenalty };
  const traces = [
    line("subgradient", "slope", [[[0, -lam], [0, lam]]], palette.axisHighlight, 9, "solid", subgradientLegend(lam)),
  ];
  const values = [];
  const slopes = [];
  for (const penalty of PENALTIES) {
    const alpha = l1Share(penalty, ratio);
    const style = styles[penalty];
    const curve = w.map((x) => [x, penaltyValue(x, lam, penalty, ratio)]);
    const jump = alpha * lam;
    const left = w.filter((x) => x < 0).map((x) => [x, penaltySlope(x, lam, alpha)]);
    const right = w.filter((x) => x > 0).map((x) => [x, penaltySlope(x, lam, alpha)]);
    const slope = jump > 0 ? [...left, [0, -jump], [0, jump], ...right] : w.map((x) => [x, penaltySlope(x, lam, alpha)]);
    traces.push(line(penalty, "penalty", [curve], style.colour, 3, style.dash, names[penalty]));
    traces.push(line(`${penalty}-slope`, "slope", [slope], style.colour, 3, style.dash, ""));
    values.push(...curve.map((p) => p[1]));
    slopes.push(...slope.map((p) => p[1]));
  }
  return {
    title: SLOPES_TITLE,
    axes: {
      penalty: { x: [-SPAN, SPAN], y: spanOf(values, 0), xTitle: "", yTitle: "penalty λR(w)", ticks: false, share: 0.5 },
      slope: { x: [-SPAN, SPAN], y: spanOf(slopes), xTitle: "w", yTitle: "slope λR′(w)", ticks: true, share: 0.5 },
    },
    traces,
    handles: [{ kind: "lam", axis: "slope", point: [0, lam], direction: "y", scale: 1 }],
  };
}

/** Section 2: ½(w − a)², the penalty, their sum and its exact minimiser (L1 or L2). */
function problemModel(penalty, view, data) {
  const { a, lam, ratio } = view;
  const { styles, palette } = data;
  const style = styles[penalty];
  const reference = data.reference?.[penalty];
  const best = reference ?? oneWeightSolution(a, lam, penalty, ratio);
  const minimum = objective(best, a, lam, penalty, ratio);
  const w = grid(-SPAN, SPAN, POINTS, [0, a]);
  const words = problemWords(a, lam, best);
  const zone = lam * l1Share(penalty, ratio);
  // Always a zone trace (empty without a dead zone): the chart's elements stay the same.
  const box = [[-zone, 0], [zone, 0], [zone, PROBLEM_TOP], [-zone, PROBLEM_TOP]];
  const traces = [
    { id: "zone", axis: "main", kind: "fill", pieces: zone > 0 ? [box] : [], colour: palette.cone, name: zone > 0 ? LEGEND.deadZone : "" },
  ];
  traces.push(
    line("pull", "main", [[[a, 0], [a, PROBLEM_TOP]]], palette.contour, 1.5, "solid", words.pull),
    line("data", "main", [w.map((x) => [x, 0.5 * (x - a) ** 2])], palette.contour, 2, "dot", LEGEND.dataTerm),
    line("penalty", "main", [w.map((x) => [x, penaltyValue(x, lam, penalty, ratio)])], style.colour, 2, "dash", words.penalty),
    line("sum", "main", [w.map((x) => [x, objective(x, a, lam, penalty, ratio)])], palette.ink, 3, "solid", LEGEND.sum),
    { id: "best", axis: "main", kind: "marker", pieces: [[[best, minimum]]], colour: style.colour, symbol: style.marker, name: words.minimiser },
  );
  const handles = [{ kind: "a", axis: "main", point: [a, 0.9 * PROBLEM_TOP], direction: "x", scale: 1 }];
  if (penalty !== "l2") handles.push({ kind: "lam", axis: "main", point: [zone, 0.7 * PROBLEM_TOP], direction: "x", scale: 1 });
  return {
    title: words.title,
    best,
    axes: { main: { x: [-SPAN, SPAN], y: [0, PROBLEM_TOP], xTitle: "w", yTitle: "", ticks: true, share: 1 } },
    traces,
    handles,
  };
}

/** The best-subset curve in pieces: the jump at ±√(2λ) is not drawn as a line. */
function hardPieces(lam) {
  const jump = Math.sqrt(2 * lam);
  if (jump >= SPAN) return [[[-SPAN, hardThreshold(-SPAN, lam)], [SPAN, hardThreshold(SPAN, lam)]]];
  return [[[-SPAN, -SPAN], [-jump, -jump]], [[-jump, 0], [jump, 0]], [[jump, jump], [SPAN, SPAN]]];
}

/** Section 3: ESL table 3.4, w*(a) for each penalty, the lasso's dead zone and the page's a. */
function shrinkageModel(view, data) {
  const { a, lam, ratio } = view;
  const { styles, palette } = data;
  const as = grid(-SPAN, SPAN, 61, [-lam, lam, -lam * ratio, lam * ratio, 0]);
  const lasso = data.reference?.l1 ?? softThreshold(a, lam);
  const zone = [[-lam, -SPAN], [lam, -SPAN], [lam, SPAN], [-lam, SPAN]];
  const traces = [
    { id: "zone", axis: "main", kind: "fill", pieces: [zone], colour: palette.cone, name: LEGEND.lassoZone },
    line("ols", "main", [[[-SPAN, -SPAN], [SPAN, SPAN]]], palette.contour, 2, "dot", LEGEND.ols),
    line("l1", "main", [as.map((x) => [x, softThreshold(x, lam)])], styles.l1.colour, 3.5, "solid", LEGEND.lasso),
    line("l2", "main", [as.map((x) => [x, ridgeShrink(x, lam)])], styles.l2.colour, 3, styles.l2.dash, LEGEND.ridge),
    line("elasticnet", "main", [as.map((x) => [x, elasticNetShrink(x, lam, ratio)])], styles.elasticnet.colour, 3, "dashdot", data.words.enetOperator),
    line("hard", "main", hardPieces(lam), palette.purple, 3, "longdash", LEGEND.hard),
    { id: "pull", axis: "main", kind: "marker", pieces: [[[a, lasso]]], colour: styles.l1.colour, symbol: styles.l1.marker, name: shrinkageMarker(a, lasso) },
  ];
  return {
    title: SHRINKAGE_TITLE,
    square: true,
    axes: {
      main: { x: [-SPAN, SPAN], y: [-SPAN, SPAN], xTitle: "a: the unpenalised estimate", yTitle: "w*: the penalised estimate", ticks: true, share: 1 },
    },
    traces,
    handles: [
      { kind: "a", axis: "main", point: [a, lasso], direction: "x", scale: 1 },
      { kind: "lam", axis: "main", point: [lam, -0.8 * SPAN], direction: "x", scale: 1 },
    ],
  };
}

/** Section 6: the priors, the Laplace-prior posterior, its mode (the lasso) and its mean. */
function posteriorModel(view, data) {
  const { a, lam } = view;
  const { styles, palette } = data;
  const w = grid(-SPAN, SPAN, POINTS, [0, a]);
  const mode = data.reference?.mode ?? softThreshold(a, lam);
  const mean = data.reference?.mean ?? laplacePosteriorMean(a, lam);
  const density = laplacePosteriorDensity(w, a, lam);
  const prior = w.map((x) => laplacePrior(x, lam));
  const gaussian = w.map((x) => gaussianPrior(x, lam));
  const top = 1.05 * Math.max(...density, ...prior, 0.01);
  const words = posteriorWords(a, mode, mean);
  const pairs = (ys) => [w.map((x, k) => [x, ys[k]])];
  const traces = [
    line("laplace", "main", pairs(prior), styles.l1.colour, 2.5, "dot", LEGEND.laplacePrior),
    line("gaussian", "main", pairs(gaussian), styles.l2.colour, 2.5, "dash", LEGEND.gaussianPrior),
    line("posterior", "main", pairs(density), palette.ink, 3, "solid", words.posterior),
    line("mode", "main", [[[mode, 0], [mode, top]]], styles.l1.colour, 3, "solid", words.mode),
    line("mean", "main", [[[mean, 0], [mean, top]]], palette.ochre, 3, "dashdot", words.mean),
  ];
  return {
    title: words.title,
    mode,
    mean,
    axes: { main: { x: [-SPAN, SPAN], y: spanOf([top, ...gaussian], 0), xTitle: "w", yTitle: "density", ticks: true, share: 1 } },
    traces,
    handles: [
      { kind: "a", axis: "main", point: [a, 0], direction: "x", scale: 1 },
      { kind: "lam", axis: "main", point: [0, lam / 2], direction: "y", scale: 2 },
    ],
  };
}

/** The figures by the payload's `panel` name. */
export const MODELS = {
  penalties: penaltiesModel,
  problem_l1: (view, data) => problemModel("l1", view, data),
  problem_l2: (view, data) => problemModel("l2", view, data),
  shrinkage: shrinkageModel,
  posterior: posteriorModel,
};

/**
 * The model of figure `panel` for `view`; Python's numbers (data.reference)
 * while the view is the one Python drew.
 */
export function figureModel(panel, view, data) {
  const atRest = view.a === data.view.a && view.lam === data.view.lam && view.ratio === data.view.ratio;
  return MODELS[panel](view, atRest ? data : { ...data, reference: null });
}
