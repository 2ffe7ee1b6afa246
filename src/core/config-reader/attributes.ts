import type { Budget } from './limits.js';
import { hook } from './copy.js';
import type { Scope } from './scope.js';
import { pyError, unsupported } from './signals.js';
import { dictGet, dictSet, isAnyDict, isConfigDict, pyTypeName, type PyValue } from './values.js';

/** Class attributes of mmengine 0.10.3's ConfigDict: `cd.copy` is the method, never the key 'copy'. */
export const CONFIG_DICT_ATTRIBUTES = new Set(['_hook', '_to_lazy_dict', 'build_lazy', 'clear', 'copy', 'deepcopy',
  'freeze', 'fromkeys', 'get', 'items', 'keys', 'lazy', 'merge', 'pop', 'popitem', 'setdefault', 'to_dict',
  'unfreeze', 'update', 'values']);

const METHODS: Record<string, readonly string[]> = {
  dict: ['clear', 'copy', 'fromkeys', 'get', 'items', 'keys', 'pop', 'popitem', 'setdefault', 'update', 'values'],
  list: ['append', 'clear', 'copy', 'count', 'extend', 'index', 'insert', 'pop', 'remove', 'reverse', 'sort'],
  tuple: ['count', 'index'],
  str: ['join', 'replace', 'split', 'strip', 'lstrip', 'rstrip', 'upper', 'lower', 'startswith', 'endswith', 'format'],
};

/**
 * `obj.name` outside a call. Only a ConfigDict (what `_base_` and its parts are) maps attributes to keys;
 * on a plain dict, as in Python, `model.backbone` is an AttributeError.
 */
export function getAttribute(obj: PyValue, name: string, scope: Scope): PyValue {
  const type = pyTypeName(obj);
  if (isAnyDict(obj) && isConfigDict(obj) && !CONFIG_DICT_ATTRIBUTES.has(name) && !name.startsWith('__')) {
    const value = dictGet(obj, name);
    if (value !== undefined) return value;
    if (obj === scope.vars.get('_base_')) throw pyError(`'${name}' is not defined in the _base_ files`);
    throw pyError(`AttributeError: 'ConfigDict' object has no attribute '${name}'`);
  }
  const family = isAnyDict(obj) ? 'dict' : type;
  if (METHODS[family]?.includes(name) || (family === 'dict' && CONFIG_DICT_ATTRIBUTES.has(name)) || name.startsWith('__')) {
    throw unsupported(`the attribute '${name}' of a ${type} as a value`);
  }
  throw pyError(`AttributeError: '${type}' object has no attribute '${name}'`);
}

/** `obj.name = value`: a ConfigDict stores it as a key (hooked, like ConfigDict.__setattr__). */
export function setAttribute(obj: PyValue, name: string, value: PyValue, budget: Budget): void {
  if (isAnyDict(obj) && isConfigDict(obj)) {
    if (CONFIG_DICT_ATTRIBUTES.has(name)) throw pyError(`AttributeError: 'Dict' object attribute '${name}' is read-only`);
    dictSet(obj, name, hook(value, budget));
    return;
  }
  throw pyError(`AttributeError: '${pyTypeName(obj)}' object has no attribute '${name}'`);
}

/** `obj[key] = value`: dicts (a ConfigDict hooks the value) and list items. */
export function setItem(obj: PyValue, key: PyValue, value: PyValue, budget: Budget): void {
  if (isAnyDict(obj)) {
    dictSet(obj, key, isConfigDict(obj) ? hook(value, budget) : value);
    return;
  }
  if (Array.isArray(obj)) {
    obj[listIndex(obj, key, 'assignment')] = value;
    return;
  }
  throw pyError(`TypeError: '${pyTypeName(obj)}' object does not support item assignment`);
}

/** A list position from a Python index, with the IndexError Python gives. */
export function listIndex(list: PyValue[], key: PyValue, what: string): number {
  if (typeof key !== 'bigint' && typeof key !== 'boolean') {
    throw pyError(`TypeError: list indices must be integers or slices, not ${pyTypeName(key)}`);
  }
  const k = typeof key === 'boolean' ? (key ? 1 : 0) : Number(key);
  const i = k < 0 ? list.length + k : k;
  if (!(i >= 0 && i < list.length)) throw pyError(`IndexError: list ${what} index out of range`);
  return i;
}
