import { rebuild } from './copy.js';
import type { Budget } from './limits.js';
import type { Placeholders } from './text-substitution.js';
import { dictGet, isAnyDict, pyTypeName, type PyDict, type PyValue } from './values.js';
import { EvalSignal, pyError } from './signals.js';

/**
 * mmengine's `_substitute_base_vars`: after the file ran, every value that is exactly a `{{_base_.x}}`
 * placeholder becomes the base's value at that path (read after the file's own changes to `_base_`),
 * and every value is a fresh copy. A placeholder left inside a longer string would be random text in
 * mmengine, so it is refused here.
 */
export function substituteBaseVars(
  value: PyValue, placeholders: Placeholders, base: PyDict, budget: Budget, line: number,
): PyValue {
  const leaf = (s: string): PyValue => {
    const spot = placeholders.get(s);
    if (spot === undefined) {
      for (const [placeholder, where] of placeholders) {
        if (s.includes(placeholder)) {
          throw new EvalSignal('unsupported', `{{_base_.${where.path}}} inside a string or an expression (mmengine leaves a random placeholder there)`, where.line);
        }
      }
      return s;
    }
    try {
      return rebuild(lookup(base, spot.path), 'plain', budget);
    } catch (error) {
      if (error instanceof EvalSignal && error.line === undefined) error.line = spot.line;
      throw error;
    }
  };
  try {
    return rebuild(value, 'plain', budget, placeholders.size > 0 ? leaf : undefined);
  } catch (error) {
    if (error instanceof EvalSignal && error.line === undefined) error.line = line;
    throw error;
  }
}

function lookup(base: PyDict, path: string): PyValue {
  let v: PyValue = base;
  for (const key of path.split('.')) {
    if (!isAnyDict(v)) {
      throw pyError(isArrayLike(v) ? `TypeError: ${pyTypeName(v)} indices must be integers or slices, not str`
        : `TypeError: '${pyTypeName(v)}' object is not subscriptable`);
    }
    const next = dictGet(v, key);
    if (next === undefined) throw pyError(`KeyError: '${key}' ({{_base_.${path}}} names a key the _base_ files do not define)`);
    v = next;
  }
  return v;
}

function isArrayLike(v: PyValue): boolean {
  return Array.isArray(v) || typeof v === 'string' || (v !== null && typeof v === 'object' && !isAnyDict(v));
}

