import type { Expr, Stmt } from './ast.js';
import { listIndex, setAttribute, setItem } from './attributes.js';
import { evaluate } from './evaluate.js';
import { runImport } from './imports.js';
import { binaryOp } from './operators.js';
import { indexValue } from './operators.js';
import { getAttribute } from './attributes.js';
import { iterItems, type Scope } from './scope.js';
import { EvalSignal, pyError, unsupported } from './signals.js';
import { assignTarget } from './targets.js';
import { checkItems } from './limits.js';
import { dictDelete, dictGet, isAnyDict, isConfigDict, pyTypeName, type PyValue } from './values.js';
import { pyRepr } from './repr.js';

/**
 * Runs a config file's statements, as mmengine's `eval` of the file does after it removed every
 * `_base_ = ...` assignment. Errors leave here as EvalSignals stamped with their line.
 */
export function runStatements(body: readonly Stmt[], scope: Scope): void {
  for (const stmt of body) {
    try {
      run(stmt, scope);
    } catch (error) {
      if (error instanceof EvalSignal && error.line === undefined) error.line = stmt.line;
      throw error;
    }
  }
}

/** mmengine's RemoveAssignFromAST drops a statement whose first target is `_base_`, value and other targets included. */
export function isBaseAssign(stmt: Stmt): boolean {
  return stmt.k === 'assign' && stmt.targets[0]!.k === 'name' && stmt.targets[0]!.id === '_base_';
}

function run(stmt: Stmt, scope: Scope): void {
  scope.budget.spend();
  switch (stmt.k) {
    case 'import': return runImport(stmt.names, scope, stmt.line);
    case 'expr': evaluate(stmt.value, scope); return;
    case 'pass': return;
    case 'assign': {
      if (isBaseAssign(stmt)) return;
      const value = evaluate(stmt.value, scope);
      for (const target of stmt.targets) assignTarget(target, value, scope, stmt.line);
      return;
    }
    case 'augassign': return augmented(stmt, scope);
    case 'del': for (const target of stmt.targets) del(target, scope); return;
  }
}

/** `x op= y`: a list grows in place for `+=`/`*=` (so other names for it see the change); others rebind. */
function augmented(stmt: Extract<Stmt, { k: 'augassign' }>, scope: Scope): void {
  const { target } = stmt;
  let read: () => PyValue;
  let write: (v: PyValue) => void;
  if (target.k === 'name') {
    read = () => evaluate(target, scope);
    write = (v) => assignTarget(target, v, scope, stmt.line);
  } else if (target.k === 'attr') {
    const obj = evaluate(target.obj, scope);
    read = () => getAttribute(obj, target.name, scope);
    write = (v) => setAttribute(obj, target.name, v, scope.budget);
  } else if (target.k === 'index') {
    const obj = evaluate(target.obj, scope);
    const key = evaluate(target.index, scope);
    read = () => indexValue(obj, key);
    write = (v) => setItem(obj, key, v, scope.budget);
  } else throw unsupported('this augmented assignment target');
  const current = read();
  const value = evaluate(stmt.value, scope);
  if (Array.isArray(current) && stmt.op === '+') {
    for (const x of iterItems(value)) current.push(x);
    checkItems(current.length);
    return write(current);
  }
  if (Array.isArray(current) && stmt.op === '*') {
    const repeated = binaryOp('*', current, value, scope.budget) as PyValue[];
    current.splice(0, current.length, ...repeated);
    return write(current);
  }
  if (stmt.op === '|' && isAnyDict(current)) throw unsupported("'|=' on a dict");
  write(binaryOp(stmt.op, current, value, scope.budget));
}

function del(target: Expr, scope: Scope): void {
  if (target.k === 'name') {
    if (scope.frames.length > 0) throw unsupported("'del' inside a comprehension");
    if (!scope.vars.delete(target.id) && !scope.imports.delete(target.id)) {
      throw pyError(`NameError: name '${target.id}' is not defined`);
    }
    return;
  }
  if (target.k === 'index' || target.k === 'attr') {
    const obj = evaluate(target.obj, scope);
    const key = target.k === 'index' ? evaluate(target.index, scope) : target.name;
    if (isAnyDict(obj) && (target.k === 'index' || isConfigDict(obj))) {
      if (dictGet(obj, key) === undefined) throw pyError(`KeyError: ${pyRepr(key)}`);
      dictDelete(obj, key);
      return;
    }
    if (Array.isArray(obj) && target.k === 'index') {
      obj.splice(listIndex(obj, key, 'assignment'), 1);
      return;
    }
    throw pyError(`TypeError: '${pyTypeName(obj)}' object does not support item deletion`);
  }
  throw unsupported("this 'del' target");
}
