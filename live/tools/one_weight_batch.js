#!/usr/bin/env node
/**
 * The One weight page's browser computations on a JSON file of problems, for
 * the Python cross-check (tests/test_one_weight_live.py).
 *
 *     node live/tools/one_weight_batch.js in.json out.json
 *
 * in.json:  {"problems": [[a, lam, ratio], ...], "labels": [{view: {a, lam, ratio}, data}, ...]}
 * out.json: {"l1": [...], "l2": [...], "elasticnet": [...], "l0": [...], "mode": [...],
 *            "mean": [...], "labels": [{panel: {title, names}}, ...]}
 *
 * "labels" are the figures' titles and legend entries (models.js) for `view`,
 * drawn from a payload `data` (its Python answers set aside, so that every
 * number in them is the browser's own). JSON numbers
 * round-trip doubles exactly both ways.
 */

import { readFileSync, writeFileSync } from "node:fs";

import { oneWeightSolution } from "../one_weight/maths.js";
import { figureModel, MODELS } from "../one_weight/models.js";
import { laplaceMap, laplacePosteriorMean } from "../one_weight/posterior.js";

const [input, output] = process.argv.slice(2);
const { problems, labels = [] } = JSON.parse(readFileSync(input, "utf8"));
const out = { l1: [], l2: [], elasticnet: [], l0: [], mode: [], mean: [], labels: [] };
for (const [a, lam, ratio] of problems) {
  for (const penalty of ["l1", "l2", "elasticnet", "l0"]) out[penalty].push(oneWeightSolution(a, lam, penalty, ratio));
  out.mode.push(laplaceMap(a, lam));
  out.mean.push(laplacePosteriorMean(a, lam));
}
for (const { view, data } of labels) {
  const atOther = { ...data, view: { a: NaN, lam: NaN, ratio: NaN } };
  const shown = {};
  for (const panel of Object.keys(MODELS)) {
    const model = figureModel(panel, view, atOther);
    shown[panel] = { title: model.title, names: model.traces.map((t) => t.name).filter(Boolean) };
  }
  out.labels.push(shown);
}
writeFileSync(output, JSON.stringify(out));
