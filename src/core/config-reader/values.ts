/**
 * The value model of a resolved mmengine config. Python's int/float difference is kept (`114` is the
 * bigint `114n`, `114.0` the number `114`) and tuples are marked, because mmengine and mmyolo check
 * some of these types (`dynamic_intervals` must hold tuples).
 */
import { pythonFloatRepr } from '../python-float.js';

export class PyTuple {
  constructor(readonly items: PyValue[]) {}
}

export type PyDict = Map<string, PyValue>;
export type PyValue = null | boolean | bigint | number | string | PyValue[] | PyTuple | PyDict;

export function isDict(v: unknown): v is PyDict {
  return v instanceof Map;
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
  return 'dict';
}

/** Copies dicts and lists recursively, as mmengine's ConfigDict does when it stores a value. */
export function deepCopy(v: PyValue): PyValue {
  if (Array.isArray(v)) return v.map(deepCopy);
  if (v instanceof PyTuple) return new PyTuple(v.items.map(deepCopy));
  if (v instanceof Map) return new Map([...v].map(([k, x]) => [k, deepCopy(x)]));
  return v;
}


/** Python's `repr()` of a value, for messages (`('a', 'b')`, `'head'`). */
export function pyRepr(v: PyValue): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return pythonFloatRepr(v);
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  if (v instanceof PyTuple) return v.items.length === 1 ? `(${pyRepr(v.items[0]!)},)` : `(${v.items.map(pyRepr).join(', ')})`;
  return `{${[...v].map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`).join(', ')}}`;
}
