/**
 * Download: both panels as one standalone SVG (handles left out), or as a PNG
 * drawn from that SVG at twice the size (sharp on a projector).
 */

import { el, SVG } from "./svg.js";

/**
 * The panels as one standalone SVG document.
 * @param {object[]} panels each panel's elements (their .svg)
 * @param {object} palette the payload's colours (paper: the background)
 * @returns {{text: string, width: number, height: number}}
 */
export function exportSvg(panels, palette) {
  const gap = 16;
  const widths = panels.map((p) => Number(p.svg.getAttribute("width")));
  const heights = panels.map((p) => Number(p.svg.getAttribute("height")));
  const width = widths.reduce((a, b) => a + b, 0) + gap * (panels.length - 1);
  const height = Math.max(...heights);
  const root = document.createElementNS(SVG, "svg");
  root.setAttribute("xmlns", SVG);
  root.setAttribute("width", width);
  root.setAttribute("height", height);
  root.setAttribute("viewBox", `0 0 ${width} ${height}`);
  const bg = el("rect", { width, height, fill: palette.paper }, root);
  bg.setAttribute("x", 0);
  let x = 0;
  panels.forEach((p, i) => {
    const copy = p.svg.cloneNode(true);
    copy.querySelector(".lf-handles")?.remove();
    copy.setAttribute("x", x);
    copy.setAttribute("y", 0);
    copy.removeAttribute("class");
    root.appendChild(copy);
    x += widths[i] + gap;
  });
  return { text: new XMLSerializer().serializeToString(root), width, height };
}

/** Hand `blob` to the browser as a download named `filename` (a link inside `host`). */
function save(host, blob, filename) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = filename;
  host.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** The SVG text drawn onto a canvas at twice its size, saved as PNG. */
function savePng(host, { text, width, height }, filename) {
  const image = new Image();
  const url = URL.createObjectURL(new Blob([text], { type: "image/svg+xml" }));
  image.onload = () => {
    const canvas = document.createElement("canvas");
    canvas.width = width * 2;
    canvas.height = height * 2;
    const context = canvas.getContext("2d");
    context.scale(2, 2);
    context.drawImage(image, 0, 0);
    URL.revokeObjectURL(url);
    canvas.toBlob((blob) => save(host, blob, filename), "image/png");
  };
  image.src = url;
}

/**
 * Download the figure's panels.
 * @param {Element} host where the temporary download link goes
 * @param {object[]} panels each panel's elements
 * @param {object} palette the payload's colours
 * @param {string} name the file name without its extension
 * @param {"svg"|"png"} format
 */
export function downloadFigure(host, panels, palette, name, format) {
  const drawing = exportSvg(panels, palette);
  if (format === "svg") {
    save(host, new Blob([drawing.text], { type: "image/svg+xml" }), `${name}.svg`);
    return;
  }
  savePng(host, drawing, `${name}.png`);
}
