/** 10^0 .. 10^15, all exact doubles. */
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);
/** More digits than this may not fit a double's 53-bit mantissa exactly. */
const MAX_DIGITS = 15;

/**
 * The values of a label line made only of plain decimals separated by single spaces, the shape
 * nearly every label file has ("0 0.481250 0.633333 0.237500 0.213333"), or undefined for anything
 * else (an exponent, hex, inf/nan, a stray character, more than 15 digits): that line then takes the
 * token path, Number() and its findings. The values are exactly Number()'s: a mantissa below 2^53
 * divided by an exact power of ten is the correctly rounded decimal (Clinger's fast path). This
 * avoids a substring and a string-to-number conversion per value, the label parser's largest cost.
 */
export function scanPlainLine(line: string): number[] | undefined {
  const values: number[] = [];
  const n = line.length;
  let i = 0;
  while (i < n) {
    let c = line.charCodeAt(i);
    const negative = c === 45; /* - */
    if (negative || c === 43 /* + */) i++;
    let mantissa = 0;
    let digits = 0;
    let scale = 0;
    while (i < n && (c = line.charCodeAt(i)) >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      i++;
    }
    if (digits === 0) return undefined;
    if (i < n && line.charCodeAt(i) === 46 /* . */) {
      i++;
      while (i < n && (c = line.charCodeAt(i)) >= 48 && c <= 57) {
        mantissa = mantissa * 10 + (c - 48);
        digits++;
        scale++;
        i++;
      }
    }
    if (digits > MAX_DIGITS) return undefined;
    if (i < n) {
      if (line.charCodeAt(i) !== 32 /* space */ || i === n - 1) return undefined;
      i++;
    }
    const value = mantissa / POW10[scale]!;
    values.push(negative ? -value : value);
  }
  return values;
}
