import { checkChars, checkItems, type Budget } from './limits.js';
import { arithmetic, boundedInt, type Num } from './numbers.js';
import { pyError, unsupported } from './signals.js';
import { dictGet, isAnyDict, isConfigDict, dictSize, PyTuple, pyTypeName, type PyValue } from './values.js';
import { pyRepr } from './repr.js';

const isNum = (v: PyValue): v is Num | boolean => typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean';
const asNum = (v: Num | boolean): Num => (typeof v === 'boolean' ? (v ? 1n : 0n) : v);

export function unaryOp(op: string, v: PyValue): PyValue {
  if (!isNum(v) || (op === '~' && typeof v === 'number')) {
    throw pyError(`TypeError: bad operand type for unary ${op}: '${pyTypeName(v)}'`);
  }
  const n = asNum(v);
  if (op === '+') return n;
  if (op === '-') return typeof n === 'bigint' ? -n : -n;
  return ~(n as bigint);
}

export function binaryOp(op: string, a: PyValue, b: PyValue, budget: Budget): PyValue {
  if (isNum(a) && isNum(b)) {
    if (typeof a === 'boolean' && typeof b === 'boolean' && ['&', '|', '^'].includes(op)) {
      return op === '&' ? a && b : op === '|' ? a || b : a !== b;
    }
    return arithmetic(op, asNum(a), asNum(b));
  }
  if (op === '+') {
    if (typeof a === 'string' && typeof b === 'string') {
      checkChars(a.length + b.length);
      budget.spend(Math.ceil((a.length + b.length) / 2));
      return a + b;
    }
    if ((Array.isArray(a) && Array.isArray(b)) || (a instanceof PyTuple && b instanceof PyTuple)) {
      const items = [...(Array.isArray(a) ? a : (a as PyTuple).items), ...(Array.isArray(b) ? b : (b as PyTuple).items)];
      checkItems(items.length);
      budget.spend(items.length);
      return Array.isArray(a) ? items : new PyTuple(items);
    }
    // addict's Dict.__add__: an empty ConfigDict plus anything is that thing.
    if (isAnyDict(a) && isConfigDict(a) && dictSize(a) === 0) return b;
  }
  if (op === '*') {
    const [seq, times] = isNum(b) ? [a, b] : [b, a];
    if (isNum(times) && typeof asNum(times) === 'bigint') return repeat(seq, asNum(times) as bigint, budget, a, b);
  }
  if (op === '%' && typeof a === 'string') throw unsupported("string formatting with '%'");
  if (op === '@') throw unsupported("the operator '@'");
  throw pyError(`TypeError: unsupported operand type(s) for ${op}: '${pyTypeName(a)}' and '${pyTypeName(b)}'`);
}

function repeat(seq: PyValue, times: bigint, budget: Budget, a: PyValue, b: PyValue): PyValue {
  const n = times < 0n ? 0 : times > 2n ** 40n ? 2 ** 40 : Number(times);
  const length = typeof seq === 'string' ? seq.length : Array.isArray(seq) ? seq.length : seq instanceof PyTuple ? seq.items.length : -1;
  if (length < 0) throw pyError(`TypeError: unsupported operand type(s) for *: '${pyTypeName(a)}' and '${pyTypeName(b)}'`);
  const total = length * n;
  if (typeof seq === 'string') {
    checkChars(total);
    budget.spend(Math.ceil(total / 2));
    return seq.repeat(n);
  }
  checkItems(total);
  budget.spend(total);
  const items = Array.isArray(seq) ? seq : (seq as PyTuple).items;
  const out: PyValue[] = new Array<PyValue>(total);
  for (let i = 0; i < total; i += 1) out[i] = items[i % length]!;
  return Array.isArray(seq) ? out : new PyTuple(out);
}

/** The items a subscript or slice sees: code points for strings. */
function indexable(obj: PyValue): PyValue[] | undefined {
  return Array.isArray(obj) ? obj : obj instanceof PyTuple ? obj.items : typeof obj === 'string' ? [...obj] : undefined;
}

export function indexValue(obj: PyValue, key: PyValue): PyValue {
  if (isAnyDict(obj)) {
    const v = dictGet(obj, key);
    if (v === undefined) throw pyError(`KeyError: ${pyRepr(key)}`);
    return v;
  }
  const items = indexable(obj);
  const type = pyTypeName(obj);
  if (!items) throw pyError(`TypeError: '${type}' object is not subscriptable`);
  if (typeof key !== 'bigint' && typeof key !== 'boolean') {
    throw pyError(type === 'str' ? `TypeError: string indices must be integers, not '${pyTypeName(key)}'`
      : `TypeError: ${type} indices must be integers or slices, not ${pyTypeName(key)}`);
  }
  const k = typeof key === 'boolean' ? (key ? 1 : 0) : Number(boundedInt(key));
  const i = k < 0 ? items.length + k : k;
  if (!(i >= 0 && i < items.length)) throw pyError(`IndexError: ${type === 'str' ? 'string' : type} index out of range`);
  return items[i]!;
}

export function sliceValue(obj: PyValue, lower: PyValue, upper: PyValue, step: PyValue): PyValue {
  const items = indexable(obj);
  if (!items) throw pyError(`TypeError: '${pyTypeName(obj)}' object is not subscriptable`);
  const asIndex = (b: PyValue): number | null => {
    if (b === null) return null;
    if (typeof b === 'boolean') return b ? 1 : 0;
    if (typeof b !== 'bigint') throw pyError('TypeError: slice indices must be integers or None or have an __index__ method');
    return Number(b);
  };
  const [lo, hi, st] = [asIndex(lower), asIndex(upper), asIndex(step)];
  const s = st ?? 1;
  if (s === 0) throw pyError('ValueError: slice step cannot be zero');
  const n = items.length;
  const clamp = (v: number | null, dflt: number, min: number, max: number) => {
    if (v === null) return dflt;
    const i = v < 0 ? n + v : v;
    return Math.min(Math.max(i, min), max);
  };
  const start = s > 0 ? clamp(lo, 0, 0, n) : clamp(lo, n - 1, -1, n - 1);
  const stop = s > 0 ? clamp(hi, n, 0, n) : clamp(hi, -1, -1, n - 1);
  const out: PyValue[] = [];
  for (let i = start; s > 0 ? i < stop : i > stop; i += s) out.push(items[i]!);
  if (typeof obj === 'string') return out.join('');
  return obj instanceof PyTuple ? new PyTuple(out) : out;
}

