#!/usr/bin/env node
/**
 * Run many races' optimisers with live/race/methods.js, for the Python
 * cross-check (tests/test_live_race.py).
 *
 *     node live/tools/race_batch.js in.bin out.bin [data.json]
 *
 * in.bin: float64 records of 13 numbers, one per run:
 *   method (index into METHODS), c1, c2, h11, h12, h22, (Hc)1, (Hc)2, lam, step,
 *   iterations, start1, start2
 * data.json (SGD only): {"features", "response", "rows": [text per run or null], "batch": [...]}
 * out.bin: every run's iterates, start included, as float64, run after run.
 *
 *     node live/tools/race_batch.js --payloads in.json out.json
 *
 * in.json: a list of lessons/training race_payload dicts; out.json: for each,
 * {"steps": raceSteps', "runs": {slug: [w1, w2, w1, w2, ...]}}, as the page's race computes them.
 */

import { readFileSync, writeFileSync } from "node:fs";

import { adam, coordinateDescent, fista, ista, makeData, makeLoss, sgd, subgradientDescent } from "../race/methods.js";
import { decodeRows, raceSetup, runRace } from "../race/race.js";

export const METHODS = ["subgradient", "subgradient_sqrt", "sgd", "adam", "ista", "fista", "cd"];
const RECORD = 13;

function payloads(input, output) {
  const results = JSON.parse(readFileSync(input, "utf8")).map((payload) => {
    const { runs, steps } = runRace(raceSetup(payload.problem), payload.controls);
    return { steps, runs: Object.fromEntries(Object.entries(runs).map(([slug, path]) => [slug, Array.from(path)])) };
  });
  writeFileSync(output, JSON.stringify(results));
  return 0;
}

function main(argv) {
  if (argv[2] === "--payloads") return payloads(argv[3], argv[4]);
  const [input, output, dataPath] = argv.slice(2);
  if (!input || !output) {
    process.stderr.write("usage: node live/tools/race_batch.js in.bin out.bin [data.json]\n");
    return 2;
  }
  const bytes = readFileSync(input);
  const records = new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
  const extra = dataPath ? JSON.parse(readFileSync(dataPath, "utf8")) : null;
  const data = extra ? makeData(extra.features, extra.response) : null;
  const paths = [];
  let total = 0;
  let sgdRun = 0;
  for (let r = 0; r < records.length / RECORD; r += 1) {
    const v = records.subarray(r * RECORD, (r + 1) * RECORD);
    const loss = makeLoss([v[1], v[2]], [[v[3], v[4]], [v[4], v[5]]], [v[6], v[7]]);
    const [lam, step, n, start] = [v[8], v[9], v[10], [v[11], v[12]]];
    const method = METHODS[v[0]];
    let path;
    if (method === "subgradient") path = subgradientDescent(loss, lam, step, n, start);
    else if (method === "subgradient_sqrt") path = subgradientDescent(loss, lam, step, n, start, "sqrt");
    else if (method === "adam") path = adam(loss, lam, step, n, start);
    else if (method === "ista") path = ista(loss, lam, step, n, start);
    else if (method === "fista") path = fista(loss, lam, step, n, start);
    else if (method === "cd") path = coordinateDescent(loss, lam, n, start);
    else {
      path = sgd(data, lam, step, n, start, decodeRows(extra.rows[sgdRun]), extra.batch[sgdRun]);
      sgdRun += 1;
    }
    paths.push(path);
    total += path.length;
  }
  const out = new Float64Array(total);
  let at = 0;
  for (const path of paths) {
    out.set(path, at);
    at += path.length;
  }
  writeFileSync(output, Buffer.from(out.buffer));
  return 0;
}

process.exitCode = main(process.argv);
