/**
 * The race figure's sizes (pure): the title's lines, the plot, the ticks and
 * the legend under the plot, in as many columns as the width holds, so that
 * the plot keeps the figure's whole width (at 1280 x 720 a legend beside it
 * took half). Presentation mode scales type and lines as live/figure does.
 */

import { PRESENT_FONT, PRESENT_LINE, PRESENT_MARKER } from "../figure/layout.js";

/** `text`'s lines ("<br>" breaks one), each wrapped at spaces to at most `chars` characters. */
export function wrapTitle(text, chars) {
  const lines = [];
  for (const part of text.split("<br>")) {
    let line = "";
    for (const word of part.split(" ")) {
      if (line && line.length + 1 + word.length > chars) {
        lines.push(line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    if (line) lines.push(line);
  }
  return lines;
}

/**
 * @param {number} width the figure's width in px
 * @param {boolean} presenting
 * @param {string} title Python's title ("<br>" between its lines)
 * @param {number} entries legend entries
 * @returns {object} fonts, line and marker scales, the title's lines, plot rect, legend grid
 */
export function raceLayout(width, presenting, title, entries) {
  const k = presenting ? PRESENT_FONT : 1;
  const titleFont = 15 * k;
  const tickFont = 12 * k;
  const legendFont = 13 * k;
  const lines = wrapTitle(title, Math.max(20, Math.floor((width - 8) / (titleFont * 0.5))));
  const titleHeight = Math.round(lines.length * titleFont * 1.3 + 8);
  const left = Math.round(tickFont * 2.6 + 20);
  const right = 10;
  const below = Math.round(tickFont * 1.4 + 14 * k * 1.3 + 8);
  const columnWidth = presenting ? 260 : 205;
  const columns = Math.max(1, Math.min(entries, Math.floor((width - 8) / columnWidth)));
  const legendRow = Math.round(legendFont * 1.55);
  const legendHeight = entries ? Math.ceil(entries / columns) * legendRow + 6 : 0;
  const plotWidth = Math.max(120, width - left - right);
  const budget = presenting ? 450 - titleHeight - below - legendHeight : 440;
  const plotHeight = Math.max(160, Math.min(budget, presenting ? budget : plotWidth * 1.1));
  const top = titleHeight;
  return {
    width,
    height: top + plotHeight + below + legendHeight,
    titleFont,
    tickFont,
    legendFont,
    lines,
    line: presenting ? PRESENT_LINE : 1,
    marker: presenting ? PRESENT_MARKER : 1,
    plot: { left, top, width: plotWidth, height: plotHeight },
    legend: { top: top + plotHeight + below, row: legendRow, columns, width: (width - 8) / columns },
  };
}

/** Ticks over [lo, hi]: a 1, 2 or 5 step giving about `count` of them. */
export function rangeTicks(lo, hi, count = 6) {
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) {
    out.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toFixed(6)));
  }
  return out;
}
