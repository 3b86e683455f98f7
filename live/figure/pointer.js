/**
 * Dragging a handle with a pointer (mouse, pen or finger).
 *
 * Moves are coalesced to one redraw per animation frame; nothing goes to
 * Python until the release (pointerup or pointercancel), which commits the
 * controls once: one rerun per drag.
 */

import { dragToControls, shapeHandle } from "./controls.js";
import { axisIntercept } from "./geometry.js";
import { changedControls } from "./model.js";
import { record, stats } from "./stats.js";

/** The pointer's position in world units, through the SVG's screen matrix. */
function worldPoint(panel, event, transform) {
  const matrix = panel.refs.svg.getScreenCTM();
  if (!matrix) return null;
  const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
  return transform.toWorld(point.x, point.y);
}

/** The drag of one handle of a LiveFigure (figure.js). */
export class PointerControl {
  /**
   * @param {object} figure the LiveFigure whose handles this drags
   * @param {object} [mapping] another figure's handles: {handlePoint(kind, panel),
   *   dragToControls(drag, point) -> {changes}} in place of this page's (controls.js)
   */
  constructor(figure, mapping = {}) {
    this.figure = figure;
    this.mapping = mapping;
    this.drag = null;
    this.frameRequested = false;
  }

  /** Listen on the figure's root (events bubble up from the handles). */
  bind(root) {
    root.addEventListener("pointerdown", (event) => this.onPointerDown(event));
    root.addEventListener("pointermove", (event) => this.onPointerMove(event));
    root.addEventListener("pointerup", (event) => this.onPointerUp(event));
    root.addEventListener("pointercancel", (event) => this.onPointerUp(event));
    // CSS touch-action does not reach inside an SVG, so a finger on a handle
    // would pan the page (and cancel the pointer): hold the page still instead,
    // only while a handle is touched; elsewhere the figure scrolls as usual.
    const holdStill = (event) => {
      if (this.drag || event.target.closest?.(".lf-handle")) event.preventDefault();
    };
    root.addEventListener("touchstart", holdStill, { passive: false });
    root.addEventListener("touchmove", holdStill, { passive: false });
  }

  /** Where the handle `kind` of `panel` is drawn now (world units). */
  handlePoint(kind, panel) {
    if (this.mapping.handlePoint) return this.mapping.handlePoint(kind, panel);
    const { model } = panel;
    if (kind === "centre") return model.center;
    if (kind === "budget") return [axisIntercept(model.region), 0];
    const { view, shapeSide } = this.figure;
    return shapeHandle(model.center, view.cond, view.angle, panel.transform.limit, shapeSide);
  }

  onPointerDown(event) {
    const figure = this.figure;
    const target = figure.handleOf(event);
    if (!target || figure.playing || this.drag || !figure.data) return;
    event.preventDefault();
    const { panel, kind } = target;
    const transform = panel.transform;
    const start = worldPoint(panel, event, transform);
    if (!start) return;
    const at = this.handlePoint(kind, panel);
    target.g.focus({ preventScroll: true });
    try {
      panel.refs.svg.setPointerCapture(event.pointerId);
    } catch {
      // A synthetic pointer (a test's dispatched event) cannot be captured; moves still bubble here.
    }
    // The offset keeps the handle where it was grabbed, not centred under the pointer.
    const offset = [at[0] - start[0], at[1] - start[1]];
    this.drag = { kind, panel, transform, pointerId: event.pointerId, offset, latest: null, since: null };
    figure.root.classList.add("lf-dragging");
  }

  onPointerMove(event) {
    const drag = this.drag;
    if (!drag || event.pointerId !== drag.pointerId) return;
    event.preventDefault();
    drag.latest = { clientX: event.clientX, clientY: event.clientY };
    if (drag.since === null) drag.since = event.timeStamp;
    if (!this.frameRequested) {
      this.frameRequested = true;
      requestAnimationFrame(() => this.dragFrame());
    }
  }

  /** One animation frame of a drag: the latest pointer position -> controls -> redraw. */
  dragFrame() {
    this.frameRequested = false;
    const drag = this.drag;
    if (!drag || !drag.latest) return;
    stats.frames += 1;
    this.applyPointer(drag);
    if (drag.since !== null) {
      record(stats.latencies, performance.now() - drag.since);
      drag.since = null;
    }
  }

  applyPointer(drag) {
    const figure = this.figure;
    const point = worldPoint(drag.panel, drag.latest, drag.transform);
    if (!point) return;
    const target = [point[0] + drag.offset[0], point[1] + drag.offset[1]];
    const { changes, shapeSide } = this.mapping.dragToControls
      ? this.mapping.dragToControls(drag, target)
      : dragToControls(drag.kind, figure.view, target, {
          side: drag.panel.data.side,
          region: drag.panel.model.region ?? drag.panel.data.region,
          limit: drag.transform.limit,
          specs: figure.data.specs,
        });
    if (shapeSide !== undefined) figure.shapeSide = shapeSide;
    const next = { ...figure.view, ...changes };
    if (Object.keys(changedControls(next, figure.view, figure.data.viewKeys)).length === 0) return;
    figure.view = next;
    figure.render();
    stats.updates += 1;
  }

  onPointerUp(event) {
    const drag = this.drag;
    if (!drag || event.pointerId !== drag.pointerId) return;
    if (event.type === "pointerup") {
      drag.latest = { clientX: event.clientX, clientY: event.clientY };
      this.applyPointer(drag);
    }
    if (drag.panel.refs.svg.hasPointerCapture?.(event.pointerId)) {
      drag.panel.refs.svg.releasePointerCapture(event.pointerId);
    }
    this.drag = null;
    this.figure.root.classList.remove("lf-dragging");
    this.figure.commit();
  }
}
