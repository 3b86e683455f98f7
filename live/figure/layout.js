/**
 * Sizes of one panel (pure): where the title, the square plot and the legend
 * go, and how marker symbols and line dashes are drawn. Presentation mode
 * scales type by 1.45 and lines by 1.8, as figures/style.adapt_figure does
 * for the Plotly figures, and drops the legend (the title states the
 * conclusion).
 */

export const PRESENT_FONT = 1.45;
export const PRESENT_LINE = 1.8;
export const PRESENT_MARKER = 1.5;
export const LEGEND_ROWS = 9;

/**
 * @param {number} width the panel's width in px
 * @param {boolean} presenting
 * @returns {object} {width, height, font, titleFont, tickFont, legendFont, line, marker,
 *   plot: {left, top, size}, legendTop, legendRow, legendRows}
 */
export function panelLayout(width, presenting) {
  const k = presenting ? PRESENT_FONT : 1;
  const font = 14 * k;
  const titleFont = 17 * k;
  const tickFont = 13 * k;
  const legendFont = 13 * k;
  const maxHeight = presenting ? 450 : 640;
  const titleBlock = Math.round(2 * titleFont * 1.3 + 12);
  const legendRows = presenting ? 0 : LEGEND_ROWS;
  const legendRow = Math.round(legendFont * 1.55);
  const legendBlock = legendRows ? legendRows * legendRow + 6 : 0;
  const below = Math.round(tickFont * 1.5 + font * 1.5 + 8);
  const left = Math.round(tickFont * 2.4 + font * 1.4 + 10);
  const right = 14;
  const size = Math.max(120, Math.floor(Math.min(width - left - right, maxHeight - titleBlock - below - legendBlock)));
  const plotLeft = left + Math.max(0, Math.floor((width - left - right - size) / 2));
  return {
    width,
    height: titleBlock + size + below + legendBlock,
    font,
    titleFont,
    tickFont,
    legendFont,
    line: presenting ? PRESENT_LINE : 1,
    marker: presenting ? PRESENT_MARKER : 1,
    plot: { left: plotLeft, top: titleBlock, size },
    legendTop: titleBlock + size + below,
    legendRow,
    legendRows,
  };
}

/** SVG stroke-dasharray for a Plotly dash name at line width `width`. */
export function dashArray(dash, width) {
  const unit = Math.max(width, 1);
  const pattern = { dash: [3, 2], dot: [0.01, 2], longdash: [5, 2], dashdot: [3, 1.5, 0.01, 1.5] }[dash];
  return pattern ? pattern.map((v) => (v * unit * 1.6).toFixed(1)).join(" ") : "none";
}

/** An SVG path of a marker symbol of diameter `size` centred on (0, 0). */
export function symbolPath(symbol, size) {
  const r = size / 2;
  const f = (v) => v.toFixed(2);
  switch (symbol) {
    case "diamond":
      return `M0,${f(-r * 1.2)}L${f(r * 1.2)},0L0,${f(r * 1.2)}L${f(-r * 1.2)},0Z`;
    case "square":
      return `M${f(-r * 0.9)},${f(-r * 0.9)}H${f(r * 0.9)}V${f(r * 0.9)}H${f(-r * 0.9)}Z`;
    case "triangle-up":
      return `M0,${f(-r * 1.15)}L${f(r)},${f(r * 0.7)}L${f(-r)},${f(r * 0.7)}Z`;
    case "star": {
      let d = "";
      for (let k = 0; k < 10; k += 1) {
        const radius = k % 2 === 0 ? r * 1.25 : r * 0.5;
        const a = -Math.PI / 2 + (k * Math.PI) / 5;
        d += `${k === 0 ? "M" : "L"}${f(radius * Math.cos(a))},${f(radius * Math.sin(a))}`;
      }
      return `${d}Z`;
    }
    case "x": {
      const a = r * 0.75;
      return `M${f(-a)},${f(-a)}L${f(a)},${f(a)}M${f(-a)},${f(a)}L${f(a)},${f(-a)}`;
    }
    default: // circle
      return `M${f(-r)},0A${f(r)},${f(r)} 0 1 0 ${f(r)},0A${f(r)},${f(r)} 0 1 0 ${f(-r)},0Z`;
  }
}

/** Two panels side by side, or stacked when each would be narrower than `minimum` px. */
export function arrangePanels(totalWidth, count, gap = 16, minimum = 330) {
  const side = (totalWidth - gap * (count - 1)) / count;
  if (count > 1 && side < minimum) return { columns: 1, width: Math.floor(totalWidth) };
  return { columns: count, width: Math.floor(side) };
}
