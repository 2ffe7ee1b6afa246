import { pyError, unsupported } from './signals.js';

/** Python float arithmetic where it differs from JavaScript's: `//`, `%`, `**` and their errors. */
export function floatOp(op: string, x: number, y: number): number {
  switch (op) {
    case '+': return x + y;
    case '-': return x - y;
    case '*': return x * y;
    case '/':
      if (y === 0) throw pyError('ZeroDivisionError: float division by zero');
      return x / y;
    case '//':
      if (y === 0) throw pyError('ZeroDivisionError: float floor division by zero');
      return floatDivmod(x, y)[0];
    case '%':
      if (y === 0) throw pyError('ZeroDivisionError: float modulo');
      return floatDivmod(x, y)[1];
    case '**': return floatPow(x, y);
  }
  throw unsupported(`operator '${op}'`);
}

/** CPython's float_divmod: `1 // 0.1` is 9.0, not Math.floor(1 / 0.1) = 10. */
function floatDivmod(x: number, y: number): [number, number] {
  let mod = x % y;
  let div = (x - mod) / y;
  if (mod !== 0) {
    if (y < 0 !== mod < 0) {
      mod += y;
      div -= 1;
    }
  } else {
    mod = Object.is(y, -0) || y < 0 ? -0 : 0;
  }
  let floor: number;
  if (div !== 0) {
    floor = Math.floor(div);
    if (div - floor > 0.5) floor += 1;
  } else {
    floor = x / y < 0 || Object.is(x / y, -0) ? -0 : 0;
  }
  return [floor, mod];
}

/** CPython's float_pow: the special cases C's pow and JS's `**` disagree on, and its errors. */
export function floatPow(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (!Number.isFinite(y)) {
    const ax = Math.abs(x);
    if (ax === 1) return 1;
    return (y > 0) === (ax > 1) ? Infinity : 0;
  }
  if (x === 0 && y < 0) throw pyError('ZeroDivisionError: 0.0 cannot be raised to a negative power');
  if (x < 0 && Number.isFinite(x) && !Number.isInteger(y)) throw unsupported('a complex number (a negative number to a fractional power)');
  const r = x ** y;
  if (!Number.isFinite(r) && Number.isFinite(x)) throw pyError("OverflowError: (34, 'Numerical result out of range')");
  return r;
}
