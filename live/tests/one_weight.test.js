/**
 * The One weight charts' pure modules (live/one_weight): the closed forms on
 * hand-worked cases, the posterior's properties, the handles' snapping, the
 * models' fixed structure and the layout's stable height. Python agreement on
 * 200,000+ problems is tests/test_one_weight_live.py.
 */

import assert from "node:assert/strict";
import test from "node:test";

import { chartLayout, niceTicks, wrapText } from "../one_weight/chart_layout.js";
import { dragToControls, keyToControls } from "../one_weight/handles.js";
import { elasticNetShrink, grid, hardThreshold, ridgeShrink, softThreshold } from "../one_weight/maths.js";
import { figureModel, MODELS } from "../one_weight/models.js";
import {
  laplacePosteriorDensity,
  laplacePosteriorMean,
  normalCdf,
} from "../one_weight/posterior.js";
import { g, posteriorWords, problemWords } from "../one_weight/words.js";

const SPECS = { a: { low: -3, high: 3, step: 0.05 }, lam: { low: 0, high: 3, step: 0.05 }, ratio: { low: 0, high: 1, step: 0.05 } };
const STYLE = { colour: "#000", dash: "solid", marker: "circle" };
const DATA = {
  view: { a: 0.8, lam: 1, ratio: 0.5 },
  reference: null,
  styles: { l1: STYLE, l2: STYLE, elasticnet: STYLE },
  palette: { paper: "#fff", ink: "#222", grid: "#eee", contour: "#888", axisHighlight: "#0a0", cone: "#0a04", purple: "#c7a", ochre: "#b70" },
  words: { enetPenalty: "elastic net", enetOperator: "elastic net operator" },
};

test("the soft threshold is exactly 0 on the closed dead zone and moves by λ outside", () => {
  assert.equal(softThreshold(2.5, 1), 1.5);
  assert.equal(softThreshold(-2.5, 1), -1.5);
  for (const lam of [0.05, 0.8, 1, 3]) {
    assert.ok(Object.is(softThreshold(lam, lam), 0) && Object.is(softThreshold(-lam, lam), 0));
  }
  assert.ok(softThreshold(1 + 2 ** -52, 1) > 0);
  assert.equal(softThreshold(0.3, 0), 0.3); // λ = 0: no penalty
});

test("ridge divides by 1 + 2λ; the elastic net thresholds at λα, then divides", () => {
  assert.equal(ridgeShrink(3, 1), 1);
  assert.equal(ridgeShrink(0, 2), 0);
  assert.equal(elasticNetShrink(2, 1, 0.5), 0.75); // (2 − 0.5) / (1 + 1)
  assert.equal(elasticNetShrink(0.5, 1, 0.5), 0); // |a| = λα: the edge of its dead zone
  assert.equal(elasticNetShrink(2, 1, 1), softThreshold(2, 1)); // α = 1: the lasso
  assert.equal(elasticNetShrink(2, 1, 0), ridgeShrink(2, 1)); // α = 0: ridge
  assert.equal(hardThreshold(1.5, 1), 1.5); // √2 < 1.5: kept
  assert.equal(hardThreshold(1.4, 1), 0); // killed
});

test("the posterior mean is odd in a, 0 exactly at a = 0, a itself at λ = 0, shrunk towards 0", () => {
  assert.ok(Math.abs(normalCdf(1.959963984540054) - 0.975) < 1e-15);
  assert.equal(normalCdf(0), 0.5);
  for (const lam of [0.3, 1, 3]) {
    assert.equal(laplacePosteriorMean(0, lam), 0);
    for (const a of [0.05, 0.8, 2.9]) {
      const mean = laplacePosteriorMean(a, lam);
      assert.ok(Math.abs(mean + laplacePosteriorMean(-a, lam)) < 1e-15);
      assert.ok(mean > 0 && mean < a, `0 < mean < a at a=${a}, λ=${lam}`);
    }
  }
  assert.equal(laplacePosteriorMean(1.3, 0), 1.3);
});

test("the posterior density integrates to 1 and its mean is the closed form's", () => {
  const ws = grid(-14, 14, 28001, [0]);
  for (const [a, lam] of [[0.8, 1], [-2.5, 0.4], [3, 3]]) {
    const p = laplacePosteriorDensity(ws, a, lam);
    let mass = 0;
    let first = 0;
    for (let k = 1; k < ws.length; k += 1) {
      const h = ws[k] - ws[k - 1];
      mass += (h * (p[k] + p[k - 1])) / 2;
      first += (h * (ws[k] * p[k] + ws[k - 1] * p[k - 1])) / 2;
    }
    assert.ok(Math.abs(mass - 1) < 1e-6, `mass ${mass}`);
    assert.ok(Math.abs(first - laplacePosteriorMean(a, lam)) < 1e-6);
  }
});

