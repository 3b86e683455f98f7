// snap against the cases Python's test reads too (snap_cases.json: expected values
// by exact decimal arithmetic, see its "about"), so both languages snap alike.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { asWritten, snap } from "../figure/snap.js";

const { cases } = JSON.parse(readFileSync(new URL("./snap_cases.json", import.meta.url), "utf8"));

test("snap gives the exact decimal answer for every shared case, halfway points up", () => {
  assert.ok(cases.length > 100);
  const wrong = cases.filter(({ value, low, high, step, expected }) => snap(value, { low, high, step }) !== expected);
  assert.deepEqual(wrong, []);
});

test("the numbers as written: shortest text, exponents, negatives", () => {
  assert.deepEqual(asWritten(0.05), { digits: 5n, places: 2 });
  assert.deepEqual(asWritten(-3), { digits: -3n, places: 0 });
  assert.deepEqual(asWritten(1.5e-7), { digits: 15n, places: 8 });
  assert.deepEqual(asWritten(1e21), { digits: 10n ** 21n, places: 0 });
  assert.throws(() => asWritten(NaN), RangeError);
});
