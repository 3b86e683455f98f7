// The live figure's pure parts: geometry, handles <-> controls, words, Play, the panel model.
import assert from "node:assert/strict";
import { test } from "node:test";

import { coneDrawing, normalCone, openingDegrees } from "../figure/cone.js";
import { dragToControls, keyToControls, shapeFromHandle, shapeHandle } from "../figure/controls.js";
import {
  axisIntercept,
  budgetFromIntercept,
  contourLevels,
  hessianFromShape,
  levelCurve,
  regionBoundary,
  regionMeasure,
  viewLimit,
} from "../figure/geometry.js";
import { arrangePanels, panelLayout } from "../figure/layout.js";
import { changedControls, panelModel } from "../figure/model.js";
import { nearestSample, pathUpTo, sweepBudget } from "../figure/play.js";
import { snap } from "../figure/snap.js";
import { makeTransform, ticks } from "../figure/transform.js";
import { badgeColour, badgeText, figureTitle, formatG, formatNumber, regionLegend } from "../figure/text.js";
import { solve2d } from "../solvers/index.js";
import { solutionPath, solveAtBudget } from "../solvers/path.js";
import { rotatedHessian } from "./helpers.js";

// Python's constants, as the payload carries them (tests/test_live_figure.py checks the
// payload against Python's own values): the tests pass them in, as the figure does.
const VIEW_KEYS = ["c1", "c2", "cond", "angle", "left_t", "right_t"];
const LEVEL_MULTIPLES = [1, 2, 4, 5, 6].map((k) => (k / 3) ** 2);
const VIEW_RULE = { scale: 1.2, margin: 0.1 };

const SPECS = {
  c: { low: -3, high: 3, step: 0.05 },
  cond: { low: 1, high: 20, step: 0.1 },
  angle: { low: -90, high: 90, step: 5 },
  t: { low: 0.1, high: 3, step: 0.05 },
};

test("the Hessian from (cond, angle) is R diag(1, cond) R^T, symmetric, long axis at angle", () => {
  for (const [cond, angle] of [[4, -30], [1, 0], [20, 90], [7.5, 45]]) {
    const h = hessianFromShape(cond, angle);
    const expected = rotatedHessian(1, cond, (angle * Math.PI) / 180);
    for (const [i, j] of [[0, 0], [0, 1], [1, 1]]) assert.ok(Math.abs(h[i][j] - expected[i][j]) < 1e-14);
    assert.equal(h[0][1], h[1][0]);
    const u = [Math.cos((angle * Math.PI) / 180), Math.sin((angle * Math.PI) / 180)];
    const hu = [h[0][0] * u[0] + h[0][1] * u[1], h[1][0] * u[0] + h[1][1] * u[1]];
    assert.ok(Math.hypot(hu[0] - u[0], hu[1] - u[1]) < 1e-14, "eigenvalue 1 along the long axis");
  }
  // The default view: the numbers Python's QuadraticLoss.from_shape gives.
  assert.deepEqual(hessianFromShape(4, -30), [
    [1.75, 1.299038105676658],
    [1.299038105676658, 3.2500000000000004],
  ]);
});

test("boundaries pass through their exact corners and lie on the region's boundary", () => {
  const regions = [
    { kind: "l1", radius: 1.3 },
    { kind: "l2", radius: 0.7 },
    { kind: "linf", radius: 2 },
    { kind: "lp", radius: 1.1, p: 0.5 },
    { kind: "lp", radius: 1.1, p: 3 },
    { kind: "elasticnet", radius: 1.5, l1Ratio: 0.3 },
  ];
  for (const region of regions) {
    const boundary = regionBoundary(region);
    const [first, last] = [boundary[0], boundary.at(-1)];
    assert.ok(first[0] === last[0] && first[1] === last[1], `${region.kind} closes`); // 0 === -0
    for (const w of boundary) {
      assert.ok(Math.abs(regionMeasure(region, w) - region.radius) < 1e-12 * Math.max(1, region.radius));
    }
    if (region.kind !== "linf") {
      const v = axisIntercept(region);
      assert.ok(boundary.some(([a, b]) => a === v && b === 0), `${region.kind}: exact corner (v, 0)`);
      assert.ok(boundary.some(([a, b]) => a === 0 && b === v), `${region.kind}: exact corner (0, v)`);
    }
  }
});

