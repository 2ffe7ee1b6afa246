import type { Expr } from './ast.js';
import { getAttribute } from './attributes.js';
import { evalCall } from './calls.js';
import { pyCompare, pyContains, pyEquals, pyIs } from './compare.js';
import { evalComprehension } from './comprehension.js';
import { binaryOp, indexValue, sliceValue, unaryOp } from './operators.js';
import { iterItems, lookupName, PyIterable, type Evaluated, type Scope } from './scope.js';
import { EvalSignal, pyError, unsupported } from './signals.js';
import { checkItems } from './limits.js';
import { buildDict, dictEntries, isAnyDict, PyTuple, pyTypeName, truthy, type PyValue } from './values.js';

/** Evaluates an expression to a config value. */
export function evaluate(e: Expr, scope: Scope): PyValue {
  try {
    const v = evalNode(e, scope);
    if (v instanceof PyIterable) throw unsupported(`${v.what} used as a value (only iterated over)`);
    return v;
  } catch (error) {
    throw stamp(error, e);
  }
}

/** Evaluates an expression that may also be a range, a dict view or a generator (an iterable only). */
export function evalAny(e: Expr, scope: Scope): Evaluated {
  try {
    return evalNode(e, scope);
  } catch (error) {
    throw stamp(error, e);
  }
}

/** An error thrown below this node without a line gets this node's line. */
function stamp(error: unknown, e: Expr): unknown {
  if (error instanceof EvalSignal && error.line === undefined) error.line = e.line;
  return error;
}

function evalNode(e: Expr, scope: Scope): Evaluated {
  scope.budget.spend();
  switch (e.k) {
    case 'const': return e.value;
    case 'name': return nameValue(e.id, scope);
    case 'list': return spread(e.items, scope);
    case 'tuple': return new PyTuple(spread(e.items, scope));
    case 'dict': return dictDisplay(e, scope);
    case 'starred': throw unsupported('a starred expression here');
    case 'attr': return getAttribute(evaluate(e.obj, scope), e.name, scope);
    case 'index': return indexValue(evaluate(e.obj, scope), evaluate(e.index, scope));
    case 'slice': {
      const obj = evaluate(e.obj, scope);
      const part = (x?: Expr) => (x ? evaluate(x, scope) : null);
      return sliceValue(obj, part(e.lower), part(e.upper), part(e.step));
    }
    case 'call': return evalCall(e, scope);
    case 'unary': return unaryOp(e.op, evaluate(e.arg, scope));
    case 'binop': {
      const left = evaluate(e.left, scope);
      return binaryOp(e.op, left, evaluate(e.right, scope), scope.budget);
    }
    case 'not': return !truthy(evaluate(e.arg, scope));
    case 'boolop': {
      let v: PyValue = null;
      for (const x of e.values) {
        v = evaluate(x, scope);
        if (truthy(v) === (e.op === 'or')) return v;
      }
      return v;
    }
    case 'compare': return compare(e, scope);
    case 'ifexp': return truthy(evaluate(e.test, scope)) ? evalAny(e.body, scope) : evalAny(e.orelse, scope);
    case 'comp': return evalComprehension(e, scope);
  }
}

function nameValue(id: string, scope: Scope): PyValue {
  const found = lookupName(scope, id);
  if (found && 'value' in found) return found.value;
  if (found) throw unsupported(`the imported name '${id}' as a value`);
  if (BUILTIN_NAMES.has(id)) throw unsupported(`the built-in '${id}' as a value`);
  throw pyError(`NameError: name '${id}' is not defined`);
}

const BUILTIN_NAMES = new Set(['dict', 'list', 'tuple', 'len', 'range', 'min', 'max', 'sum', 'abs', 'int', 'float',
  'str', 'bool', 'sorted', 'reversed', 'enumerate', 'zip', 'any', 'all', 'print', 'set', 'type', 'isinstance', 'open',
  'round', 'map', 'filter', 'getattr', 'setattr', 'eval', 'exec', 'globals', 'locals', 'vars', 'id', 'hash', 'object']);

function compare(e: Extract<Expr, { k: 'compare' }>, scope: Scope): boolean {
  let left = evaluate(e.first, scope);
  for (let i = 0; i < e.ops.length; i += 1) {
    const right = evaluate(e.rest[i]!, scope);
    if (!compareOnce(e.ops[i]!, left, right, scope)) return false;
    left = right;
  }
  return true;
}

function compareOnce(op: string, a: PyValue, b: PyValue, scope: Scope): boolean {
  switch (op) {
    case '==': return pyEquals(a, b, scope.budget);
    case '!=': return !pyEquals(a, b, scope.budget);
    case 'in': return pyContains(b, a, scope.budget);
    case 'not in': return !pyContains(b, a, scope.budget);
    case 'is': return pyIs(a, b);
    case 'is not': return !pyIs(a, b);
    default: return pyCompare(op, a, b, scope.budget);
  }
}

/** List and tuple items, with `*x` spread in place. */
export function spread(items: readonly Expr[], scope: Scope): PyValue[] {
  const out: PyValue[] = [];
  for (const item of items) {
    if (item.k !== 'starred') out.push(evaluate(item, scope));
    else for (const x of iterItems(evalAny(item.value, scope))) {
      scope.budget.spend();
      out.push(x);
    }
    checkItems(out.length);
  }
  return out;
}

function dictDisplay(e: Extract<Expr, { k: 'dict' }>, scope: Scope): PyValue {
  const pairs: [PyValue, PyValue][] = [];
  for (const entry of e.entries) {
    if ('unpack' in entry) {
      const v = evaluate(entry.unpack, scope);
      if (!isAnyDict(v)) throw pyError(`TypeError: '${pyTypeName(v)}' object is not a mapping`);
      pairs.push(...dictEntries(v));
    } else {
      const key = evaluate(entry.key, scope);
      pairs.push([key, evaluate(entry.value, scope)]);
    }
    checkItems(pairs.length);
  }
  return buildDict(pairs);
}
