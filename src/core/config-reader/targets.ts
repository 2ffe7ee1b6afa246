import type { Expr } from './ast.js';
import { setAttribute, setItem } from './attributes.js';
import { evaluate } from './evaluate.js';
import { bindName, iterItems, type Scope } from './scope.js';
import { pyError, unsupported } from './signals.js';
import type { PyValue } from './values.js';

/** Binds an assignment or `for` target: a name, an attribute, an item, or a tuple/list of targets. */
export function assignTarget(target: Expr, value: PyValue, scope: Scope, line: number): void {
  switch (target.k) {
    case 'name':
      bindName(scope, target.id, value, line);
      return;
    case 'tuple':
    case 'list': {
      const items = [...iterItems(value)];
      const want = target.items.length;
      if (target.items.some((t) => t.k === 'starred')) throw unsupported('a starred assignment target');
      if (items.length > want) throw pyError(`ValueError: too many values to unpack (expected ${want})`);
      if (items.length < want) throw pyError(`ValueError: not enough values to unpack (expected ${want}, got ${items.length})`);
      target.items.forEach((t, i) => assignTarget(t, items[i]!, scope, line));
      return;
    }
    case 'attr':
      setAttribute(evaluate(target.obj, scope), target.name, value, scope.budget);
      return;
    case 'index': {
      const obj = evaluate(target.obj, scope);
      setItem(obj, evaluate(target.index, scope), value, scope.budget);
      return;
    }
    default:
      throw unsupported('this assignment target');
  }
}
