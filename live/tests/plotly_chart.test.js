// The in-place Plotly chart (live/chart/plotly_chart.js) with a stand-in plotly.js and DOM.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  Chart,
  RESIZE_SETTLE_MS,
  chunkUrl,
  counters,
  plotlyLoader,
  readData,
  sizedLayout,
  withFullscreen,
} from "../chart/plotly_chart.js";

function fakeElement(width = 640, height = 360) {
  const element = {
    children: [],
    style: {},
    clientWidth: width,
    clientHeight: height,
    isConnected: true,
    appendChild(child) {
      this.children.push(child);
      return child;
    },
  };
  element.ownerDocument = { fullscreenElement: null };
  return element;
}

const fakeDocument = {
  createElement: (tag) => ({ tag, style: {}, className: "" }),
};

/** A plotly.js stand-in that records its calls; `react` resolves when `release()` is called. */
function fakePlotly({ hold = false } = {}) {
  const calls = [];
  const waiting = [];
  return {
    calls,
    react(graph, { data, layout, config, frames }) {
      calls.push({ kind: "react", graph, data, layout, config, frames });
      if (!hold) return Promise.resolve(graph);
      return new Promise((resolve) => waiting.push(() => resolve(graph)));
    },
    relayout(graph, update) {
      calls.push({ kind: "relayout", graph, update });
      return Promise.resolve(graph);
    },
    purge(graph) {
      calls.push({ kind: "purge", graph });
    },
    release() {
      while (waiting.length) waiting.shift()();
    },
  };
}

function payload(figure, config = { displaylogo: false }) {
  return readData(new TextEncoder().encode(JSON.stringify({ plotly: "P.js", config, figure })));
}

const FIGURE = { data: [{ type: "scatter", x: [0, 1], y: [1, 0] }], layout: { height: 300 } };

test("the data is read from UTF-8 bytes or text; data without a figure is refused", () => {
  const bytes = new TextEncoder().encode('{"plotly": "P.js", "figure": {"data": [], "layout": {"title": {"text": "λ = 1"}}}}');
  const read = readData(bytes);
  assert.equal(read.plotly, "P.js");
  assert.equal(read.figure.layout.title.text, "λ = 1");
  assert.deepEqual(read.config, {});
  assert.equal(readData(new TextDecoder().decode(bytes)).text, read.text);
  assert.equal(readData(null), null);
  assert.throws(() => readData('{"plotly": "P.js"}'), TypeError);
  assert.throws(() => readData("[1, 2]"), TypeError);
});

test("Streamlit's chunk is found beside its entry script, or under ./static/js/ of the page", () => {
  const withEntry = {
    querySelector: () => ({ src: "https://host/~/+/static/js/index.ABC.js" }),
    baseURI: "https://host/~/+/one_weight",
  };
  assert.equal(chunkUrl("PlotlyChart.X.js", withEntry), "https://host/~/+/static/js/PlotlyChart.X.js");
  const bare = { querySelector: () => null, baseURI: "http://127.0.0.1:8501/tour" };
  assert.equal(chunkUrl("PlotlyChart.X.js", bare), "http://127.0.0.1:8501/static/js/PlotlyChart.X.js");
});

test("plotly.js is imported once per page, and a chunk that does not define it is an error", async () => {
  const doc = { querySelector: () => null, baseURI: "http://h/" };
  const imported = [];
  const global = {};
  const load = plotlyLoader(async (url) => {
    imported.push(url);
    global.Plotly = { name: "plotly" };
  }, global, doc);
  const [a, b] = await Promise.all([load("P.js"), load("P.js")]);
  assert.equal(a, b);
  assert.equal(await load("P.js"), a);
  assert.deepEqual(imported, ["http://h/static/js/P.js"]);

  const broken = plotlyLoader(async () => {}, {}, doc);
  await assert.rejects(broken("P.js"), /did not define Plotly/);
});