test("the budget handle: its position on the w1 axis and back to t", () => {
  const en = { kind: "elasticnet", radius: 2, l1Ratio: 0.4 };
  const v = axisIntercept(en);
  assert.ok(Math.abs(0.4 * v + 0.6 * v * v - 2) < 1e-14);
  assert.ok(Math.abs(budgetFromIntercept(en, v) - 2) < 1e-14);
  assert.equal(axisIntercept({ kind: "l2", radius: 1.25 }), 1.25);
  const moved = dragToControls("budget", {}, [1.737, 0.4], { side: "left", region: { kind: "l1", radius: 1 }, specs: SPECS });
  assert.deepEqual(moved.changes, { left_t: 1.75 }); // snapped to the slider's step
  const below = dragToControls("budget", {}, [-1, 0], { side: "right", region: { kind: "l1", radius: 1 }, specs: SPECS });
  assert.deepEqual(below.changes, { right_t: 0.1 }); // clamped to the slider's range
});

test("snap mirrors ui.url_values.snap: the grid low + k step, clean decimals, clamped", () => {
  assert.equal(snap(1.0749, SPECS.c), 1.05);
  assert.equal(snap(0.1 + 0.2, SPECS.c), 0.3);
  assert.equal(snap(-3.7, SPECS.c), -3);
  assert.equal(snap(4.04, SPECS.cond), 4);
  assert.equal(snap(-32.4, SPECS.angle), -30);
  assert.equal(snap(0.124, SPECS.t), 0.1);
  assert.equal(snap(2.97, SPECS.t), 2.95);
  assert.equal(snap(2.99, SPECS.t), 3);
});

test("the centre handle snaps ŵ to the sliders' grid", () => {
  const { changes } = dragToControls("centre", {}, [0.412, -1.234], { specs: SPECS });
  assert.deepEqual(changes, { c1: 0.4, c2: -1.25 });
});

test("the shape handle: the end of the long axis, and back to (cond, angle)", () => {
  const centre = [1, 2];
  for (const [cond, angle] of [[4, -30], [1, 0], [20, 85], [9, -90], [2.5, 60]]) {
    for (const side of [1, -1]) {
      const point = shapeHandle(centre, cond, angle, 2.5, side);
      const shape = shapeFromHandle(centre, point, 2.5);
      assert.ok(Math.abs(shape.cond - cond) < 1e-9, `cond ${cond}`);
      const folded = angle === -90 && shape.angle === 90 ? -90 : shape.angle;
      assert.ok(Math.abs(folded - angle) < 1e-9, `angle ${angle} vs ${shape.angle}`);
    }
  }
  const view = { c1: 1, c2: 2, cond: 4, angle: -30 };
  const dragged = dragToControls("shape", view, shapeHandle(centre, 6.02, 41, 2.5, -1), { limit: 2.5, specs: SPECS });
  assert.deepEqual(dragged.changes, { cond: 6, angle: 40 });
  assert.equal(dragged.shapeSide, -1);
});

test("the arrow keys move a handle by one slider step", () => {
  const view = { c1: 1, c2: 2, cond: 4, angle: -30, left_t: 1, right_t: 3 };
  assert.deepEqual(keyToControls("centre", view, "ArrowRight", { specs: SPECS }), { c1: 1.05, c2: 2 });
  assert.deepEqual(keyToControls("centre", view, "ArrowDown", { specs: SPECS }), { c1: 1, c2: 1.95 });
  assert.deepEqual(keyToControls("budget", view, "ArrowUp", { side: "left", specs: SPECS }), { left_t: 1.05 });
  assert.deepEqual(keyToControls("budget", view, "ArrowUp", { side: "right", specs: SPECS }), { right_t: 3 });
  assert.deepEqual(keyToControls("shape", view, "ArrowLeft", { specs: SPECS }), { cond: 4, angle: -35 });
  assert.deepEqual(keyToControls("shape", view, "ArrowUp", { specs: SPECS }), { cond: 4.1, angle: -30 });
  assert.equal(keyToControls("shape", view, "Enter", { specs: SPECS }), null);
});

test("normal cones: a 90° wedge at the diamond's corner, one ray on a smooth boundary", () => {
  const corner = normalCone({ kind: "l1", radius: 1 }, [0, 1]);
  assert.equal(corner.kind, "wedge");
  assert.ok(Math.abs(openingDegrees(corner) - 90) < 1e-12);
  assert.equal(normalCone({ kind: "l1", radius: 1 }, [0.5, 0.5]).kind, "ray");
  assert.equal(normalCone({ kind: "l2", radius: 1 }, [0.6, 0.8]).kind, "ray");
  assert.equal(normalCone({ kind: "l2", radius: 1 }, [0.1, 0.1]).kind, "zero");
  assert.equal(normalCone({ kind: "linf", radius: 1 }, [1, 1]).kind, "wedge");
  assert.equal(normalCone({ kind: "lp", radius: 1, p: 0.5 }, [0, 1]).kind, "halfplane");
  const en = normalCone({ kind: "elasticnet", radius: 1, l1Ratio: 0.5 }, [0, axisIntercept({ kind: "elasticnet", radius: 1, l1Ratio: 0.5 })]);
  assert.equal(en.kind, "wedge");
  // The pull at the L1 default optimum lies inside the wedge, and the drawing reaches 0.45 limit.
  const h = hessianFromShape(4, -30);
  const g = [h[0][0] * (0 - 1) + h[0][1] * (1 - 2), h[1][0] * (0 - 1) + h[1][1] * (1 - 2)];
  const drawing = coneDrawing({ kind: "l1", radius: 1 }, [0, 1], g, 2.5);
  assert.equal(drawing.kind, "wedge");
  assert.equal(drawing.outline.length, 42);
  const tip = drawing.tip;
  assert.ok(Math.abs(Math.hypot(tip[0], tip[1] - 1) - 0.8 * 0.45 * 2.5) < 1e-12);
  assert.ok(Math.abs(tip[0]) <= tip[1] - 1, "the pull points into the wedge |x| <= y - 1");
});

