import { pyCompare } from './compare.js';
import { checkItems, type Budget } from './limits.js';
import { pyStr } from './repr.js';
import { binaryOp } from './operators.js';
import { numberFromValue } from './conversions.js';
import { asValue, iterItems, PyIterable, type Evaluated } from './scope.js';
import { pyError, unsupported } from './signals.js';
import { buildDict, dictEntries, dictSize, isAnyDict, PyTuple, pyTypeName, truthy, type PyDict, type PyValue } from './values.js';

type Builtin = (args: Evaluated[], kwargs: PyDict, budget: Budget) => Evaluated;

/** Built-ins whose arguments may be ranges, dict views or generators. */
export const ITERABLE_ARGS = new Set(['dict', 'list', 'tuple', 'len', 'min', 'max', 'sum', 'sorted', 'reversed',
  'enumerate', 'zip', 'any', 'all']);

function collect(it: Evaluated, budget: Budget): PyValue[] {
  const out: PyValue[] = [];
  for (const x of iterItems(it)) {
    budget.spend();
    out.push(x);
    checkItems(out.length);
  }
  return out;
}

function arity(name: string, args: Evaluated[], kwargs: PyDict, max: number, keywords: readonly string[] = []): void {
  if (args.length > max) throw pyError(`TypeError: ${name}() takes at most ${max} argument${max === 1 ? '' : 's'} (${args.length} given)`);
  for (const k of kwargs.keys()) if (!keywords.includes(k)) throw unsupported(`the keyword '${k}' of ${name}()`);
}

export const BUILTINS: Record<string, Builtin> = {
  dict: (args, kwargs, budget) => {
    arity('dict', args, new Map(), 1);
    const pairs: [PyValue, PyValue][] = [];
    const first = args[0];
    if (first !== undefined && isAnyDict(first)) pairs.push(...dictEntries(first));
    else if (first !== undefined) {
      for (const item of collect(first, budget)) {
        const kv = collect(item, budget);
        if (kv.length !== 2) throw pyError(`ValueError: dictionary update sequence element has length ${kv.length}; 2 is required`);
        pairs.push([kv[0]!, kv[1]!]);
      }
    }
    pairs.push(...kwargs);
    return buildDict(pairs);
  },
  list: (args, kwargs, budget) => (arity('list', args, kwargs, 1), args[0] === undefined ? [] : collect(args[0], budget)),
  tuple: (args, kwargs, budget) => (arity('tuple', args, kwargs, 1), new PyTuple(args[0] === undefined ? [] : collect(args[0], budget))),
  len: (args, kwargs) => {
    arity('len', args, kwargs, 1);
    const v = args[0];
    if (v instanceof PyIterable && v.length !== undefined) return BigInt(v.length);
    if (typeof v === 'string') return BigInt([...v].length);
    if (Array.isArray(v)) return BigInt(v.length);
    if (v instanceof PyTuple) return BigInt(v.items.length);
    if (v !== undefined && !(v instanceof PyIterable) && isAnyDict(v)) return BigInt(dictSize(v));
    throw pyError(`TypeError: object of type '${v instanceof PyIterable ? 'generator' : pyTypeName(v ?? null)}' has no len()`);
  },
  range: (args, kwargs, budget) => range(args.map(asValue), kwargs, budget),
  min: (args, kwargs, budget) => extreme('min', args, kwargs, budget),
  max: (args, kwargs, budget) => extreme('max', args, kwargs, budget),
  sum: (args, kwargs, budget) => {
    arity('sum', args, kwargs, 2, ['start']);
    let total = asValue(args[1] ?? kwargs.get('start') ?? 0n);
    if (typeof total === 'string') throw pyError("TypeError: sum() can't sum strings [use ''.join(seq) instead]");
    for (const x of collect(args[0] ?? [], budget)) total = binaryOp('+', total, x, budget);
    return total;
  },
  abs: (args, kwargs) => {
    arity('abs', args, kwargs, 1);
    const v = asValue(args[0] ?? null);
    if (typeof v === 'bigint') return v < 0n ? -v : v;
    if (typeof v === 'boolean') return v ? 1n : 0n;
    if (typeof v === 'number') return Math.abs(v);
    throw pyError(`TypeError: bad operand type for abs(): '${pyTypeName(v)}'`);
  },
  int: (args, kwargs) => (arity('int', args, kwargs, 1), numberFromValue('int', args[0] === undefined ? 0n : asValue(args[0]))),
  float: (args, kwargs) => (arity('float', args, kwargs, 1), numberFromValue('float', args[0] === undefined ? 0 : asValue(args[0]))),
  str: (args, kwargs) => (arity('str', args, kwargs, 1), args[0] === undefined ? '' : pyStr(asValue(args[0]))),
  bool: (args, kwargs) => (arity('bool', args, kwargs, 1), args[0] === undefined ? false : truthy(asValue(args[0]))),
  sorted: (args, kwargs, budget) => {
    arity('sorted', args, kwargs, 1, ['reverse']);
    const items = collect(args[0] ?? [], budget);
    const sign = truthy(kwargs.get('reverse') ?? false) ? -1 : 1;
    return items.sort((a, b) => sign * (pyCompare('<', a, b, budget) ? -1 : pyCompare('<', b, a, budget) ? 1 : 0));
  },
  reversed: (args, kwargs, budget) => {
    arity('reversed', args, kwargs, 1);
    const v = args[0];
    if (!(Array.isArray(v) || v instanceof PyTuple || typeof v === 'string')) throw pyError(`TypeError: '${pyTypeName(asValue(v ?? null))}' object is not reversible`);
    return new PyIterable('a reversed iterator', collect(v, budget).reverse());
  },
  enumerate: (args, kwargs, budget) => {
    arity('enumerate', args, kwargs, 2, ['start']);
    const start = asValue(args[1] ?? kwargs.get('start') ?? 0n);
    if (typeof start !== 'bigint') throw pyError(`TypeError: '${pyTypeName(start)}' object cannot be interpreted as an integer`);
    return new PyIterable('an enumerate object', collect(args[0] ?? null, budget).map((x, i) => new PyTuple([start + BigInt(i), x])));
  },
  zip: (args, kwargs, budget) => {
    arity('zip', args, kwargs, Infinity);
    const lists = args.map((a) => collect(a, budget));
    const n = lists.length === 0 ? 0 : Math.min(...lists.map((l) => l.length));
    return new PyIterable('a zip object', Array.from({ length: n }, (_, i) => new PyTuple(lists.map((l) => l[i]!))));
  },
  any: (args, kwargs, budget) => (arity('any', args, kwargs, 1), collect(args[0] ?? null, budget).some(truthy)),
  all: (args, kwargs, budget) => (arity('all', args, kwargs, 1), collect(args[0] ?? null, budget).every(truthy)),
};

