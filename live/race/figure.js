/**
 * The race figure: what Python sent (the data), the start of the moment, the
 * runs the browser computes from it, the iteration shown, drawing, and the
 * one message back to Python (commit, on a release). StartControl (input.js)
 * moves the start; the toolbar scrubs and plays the iterations (no rerun).
 */

import { downloadFigure } from "../figure/download.js";
import { record, stats } from "../figure/stats.js";
import { contourLevels, objectiveContours } from "./contours.js";
import { buildRace, drawDynamic, drawStatic, legendEntries } from "./draw.js";
import { StartControl } from "./input.js";
import { raceLayout } from "./layout.js";
import { raceSetup, runRace } from "./race.js";
import { fitTransform, playFrames, unionBox, viewBox } from "./view.js";

function button(parent, text, role, onClick) {
  const node = document.createElement("button");
  node.type = "button";
  node.textContent = text;
  node.dataset.role = role;
  node.addEventListener("click", onClick);
  parent.appendChild(node);
  return node;
}

const PLAY = "▶ Play the race";
const PAUSE = "❚❚ Pause";

/** The race figure on one parent element (made once; main.js hands it each new data). */
export class RaceFigure {
  constructor(parent) {
    this.root = document.createElement("div");
    this.root.className = "lf-root race-root";
    this.root.dataset.testid = "live-race";
    parent.appendChild(this.root);
    this.refs = buildRace(this.root);
    this.buildToolbar();
    this.seq = 0;
    this.width = 0;
    this.playing = null;
    this.control = new StartControl(this);
    this.control.bind(this.root);
    this.observer = new ResizeObserver(() => {
      const width = this.root.clientWidth;
      if (width && Math.abs(width - this.width) > 1 && this.data) {
        this.width = width;
        this.layout = null;
        this.render();
      }
    });
    this.observer.observe(this.root);
  }

  buildToolbar() {
    const bar = document.createElement("div");
    bar.className = "lf-toolbar race-toolbar";
    this.root.appendChild(bar);
    this.playButton = button(bar, PLAY, "play", () => this.togglePlay());
    const label = document.createElement("label");
    label.className = "race-scrub";
    this.scrub = document.createElement("input");
    this.scrub.type = "range";
    this.scrub.min = "0";
    this.scrub.step = "1";
    this.scrub.setAttribute("aria-label", "iteration shown");
    this.scrub.addEventListener("input", () => this.show(Number(this.scrub.value)));
    this.scrubText = document.createElement("span");
    label.append(this.scrub, this.scrubText);
    bar.appendChild(label);
    button(bar, "Download SVG", "svg", () => this.download("svg"));
    button(bar, "Download PNG", "png", () => this.download("png"));
    this.hint = document.createElement("span");
    this.hint.className = "lf-hint";
    bar.appendChild(this.hint);
  }

  /** The drag under way, or null. */
  get drag() {
    return this.control.drag;
  }

  /** New data from Python: shown at once, unless a drag or Play is under way. */
  receive(data) {
    if (this.drag || this.playing) {
      this.queued = data;
      return;
    }
    this.apply(data);
  }

  apply(data) {
    this.data = data;
    this.queued = null;
    this.setup = raceSetup(data.problem);
    this.controls = { ...data.controls, start: [...data.controls.start] };
    this.box = data.box;
    this.k = data.problem.iterations;
    this.scrub.max = String(this.k);
    this.scrub.value = String(this.k);
    this.root.classList.toggle("lf-presenting", Boolean(data.presenting));
    this.root.classList.toggle("lf-dark", Boolean(data.dark));
    this.root.style.setProperty("--lf-paper", data.palette.paper);
    this.hint.textContent = data.presenting ? "" : data.hint;
    this.width = this.root.clientWidth || this.width || 600;
    this.layout = null;
    this.runs = runRace(this.setup, this.controls, data.shown).runs;
    this.render();
  }

  /** A new start from the pointer or the keys: run every optimiser again and redraw. */
  moveStart(start) {
    const now = this.controls.start;
    if (start[0] === now[0] && start[1] === now[1]) return;
    this.controls = { ...this.controls, start };
    this.runs = runRace(this.setup, this.controls, this.data.shown).runs;
    const { exact, center } = this.data;
    const needed = viewBox([start, center, exact.w], Object.values(this.runs));
    this.box = unionBox(this.box, needed); // grown while the drag needs room, never shrunk
    this.render();
    stats.updates += 1;
  }

  /** Show iteration k of every run (the scrubber, Play). */
  show(k) {
    this.k = k;
    this.scrub.value = String(k);
    this.render();
  }

  render() {
    const started = performance.now();
    const data = this.data;
    const entries = data.presenting ? data.shown.length + 1 : data.shown.length + (data.labels.axis ? 5 : 4);
    this.layout ??= raceLayout(this.width, Boolean(data.presenting), data.title, entries);
    const transform = fitTransform(this.box, this.layout.plot);
    const { loss } = this.setup;
    const { lam, start } = this.controls;
    const scene = {
      data,
      layout: this.layout,
      transform,
      palette: data.palette,
      runs: this.runs,
      k: this.k,
      start,
      contours: objectiveContours(loss, lam, contourLevels(loss, lam, data.exact.w, start)),
    };
    const viewKey = `${JSON.stringify(transform.xRange)}${JSON.stringify(transform.yRange)}${this.layout.width}`;
    if (this.viewKey !== viewKey) {
      scene.entries = legendEntries(scene);
      drawStatic(this.refs, scene);
      this.viewKey = viewKey;
    }
    this.transform = transform;
    drawDynamic(this.refs, scene);
    this.scrubText.textContent = `iteration ${this.k} of ${data.problem.iterations}`;
    this.root.dataset.start = JSON.stringify(start);
    const ends = {};
    for (const slug of data.shown) ends[slug] = [this.runs[slug][2 * this.k], this.runs[slug][2 * this.k + 1]];
    this.root.dataset.ends = JSON.stringify(ends);
    stats.renders += 1;
    record(stats.renderTimes, performance.now() - started);
  }

  togglePlay() {
    if (this.playing) {
      this.stopPlay();
      return;
    }
    const frames = playFrames(this.data.problem.iterations);
    const began = performance.now();
    const seconds = 4;
    this.playButton.textContent = PAUSE;
    const tick = (now) => {
      if (!this.playing) return;
      const i = Math.min(frames.length - 1, Math.floor(((now - began) / (seconds * 1000)) * frames.length));
      this.show(frames[i]);
      if (i === frames.length - 1) this.stopPlay();
      else this.playing = requestAnimationFrame(tick);
    };
    this.playing = requestAnimationFrame(tick);
  }

  stopPlay() {
    if (this.playing) cancelAnimationFrame(this.playing);
    this.playing = null;
    this.playButton.textContent = PLAY;
    if (this.queued) this.apply(this.queued);
  }

  /** Report the start to Python once (a release): one rerun. */
  commit() {
    const [w1, w2] = this.controls.start;
    const sent = this.data.controls.start;
    if (w1 === sent[0] && w2 === sent[1]) {
      if (this.queued) this.apply(this.queued);
      return;
    }
    this.seq += 1;
    stats.commits += 1;
    this.queued = null; // the rerun this starts brings the data to show
    this.setStateValue("start", { w1_0: w1, w2_0: w2, seq: `${Date.now()}-${this.seq}` });
  }

  download(format) {
    downloadFigure(this.root, [{ svg: this.refs.svg }], this.data.palette, "sparsity-lab-training-race", format);
  }
}
