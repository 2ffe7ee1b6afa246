import type { Expr, Stmt } from './ast.js';
import { describe, evaluate, fail, type Scope } from './evaluate.js';
import { cannotRead } from './tokenize.js';
import { isDict, PyTuple, pyRepr, type PyValue } from './values.js';

/** Runs a config file's statements: assignments bind or mutate, expression statements run for effect. */
export function runStatements(body: readonly Stmt[], scope: Scope): void {
  for (const stmt of body) {
    if (stmt.k === 'import') for (const name of stmt.names) scope.imports.add(name);
    else if (stmt.k === 'expr') evaluate(stmt.value, scope);
    else {
      const value = evaluate(stmt.value, scope);
      for (const target of stmt.targets) assign(target, value, scope);
    }
  }
}

function assign(target: Expr, value: PyValue, scope: Scope): void {
  if (target.k === 'name') {
    // mmengine removes `_base_ = ...` before running the file; `_base_` stays the merged bases.
    if (target.id !== '_base_') scope.vars.set(target.id, value);
    return;
  }
  if (target.k === 'tuple' || target.k === 'list') {
    const items = Array.isArray(value) ? value : value instanceof PyTuple ? value.items : undefined;
    if (!items || items.length !== target.items.length) {
      throw cannotRead(`an unpacking assignment of ${pyRepr(value).slice(0, 40)}`, scope.file, target.line);
    }
    target.items.forEach((t, i) => assign(t, items[i]!, scope));
    return;
  }
  if (target.k === 'attr') {
    const obj = evaluate(target.obj, scope);
    if (!isDict(obj)) throw fail(`cannot set attribute '${target.name}' on ${describe(obj)}`, scope, target.line);
    obj.set(target.name, value);
    return;
  }
  if (target.k === 'index') {
    const obj = evaluate(target.obj, scope);
    const key = evaluate(target.index, scope);
    if (isDict(obj) && typeof key === 'string') obj.set(key, value);
    else if (Array.isArray(obj) && typeof key === 'bigint') {
      const i = Number(key) < 0 ? obj.length + Number(key) : Number(key);
      if (i < 0 || i >= obj.length) throw fail('list assignment index out of range', scope, target.line);
      obj[i] = value;
    } else throw fail(`cannot assign to an item of ${describe(obj)}`, scope, target.line);
    return;
  }
  throw cannotRead('this assignment target', scope.file, target.line);
}

