import { configDictCopy, hook } from './copy.js';
import type { Budget } from './limits.js';
import { pyRepr } from './repr.js';
import { iterItems, PyIterable, type Evaluated } from './scope.js';
import { pyError } from './signals.js';
import {
  buildDict, dictDelete, dictEntries, dictGet, dictSet, isAnyDict, isConfigDict, PyKeyDict, PyTuple, pyTypeName,
  type PyDict, type PyValue,
} from './values.js';

/** dict methods, and ConfigDict's where they differ (`pop` without KeyError, `copy` hooked, `update` merging). */
export function dictMethod(d: PyDict | PyKeyDict, name: string, args: PyValue[], kwargs: PyDict, budget: Budget): Evaluated | undefined {
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
