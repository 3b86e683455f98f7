/**
 * The One weight page's live charts, as st.components.v2 components:
 * `export default function ({data, parentElement, setStateValue})`, called
 * again on the same element with each new data from Python. The page mounts
 * one per chart (penalties, the two one-weight problems, the shrinkage
 * operators, the posterior); they share one view (figure.js), so that
 * dragging a or λ on any of them moves them all, solved here on every
 * animation frame, and the release reports to Python once.
 */

import { OneWeightFigure } from "./figure.js";

/** The component's entry point (Streamlit calls it on mount and on each new data). */
export default function mount({ data, parentElement, setStateValue }) {
  let figure = parentElement.__sparsityOneWeight;
  if (!figure) {
    figure = new OneWeightFigure(parentElement);
    parentElement.__sparsityOneWeight = figure;
  }
  figure.setStateValue = setStateValue;
  if (data) figure.receive(data);
}
