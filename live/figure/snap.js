/**
 * A handle's value on its slider's grid low + k step, by the same rule as
 * Python's ui.url_values.snap, so that a drag and a link land on the same step.
 *
 * The grid index is counted in decimal, on the numbers as written (their
 * shortest round-trip text, which JavaScript's String and Python's repr agree
 * on), in integers: in binary floating point (0.05 + 3) / 0.1 is
 * 30.499999999999996, and Math.round would send a value exactly halfway
 * between two steps down instead of up. Pure (no DOM).
 */

/**
 * A finite number as written: an integer and a count of decimal places.
 * @param {number} number
 * @returns {{digits: bigint, places: number}} number = digits / 10^places, places >= 0
 */
export function asWritten(number) {
  const text = String(number);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(text);
  if (!match) throw new RangeError(`snap needs finite numbers, got ${text}`);
  const [, sign, whole, fraction = "", exponent = "0"] = match;
  const digits = BigInt(`${sign}${whole}${fraction}`);
  const places = fraction.length - Number(exponent);
  // 1e+21 has no decimals: scale its digits up rather than keep a negative count.
  if (places < 0) return { digits: digits * 10n ** BigInt(-places), places: 0 };
  return { digits, places };
}

/** `written`'s digits at `places` decimal places (places >= written.places). */
function atPlaces(written, places) {
  return written.digits * 10n ** BigInt(places - written.places);
}

/** floor(a / b) for b > 0 (BigInt division truncates toward zero). */
function floorDiv(a, b) {
  const q = a / b;
  return a % b < 0n ? q - 1n : q;
}

/**
 * `value` clamped to [low, high], put on the grid low + k step (halfway goes
 * up), and clamped again (ui.url_values.parse_number's clamp, snap, clamp).
 * @param {number} value
 * @param {{low: number, high: number, step: number}} spec the slider's range and step
 * @returns {number} the grid value, rounded to the decimals of low and step
 */
export function snap(value, spec) {
  const { low, high, step } = spec;
  const clamped = Math.min(Math.max(value, low), high);
  if (!(step > 0)) return clamped;
  const [v, l, s] = [clamped, low, step].map(asWritten);
  const common = Math.max(v.places, l.places, s.places);
  const [V, L, S] = [v, l, s].map((written) => atPlaces(written, common));
  // k = floor((V - L) / S + 1/2) = floor((2 (V - L) + S) / (2 S)): exact, ties up.
  const k = floorDiv(2n * (V - L) + S, 2n * S);
  const places = Math.max(l.places, s.places);
  // Number() of the decimal text is the double nearest to it, as Python's round gives.
  const snapped = Number(`${atPlaces(l, places) + k * atPlaces(s, places)}e-${places}`);
  return Math.min(Math.max(snapped, low), high);
}
