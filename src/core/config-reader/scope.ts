import type { ImportName } from './ast.js';
import type { Budget } from './limits.js';
import { pyError, unsupported } from './signals.js';
import { dictEntries, isAnyDict, PyTuple, pyTypeName, type PyDict, type PyValue } from './values.js';

/**
 * The names a config file defines while it runs. `vars` is the module namespace (`_base_` included,
 * as mmengine puts it there); comprehensions push frames for their own loop names.
 */
export interface Scope {
  vars: PyDict;
  /** Names bound by import lines, to a module or a function: never values of the config. */
  imports: Map<string, ImportName>;
  frames: Map<string, PyValue>[];
  /** Line of the last assignment of each top-level name, for errors found after the file ran. */
  assignedAt: Map<string, number>;
  file: string;
  budget: Budget;
}

export function newScope(file: string, budget: Budget, vars: PyDict = new Map()): Scope {
  return { vars, imports: new Map(), frames: [], assignedAt: new Map(), file, budget };
}

/** A range, a dict view or a generator: only something to iterate over, never a config value. */
export class PyIterable {
  constructor(readonly what: string, readonly items: Iterable<PyValue>, readonly length?: number) {}
}

export type Evaluated = PyValue | PyIterable;

/** The values a `for` clause, `list(...)` or `*x` walks through. */
export function iterItems(v: Evaluated): Iterable<PyValue> {
  if (v instanceof PyIterable) return v.items;
  if (Array.isArray(v)) return [...v];
  if (v instanceof PyTuple) return v.items;
  if (typeof v === 'string') return [...v];
  if (isAnyDict(v)) return dictEntries(v).map(([k]) => k);
  throw pyError(`TypeError: '${pyTypeName(v)}' object is not iterable`);
}

export function asValue(v: Evaluated): PyValue {
  if (v instanceof PyIterable) throw unsupported(`${v.what} used as a value (only iterated over)`);
  return v;
}

/** Binds a name where the code runs: the innermost comprehension, else the module. */
export function bindName(scope: Scope, id: string, value: PyValue, line: number): void {
  const frame = scope.frames[scope.frames.length - 1];
  if (frame) {
    frame.set(id, value);
    return;
  }
  scope.vars.set(id, value);
  scope.imports.delete(id);
  scope.assignedAt.set(id, line);
}

export type Lookup = { value: PyValue } | { imported: ImportName } | undefined;

/** Finds a name: comprehension frames (innermost first), the module's values, then its imports. */
export function lookupName(scope: Scope, id: string): Lookup {
  for (let i = scope.frames.length - 1; i >= 0; i -= 1) {
    const v = scope.frames[i]!.get(id);
    if (v !== undefined) return { value: v };
  }
  const v = scope.vars.get(id);
  if (v !== undefined) return { value: v };
  const imported = scope.imports.get(id);
  return imported ? { imported } : undefined;
}
