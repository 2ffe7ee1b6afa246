import type { Expr } from './ast.js';
import { callFunction, callMethod } from './builtins.js';
import { binaryOp, indexValue, sliceValue, unaryOp, type OpError } from './operators.js';
import { cannotRead } from './tokenize.js';
import { isDict, PyTuple, pyRepr, type PyDict, type PyValue } from './values.js';
import { YwError } from '../../errors.js';

/** The names a config file defines while it runs, plus `_base_` (the merged bases) and its imports. */
export interface Scope {
  vars: PyDict;
  base: PyDict | undefined;
  /** Names bound by import lines: only a few (copy, os.path) can be called. */
  imports: Set<string>;
  file: string;
}

export function evaluate(e: Expr, scope: Scope): PyValue {
  switch (e.k) {
    case 'const':
      return e.value;
    case 'name':
      return lookup(e.id, e.line, scope);
    case 'list':
      return spread(e.items, scope);
    case 'tuple':
      return new PyTuple(spread(e.items, scope));
    case 'dict':
      return dictLiteral(e, scope);
    case 'starred':
      throw cannotRead('a starred expression here', scope.file, e.line);
    case 'attr':
      return attribute(evaluate(e.obj, scope), e.name, e.line, scope);
    case 'index':
      return guard(() => indexValue(evaluate(e.obj, scope), evaluate(e.index, scope)), scope, e.line);
    case 'slice': {
      const part = (x?: Expr) => (x ? evaluate(x, scope) : null);
      const obj = evaluate(e.obj, scope);
      return guard(() => sliceValue(obj, part(e.lower), part(e.upper), part(e.step)), scope, e.line);
    }
    case 'call':
      return call(e, scope);
    case 'unary':
      return guard(() => unaryOp(e.op, evaluate(e.arg, scope)), scope, e.line);
    case 'binop': {
      const left = evaluate(e.left, scope);
      const right = evaluate(e.right, scope);
      return guard(() => binaryOp(e.op, left, right), scope, e.line);
    }
  }
}

function lookup(id: string, line: number, scope: Scope): PyValue {
  if (id === '_base_') {
    if (scope.base) return scope.base;
    throw fail("'_base_' is used but the file names no _base_", scope, line);
  }
  const value = scope.vars.get(id);
  if (value !== undefined) return value;
  if (scope.imports.has(id)) throw cannotRead(`the imported name '${id}'`, scope.file, line);
  throw fail(`name '${id}' is not defined`, scope, line);
}

function attribute(obj: PyValue, name: string, line: number, scope: Scope): PyValue {
  // ConfigDict allows attribute access; mmengine raises when the key is missing.
  if (isDict(obj)) {
    const value = obj.get(name);
    if (value !== undefined) return value;
    const where = obj === scope.base ? ' in the _base_ files' : '';
    throw fail(`'${name}' is not defined${where}`, scope, line);
  }
  throw cannotRead(`attribute '${name}' of ${describe(obj)}`, scope.file, line);
}

function spread(items: readonly Expr[], scope: Scope): PyValue[] {
  const out: PyValue[] = [];
  for (const item of items) {
    if (item.k !== 'starred') {
      out.push(evaluate(item, scope));
      continue;
    }
    const v = evaluate(item.value, scope);
    if (Array.isArray(v)) out.push(...v);
    else if (v instanceof PyTuple) out.push(...v.items);
    else if (isDict(v)) out.push(...v.keys());
    else if (typeof v === 'string') out.push(...v);
    else throw fail(`cannot unpack ${describe(v)} with *`, scope, item.line);
  }
  return out;
}

function dictLiteral(e: Extract<Expr, { k: 'dict' }>, scope: Scope): PyDict {
  const out: PyDict = new Map();
  for (const entry of e.entries) {
    if ('unpack' in entry) {
      const v = evaluate(entry.unpack, scope);
      if (!isDict(v)) throw fail(`cannot unpack ${describe(v)} with **`, scope, e.line);
      for (const [k, x] of v) out.set(k, x);
      continue;
    }
    const key = evaluate(entry.key, scope);
    if (typeof key !== 'string') throw cannotRead(`a dict key ${pyRepr(key)} that is not a string`, scope.file, e.line);
    out.set(key, evaluate(entry.value, scope));
  }
  return out;
}

function call(e: Extract<Expr, { k: 'call' }>, scope: Scope): PyValue {
  const args = spread(e.args, scope);
  const kwargs: PyDict = new Map();
  for (const kw of e.kwargs) {
    if ('name' in kw) kwargs.set(kw.name, evaluate(kw.value, scope));
    else {
      const v = evaluate(kw.unpack, scope);
      if (!isDict(v)) throw fail(`cannot unpack ${describe(v)} with **`, scope, e.line);
      for (const [k, x] of v) kwargs.set(k, x);
    }
  }
  const fn = e.fn;
  const name = dottedName(fn);
  if (name !== undefined && (scope.imports.has(name.split('.')[0]!) || !name.includes('.'))) {
    if (!name.includes('.') && scope.vars.has(name)) throw cannotRead(`a call of '${name}'`, scope.file, e.line);
    return guard(() => callFunction(name, args, kwargs), scope, e.line, () => cannotRead(`a call of '${name}'`, scope.file, e.line));
  }
  if (fn.k === 'attr') {
    const obj = evaluate(fn.obj, scope);
    return guard(() => callMethod(obj, fn.name, args, kwargs), scope, e.line,
      () => cannotRead(`a call of '.${fn.name}()' on ${describe(obj)}`, scope.file, e.line));
  }
  throw cannotRead('this call', scope.file, e.line);
}

function dottedName(e: Expr): string | undefined {
  if (e.k === 'name') return e.id;
  if (e.k === 'attr') {
    const head = dottedName(e.obj);
    return head === undefined ? undefined : `${head}.${e.name}`;
  }
  return undefined;
}

/** Runs an operation; its OpError becomes a config error at this line, `unknown` marks "not supported". */
function guard(run: () => PyValue | undefined, scope: Scope, line: number, unknown?: () => Error): PyValue {
  try {
    const v = run();
    if (v === undefined) throw unknown ? unknown() : cannotRead('this expression', scope.file, line);
    return v;
  } catch (error) {
    if ((error as OpError).opError) throw fail((error as Error).message, scope, line);
    throw error;
  }
}

export function describe(v: PyValue): string {
  return v === null ? 'None' : isDict(v) ? 'a dict' : Array.isArray(v) ? 'a list' : v instanceof PyTuple ? 'a tuple'
    : typeof v === 'string' ? 'a string' : typeof v === 'boolean' ? 'a bool' : 'a number';
}

export function fail(message: string, scope: Scope, line: number): YwError {
  return new YwError('CONFIG_ERROR', `${scope.file}:${line}: ${message}`, {
    file: scope.file,
    line,
    hint: 'mmengine would fail on this line too; fix the config',
  });
}
