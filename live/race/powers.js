/**
 * beta^t correctly rounded, for Adam's bias corrections 1 - beta^t.
 *
 * Adam hovers round the kink chaotically: a last-bit difference in one
 * correction grows, over a long run, into a visibly different path. V8's
 * `**` differs from C's pow (which numpy's scalar beta**t calls, correctly
 * rounded for these arguments) in the last bit for about one t in ten, so
 * the powers are computed exactly here instead: beta = m 2^e with m an
 * integer, beta^t = m^t 2^(e t) in BigInt, rounded once to the nearest double
 * (ties to even). Only the top 256 bits of m^t are kept, with a sticky bit
 * for what was cut: the rounding can then be wrong only if m^t lay within
 * 2^-200 of a halfway point. Pure (no DOM); a table per beta, grown on demand.
 */

const tables = new Map();

/** The integer m and exponent e with x = m 2^e exactly (x a positive finite double). */
function decompose(x) {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  if (exponent === 0) return { m: fraction, e: -1074 };
  return { m: fraction | (1n << 52n), e: exponent - 1075 };
}

function bitLength(n) {
  const hex = n.toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(parseInt(hex[0], 16)));
}

/** The double nearest to (n + sticky) 2^e (n > 0 a BigInt, sticky a tiny positive part). */
function nearest(n, e, sticky) {
  const shift = bitLength(n) - 53;
  if (shift <= 0) return Number(n) * 2 ** e;
  let top = n >> BigInt(shift);
  const rest = n - (top << BigInt(shift));
  const half = 1n << BigInt(shift - 1);
  if (rest > half || (rest === half && (sticky || (top & 1n) === 1n))) top += 1n;
  // top < 2^54 and the scale a power of two: both steps below are exact.
  return Number(top) * 2 ** (e + shift);
}

/**
 * beta^t for t = 1..count (index t - 1), each correctly rounded.
 * @param {number} beta in (0, 1)
 * @param {number} count
 * @returns {Float64Array}
 */
export function powers(beta, count) {
  let table = tables.get(beta);
  if (!table || table.values.length < count) {
    const { m, e } = decompose(beta);
    const values = new Float64Array(Math.max(count, 16));
    let exact = 1n;
    let scale = 0;
    let sticky = false;
    for (let t = 1; t <= values.length; t += 1) {
      exact *= m;
      const cut = bitLength(exact) - 256;
      if (cut > 0) {
        const kept = exact >> BigInt(cut);
        sticky ||= exact !== kept << BigInt(cut);
        exact = kept;
        scale += cut;
      }
      const value = nearest(exact, e * t + scale, sticky);
      values[t - 1] = value;
      if (value < 1e-300) break; // the rest underflow to 0 in the corrections' arithmetic
    }
    table = { values };
    tables.set(beta, table);
  }
  return table.values;
}
