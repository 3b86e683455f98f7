/**
 * The Training page's race, as an st.components.v2 component:
 * `export default function ({data, parentElement, setStateValue})`.
 *
 * Streamlit calls it again on the same parentElement with each new data; the
 * figure lives on the element. While the start is dragged (or moved with the
 * arrow keys) the browser runs every optimiser again on each animation
 * frame; the release reports the start once with setStateValue("start"),
 * one rerun, and Python's tables and words follow.
 */

import { shared, stats } from "../figure/stats.js";
import { RaceFigure } from "./figure.js";

export { stats };

export default function mount({ data, parentElement, setStateValue }) {
  let figure = parentElement.__sparsityRace;
  if (!figure) {
    figure = new RaceFigure(parentElement);
    parentElement.__sparsityRace = figure;
    shared.race = figure; // for tests and the benchmark: window.__sparsityLab.race
  }
  figure.setStateValue = setStateValue;
  if (data) figure.receive(data);
}