/** `range(...)`: lazy, so `for i in range(10**9)` stops at the step budget instead of allocating. */
function range(args: PyValue[], kwargs: PyDict, budget: Budget): PyIterable {
  arity('range', args, kwargs, 3);
  const ints = args.map((a) => {
    if (typeof a === 'boolean') return a ? 1n : 0n;
    if (typeof a !== 'bigint') throw pyError(`TypeError: '${pyTypeName(a)}' object cannot be interpreted as an integer`);
    return a;
  });
  if (ints.length === 0) throw pyError('TypeError: range expected at least 1 argument, got 0');
  const [start, stop, step] = ints.length === 1 ? [0n, ints[0]!, 1n] : [ints[0]!, ints[1]!, ints[2] ?? 1n];
  if (step === 0n) throw pyError('ValueError: range() arg 3 must not be zero');
  const span = step > 0n ? stop - start : start - stop;
  const abs = step > 0n ? step : -step;
  const length = span <= 0n ? 0n : (span + abs - 1n) / abs;
  function* items(): Generator<PyValue> {
    for (let i = 0n; i < length; i += 1n) {
      budget.spend();
      yield start + i * step;
    }
  }
  return new PyIterable('a range object', items(), length > BigInt(Number.MAX_SAFE_INTEGER) ? undefined : Number(length));
}

function extreme(name: 'min' | 'max', args: Evaluated[], kwargs: PyDict, budget: Budget): PyValue {
  arity(name, args, kwargs, Infinity);
  const items = args.length === 1 ? collect(args[0]!, budget) : args.map(asValue);
  if (items.length === 0) throw pyError(`ValueError: ${name}() arg is an empty sequence`);
  let best: PyValue = items[0] as PyValue;
  for (const x of items.slice(1)) if (pyCompare(name === 'max' ? '>' : '<', x, best, budget)) best = x;
  return best;
}
