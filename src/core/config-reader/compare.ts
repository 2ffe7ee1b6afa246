import { checkDepth, type Budget } from './limits.js';
import { compareNumbers, type Num } from './numbers.js';
import { pyError, unsupported } from './signals.js';
import { dictEntries, dictGet, dictSize, isAnyDict, PyTuple, pyTypeName, type PyValue } from './values.js';

const asNum = (v: PyValue): Num | undefined =>
  typeof v === 'boolean' ? (v ? 1n : 0n) : typeof v === 'bigint' || typeof v === 'number' ? v : undefined;

/** Python's `==`: 1 == 1.0 == True, lists and tuples never equal, dicts by content. */
export function pyEquals(a: PyValue, b: PyValue, budget: Budget, depth = 0): boolean {
  budget.spend();
  if (a === b) return typeof a !== 'number' || !Number.isNaN(a);
  const x = asNum(a);
  const y = asNum(b);
  if (x !== undefined || y !== undefined) return x !== undefined && y !== undefined && compareNumbers(x, y) === 0;
  if (a === null || b === null || typeof a === 'string' || typeof b === 'string') return false;
  checkDepth(depth + 1);
  if (Array.isArray(a) || a instanceof PyTuple) {
    if (Array.isArray(a) !== Array.isArray(b) || (a instanceof PyTuple) !== (b instanceof PyTuple)) return false;
    const [p, q] = [Array.isArray(a) ? a : a.items, Array.isArray(b) ? b : (b as PyTuple).items];
    return p.length === q.length && p.every((item, i) => item === q[i] || pyEquals(item, q[i]!, budget, depth + 1));
  }
  if (!isAnyDict(a) || !isAnyDict(b) || dictSize(a) !== dictSize(b)) return false;
  return dictEntries(a).every(([k, v]) => {
    const other = dictGet(b, k);
    return other !== undefined && (other === v || pyEquals(v, other, budget, depth + 1));
  });
}

/** Python's `<` family: numbers, strings by code point, lists and tuples item by item. */
export function pyCompare(op: string, a: PyValue, b: PyValue, budget: Budget): boolean {
  const c = order(op, a, b, budget, 0);
  if (c === undefined) return false;
  return op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0;
}

function order(op: string, a: PyValue, b: PyValue, budget: Budget, depth: number): number | undefined {
  budget.spend();
  const x = asNum(a);
  const y = asNum(b);
  if (x !== undefined && y !== undefined) return compareNumbers(x, y);
  if (typeof a === 'string' && typeof b === 'string') return compareCodePoints(a, b);
  const bothLists = Array.isArray(a) && Array.isArray(b);
  if (bothLists || (a instanceof PyTuple && b instanceof PyTuple)) {
    checkDepth(depth + 1);
    const p = Array.isArray(a) ? a : (a as PyTuple).items;
    const q = Array.isArray(b) ? b : (b as PyTuple).items;
    for (let i = 0; i < Math.min(p.length, q.length); i += 1) {
      if (!pyEquals(p[i]!, q[i]!, budget, depth + 1)) return order(op, p[i]!, q[i]!, budget, depth + 1);
    }
    return p.length - q.length;
  }
  throw pyError(`TypeError: '${op}' not supported between instances of '${pyTypeName(a)}' and '${pyTypeName(b)}'`);
}

function compareCodePoints(a: string, b: string): number {
  const p = [...a];
  const q = [...b];
  for (let i = 0; i < Math.min(p.length, q.length); i += 1) {
    if (p[i] !== q[i]) return p[i]!.codePointAt(0)! - q[i]!.codePointAt(0)!;
  }
  return p.length - q.length;
}

/** Python's `in`. */
export function pyContains(container: PyValue, item: PyValue, budget: Budget): boolean {
  if (typeof container === 'string') {
    if (typeof item !== 'string') throw pyError(`TypeError: 'in <string>' requires string as left operand, not ${pyTypeName(item)}`);
    return container.includes(item);
  }
  if (Array.isArray(container) || container instanceof PyTuple) {
    const items = Array.isArray(container) ? container : container.items;
    return items.some((x) => x === item || pyEquals(x, item, budget));
  }
  if (isAnyDict(container)) return dictGet(container, item) !== undefined;
  throw pyError(`TypeError: argument of type '${pyTypeName(container)}' is not iterable`);
}

/** Python's `is`, where the answer does not depend on CPython's caching of small ints and strings. */
export function pyIs(a: PyValue, b: PyValue): boolean {
  const singleton = (v: PyValue) => v === null || typeof v === 'boolean';
  if (singleton(a) || singleton(b)) return a === b;
  if (typeof a === 'object' && typeof b === 'object') return a === b;
  throw unsupported("'is' between numbers or strings (its result depends on the Python build)");
}
