/**
 * Sizes of one One weight chart (pure): the title's lines, the plot box and
 * its axes (stacked when a figure has two), the legend's rows, and world <->
 * pixel for each axis. Presentation mode scales type by 1.45 and lines by
 * 1.8 and drops a long legend, as figures/adapt.py does for the Plotly charts.
 */

import { PRESENT_FONT, PRESENT_LINE, PRESENT_MARKER } from "../figure/layout.js";

/** Each figure's plot height in px (before presentation mode), and whether it is square. */
export const PLOT_HEIGHTS = { penalties: 380, problem_l1: 250, problem_l2: 250, shrinkage: 440, posterior: 250 };
const PRESENT_PLOT = 280; // projected, title + plot fit a 1280 x 720 screen
// Python's figures taller than figures.style.PRESENT_HEIGHT: projected, their legend goes
// when it has more than three entries (figures/adapt.py); the posterior's stays.
const TALL = new Set(["penalties", "problem_l1", "problem_l2", "shrinkage"]);
// The two problem charts stand side by side: one legend band, so that their plots and the
// formulas under them line up (the L1 chart's seven rows; figures/penalties.py does the same).
const LEGEND_BAND = { problem_l1: 7, problem_l2: 7 };
const AXIS_GAP = 34; // between two stacked axes

/** Split `text` at "<br>" and then into lines of at most `room` characters, at spaces. */
export function wrapText(text, room) {
  const out = [];
  for (const part of text.split("<br>")) {
    let current = "";
    for (const word of part.split(" ")) {
      const next = current ? `${current} ${word}` : word;
      if (next.length > room && current) {
        out.push(current);
        current = word;
      } else current = next;
    }
    out.push(current);
  }
  return out;
}

/** Tick values over [low, high]: a 1, 2 or 5 step giving about 4-8 ticks. */
export function niceTicks(low, high, target = 6) {
  const raw = (high - low) / target;
  if (!(raw > 0)) return [low];
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const out = [];
  for (let v = Math.ceil(low / step - 1e-9) * step; v <= high + step * 1e-9; v += step) {
    out.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toFixed(10)));
  }
  return out;
}

/** World <-> pixel for an axis box {left, top, width, height} showing x: [x0, x1], y: [y0, y1]. */
export function axisTransform(box, xRange, yRange) {
  const sx = box.width / (xRange[1] - xRange[0]);
  const sy = box.height / (yRange[1] - yRange[0]);
  return {
    box,
    x: (v) => box.left + (v - xRange[0]) * sx,
    y: (v) => box.top + (yRange[1] - v) * sy,
    toWorld: (px, py) => [xRange[0] + (px - box.left) / sx, yRange[1] - (py - box.top) / sy],
  };
}

/**
 * @param {string} panel the figure's name (models.js MODELS)
 * @param {object} model its model (axes, traces, title)
 * @param {number} width the chart's width in px
 * @param {boolean} presenting
 * @param {object|null} reserve {titleLines, legendRows} to keep at least (a drag: the chart's
 *   height must not jump when a label grows by a line)
 * @returns {object} {width, height, font sizes, line, marker, titleLines, axes: {id: box},
 *   legend: [{text, trace}], legendTop, legendRow}
 */
export function chartLayout(panel, model, width, presenting, reserve = null) {
  const k = presenting ? PRESENT_FONT : 1;
  const titleFont = 16 * k;
  const tickFont = 13 * k;
  const font = 13 * k;
  const legendFont = 12.5 * k;
  const charWidth = 0.5;
  const titleLines = wrapText(model.title, Math.max(12, Math.floor((width - 16) / (titleFont * charWidth))));
  const titleRows = Math.max(titleLines.length, reserve?.titleLines ?? 0);
  const top = Math.round(titleRows * titleFont * 1.3 + 14);
  const left = Math.round(tickFont * 2.6 + (Object.values(model.axes).some((a) => a.yTitle) ? font * 1.6 : 0) + 8);
  const right = 14;
  const plotWidth = Math.max(120, width - left - right);
  let plotHeight = PLOT_HEIGHTS[panel] ?? 260;
  if (presenting) plotHeight = Math.min(plotHeight, PRESENT_PLOT);
  if (model.square) plotHeight = Math.min(plotHeight, plotWidth);
  const boxWidth = model.square ? plotHeight : plotWidth;
  const axes = {};
  const entries = Object.entries(model.axes);
  const each = (plotHeight - AXIS_GAP * (entries.length - 1)) / entries.length;
  entries.forEach(([id], i) => {
    axes[id] = { left, top: top + i * (each + AXIS_GAP), width: boxWidth, height: each };
  });
  const below = Math.round(tickFont * 1.4 + font * 1.6 + 10);
  const named = model.traces.filter((t) => t.name);
  // Projected, a long legend would take the plot's room (figures/adapt.py drops it too).
  const showLegend = !presenting || !TALL.has(panel) || named.length <= 3;
  const room = Math.max(16, Math.floor((width - 52) / (legendFont * charWidth)));
  const legend = [];
  if (showLegend) {
    for (const trace of named) {
      wrapText(trace.name, room).forEach((text, i) => legend.push({ text, trace: i === 0 ? trace : null }));
    }
  }
  const legendRow = Math.round(legendFont * 1.45);
  const legendTop = top + plotHeight + below;
  const band = legend.length ? (LEGEND_BAND[panel] ?? 0) : 0;
  const legendRows = Math.max(legend.length, band, reserve?.legendRows ?? 0);
  return {
    width,
    height: legendTop + legendRows * legendRow + (legendRows ? 8 : 0),
    titleRows,
    legendRows,
    titleFont,
    tickFont,
    font,
    legendFont,
    line: presenting ? PRESENT_LINE : 1,
    marker: presenting ? PRESENT_MARKER : 1,
    titleLines,
    axes,
    legend,
    legendTop,
    legendRow,
  };
}