test("the view and the contour levels follow the rule and multiples the payload gives", () => {
  assert.equal(viewLimit([1, 2], 1, VIEW_RULE), 1.2 * 2 + 0.1);
  assert.equal(viewLimit([-2.5, 0], 3, { scale: 2, margin: 0 }), 6);
  const touching = { active: true, loss: 0.9 };
  assert.deepEqual(contourLevels(touching, 4, 1, LEVEL_MULTIPLES), LEVEL_MULTIPLES.map((m) => 0.9 * m));
  assert.deepEqual(contourLevels({ active: false, loss: 0 }, 4, 1.5, [1, 2]), [4.5, 9]);
});

test("level curves are the ellipse 0.5 (w - c)^T H (w - c) = level", () => {
  const h = hessianFromShape(6, 25);
  for (const w of levelCurve([0.5, -1], 6, 25, 1.7)) {
    const d = [w[0] - 0.5, w[1] + 1];
    const value = 0.5 * (h[0][0] * d[0] * d[0] + 2 * h[0][1] * d[0] * d[1] + h[1][1] * d[1] * d[1]);
    assert.ok(Math.abs(value - 1.7) < 1e-12);
  }
});

test("the view transform maps [-limit, limit]^2 onto the square plot, y up", () => {
  const t = makeTransform(2.5, 50, 60, 400);
  assert.equal(t.x(-2.5), 50);
  assert.equal(t.x(2.5), 450);
  assert.equal(t.y(2.5), 60);
  assert.equal(t.y(-2.5), 460);
  assert.deepEqual(t.toWorld(250, 260), [0, 0]);
  assert.deepEqual(ticks(2.5), [-2, -1, 0, 1, 2]);
});

test("layout: one square plot; presentation drops the legend and enlarges type", () => {
  const normal = panelLayout(560, false);
  const present = panelLayout(560, true);
  assert.ok(normal.height <= 640 && present.height <= 450);
  assert.ok(normal.plot.left + normal.plot.size <= 560);
  assert.equal(present.legendRows, 0);
  assert.ok(present.titleFont > normal.titleFont);
  assert.deepEqual(arrangePanels(1100, 2), { columns: 2, width: 542 });
  assert.equal(arrangePanels(400, 2).columns, 1);
});

test("words: the same as Python's figures.labels and lessons.words", () => {
  assert.equal(formatNumber(0), "0");
  assert.equal(formatNumber(1), "1");
  assert.equal(formatNumber(4.549038105676658), "4.549");
  assert.equal(formatNumber(0.48030815312732716), "0.4803");
  assert.equal(formatNumber(1.234e-5), "1.234e-05");
  assert.equal(formatNumber(-12345.6), "-1.235e+04");
  assert.equal(formatG(1.05, 3), "1.05");
  assert.equal(formatG(0.3333333, 3), "0.333");
  const corner = solve2d([1, 2], hessianFromShape(4, -30), { kind: "l1", radius: 1 });
  assert.equal(figureTitle({ kind: "l1", radius: 1 }, corner), "L1: corner on the w2 axis → w1 = 0");
  assert.equal(badgeText(corner), "w1 = 0 exactly: sparse");
  const inside = solve2d([0.2, 0.1], hessianFromShape(4, -30), { kind: "l2", radius: 1 });
  assert.equal(figureTitle({ kind: "l2", radius: 1 }, inside), "L2: ŵ fits the budget, nothing to shrink");
  assert.equal(badgeText(inside), "inside the region: no zeros, no shrinkage");
  assert.equal(badgeColour(corner), "green");
  assert.equal(badgeColour(inside), "gray");
  const smooth = solve2d([1, 2], hessianFromShape(4, -30), { kind: "l2", radius: 1 });
  assert.equal(badgeColour(smooth), "orange");
  assert.equal(regionLegend({ kind: "elasticnet", radius: 1, l1Ratio: 0.5 }), "Elastic net (α=0.5): α‖w‖₁ + (1−α)‖w‖₂² ≤ 1 (scikit-learn's l1_ratio 0.333)");
  assert.equal(regionLegend({ kind: "lp", radius: 1.05, p: 1.2 }), "L1.2: ‖w‖_1.2 ≤ 1.05");
});

