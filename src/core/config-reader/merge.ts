import { YwError } from '../../errors.js';
import { deepCopy, isDict, type PyDict } from './values.js';

/**
 * mmengine's `Config._merge_a_into_b`: child dict keys merge recursively into base dicts,
 * `_delete_=True` replaces the base dict, anything else (lists included) replaces. Like mmengine it
 * consumes `_delete_` only where the base has the key, so helper names keep theirs.
 */
export function mergeIntoBase(child: PyDict, base: PyDict, file: string, path = ''): PyDict {
  const out: PyDict = new Map(base);
  for (const [key, value] of child) {
    if (!isDict(value)) {
      out.set(key, value);
      continue;
    }
    const existing = base.get(key);
    const replace = existing === undefined || popDelete(value);
    if (replace) {
      out.set(key, deepCopy(value));
      continue;
    }
    if (!isDict(existing)) {
      throw new YwError(
        'CONFIG_ERROR',
        `${file}: ${path}${key} is a dict here but not in the _base_ files; mmengine refuses to merge them`,
        { file, hint: `add _delete_=True to ${path}${key} to replace the base value` },
      );
    }
    out.set(key, mergeIntoBase(value, existing, file, `${path}${key}.`));
  }
  return out;
}

function popDelete(value: PyDict): boolean {
  if (!value.has('_delete_')) return false;
  const flag = value.get('_delete_');
  value.delete('_delete_');
  return flag !== false && flag !== null && flag !== 0n && flag !== 0 && flag !== '';
}
