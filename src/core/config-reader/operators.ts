import { isDict, PyTuple, pyTypeName, type PyValue } from './values.js';

/** A Python-level error (TypeError, IndexError...) that the evaluator reports at the current line. */
export interface OpError extends Error {
  opError: true;
}

export function opError(message: string): OpError {
  return Object.assign(new Error(message), { opError: true as const });
}

type Num = bigint | number;
const isNum = (v: PyValue): v is Num | boolean => typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean';
const asNum = (v: Num | boolean): Num => (typeof v === 'boolean' ? BigInt(v ? 1 : 0) : v);

export function unaryOp(op: string, v: PyValue): PyValue {
  if (!isNum(v)) throw opError(`bad operand type for unary ${op}: '${pyTypeName(v)}'`);
  const n = asNum(v);
  if (op === '+') return n;
  if (op === '-') return typeof n === 'bigint' ? -n : -n;
  if (typeof n === 'bigint') return ~n;
  throw opError(`bad operand type for unary ~: 'float'`);
}

export function binaryOp(op: string, a: PyValue, b: PyValue): PyValue {
  if (isNum(a) && isNum(b)) return numeric(op, asNum(a), asNum(b));
  if (op === '+') {
    if (typeof a === 'string' && typeof b === 'string') return a + b;
    if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
    if (a instanceof PyTuple && b instanceof PyTuple) return new PyTuple([...a.items, ...b.items]);
  }
  if (op === '*') {
    const [seq, times] = isNum(b) ? [a, b] : [b, a];
    if (isNum(times) && typeof asNum(times) === 'bigint') return repeat(seq, Number(asNum(times)), op, a, b);
  }
  if (op === '%' && typeof a === 'string') throw opError('string formatting with % is not supported');
  throw opError(`unsupported operand type(s) for ${op}: '${pyTypeName(a)}' and '${pyTypeName(b)}'`);
}

function repeat(seq: PyValue, n: number, op: string, a: PyValue, b: PyValue): PyValue {
  const count = Math.max(0, n);
  if (typeof seq === 'string') return seq.repeat(count);
  if (Array.isArray(seq)) return Array.from({ length: count }, () => seq).flat(1);
  if (seq instanceof PyTuple) return new PyTuple(Array.from({ length: count }, () => seq.items).flat(1));
  throw opError(`unsupported operand type(s) for ${op}: '${pyTypeName(a)}' and '${pyTypeName(b)}'`);
}

function numeric(op: string, a: Num, b: Num): PyValue {
  if (typeof a === 'bigint' && typeof b === 'bigint') {
    if (op === '/') {
      if (b === 0n) throw opError('division by zero');
      return Number(a) / Number(b);
    }
    if ((op === '//' || op === '%') && b === 0n) throw opError('integer division or modulo by zero');
    if (op === '+') return a + b;
    if (op === '-') return a - b;
    if (op === '*') return a * b;
    if (op === '//') return floorDiv(a, b);
    if (op === '%') return a - floorDiv(a, b) * b;
    if (op === '**') return b >= 0n ? a ** b : Number(a) ** Number(b);
  }
  const x = Number(a);
  const y = Number(b);
  if ((op === '/' || op === '//' || op === '%') && y === 0) throw opError('float division by zero');
  if (op === '+') return x + y;
  if (op === '-') return x - y;
  if (op === '*') return x * y;
  if (op === '/') return x / y;
  if (op === '//') return Math.floor(x / y);
  if (op === '%') return x - Math.floor(x / y) * y;
  if (op === '**') return x ** y;
  throw opError(`unsupported operator ${op}`);
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n) && ((a < 0n) !== (b < 0n)) ? q - 1n : q;
}

export function indexValue(obj: PyValue, key: PyValue): PyValue {
  if (isDict(obj)) {
    if (typeof key !== 'string') throw opError(`KeyError: ${String(key)}`);
    const v = obj.get(key);
    if (v === undefined) throw opError(`KeyError: '${key}'`);
    return v;
  }
  const items = Array.isArray(obj) ? obj : obj instanceof PyTuple ? obj.items : typeof obj === 'string' ? [...obj] : undefined;
  if (!items) throw opError(`'${pyTypeName(obj)}' object is not subscriptable`);
  if (typeof key !== 'bigint') throw opError(`${pyTypeName(obj)} indices must be integers`);
  const i = key < 0n ? items.length + Number(key) : Number(key);
  if (i < 0 || i >= items.length) throw opError(`${pyTypeName(obj)} index out of range`);
  return items[i]!;
}

export function sliceValue(obj: PyValue, lower: PyValue, upper: PyValue, step: PyValue): PyValue {
  const items = Array.isArray(obj) ? obj : obj instanceof PyTuple ? obj.items : typeof obj === 'string' ? [...obj] : undefined;
  if (!items) throw opError(`'${pyTypeName(obj)}' object is not subscriptable`);
  for (const b of [lower, upper, step]) {
    if (b !== null && typeof b !== 'bigint') throw opError('slice indices must be integers or None');
  }
  const s = step === null ? 1 : Number(step);
  if (s === 0) throw opError('slice step cannot be zero');
  const n = items.length;
  const clamp = (v: PyValue, dflt: number, lo: number, hi: number) => {
    if (v === null) return dflt;
    const i = Number(v) < 0 ? n + Number(v) : Number(v);
    return Math.min(Math.max(i, lo), hi);
  };
  const start = s > 0 ? clamp(lower, 0, 0, n) : clamp(lower, n - 1, -1, n - 1);
  const stop = s > 0 ? clamp(upper, n, 0, n) : clamp(upper, -1, -1, n - 1);
  const out: PyValue[] = [];
  for (let i = start; s > 0 ? i < stop : i > stop; i += s) out.push(items[i]!);
  if (typeof obj === 'string') return out.join('');
  return obj instanceof PyTuple ? new PyTuple(out) : out;
}