test("Play: t sweeps t_max -> 0 -> t_max, and a precomputed path is read by budget", () => {
  assert.deepEqual(sweepBudget(0, 3, 2), { t: 3, done: false, falling: true });
  assert.deepEqual(sweepBudget(2, 3, 2), { t: 0, done: false, falling: true });
  assert.equal(sweepBudget(3, 3, 2).t, 1.5);
  assert.equal(sweepBudget(4.1, 3, 2).done, true);
  const path = [[3, 1, 1], [2, 0.5, 0.5], [1, 0, 0.3], [0, 0, 0]];
  assert.deepEqual(pathUpTo(path, 1.5), [[1, 1], [0.5, 0.5]]);
  assert.deepEqual(nearestSample(path, 0.8), [1, 0, 0.3]);
});

test("the L1 path reaches the axis and stays; the L2 path reaches 0 only at t = 0", () => {
  const c = [1, 2];
  const h = hessianFromShape(4, -30);
  const budgets = Array.from({ length: 301 }, (_, k) => 3 - k * 0.01).map((t) => Math.max(0, Number(t.toFixed(10))));
  const l1 = solutionPath(c, h, { kind: "l1" }, budgets);
  const first = l1.findIndex((w) => w[0] === 0);
  assert.ok(first > 0 && first < l1.length - 1, "L1 reaches the w2 axis at some t > 0");
  assert.ok(l1.slice(first).every((w) => w[0] === 0), "and stays on it");
  const l2 = solutionPath(c, h, { kind: "l2" }, budgets);
  assert.ok(l2.slice(0, -1).every((w) => w[0] !== 0 && w[1] !== 0), "L2: no zero for t > 0");
  assert.deepEqual(l2.at(-1), [0, 0]);
  const zero = solveAtBudget(c, h, { kind: "l2" }, 0);
  assert.deepEqual(zero.zeros, [0, 1]);
  assert.throws(() => solveAtBudget(c, h, { kind: "l2" }, -1), RangeError);
});

function data() {
  const panel = (side, kind) => ({
    side,
    kind,
    label: kind.toUpperCase(),
    region: { kind, radius: 1, p: 0.5, l1Ratio: 0.5 },
    live: kind !== "lp",
    budgetHandle: true,
    solution: { w: [9, 9], zeros: [], face: "smooth", multiplier: 1, loss: 1, active: true },
    localMinima: [],
    title: "python title",
    badge: "python badge",
    colour: "orange",
    legend: "python legend",
    path: kind === "lp" ? [[1, 0.1, 0.2, "b", "orange", "t"], [0, 0, 0, "b0", "path colour", "t0"]] : null,
  });
  return {
    view: { c1: 1, c2: 2, cond: 4, angle: -30, left_t: 1, right_t: 1 },
    hessian: hessianFromShape(4, -30),
    panels: [panel("left", "l1"), panel("right", "lp")],
    viewKeys: VIEW_KEYS,
  };
}

test("the panel model: Python's answer at rest, solve2d's while moving, 'pending' for Lp", () => {
  const d = data();
  const rest = panelModel(d.panels[0], d.view, d);
  assert.equal(rest.status, "python");
  assert.equal(rest.title, "python title");
  const moved = { ...d.view, c1: 0.4, c2: 2.4 };
  const live = panelModel(d.panels[0], moved, d);
  assert.equal(live.status, "live");
  assert.deepEqual(live.solution.zeros, [0]);
  assert.equal(live.title, "L1: corner on the w2 axis → w1 = 0");
  const pending = panelModel(d.panels[1], moved, d);
  assert.equal(pending.status, "pending");
  assert.deepEqual(pending.center, [0.4, 2.4]);
  assert.deepEqual(pending.solution.w, [9, 9]);
  const playing = panelModel(d.panels[1], { ...d.view, right_t: 0.1 }, d, { playing: true });
  assert.equal(playing.status, "path");
  assert.deepEqual(playing.solution.w, [0, 0]);
  // A path sample's words and colour are Python's, as sent.
  assert.deepEqual([playing.badge, playing.colour, playing.title], ["b0", "path colour", "t0"]);
  assert.deepEqual(changedControls(moved, d.view, d.viewKeys), { c1: 0.4, c2: 2.4 });
});