test("the layout is drawn at the host's width and the figure's height (Plotly's 450 without one)", () => {
  assert.deepEqual(sizedLayout({ height: 300, title: "t" }, 640.4), { height: 300, title: "t", width: 640 });
  assert.equal(sizedLayout({}, 640).height, 450);
  assert.equal(sizedLayout({ height: 5 }, 640).height, 450);
  assert.equal(sizedLayout({ height: 300 }, 20).width, 150);
  assert.equal(sizedLayout({ height: 300 }, 640, 700).height, 700);
});

test("the first figure is drawn with Plotly.react on one graph div, and later ones update it", async () => {
  const plotly = fakePlotly();
  const parent = fakeElement(700);
  const chart = new Chart(parent, async () => plotly, fakeDocument);
  assert.equal(parent.children.length, 1);
  await chart.receive(payload(FIGURE));
  const changed = { ...FIGURE, data: [{ type: "scatter", x: [0, 2], y: [2, 0] }] };
  await chart.receive(payload(changed));
  const reacts = plotly.calls.filter((c) => c.kind === "react");
  assert.equal(reacts.length, 2);
  assert.ok(reacts.every((c) => c.graph === parent.children[0]));
  assert.deepEqual(reacts[1].data, changed.data);
  assert.equal(reacts[1].layout.width, 700);
  assert.equal(reacts[1].layout.height, 300);
  assert.equal(parent.children[0].style.minHeight, "300px");
  assert.deepEqual(reacts[1].frames, []);
  const animated = { ...FIGURE, frames: [{ name: "0", data: [{ y: [0, 0] }] }] };
  await chart.receive(payload(animated));
  assert.deepEqual(plotly.calls.at(-1).frames, animated.frames); // the Training race plays
});

