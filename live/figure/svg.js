/**
 * The few DOM helpers the renderer shares: make an SVG or HTML element, and
 * set attributes only when they change (a drag sets them on every animation
 * frame; an unchanged attribute costs the browser nothing). Nothing touches
 * the DOM at import: the functions run only when the figure draws.
 */

export const SVG = "http://www.w3.org/2000/svg";

/**
 * A new SVG element with `attrs`, appended to `parent` when given.
 * @param {string} tag
 * @param {object} [attrs]
 * @param {Element|null} [parent]
 * @returns {SVGElement}
 */
export function el(tag, attrs = {}, parent = null) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (parent) parent.appendChild(node);
  return node;
}

/**
 * Set the attributes of `node` that differ from `attrs`.
 * @param {Element} node
 * @param {object} attrs
 */
export function set(node, attrs) {
  for (const [name, value] of Object.entries(attrs)) {
    if (node.getAttribute(name) !== String(value)) node.setAttribute(name, value);
  }
}

/**
 * Hide each of `nodes`.
 * @param {...Element} nodes
 */
export function hide(...nodes) {
  for (const node of nodes) set(node, { visibility: "hidden" });
}

/**
 * A new HTML element with a class, appended to `parent` when given.
 * @param {string} tag
 * @param {string} className
 * @param {Element|null} parent
 * @returns {HTMLElement}
 */
export function html(tag, className, parent) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (parent) parent.appendChild(node);
  return node;
}
