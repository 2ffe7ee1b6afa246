import type { Expr } from './ast.js';
import { evalAny, evaluate } from './evaluate.js';
import { checkItems } from './limits.js';
import { iterItems, PyIterable, type Scope } from './scope.js';
import { assignTarget } from './targets.js';
import { buildDict, truthy, type PyValue } from './values.js';

type Comp = Extract<Expr, { k: 'comp' }>;

/**
 * `[elt for x in xs if c]`, `{k: v for ...}` and `(elt for ...)`, with Python 3 scoping: loop names live
 * in the comprehension's own frame, and the first iterable is evaluated in the enclosing scope.
 */
export function evalComprehension(e: Comp, scope: Scope): PyValue | PyIterable {
  const first = iterItems(evalAny(e.loops[0]!.iter, scope));
  const items: PyValue[] = [];
  const pairs: [PyValue, PyValue][] = [];
  scope.frames.push(new Map());
  try {
    run(e, 0, first, scope, () => {
      if (e.kind === 'dict') pairs.push([evaluate(e.elt, scope), evaluate(e.value!, scope)]);
      else items.push(evaluate(e.elt, scope));
      checkItems(items.length + pairs.length);
    });
  } finally {
    scope.frames.pop();
  }
  if (e.kind === 'dict') return buildDict(pairs);
  return e.kind === 'list' ? items : new PyIterable('a generator', items);
}

function run(e: Comp, level: number, values: Iterable<PyValue>, scope: Scope, emit: () => void): void {
  const loop = e.loops[level]!;
  for (const value of values) {
    scope.budget.spend();
    assignTarget(loop.target, value, scope, e.line);
    if (!loop.ifs.every((test) => truthy(evaluate(test, scope)))) continue;
    if (level + 1 === e.loops.length) emit();
    else run(e, level + 1, iterItems(evalAny(e.loops[level + 1]!.iter, scope)), scope, emit);
  }
}

