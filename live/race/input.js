/**
 * The start handle under a pointer (mouse, pen, finger) or the arrow keys.
 * As on the main page (live/figure/pointer.js, keys.js): moves are coalesced
 * to one redraw per animation frame, the start is snapped to its sliders'
 * grid as Python snaps a link's value, and only the release (pointerup,
 * keyup) reports to Python: one rerun per drag.
 */

import { snap } from "../figure/snap.js";
import { record, stats } from "../figure/stats.js";

const KEYS = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowDown: [1, -1], ArrowUp: [1, 1] };

/** The pointer's position in world units, through the SVG's screen matrix. */
function worldPoint(svg, event, transform) {
  const matrix = svg.getScreenCTM();
  if (!matrix) return null;
  const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
  return transform.toWorld(point.x, point.y);
}

/** The drag and the keys of a RaceFigure (figure.js). */
export class StartControl {
  constructor(figure) {
    this.figure = figure;
    this.drag = null;
    this.keyed = false;
    this.frameRequested = false;
  }

  bind(root) {
    root.addEventListener("pointerdown", (e) => this.onDown(e));
    root.addEventListener("pointermove", (e) => this.onMove(e));
    root.addEventListener("pointerup", (e) => this.onUp(e));
    root.addEventListener("pointercancel", (e) => this.onUp(e));
    // touch-action does not reach inside an SVG: hold the page still while the handle is touched.
    const holdStill = (e) => {
      if (this.drag || e.target.closest?.(".lf-handle")) e.preventDefault();
    };
    root.addEventListener("touchstart", holdStill, { passive: false });
    root.addEventListener("touchmove", holdStill, { passive: false });
    root.addEventListener("keydown", (e) => this.onKeyDown(e));
    root.addEventListener("keyup", (e) => this.onKeyUp(e));
  }

  /** The start snapped to the sliders' grid (clamped to their range). */
  snapped(point) {
    const { specs } = this.figure.data;
    return [snap(point[0], specs.w1_0), snap(point[1], specs.w2_0)];
  }

  onDown(event) {
    const figure = this.figure;
    if (!event.target.closest?.(".race-start") || this.drag || !figure.data || figure.playing) return;
    event.preventDefault();
    const { svg, handle } = figure.refs;
    const at = worldPoint(svg, event, figure.transform);
    if (!at) return;
    handle.focus({ preventScroll: true });
    try {
      svg.setPointerCapture(event.pointerId);
    } catch {
      // A synthetic pointer (a test's dispatched event) cannot be captured; moves still bubble here.
    }
    const start = figure.controls.start;
    this.drag = { pointerId: event.pointerId, offset: [start[0] - at[0], start[1] - at[1]], transform: figure.transform, latest: null, since: null };
    figure.root.classList.add("lf-dragging");
  }

  onMove(event) {
    const drag = this.drag;
    if (!drag || event.pointerId !== drag.pointerId) return;
    event.preventDefault();
    drag.latest = { clientX: event.clientX, clientY: event.clientY };
    if (drag.since === null) drag.since = event.timeStamp;
    if (!this.frameRequested) {
      this.frameRequested = true;
      requestAnimationFrame(() => this.frame());
    }
  }

  frame() {
    this.frameRequested = false;
    const drag = this.drag;
    if (!drag || !drag.latest) return;
    stats.frames += 1;
    this.apply(drag);
    if (drag.since !== null) {
      record(stats.latencies, performance.now() - drag.since);
      drag.since = null;
    }
  }

  apply(drag) {
    const point = worldPoint(this.figure.refs.svg, drag.latest, drag.transform);
    if (!point) return;
    const start = this.snapped([point[0] + drag.offset[0], point[1] + drag.offset[1]]);
    this.figure.moveStart(start);
  }

  onUp(event) {
    const drag = this.drag;
    if (!drag || event.pointerId !== drag.pointerId) return;
    if (event.type === "pointerup") {
      drag.latest = { clientX: event.clientX, clientY: event.clientY };
      this.apply(drag);
    }
    const { svg } = this.figure.refs;
    if (svg.hasPointerCapture?.(event.pointerId)) svg.releasePointerCapture(event.pointerId);
    this.drag = null;
    this.figure.root.classList.remove("lf-dragging");
    this.figure.commit();
  }

  onKeyDown(event) {
    const move = KEYS[event.key];
    const figure = this.figure;
    if (!move || !event.target.closest?.(".race-start") || this.drag || figure.playing) return;
    event.preventDefault();
    const [axis, direction] = move;
    const spec = axis === 0 ? figure.data.specs.w1_0 : figure.data.specs.w2_0;
    const start = [...figure.controls.start];
    start[axis] = start[axis] + direction * spec.step;
    this.keyed = true;
    figure.moveStart(this.snapped(start));
  }

  onKeyUp(event) {
    if (!KEYS[event.key] || !this.keyed) return;
    this.keyed = false;
    this.figure.commit();
  }
}
