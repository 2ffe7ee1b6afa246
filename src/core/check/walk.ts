import { posix } from 'node:path';
import { isDict, PyTuple, type PyDict, type PyValue } from '../config-reader/values.js';

/** A value found in the config with its key path (`train_dataloader.dataset.pipeline[7]`). */
export interface Located<T = PyValue> {
  path: string;
  value: T;
}

export function child(parent: string, key: string | number): string {
  return typeof key === 'number' ? `${parent}[${key}]` : parent === '' ? key : `${parent}.${key}`;
}

/** Follows dotted keys through dicts; undefined when any step is missing. */
export function get(root: PyValue | undefined, keys: string): PyValue | undefined {
  let v: PyValue | undefined = root;
  for (const k of keys.split('.')) v = isDict(v) ? v.get(k) : undefined;
  return v;
}

export function getDict(root: PyValue | undefined, keys: string): PyDict | undefined {
  const v = get(root, keys);
  return isDict(v) ? v : undefined;
}

export function str(v: PyValue | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function int(v: PyValue | undefined): number | undefined {
  return typeof v === 'bigint' ? Number(v) : undefined;
}

/** Every dict under `value` (lists, tuples and nested dicts included) whose `type` is one of `types`. */
export function findByType(value: PyValue, path: string, types: readonly string[]): Located<PyDict>[] {
  const out: Located<PyDict>[] = [];
  const visit = (v: PyValue, p: string) => {
    if (isDict(v)) {
      const type = v.get('type');
      if (typeof type === 'string' && types.includes(type.replace(/^mm\w+\./, ''))) out.push({ path: p, value: v });
      for (const [k, x] of v) visit(x, child(p, k));
    } else if (Array.isArray(v) || v instanceof PyTuple) {
      (Array.isArray(v) ? v : v.items).forEach((x, i) => visit(x, child(p, i)));
    }
  };
  visit(value, path);
  return out;
}

/** How mmengine joins `data_root` with a relative path; the result is relative to the training cwd. */
export function joinRoot(root: string | undefined, path: string): string {
  const joined = root && !posix.isAbsolute(path) ? posix.join(root, path) : path;
  return normalizePath(joined);
}

export function normalizePath(path: string): string {
  const n = posix.normalize(path.replace(/\\/g, '/'));
  return n.length > 1 && n.endsWith('/') ? n.slice(0, -1) : n;
}
