import { checkDepth, type Budget } from './limits.js';
import { ConfigDict, isConfigDict, PyKeyDict, PyTuple, type PyDict, type PyValue } from './values.js';

/**
 * Rebuilds a value with fresh containers all the way down, the way mmengine's `_dict_to_config_dict`
 * (dicts become ConfigDicts) and `_substitute_base_vars` (a fresh deep copy per level) leave it:
 * no two places share a list or dict afterwards. `leaf` may replace strings (`{{_base_.x}}` placeholders).
 */
export function rebuild(v: PyValue, dicts: 'config' | 'plain', budget: Budget, leaf?: (s: string) => PyValue, depth = 0): PyValue {
  budget.spend();
  if (typeof v === 'string') return leaf ? leaf(v) : v;
  if (v === null || typeof v !== 'object') return v;
  checkDepth(depth + 1);
  const again = (x: PyValue) => rebuild(x, dicts, budget, leaf, depth + 1);
  if (Array.isArray(v)) return v.map(again);
  if (v instanceof PyTuple) return new PyTuple(v.items.map(again));
  if (v instanceof PyKeyDict) {
    const out = new PyKeyDict(dicts === 'config');
    for (const [id, [k, x]] of v.entries) out.entries.set(id, [k, again(x)]);
    return out;
  }
  const out: PyDict = dicts === 'config' ? new ConfigDict() : new Map();
  for (const [k, x] of v) out.set(k, again(x));
  return out;
}

/** Python's `copy.deepcopy`: shared parts stay shared in the copy, cycles are kept, types are kept. */
export function deepCopy(v: PyValue, budget: Budget, memo = new Map<object, PyValue>(), depth = 0): PyValue {
  budget.spend();
  if (v === null || typeof v !== 'object') return v;
  const seen = memo.get(v);
  if (seen !== undefined) return seen;
  checkDepth(depth + 1);
  const again = (x: PyValue) => deepCopy(x, budget, memo, depth + 1);
  if (Array.isArray(v)) {
    const out: PyValue[] = [];
    memo.set(v, out);
    for (const x of v) out.push(again(x));
    return out;
  }
  if (v instanceof PyTuple) {
    const out = new PyTuple(v.items.map(again));
    memo.set(v, out);
    return out;
  }
  if (v instanceof PyKeyDict) {
    const out = new PyKeyDict(v.configDict);
    memo.set(v, out);
    for (const [id, [k, x]] of v.entries) out.entries.set(id, [k, again(x)]);
    return out;
  }
  const out: PyDict = v instanceof ConfigDict ? new ConfigDict() : new Map();
  memo.set(v, out);
  for (const [k, x] of v) out.set(k, again(x));
  return out;
}

/**
 * ConfigDict's `_hook`: what a ConfigDict stores when given a value. Plain dicts become new ConfigDicts
 * and lists and tuples new ones, recursively; a ConfigDict is stored as it is (shared).
 */
export function hook(v: PyValue, budget: Budget, depth = 0): PyValue {
  if (v === null || typeof v !== 'object' || isConfigDict(v)) return v;
  budget.spend();
  checkDepth(depth + 1);
  const again = (x: PyValue) => hook(x, budget, depth + 1);
  if (Array.isArray(v)) return v.map(again);
  if (v instanceof PyTuple) return new PyTuple(v.items.map(again));
  if (v instanceof PyKeyDict) {
    const out = new PyKeyDict(true);
    for (const [id, [k, x]] of v.entries) out.entries.set(id, [k, again(x)]);
    return out;
  }
  const out = new ConfigDict();
  for (const [k, x] of v) out.set(k, again(x));
  return out;
}

/** ConfigDict's `__copy__` (its `.copy()`): a new ConfigDict whose values are hooked (lists copied). */
export function configDictCopy(d: PyDict | PyKeyDict, budget: Budget): PyDict | PyKeyDict {
  if (d instanceof PyKeyDict) {
    const out = new PyKeyDict(true);
    for (const [id, [k, x]] of d.entries) out.entries.set(id, [k, hook(x, budget)]);
    return out;
  }
  const out = new ConfigDict();
  for (const [k, x] of d) out.set(k, hook(x, budget));
  return out;
}
