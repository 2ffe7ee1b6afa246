import { PyDict, resolveValue, type PyValue } from './py-value.js';

/**
 * mmengine 0.10.3 `Config._merge_a_into_b`: a dict in `a` merges key by key into the dict of the
 * same key in `b` unless it carries `_delete_=True` (which is consumed only when `b` has that key);
 * everything else replaces. Pure: neither input is changed.
 */
export function mergeInto(a: PyDict, b: PyDict): PyDict {
  const out = new Map<string, PyValue>(b.entries);
  for (const [key, raw] of a.entries) {
    const value = resolveValue(raw);
    const existing = out.get(key);
    if (value instanceof PyDict && existing !== undefined) {
      const del = value.get('_delete_') === true;
      const rest = new PyDict(value.entries.filter(([k]) => k !== '_delete_'));
      if (del) out.set(key, rest);
      else if (existing instanceof PyDict) out.set(key, mergeInto(rest, existing));
      else throw new Error(`cannot merge dict ${key} into a non-dict`);
    } else {
      out.set(key, value);
    }
  }
  return new PyDict([...out.entries()]);
}