test("the same figure again draws nothing; a burst of figures draws the first and the last", async () => {
  const plotly = fakePlotly({ hold: true });
  const chart = new Chart(fakeElement(), async () => plotly, fakeDocument);
  const skippedBefore = counters.skipped;
  const first = chart.receive(payload(FIGURE));
  await new Promise((resolve) => setTimeout(resolve, 0)); // the first draw has started
  chart.receive(payload({ ...FIGURE, layout: { height: 310 } }));
  chart.receive(payload({ ...FIGURE, layout: { height: 320 } }));
  chart.receive(payload({ ...FIGURE, layout: { height: 320 } })); // the pending one again
  assert.equal(counters.skipped, skippedBefore + 1);
  for (let i = 0; i < 5; i += 1) {
    plotly.release();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  await first;
  const heights = plotly.calls.filter((c) => c.kind === "react").map((c) => c.layout.height);
  assert.deepEqual(heights, [300, 320]);
  await chart.receive(payload({ ...FIGURE, layout: { height: 320 } })); // what is shown
  assert.equal(plotly.calls.length, 2);
});

test("the config keeps the page's settings and adds one Fullscreen button, the same every draw", async () => {
  const plotly = fakePlotly();
  const chart = new Chart(fakeElement(), async () => plotly, fakeDocument);
  const config = { displaylogo: false, modeBarButtonsToRemove: ["lasso2d"] };
  await chart.receive(payload(FIGURE, config));
  await chart.receive(payload({ ...FIGURE, layout: { height: 200 } }, config));
  const [a, b] = plotly.calls.map((c) => c.config);
  assert.equal(a.displaylogo, false);
  assert.deepEqual(a.modeBarButtonsToRemove, ["lasso2d"]);
  assert.equal(a.modeBarButtonsToAdd.length, 1);
  assert.equal(a.modeBarButtonsToAdd[0].title, "Fullscreen");
  // Plotly.react starts again from scratch when a config value changes (a new function would).
  assert.equal(a.modeBarButtonsToAdd[0].click, b.modeBarButtonsToAdd[0].click);
  const own = { name: "mine" };
  assert.deepEqual(withFullscreen({ modeBarButtonsToAdd: [own] }, () => {}).modeBarButtonsToAdd[1], own);
});

test("full screen draws at the screen's size and back at the figure's height", async () => {
  const plotly = fakePlotly();
  const parent = fakeElement(700, 400);
  const chart = new Chart(parent, async () => plotly, fakeDocument);
  await chart.receive(payload(FIGURE));
  parent.ownerDocument.fullscreenElement = parent;
  parent.clientWidth = 1280;
  parent.clientHeight = 720;
  await chart.fullscreenChanged();
  assert.deepEqual(plotly.calls.at(-1).update, { width: 1280, height: 720 });
  await chart.receive(payload({ ...FIGURE, data: [] })); // a rerun while on the whole screen
  assert.equal(plotly.calls.at(-1).layout.height, 720);
  parent.ownerDocument.fullscreenElement = null;
  parent.clientWidth = 700;
  await chart.fullscreenChanged();
  assert.deepEqual(plotly.calls.at(-1).update, { width: 700, height: 300 });
});

test("a resize redraws at the new width; the chart is purged only once its element is gone", async () => {
  const plotly = fakePlotly();
  const parent = fakeElement(700);
  const chart = new Chart(parent, async () => plotly, fakeDocument);
  assert.equal(chart.resize(500), null); // nothing drawn yet
  await chart.receive(payload(FIGURE));
  await chart.resize(500);
  assert.deepEqual(plotly.calls.at(-1).update, { width: 500 });
  assert.equal(chart.resize(500.4), null); // under a pixel: nothing to do
  assert.equal(chart.dispose(), false); // still on the page: a superseded call, not an unmount
  assert.ok(!plotly.calls.some((c) => c.kind === "purge"));
  parent.isConnected = false;
  assert.equal(chart.dispose(), true);
  assert.equal(plotly.calls.at(-1).kind, "purge");
});

test("a new width is drawn once it held; a figure arriving meanwhile is drawn at it, once", async () => {
  const plotly = fakePlotly();
  const parent = fakeElement(700);
  const chart = new Chart(parent, async () => plotly, fakeDocument);
  await chart.receive(payload(FIGURE));
  const drawn = plotly.calls.length;
  // A rerun changes the row's columns: the host widens, is 0 wide a moment, and the
  // new figure arrives before the width has held.
  parent.clientWidth = 1280;
  const widened = chart.resize(1280);
  assert.ok(widened instanceof Promise);
  assert.equal(chart.resize(0), widened); // not laid out: nothing new to do
  assert.equal(counters.resizing, 1);
  assert.equal(plotly.calls.length, drawn); // nothing redrawn yet
  await chart.receive(payload({ ...FIGURE, data: [{ type: "bar", x: [1], y: [2] }] }));
  assert.equal(await widened, null); // the old figure was never relaid out
  assert.equal(counters.resizing, 0);
  const calls = plotly.calls.slice(drawn);
  assert.deepEqual(
    calls.map((c) => c.kind),
    ["react"],
  );
  assert.equal(calls[0].layout.width, 1280);
  // Back and forth within the settling time: the last width wins, here no change at all.
  const away = chart.resize(640);
  assert.equal(chart.resize(1280), null);
  assert.equal(await away, null);
  assert.equal(plotly.calls.length, drawn + 1);
  // A width that holds is drawn, once, RESIZE_SETTLE_MS later, a rerun with the same
  // figure meanwhile or not.
  const started = performance.now();
  const held = chart.resize(900);
  await chart.receive(payload({ ...FIGURE, data: [{ type: "bar", x: [1], y: [2] }] }));
  await held;
  assert.ok(performance.now() - started >= RESIZE_SETTLE_MS - 5);
  assert.deepEqual(plotly.calls.at(-1), { kind: "relayout", graph: chart.graph, update: { width: 900 } });
  assert.equal(plotly.calls.length, drawn + 2);
});

test("a chart whose element is gone is purged, and a resize waiting for it never draws", async () => {
  const plotly = fakePlotly();
  const parent = fakeElement(700);
  const chart = new Chart(parent, async () => plotly, fakeDocument);
  await chart.receive(payload(FIGURE));
  const waiting = chart.resize(1280); // the host widened as its row lost a column ...
  parent.isConnected = false; // ... and then the element left the page
  assert.equal(chart.dispose(), true);
  assert.equal(await waiting, null);
  assert.deepEqual(
    plotly.calls.map((c) => c.kind),
    ["react", "purge"],
  );
  assert.equal(counters.resizing, 0);
});
