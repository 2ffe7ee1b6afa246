import { posix } from 'node:path';
import { opError } from './operators.js';
import { deepCopy, isDict, PyTuple, pyTypeName, type PyDict, type PyValue } from './values.js';

/**
 * The few functions mmengine configs call. Returns undefined for anything else, which the evaluator
 * reports as "cannot read a call of ...".
 */
export function callFunction(name: string, args: PyValue[], kwargs: PyDict): PyValue | undefined {
  switch (name) {
    case 'dict': {
      const out: PyDict = new Map();
      if (args.length > 1) throw opError('dict expected at most 1 argument');
      if (args[0] !== undefined) {
        if (!isDict(args[0])) return undefined;
        for (const [k, v] of args[0]) out.set(k, v);
      }
      for (const [k, v] of kwargs) out.set(k, v);
      return out;
    }
    case 'list':
    case 'tuple': {
      if (kwargs.size > 0 || args.length > 1) return undefined;
      const src = args[0] ?? [];
      const items = Array.isArray(src) ? [...src] : src instanceof PyTuple ? [...src.items]
        : isDict(src) ? [...src.keys()] : typeof src === 'string' ? [...src] : undefined;
      if (!items) throw opError(`'${pyTypeName(src)}' object is not iterable`);
      return name === 'list' ? items : new PyTuple(items);
    }
    case 'len': {
      const v = args[0];
      if (args.length !== 1 || v === undefined) return undefined;
      if (Array.isArray(v)) return BigInt(v.length);
      if (v instanceof PyTuple) return BigInt(v.items.length);
      if (isDict(v)) return BigInt(v.size);
      if (typeof v === 'string') return BigInt([...v].length);
      throw opError(`object of type '${pyTypeName(v)}' has no len()`);
    }
    case 'deepcopy':
    case 'copy.deepcopy':
      return args.length === 1 ? deepCopy(args[0]!) : undefined;
    case 'copy.copy':
      return args.length === 1 ? shallowCopy(args[0]!) : undefined;
    case 'osp.join':
    case 'os.path.join':
      return args.every((a) => typeof a === 'string') && args.length > 0 ? posix.join(...(args as string[])) : undefined;
    default:
      return undefined;
  }
}

function shallowCopy(v: PyValue): PyValue {
  if (Array.isArray(v)) return [...v];
  if (isDict(v)) return new Map(v);
  return v;
}

/** Methods on dicts and lists that configs use; they mutate like Python's. */
export function callMethod(obj: PyValue, method: string, args: PyValue[], kwargs: PyDict): PyValue | undefined {
  if (isDict(obj)) return dictMethod(obj, method, args, kwargs);
  if (Array.isArray(obj) && kwargs.size === 0) {
    if (method === 'copy' && args.length === 0) return [...obj];
    if (method === 'append' && args.length === 1) {
      obj.push(args[0]!);
      return null;
    }
    if (method === 'extend' && args.length === 1) {
      const more = args[0]!;
      if (!Array.isArray(more) && !(more instanceof PyTuple)) return undefined;
      obj.push(...(Array.isArray(more) ? more : more.items));
      return null;
    }
  }
  return undefined;
}

function dictMethod(obj: PyDict, method: string, args: PyValue[], kwargs: PyDict): PyValue | undefined {
  if (method === 'copy' && args.length === 0) return new Map(obj);
  if (method === 'update' && args.length <= 1) {
    const first = args[0];
    if (first !== undefined && !isDict(first)) return undefined;
    for (const [k, v] of first ?? []) obj.set(k, v);
    for (const [k, v] of kwargs) obj.set(k, v);
    return null;
  }
  if ((method === 'get' || method === 'pop') && kwargs.size === 0 && typeof args[0] === 'string' && args.length <= 2) {
    const v = obj.get(args[0]);
    if (v === undefined && args.length === 1 && method === 'pop') throw opError(`KeyError: '${args[0]}'`);
    if (method === 'pop') obj.delete(args[0]);
    return v ?? args[1] ?? null;
  }
  return undefined;
}
