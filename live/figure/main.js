/**
 * The live figure of the Constraint regions page, as an st.components.v2
 * component: `export default function ({data, parentElement, setStateValue})`.
 *
 * Streamlit calls the default export again, on the same parentElement,
 * whenever Python sends new data; the figure therefore lives on the element
 * (made once) and each call only hands it the new data.
 *
 * While a handle is dragged (pointer events: mouse, pen or finger) or moved
 * with the arrow keys, the figure recomputes on each animation frame with the
 * exact solve2d; nothing is sent to Python until the release (pointerup,
 * keyup), which reports the final controls once, with setStateValue: one
 * rerun per drag. Python then solves again (the reference) and sends its
 * answer back as new data.
 *
 * The parts: figure.js (the figure: data, layout, drawing, commit), pointer.js
 * and keys.js (input), player.js (Play), download.js, and the drawing in
 * panel_dom.js, static_layer.js, dynamic_layer.js, legend.js and handles.js.
 */

import { LiveFigure } from "./figure.js";
import { shared, stats } from "./stats.js";

export { stats };

/** The component's entry point (Streamlit calls it on mount and on each new data). */
export default function mount({ data, parentElement, setStateValue }) {
  let figure = parentElement.__sparsityLiveFigure;
  if (!figure) {
    figure = new LiveFigure(parentElement);
    parentElement.__sparsityLiveFigure = figure;
    shared.figure = figure; // for tests and the benchmark: window.__sparsityLab.figure
  }
  figure.setStateValue = setStateValue;
  if (data) figure.receive(data);
}