test("a dragged handle lands on the slider's grid, clamped; a key moves one step", () => {
  assert.deepEqual(dragToControls({ kind: "a", direction: "x", scale: 1 }, [0.812, 9], SPECS), { a: 0.8 });
  assert.deepEqual(dragToControls({ kind: "lam", direction: "x", scale: 1 }, [-0.4, 0], SPECS), { lam: 0 });
  assert.deepEqual(dragToControls({ kind: "lam", direction: "y", scale: 2 }, [5, 0.61], SPECS), { lam: 1.2 });
  assert.deepEqual(dragToControls({ kind: "a", direction: "x", scale: 1 }, [7, 0], SPECS), { a: 3 });
  const view = { a: 0.8, lam: 0, ratio: 0.5 };
  assert.deepEqual(keyToControls("a", view, "ArrowRight", { specs: SPECS }), { a: 0.85 });
  assert.deepEqual(keyToControls("lam", view, "ArrowDown", { specs: SPECS }), { lam: 0 });
  assert.deepEqual(keyToControls("lam", view, "ArrowUp", { specs: SPECS }), { lam: 0.05 });
  assert.equal(keyToControls("a", view, "Enter", { specs: SPECS }), null);
});

test("each chart keeps its traces and handles whatever the view (its DOM is made once)", () => {
  for (const panel of Object.keys(MODELS)) {
    const shape = (view) => {
      const m = figureModel(panel, view, DATA);
      return [m.traces.map((t) => `${t.id}:${t.axis}:${t.kind}`), m.handles.map((h) => h.kind)];
    };
    const first = shape({ a: 0.8, lam: 1, ratio: 0.5 });
    for (const view of [{ a: 0, lam: 0, ratio: 0 }, { a: -3, lam: 3, ratio: 1 }, { a: 1, lam: 1, ratio: 0.05 }]) {
      assert.deepEqual(shape(view), first, panel);
    }
  }
});

test("at a = λ the lasso's minimiser is 0 exactly, and the words say so; ridge's is not", () => {
  const view = { a: 1, lam: 1, ratio: 0.5 };
  const l1 = figureModel("problem_l1", view, DATA);
  const l2 = figureModel("problem_l2", view, DATA);
  assert.ok(Object.is(l1.best, 0));
  assert.equal(l1.title, "w* = 0 exactly");
  assert.equal(l2.title, "w* = 0.333, not zero");
  assert.ok(l1.traces.some((t) => t.name === "minimiser w* = 0"));
});

test("Python's answers are drawn while the view is Python's; the browser's otherwise", () => {
  const data = { ...DATA, reference: { l1: 0.25, l2: 0.125, mode: 0.25, mean: 0.5 } };
  assert.equal(figureModel("problem_l1", data.view, data).best, 0.25);
  assert.equal(figureModel("problem_l1", { ...data.view, a: 2 }, data).best, 1);
  assert.equal(figureModel("posterior", data.view, data).mean, 0.5);
});

test("the best-subset curve is not joined across its jump at ±√(2λ)", () => {
  const hard = figureModel("shrinkage", { a: 0, lam: 2, ratio: 0.5 }, DATA).traces.find((t) => t.id === "hard");
  assert.deepEqual(hard.pieces.map((p) => p.map(([x, y]) => [x, y])), [
    [[-3, -3], [-2, -2]],
    [[-2, 0], [2, 0]],
    [[2, 2], [3, 3]],
  ]);
});

test("Python's number formats: :g, .4g, .3g and −0", () => {
  assert.equal(g(0.8), "0.8");
  assert.equal(g(-0), "-0");
  assert.equal(g(1 / 3, 4), "0.3333");
  assert.equal(g(0.00001234, 4), "1.234e-05");
  assert.equal(g(2.0, 3), "2");
  assert.deepEqual(problemWords(-0.4, 0.6, 0), {
    pull: "a = -0.4",
    penalty: "penalty, λ = 0.6",
    minimiser: "minimiser w* = 0",
    title: "w* = 0 exactly",
  });
  assert.equal(posteriorWords(0, 0, 0).title, "At a = 0 mode and mean are both 0");
});

test("the layout keeps its height during a drag when a title or legend would lose a line", () => {
  const long = figureModel("posterior", { a: 2, lam: 1, ratio: 0.5 }, DATA);
  const short = figureModel("posterior", { a: 0, lam: 1, ratio: 0.5 }, DATA);
  const first = chartLayout("posterior", long, 360, false);
  const after = chartLayout("posterior", short, 360, false, { titleLines: first.titleRows, legendRows: first.legendRows });
  assert.ok(chartLayout("posterior", short, 360, false).height < first.height);
  assert.equal(after.height, first.height);
  assert.deepEqual(wrapText("one two three<br>four", 9), ["one two", "three", "four"]);
  assert.deepEqual(niceTicks(0, 4.5), [0, 1, 2, 3, 4]);
});
