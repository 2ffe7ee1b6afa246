/**
 * The value model of a resolved mmengine config. Python's int/float difference is kept (`114` is the
 * bigint `114n`, `114.0` the number `114`) and tuples are marked, because mmengine and mmyolo check
 * some of these types (`dynamic_intervals` must hold tuples).
 */
import { pyError, unsupported } from './signals.js';

export { pyRepr } from './repr.js';
export class PyTuple {
  constructor(readonly items: PyValue[]) {}
}

/**
 * mmengine's ConfigDict: what `_base_` and everything inside it is while a config runs. It differs from
 * a plain dict in ways that change values: attribute access, `update()` merging nested dicts, and
 * storing a copy of any plain dict or list assigned into it. A resolved config holds plain Maps only.
 */
export class ConfigDict extends Map<string, PyValue> {}

/**
 * A dict with a key that is not a string (`{0: 'batch'}` in mmdeploy configs, keypoint tables).
 * Keyed by `keyId` so that `1`, `1.0` and `True` are one key, as in Python; the first key object is kept.
 */
export class PyKeyDict {
  readonly entries = new Map<string, [PyValue, PyValue]>();
  constructor(readonly configDict = false) {}
}

export type PyDict = Map<string, PyValue>;
export type PyValue = null | boolean | bigint | number | string | PyValue[] | PyTuple | PyDict | PyKeyDict;

export function isDict(v: unknown): v is PyDict {
  return v instanceof Map;
}

/** Any Python dict, whatever its keys. */
export function isAnyDict(v: unknown): v is PyDict | PyKeyDict {
  return v instanceof Map || v instanceof PyKeyDict;
}

export function isSeq(v: unknown): v is PyValue[] | PyTuple {
  return Array.isArray(v) || v instanceof PyTuple;
}

export function seqItems(v: PyValue[] | PyTuple): PyValue[] {
  return v instanceof PyTuple ? v.items : v;
}

/** Python's `type(v).__name__`, for messages. */
export function pyTypeName(v: PyValue): string {
  if (v === null) return 'NoneType';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'number') return 'float';
  if (typeof v === 'string') return 'str';
  if (Array.isArray(v)) return 'list';
  if (v instanceof PyTuple) return 'tuple';
  return v instanceof ConfigDict || (v instanceof PyKeyDict && v.configDict) ? 'ConfigDict' : 'dict';
}

/** Python's truth value. */
export function truthy(v: PyValue): boolean {
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return v !== 0n;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string' || Array.isArray(v)) return v.length > 0;
  if (v instanceof PyTuple) return v.items.length > 0;
  if (v instanceof PyKeyDict) return v.entries.size > 0;
  return v.size > 0;
}

/**
 * The identity of a dict key under Python's hashing: equal numbers are one key (`1 == 1.0 == True`).
 * Throws for unhashable values (lists, dicts), as Python does.
 */
export function keyId(v: PyValue): string {
  if (typeof v === 'string') return `s${v}`;
  if (v === null) return 'N';
  if (typeof v === 'boolean') return `i${v ? 1 : 0}`;
  if (typeof v === 'bigint') return `i${v}`;
  if (typeof v === 'number') return Number.isInteger(v) ? `i${BigInt(v)}` : `f${v}`;
  if (v instanceof PyTuple) return `t(${v.items.map(keyId).join(',')})`;
  throw pyError(`TypeError: unhashable type: '${pyTypeName(v)}'`);
}

/** The (key, value) pairs of any dict, in insertion order. */
export function dictEntries(d: PyDict | PyKeyDict): [PyValue, PyValue][] {
  return d instanceof PyKeyDict ? [...d.entries.values()] : [...d];
}

export function dictSize(d: PyDict | PyKeyDict): number {
  return d instanceof PyKeyDict ? d.entries.size : d.size;
}

export function dictGet(d: PyDict | PyKeyDict, key: PyValue): PyValue | undefined {
  if (d instanceof PyKeyDict) return d.entries.get(keyId(key))?.[1];
  if (typeof key === 'string') return d.get(key);
  keyId(key);
  return undefined;
}

/**
 * Sets a key. A dict that holds only string keys stays a Map and cannot take another kind of key in
 * place (the reader does not follow such a dict through a type change).
 */
export function dictSet(d: PyDict | PyKeyDict, key: PyValue, value: PyValue): void {
  if (d instanceof Map) {
    if (typeof key !== 'string') throw unsupported('a non-string key added to a dict that has only string keys');
    d.set(key, value);
    return;
  }
  const id = keyId(key);
  const old = d.entries.get(id);
  d.entries.set(id, [old ? old[0] : key, value]);
}

/** Builds a dict from pairs: a Map when every key is a string, else a PyKeyDict. */
export function buildDict(pairs: [PyValue, PyValue][], configDict = false): PyDict | PyKeyDict {
  if (pairs.every(([k]) => typeof k === 'string')) {
    const out: PyDict = configDict ? new ConfigDict() : new Map();
    for (const [k, v] of pairs) out.set(k as string, v);
    return out;
  }
  const out = new PyKeyDict(configDict);
  for (const [k, v] of pairs) dictSet(out, k, v);
  return out;
}

export function dictDelete(d: PyDict | PyKeyDict, key: PyValue): boolean {
  if (d instanceof PyKeyDict) return d.entries.delete(keyId(key));
  return typeof key === 'string' ? d.delete(key) : (keyId(key), false);
}

export function isConfigDict(v: PyValue): boolean {
  return v instanceof ConfigDict || (v instanceof PyKeyDict && v.configDict);
}
