/**
 * Play, on the figure: the budget sweeps from the slider's top to 0 and back
 * on the clock (play.js sweepBudget), one redraw per animation frame, tracing
 * each panel's solution path on the way down. Handles hide while it plays;
 * data Python sends meanwhile waits until it stops.
 */

import { sweepBudget } from "./play.js";
import { stats } from "./stats.js";

export const PLAY_LABEL = "▶ Play: t from 3 to 0 and back";
const STOP_LABEL = "■ Stop";

/** Play for a LiveFigure (figure.js). */
export class Player {
  /**
   * @param {object} figure the LiveFigure to play
   * @param {HTMLButtonElement} button the Play / Stop button
   */
  constructor(figure, button) {
    this.figure = figure;
    this.button = button;
    this.playing = null;
  }

  /** Start, or stop a sweep under way. */
  toggle() {
    if (this.playing) {
      this.stop();
      return;
    }
    const figure = this.figure;
    if (figure.drag) return;
    figure.paths = {};
    this.playing = { start: performance.now(), lastElapsed: 0, tMax: figure.data.specs.t.high };
    this.button.textContent = STOP_LABEL;
    figure.root.classList.add("lf-playing");
    requestAnimationFrame((now) => this.frame(now));
  }

  /** One animation frame: the budget for the time elapsed, drawn. */
  frame(now) {
    const play = this.playing;
    if (!play) return;
    const elapsed = (now - play.start) / 1000;
    const seconds = this.figure.data.playSeconds;
    // Never skip the turn: t = 0 exactly is drawn (the L2 path reaches 0 only there).
    if (play.lastElapsed < seconds && elapsed >= seconds) this.drawAt(0, true);
    play.lastElapsed = elapsed;
    const { t, done, falling } = sweepBudget(elapsed, play.tMax, seconds);
    if (done) {
      this.stop();
      return;
    }
    this.drawAt(t, falling);
    requestAnimationFrame((next) => this.frame(next));
  }

  /** Every budget handle's panel at t; `trace` adds the solutions to the paths. */
  drawAt(t, trace) {
    const figure = this.figure;
    const view = { ...figure.view };
    for (const panel of figure.panels) if (panel.data.budgetHandle) view[`${panel.data.side}_t`] = t;
    figure.view = view;
    figure.render({ trace });
    stats.frames += 1;
  }

  /** Stop, keep the paths drawn, and show Python's data (any that arrived meanwhile). */
  stop() {
    const figure = this.figure;
    this.playing = null;
    this.button.textContent = PLAY_LABEL;
    figure.root.classList.remove("lf-playing");
    figure.keepPaths = true;
    figure.apply(figure.queued ?? figure.data);
  }
}
