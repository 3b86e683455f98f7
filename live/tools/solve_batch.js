#!/usr/bin/env node
/**
 * Solve a JSON file of 2-D problems with solve2d, for the Python cross-check
 * (tests/test_live_solvers.py) and the speed benchmark.
 *
 *     node live/tools/solve_batch.js in.json out.json [--repeat N]
 *
 * in.json:  {"problems": [{"center": [c1, c2], "hessian": [[h11, h12], [h21, h22]],
 *                          "region": {"kind": ..., "radius": ..., "l1Ratio": ...}}, ...]}
 * out.json: {"solutions": [solve2d's object, or {"error": {"name", "message"}}, ...],
 *            "seconds_per_run": [...]}
 *
 * With --repeat N the whole batch is solved once to warm up the JIT, then N
 * more times, each timed (seconds_per_run); the solutions written are those
 * of the first pass. JSON numbers round-trip doubles exactly both ways.
 */

import { readFileSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

import { solve2d } from "../solvers/index.js";

function solveOne({ center, hessian, region }) {
  try {
    return solve2d(center, hessian, region);
  } catch (error) {
    return { error: { name: error.name, message: error.message } };
  }
}

function main(argv) {
  const args = argv.slice(2);
  const repeatAt = args.indexOf("--repeat");
  let repeat = 0;
  if (repeatAt >= 0) {
    repeat = Number(args[repeatAt + 1]);
    if (!Number.isInteger(repeat) || repeat < 1) throw new RangeError("--repeat needs an integer >= 1");
    args.splice(repeatAt, 2);
  }
  if (args.length !== 2) {
    process.stderr.write("usage: node live/tools/solve_batch.js in.json out.json [--repeat N]\n");
    return 2;
  }
  const [input, output] = args;
  const { problems } = JSON.parse(readFileSync(input, "utf8"));
  if (!Array.isArray(problems)) throw new TypeError(`${input}: "problems" must be an array`);

  const solutions = problems.map(solveOne);
  const secondsPerRun = [];
  for (let run = 0; run < repeat; run += 1) {
    const start = performance.now();
    for (const problem of problems) solveOne(problem);
    secondsPerRun.push((performance.now() - start) / 1000);
  }
  writeFileSync(output, JSON.stringify({ solutions, seconds_per_run: secondsPerRun }));
  return 0;
}

process.exitCode = main(process.argv);
