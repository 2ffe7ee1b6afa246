/**
 * A small model of the Python values an mmengine config holds. Ints are plain JS numbers (must be
 * integers); floats are wrapped so `114.0` and `114` stay different, as they are in Python.
 * `PyExpr` is Python source with the value it evaluates to: the inherit renderer prints the code
 * (`_base_.pre_transform`), the standalone renderer and the tests use the value.
 */
import { pythonFloatRepr } from '../python-float.js';

export type PyValue = null | boolean | number | string | PyFloat | PyTuple | PyDict | PyExpr | PyList;
export type PyList = readonly (PyValue | PySpread)[];

export class PyFloat {
  constructor(readonly value: number) {}
}

export class PyTuple {
  constructor(readonly items: readonly PyValue[]) {}
}

export class PyDict {
  constructor(readonly entries: readonly (readonly [string, PyValue])[]) {}
  get(key: string): PyValue | undefined {
    return this.entries.find(([k]) => k === key)?.[1];
  }
}

export class PyExpr {
  constructor(
    readonly code: string,
    readonly value: PyValue,
  ) {}
}

/** `*code` inside a list literal; `items` are what it unpacks to. */
export class PySpread {
  constructor(
    readonly code: string,
    readonly items: readonly PyValue[],
  ) {}
}

export const float = (value: number): PyFloat => new PyFloat(value);
export const tuple = (...items: PyValue[]): PyTuple => new PyTuple(items);
export const expr = (code: string, value: PyValue): PyExpr => new PyExpr(code, value);
export const spread = (code: string, items: readonly PyValue[]): PySpread => new PySpread(code, items);

/** `dict(a=1, b=2)` from an object; keys keep their insertion order. Undefined values are left out. */
export function dict(fields: Record<string, PyValue | undefined>): PyDict {
  return new PyDict(Object.entries(fields).filter((e): e is [string, PyValue] => e[1] !== undefined));
}

/** Replaces every PyExpr by its value and flattens spreads: what Python would build. */
export function resolveValue(value: PyValue): PyValue {
  if (value instanceof PyExpr) return resolveValue(value.value);
  if (value instanceof PyTuple) return new PyTuple(value.items.map(resolveValue));
  if (value instanceof PyDict) return new PyDict(value.entries.map(([k, v]) => [k, resolveValue(v)] as const));
  if (Array.isArray(value)) return resolveList(value as PyList);
  return value;
}

function resolveList(list: PyList): PyValue[] {
  return list.flatMap((item) => (item instanceof PySpread ? item.items.map(resolveValue) : [resolveValue(item)]));
}

/**
 * The JSON form used by the reference files (tuples as `{"__tuple__": [...]}`) with floats marked
 * `{"__float__": repr}` so int and float never compare equal.
 */
export function toTagged(value: PyValue): unknown {
  const v = resolveValue(value);
  if (v instanceof PyFloat) return { __float__: pythonFloatRepr(v.value) };
  if (v instanceof PyTuple) return { __tuple__: v.items.map(toTagged) };
  if (v instanceof PyDict) return Object.fromEntries(v.entries.map(([k, x]) => [k, toTagged(x)]));
  if (Array.isArray(v)) return (v as PyValue[]).map(toTagged);
  return v;
}

