import { checkIntBits, LIMITS } from './limits.js';
import { floatOp, floatPow } from './float-ops.js';
import { pyError, unsupported } from './signals.js';

/** Python ints are bigints, floats are numbers; bools count as ints (`True + 1 == 2`). */
export type Num = bigint | number;

const INT_LIMIT = 1n << BigInt(LIMITS.intBits);
const NEGATIVE_INT_LIMIT = -INT_LIMIT;
const EXACT = 2n ** 53n;

/** An int result, refused when it grows past the int size limit. */
export function boundedInt(x: bigint): bigint {
  if (x >= INT_LIMIT || x <= NEGATIVE_INT_LIMIT) checkIntBits(bitLength(x));
  return x;
}

export function bitLength(x: bigint): number {
  return x === 0n ? 0 : (x < 0n ? -x : x).toString(16).length * 4;
}

export function intToFloat(x: bigint): number {
  const f = Number(x);
  if (!Number.isFinite(f)) throw pyError('OverflowError: int too large to convert to float');
  return f;
}

const toFloat = (x: Num): number => (typeof x === 'bigint' ? intToFloat(x) : x);

export function arithmetic(op: string, a: Num, b: Num): Num {
  if (typeof a === 'bigint' && typeof b === 'bigint') return intOp(op, a, b);
  if (['<<', '>>', '&', '|', '^'].includes(op)) throw pyError(`TypeError: unsupported operand type(s) for ${op}: '${kind(a)}' and '${kind(b)}'`);
  if (op === '/' && typeof a === 'bigint' && typeof b === 'number' && b === 0) throw pyError('ZeroDivisionError: float division by zero');
  return floatOp(op, toFloat(a), toFloat(b));
}

const kind = (x: Num) => (typeof x === 'bigint' ? 'int' : 'float');

function intOp(op: string, a: bigint, b: bigint): Num {
  switch (op) {
    case '+': return boundedInt(a + b);
    case '-': return boundedInt(a - b);
    case '*': return boundedInt(a * b);
    case '/': return intTrueDivide(a, b);
    case '//':
      if (b === 0n) throw pyError('ZeroDivisionError: integer division or modulo by zero');
      return floorDiv(a, b);
    case '%':
      if (b === 0n) throw pyError('ZeroDivisionError: integer modulo by zero');
      return a - floorDiv(a, b) * b;
    case '**': return intPow(a, b);
    case '<<':
      if (b < 0n) throw pyError('ValueError: negative shift count');
      if (a !== 0n) checkIntBits(bitLength(a) + Number(b > BigInt(LIMITS.intBits) ? LIMITS.intBits + 1 : b));
      return a << b;
    case '>>':
      if (b < 0n) throw pyError('ValueError: negative shift count');
      return b > BigInt(LIMITS.intBits) ? (a < 0n ? -1n : 0n) : a >> b;
    case '&': return a & b;
    case '|': return a | b;
    case '^': return a ^ b;
  }
  throw unsupported(`operator '${op}'`);
}

function intPow(a: bigint, b: bigint): Num {
  if (b < 0n) return floatPow(intToFloat(a), intToFloat(b));
  if (a === 0n || a === 1n || b === 0n) return b === 0n ? 1n : a;
  if (a === -1n) return b % 2n === 0n ? 1n : -1n;
  checkIntBits(Number(b > BigInt(LIMITS.intBits) ? BigInt(LIMITS.intBits + 1) : b) * Math.max(1, bitLength(a) - 3));
  return boundedInt(a ** b);
}

export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && (a < 0n) !== (b < 0n) ? q - 1n : q;
}

/** `a / b` for ints, correctly rounded like Python's long_true_divide (ints beyond 2**53 included). */
function intTrueDivide(a: bigint, b: bigint): number {
  if (b === 0n) throw pyError('ZeroDivisionError: division by zero');
  const abs = (x: bigint) => (x < 0n ? -x : x);
  if (abs(a) <= EXACT && abs(b) <= EXACT) return Number(a) / Number(b);
  const negative = (a < 0n) !== (b < 0n);
  const [n, d] = [abs(a), abs(b)];
  // Scale so the quotient has 55+ bits; a sticky bit keeps the rounding of Number() correct.
  const shift = bitLength(d) - bitLength(n) + 60;
  const scaledN = shift > 0 ? n << BigInt(shift) : n;
  const scaledD = shift < 0 ? d << BigInt(-shift) : d;
  let q = scaledN / scaledD;
  if (q * scaledD !== scaledN) q |= 1n;
  const result = Number(q) * 2 ** -shift;
  if (!Number.isFinite(result)) throw pyError('OverflowError: integer division result too large for a float');
  return negative ? -result : result;
}

/** Three-way comparison of Python numbers, exact across int and float; undefined when NaN is involved. */
export function compareNumbers(a: Num, b: Num): number | undefined {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isNaN(a) || Number.isNaN(b)) return undefined;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  const flip = typeof a === 'number';
  const i = (flip ? b : a) as bigint;
  const f = (flip ? a : b) as number;
  let c: number | undefined;
  if (Number.isNaN(f)) c = undefined;
  else if (!Number.isFinite(f)) c = f > 0 ? -1 : 1;
  else {
    const floor = BigInt(Math.floor(f));
    c = i < floor ? -1 : i > floor ? 1 : f > Math.floor(f) ? -1 : 0;
  }
  return c === undefined ? undefined : flip ? -c : c;
}
