import { listIndex } from './attributes.js';
import { pyEquals } from './compare.js';
import { configDictCopy, hook } from './copy.js';
import { checkItems, type Budget } from './limits.js';
import { pyRepr } from './repr.js';
import { iterItems, PyIterable, type Evaluated } from './scope.js';
import { pyError, unsupported } from './signals.js';
import { stringMethod } from './string-methods.js';
import {
  buildDict, dictDelete, dictEntries, dictGet, dictSet, isAnyDict, isConfigDict, PyKeyDict, PyTuple, pyTypeName,
  type PyDict, type PyValue,
} from './values.js';

/** `obj.method(...)` for the dict, ConfigDict, list, tuple and str methods configs use; they mutate like Python's. */
export function callMethod(obj: Evaluated, name: string, args: PyValue[], kwargs: PyDict, budget: Budget): Evaluated {
  if (obj instanceof PyIterable) throw unsupported(`a call of '.${name}()' on ${obj.what}`);
  const result = isAnyDict(obj) ? dictMethod(obj, name, args, kwargs, budget)
    : Array.isArray(obj) && kwargs.size === 0 ? listMethod(obj, name, args, budget)
      : obj instanceof PyTuple && kwargs.size === 0 ? tupleMethod(obj, name, args, budget)
        : typeof obj === 'string' && kwargs.size === 0 ? stringMethod(obj, name, args)
          : undefined;
  if (result === undefined) throw unsupported(`a call of '.${name}()' on a ${pyTypeName(obj)}`);
  return result;
}

function dictMethod(d: PyDict | PyKeyDict, name: string, args: PyValue[], kwargs: PyDict, budget: Budget): Evaluated | undefined {
  const config = isConfigDict(d);
  if (name === 'update') return update(d, args, kwargs, budget), null;
  if (kwargs.size > 0) return undefined;
  const key = args[0] ?? null;
  switch (name) {
    case 'get':
      if (args.length < 1 || args.length > 2) return undefined;
      return dictGet(d, key) ?? args[1] ?? null;
    case 'pop': {
      if (args.length < 1 || args.length > 2) return undefined;
      const v = dictGet(d, key);
      if (v !== undefined) dictDelete(d, key);
      // ConfigDict.pop(key, default=None) never raises; dict.pop(key) does.
      if (v === undefined && args.length === 1 && !config) throw pyError(`KeyError: ${pyRepr(key)}`);
      return v ?? args[1] ?? null;
    }
    case 'setdefault': {
      if (args.length < 1 || args.length > 2) return undefined;
      const v = dictGet(d, key);
      if (v !== undefined) return v;
      dictSet(d, key, config ? hook(args[1] ?? null, budget) : args[1] ?? null);
      return args[1] ?? null;
    }
    case 'copy':
      if (args.length > 0) return undefined;
      if (config) return configDictCopy(d, budget);
      return d instanceof PyKeyDict ? copyKeyDict(d) : new Map(d);
    case 'clear':
      if (args.length > 0) return undefined;
      if (d instanceof PyKeyDict) d.entries.clear();
      else d.clear();
      return null;
    case 'keys': case 'values': case 'items': {
      if (args.length > 0) return undefined;
      const entries = dictEntries(d);
      const items = entries.map(([k, v]) => (name === 'keys' ? k : name === 'values' ? v : new PyTuple([k, v])));
      return new PyIterable(`a dict_${name} view`, items, items.length);
    }
  }
  return undefined;
}

function copyKeyDict(d: PyKeyDict): PyKeyDict {
  const out = new PyKeyDict();
  for (const [id, pair] of d.entries) out.entries.set(id, [...pair]);
  return out;
}

/**
 * `dict.update` replaces values; mmengine's `ConfigDict.update` merges a dict into a dict already there
 * (`backbone.update(widen_factor=1.5)` keeps the backbone's other keys, and nested dicts merge too).
 */
function update(d: PyDict | PyKeyDict, args: PyValue[], kwargs: PyDict, budget: Budget): void {
  if (args.length > 1) throw pyError(`TypeError: update expected at most 1 argument, got ${args.length}`);
  const pairs: [PyValue, PyValue][] = [];
  const first = args[0];
  if (first !== undefined && isAnyDict(first)) pairs.push(...dictEntries(first));
  else if (first !== undefined) {
    if (isConfigDict(d)) throw pyError(`TypeError: descriptor 'items' for 'dict' objects doesn't apply to a '${pyTypeName(first)}' object`);
    for (const item of iterItems(first)) {
      const kv = [...iterItems(item)];
      if (kv.length !== 2) throw pyError(`ValueError: dictionary update sequence element has length ${kv.length}; 2 is required`);
      pairs.push([kv[0]!, kv[1]!]);
    }
  }
  pairs.push(...kwargs);
  // Python gathers the argument and the keywords into one dict first: a later key replaces an earlier one.
  for (const [k, v] of dictEntries(buildDict(pairs))) {
    budget.spend();
    const current = dictGet(d, k);
    if (isConfigDict(d) && current !== undefined && isAnyDict(current) && isAnyDict(v)) update(current, [v], new Map(), budget);
    else dictSet(d, k, isConfigDict(d) ? hook(v, budget) : v);
  }
}

function listMethod(list: PyValue[], name: string, args: PyValue[], budget: Budget): Evaluated | undefined {
  const [a, b] = args;
  switch (name) {
    case 'append': if (args.length !== 1) return undefined; list.push(a!); checkItems(list.length); return null;
    case 'extend': {
      if (args.length !== 1) return undefined;
      for (const x of iterItems(a!)) {
        budget.spend();
        list.push(x);
      }
      checkItems(list.length);
      return null;
    }
    case 'insert': {
      if (args.length !== 2 || typeof a !== 'bigint') return undefined;
      const i = Number(a) < 0 ? Math.max(0, list.length + Number(a)) : Math.min(Number(a), list.length);
      list.splice(i, 0, b!);
      return null;
    }
    case 'pop': {
      if (args.length > 1) return undefined;
      if (list.length === 0) throw pyError('IndexError: pop from empty list');
      return list.splice(listIndex(list, a ?? -1n, 'pop'), 1)[0]!;
    }
    case 'remove': {
      if (args.length !== 1) return undefined;
      const i = list.findIndex((x) => pyEquals(x, a!, budget));
      if (i < 0) throw pyError('ValueError: list.remove(x): x not in list');
      list.splice(i, 1);
      return null;
    }
    case 'copy': return args.length === 0 ? [...list] : undefined;
    case 'clear': return args.length === 0 ? (list.length = 0, null) : undefined;
    case 'reverse': return args.length === 0 ? (list.reverse(), null) : undefined;
  }
  return sequenceMethod(list, name, args, budget);
}

function tupleMethod(t: PyTuple, name: string, args: PyValue[], budget: Budget): Evaluated | undefined {
  return sequenceMethod(t.items, name, args, budget);
}

function sequenceMethod(items: PyValue[], name: string, args: PyValue[], budget: Budget): Evaluated | undefined {
  if (args.length !== 1) return undefined;
  if (name === 'count') return BigInt(items.filter((x) => pyEquals(x, args[0]!, budget)).length);
  if (name === 'index') {
    const i = items.findIndex((x) => pyEquals(x, args[0]!, budget));
    if (i < 0) throw pyError(`ValueError: ${pyRepr(args[0]!)} is not in list`);
    return BigInt(i);
  }
  return undefined;
}

