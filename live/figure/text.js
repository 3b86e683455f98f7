/**
 * Words of the live figure while a handle moves, for the browser's own exact
 * solution: at rest the figure shows what Python sent (each panel's label,
 * badge, colour, title and legend, computed once by lessons/words.py and
 * figures/labels.py). These are the same phrases as Python's badge_text,
 * badge_colour, figure_title, region_legend and format_number, so that the
 * live preview and Python's redraw on release say the same thing:
 * tests/test_live_figure.py compares the two on random solutions.
 */

const SUBSCRIPT = ["w1", "w2"];

/** Python's f"{value:.{digits}g}" for the plain (non-exponent) range the figure uses. */
export function formatG(value, digits) {
  if (value === 0) return "0";
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  if (magnitude < -4 || magnitude >= digits) {
    const [mantissa, exponent] = value.toExponential(digits - 1).split("e");
    const sign = exponent[0] === "-" ? "-" : "+";
    const digitsText = exponent.replace(/^[+-]/, "").padStart(2, "0");
    return `${stripZeros(mantissa)}e${sign}${digitsText}`;
  }
  return stripZeros(value.toPrecision(digits));
}

function stripZeros(text) {
  return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
}

/** Four significant digits; an exact zero is "0", a tiny non-zero is not (format_number). */
export function formatNumber(value) {
  if (value === 0) return "0";
  if (Math.abs(value) < 1e-3 || Math.abs(value) >= 1e4) {
    const [mantissa, exponent] = value.toExponential(3).split("e");
    const sign = exponent[0] === "-" ? "-" : "+";
    return `${mantissa}e${sign}${exponent.replace(/^[+-]/, "").padStart(2, "0")}`;
  }
  return formatG(value, 4);
}

/** "(a, b)" (format_point). */
export function formatPoint(w) {
  return `(${w.map(formatNumber).join(", ")})`;
}

/** "w1 = 0" style statement of the exact zeros. */
export function zeroStatement(solution) {
  return solution.zeros.map((i) => `${SUBSCRIPT[i]} = 0`).join(" and ");
}

/** One short phrase: is the solution sparse, exactly? (badge_text) */
export function badgeText(solution) {
  if (solution.zeros.length === solution.w.length) return "w = 0 exactly: every weight is zero";
  if (!solution.active && solution.zeros.length === 0) return "inside the region: no zeros, no shrinkage";
  if (solution.zeros.length) return `${zeroStatement(solution)} exactly: sparse`;
  return "no exact zeros: not sparse";
}

/** The badge's colour name (lessons.words.badge_colour). */
export function badgeColour(solution) {
  if (solution.zeros.length) return "green";
  return solution.active ? "orange" : "gray";
}

/** "L1", "L0.5", "Elastic net (α=0.3)" (figures.names.region_name). */
export function regionName(region) {
  if (region.kind === "elasticnet") return `Elastic net (α=${formatG(region.l1Ratio, 6)})`;
  if (region.kind === "lp") return `L${formatG(region.p, 6)}`;
  return { l1: "L1", l2: "L2", linf: "L∞" }[region.kind];
}

const NORM_TEXT = { l1: "‖w‖₁", l2: "‖w‖₂", linf: "‖w‖∞", elasticnet: "α‖w‖₁ + (1−α)‖w‖₂²" };

/** The region's legend entry (region_legend). */
export function regionLegend(region) {
  const norm = NORM_TEXT[region.kind] ?? `‖w‖_${formatG(region.p, 6)}`;
  let text = `${regionName(region)}: ${norm} ≤ ${formatG(region.radius, 3)}`;
  if (region.kind === "elasticnet") {
    const a = region.l1Ratio;
    text += ` (scikit-learn's l1_ratio ${formatG(a / (2 - a), 3)})`;
  }
  return text;
}

/** A title that states the conclusion (figure_title). */
export function figureTitle(region, solution) {
  if (region === null) return "The penalty wins outright → w = 0";
  const label = regionName(region);
  if (!solution.active) return `${label}: ŵ fits the budget, nothing to shrink`;
  if (solution.face === "vertex" && solution.zeros.length) {
    const axis = 2 - solution.zeros[0];
    const tip = region.kind === "lp" && region.p < 1 ? "spike" : "corner";
    return `${label}: ${tip} on the w${axis} axis → ${zeroStatement(solution)}`;
  }
  if (solution.zeros.length) {
    return `${label}: on an axis by coincidence, not a corner → ${zeroStatement(solution)}`;
  }
  if (solution.face === "vertex") return `${label}: a corner off the axes → no zeros`;
  if (solution.face === "edge") return `${label}: an edge, not a corner → no zeros`;
  return `${label}: a smooth point off the axes → no zeros`;
}

/** The axis highlight's legend entry, or "" when no single weight is zero. */
export function axisLegend(solution) {
  if (solution.zeros.length !== 1) return "";
  return `${zeroStatement(solution)}: on the w${2 - solution.zeros[0]} axis`;
}

/** The cone's legend entry. */
export function coneLegend(cone) {
  if (cone.kind === "ray") return "normal cone: one ray";
  if (cone.kind === "wedge") return `normal cone: a wedge of ${Math.round(cone.opening)}°`;
  return "normal cone: a half-plane";
}
