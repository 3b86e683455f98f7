/**
 * The arrow keys on a focused handle: one slider step per press, redrawn at
 * once; the release of the key commits the controls to Python (one rerun).
 */

import { keyToControls } from "./controls.js";
import { stats } from "./stats.js";

const ARROWS = new Set(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"]);

/** The keyboard on the handles of a LiveFigure (figure.js). */
export class KeyControl {
  /**
   * @param {object} figure the LiveFigure whose handles the keys move
   * @param {Function} [toControls] another figure's keys (kind, view, key, context) ->
   *   changes or null, in place of this page's (controls.js keyToControls)
   */
  constructor(figure, toControls = keyToControls) {
    this.figure = figure;
    this.toControls = toControls;
    this.keyed = false;
  }

  /** Listen on the figure's root (key events bubble up from the focused handle). */
  bind(root) {
    root.addEventListener("keydown", (event) => this.onKeyDown(event));
    root.addEventListener("keyup", (event) => this.onKeyUp(event));
  }

  onKeyDown(event) {
    if (!ARROWS.has(event.key)) return;
    const figure = this.figure;
    const target = figure.handleOf(event);
    if (!target || figure.playing || figure.drag) return;
    event.preventDefault();
    const changes = this.toControls(target.kind, figure.view, event.key, {
      side: target.panel.data.side,
      specs: figure.data.specs,
    });
    if (!changes) return;
    figure.view = { ...figure.view, ...changes };
    this.keyed = true;
    figure.render();
    stats.updates += 1;
  }

  onKeyUp(event) {
    if (!ARROWS.has(event.key) || !this.keyed) return;
    this.keyed = false;
    this.figure.commit();
  }
}
