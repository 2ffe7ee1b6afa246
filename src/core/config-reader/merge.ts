import { EvalSignal } from './signals.js';
import { buildDict, dictDelete, dictEntries, dictGet, isAnyDict, keyId, truthy, type PyDict, type PyKeyDict, type PyValue } from './values.js';

/**
 * mmengine 0.10.3's `Config._merge_a_into_b`: the child's keys go over a shallow copy of the base; a
 * dict merges into a dict key by key unless it says `_delete_=True`; anything else (lists included)
 * replaces. `_delete_` is popped only where the base has the key (Python's `and` stops before the pop),
 * so a helper such as `coco_train_dataset` keeps `_delete_: true` in the resolved config.
 */
export function mergeIntoBase(
  child: PyDict | PyKeyDict, base: PyDict | PyKeyDict, path = '', lineOf?: (key: string) => number | undefined,
): PyDict | PyKeyDict {
  const out: [PyValue, PyValue][] = dictEntries(base);
  const at = new Map(out.map(([k], i) => [keyId(k), i]));
  const put = (k: PyValue, v: PyValue) => {
    const i = at.get(keyId(k));
    if (i === undefined) {
      at.set(keyId(k), out.length);
      out.push([k, v]);
    } else out[i] = [out[i]![0], v];
  };
  for (const [key, value] of dictEntries(child)) {
    if (!isAnyDict(value)) {
      put(key, value);
      continue;
    }
    const existing = dictGet(base, key);
    if (existing === undefined || popDelete(value)) {
      put(key, value);
      continue;
    }
    if (!isAnyDict(existing)) {
      throw new EvalSignal('python', `TypeError: ${path}${String(key)} is a dict in the child config but not in the _base_ config; `
        + 'mmengine refuses to merge them (add _delete_=True to replace the base value)', lineOf?.(String(key)));
    }
    try {
      put(key, mergeIntoBase(value, existing, `${path}${String(key)}.`));
    } catch (error) {
      if (error instanceof EvalSignal && error.line === undefined) error.line = lineOf?.(String(key));
      throw error;
    }
  }
  return buildDict(out);
}

function popDelete(value: PyDict | PyKeyDict): boolean {
  const flag = dictGet(value, '_delete_');
  if (flag === undefined) return false;
  dictDelete(value, '_delete_');
  return truthy(flag);
}
