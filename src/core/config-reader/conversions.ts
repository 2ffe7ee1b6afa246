import { boundedInt, intToFloat } from './numbers.js';
import { stringRepr } from './repr.js';
import { pyError } from './signals.js';
import { pyTypeName, type PyValue } from './values.js';

const WHITESPACE = String.raw`[ \t\n\r\x0b\x0c\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*`;
const DIGITS = String.raw`\d(?:_?\d)*`;
const INT_TEXT = new RegExp(`^${WHITESPACE}([+-]?${DIGITS})${WHITESPACE}$`);
const FLOAT_TEXT = new RegExp(String.raw`^${WHITESPACE}([+-]?(?:(?:(?:${DIGITS})?\.${DIGITS}|${DIGITS}\.?)(?:[eE][+-]?${DIGITS})?|inf|infinity|nan))${WHITESPACE}$`, 'i');

/** Python's `int(x)` and `float(x)` for numbers, bools and decimal strings. */
export function numberFromValue(to: 'int' | 'float', v: PyValue): bigint | number {
  if (typeof v === 'boolean') return to === 'int' ? (v ? 1n : 0n) : v ? 1 : 0;
  if (typeof v === 'bigint') return to === 'int' ? v : intToFloat(v);
  if (typeof v === 'number') return to === 'float' ? v : floatToInt(v);
  if (typeof v === 'string') {
    const m = (to === 'int' ? INT_TEXT : FLOAT_TEXT).exec(v);
    if (!m) {
      throw pyError(to === 'int' ? `ValueError: invalid literal for int() with base 10: ${stringRepr(v)}`
        : `ValueError: could not convert string to float: ${stringRepr(v)}`);
    }
    const text = m[1]!.replace(/_/g, '');
    if (to === 'int') return boundedInt(BigInt(text));
    const word = text.replace(/^[+-]/, '').toLowerCase();
    const sign = text.startsWith('-') ? -1 : 1;
    return word === 'nan' ? NaN : word.startsWith('inf') ? sign * Infinity : Number(text);
  }
  throw pyError(`TypeError: ${to}() argument must be a string or a real number, not '${pyTypeName(v)}'`);
}

function floatToInt(x: number): bigint {
  if (Number.isNaN(x)) throw pyError('ValueError: cannot convert float NaN to integer');
  if (!Number.isFinite(x)) throw pyError('OverflowError: cannot convert float infinity to integer');
  return BigInt(Math.trunc(x));
}
