import type { Expr, ImportName } from './ast.js';
import { BUILTINS, ITERABLE_ARGS } from './builtins.js';
import { evalAny, evaluate } from './evaluate.js';
import { IMPORTED_FUNCTIONS } from './imports.js';
import { callMethod } from './methods.js';
import { asValue, iterItems, lookupName, type Evaluated, type Scope } from './scope.js';
import { pyError, unsupported } from './signals.js';
import { dictEntries, isAnyDict, pyTypeName, type PyDict, type PyValue } from './values.js';

type Call = Extract<Expr, { k: 'call' }>;

/** Python built-ins the reader does not evaluate: a call is "cannot read", not a NameError. */
const OTHER_BUILTINS = new Set(['print', 'open', 'eval', 'exec', '__import__', 'set', 'type', 'isinstance', 'round',
  'map', 'filter', 'getattr', 'setattr', 'globals', 'locals', 'vars', 'id', 'hash', 'object', 'repr', 'format', 'divmod',
  'pow', 'chr', 'ord', 'hex', 'oct', 'bin', 'iter', 'next', 'slice', 'frozenset', 'bytes', 'bytearray', 'complex',
  'callable', 'hasattr', 'delattr', 'issubclass', 'super', 'input', 'compile', 'breakpoint', 'help', 'dir']);

/** A call: a built-in (`dict`, `len`, ...), an imported function (`copy.deepcopy`), or a method. */
export function evalCall(e: Call, scope: Scope): Evaluated {
  const callee = resolve(e.fn, scope);
  const iterableArgs = callee.kind === 'builtin' && ITERABLE_ARGS.has(callee.name);
  const args = positional(e.args, scope, iterableArgs);
  const kwargs = keywords(e, scope);
  if (callee.kind === 'builtin') return BUILTINS[callee.name]!(args, kwargs, scope.budget);
  const values = args.map(asValue);
  if (callee.kind === 'imported') {
    const run = IMPORTED_FUNCTIONS[callee.name];
    if (!run) throw unsupported(`a call of '${callee.name}'`);
    return run(values, kwargs, scope.budget);
  }
  return callMethod(callee.obj, callee.name, values, kwargs, scope.budget);
}

type Callee =
  | { kind: 'builtin'; name: string }
  | { kind: 'imported'; name: string }
  | { kind: 'method'; obj: Evaluated; name: string };

function resolve(fn: Expr, scope: Scope): Callee {
  if (fn.k === 'name') {
    const found = lookupName(scope, fn.id);
    if (found && 'value' in found) throw pyError(`TypeError: '${pyTypeName(found.value)}' object is not callable`);
    if (found) return { kind: 'imported', name: qualified(found.imported) };
    if (fn.id in BUILTINS) return { kind: 'builtin', name: fn.id };
    if (OTHER_BUILTINS.has(fn.id)) throw unsupported(`a call of '${fn.id}'`);
    throw pyError(`NameError: name '${fn.id}' is not defined`);
  }
  if (fn.k === 'attr') {
    const module = importedModule(fn.obj, scope);
    if (module !== undefined) return { kind: 'imported', name: `${module}.${fn.name}` };
    return { kind: 'method', obj: evalAny(fn.obj, scope), name: fn.name };
  }
  throw pyError(`TypeError: '${pyTypeName(evaluate(fn, scope))}' object is not callable`);
}

/** `a.b.c` when `a` names an imported module: the dotted module path, else undefined. */
function importedModule(e: Expr, scope: Scope): string | undefined {
  if (e.k === 'name') {
    const found = lookupName(scope, e.id);
    return found && 'imported' in found ? qualified(found.imported) : undefined;
  }
  if (e.k === 'attr') {
    const head = importedModule(e.obj, scope);
    return head === undefined ? undefined : `${head}.${e.name}`;
  }
  return undefined;
}

function qualified(name: ImportName): string {
  return name.member === undefined ? name.module : `${name.module}.${name.member}`;
}

function positional(args: readonly Expr[], scope: Scope, iterable: boolean): Evaluated[] {
  const out: Evaluated[] = [];
  for (const arg of args) {
    if (arg.k === 'starred') out.push(...iterItems(evalAny(arg.value, scope)));
    else out.push(iterable ? evalAny(arg, scope) : evaluate(arg, scope));
  }
  return out;
}

function keywords(e: Call, scope: Scope): PyDict {
  const kwargs: PyDict = new Map();
  const add = (k: PyValue, v: PyValue) => {
    if (typeof k !== 'string') throw pyError('TypeError: keywords must be strings');
    if (kwargs.has(k)) throw pyError(`TypeError: got multiple values for keyword argument '${k}'`);
    kwargs.set(k, v);
  };
  for (const kw of e.kwargs) {
    if ('name' in kw) add(kw.name, evaluate(kw.value, scope));
    else {
      const v = evaluate(kw.unpack, scope);
      if (!isAnyDict(v)) throw pyError(`TypeError: argument after ** must be a mapping, not ${pyTypeName(v)}`);
      for (const [k, x] of dictEntries(v)) add(k, x);
    }
  }
  return kwargs;
}
