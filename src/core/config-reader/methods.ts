import { listIndex } from './attributes.js';
import { pyEquals } from './compare.js';
import { dictMethod } from './dict-methods.js';
import { checkItems, type Budget } from './limits.js';
import { pyRepr } from './repr.js';
import { iterItems, PyIterable, type Evaluated } from './scope.js';
import { pyError, unsupported } from './signals.js';
import { stringMethod } from './string-methods.js';
import { isAnyDict, PyTuple, pyTypeName, type PyDict, type PyValue } from './values.js';

/** `obj.method(...)` for the dict, ConfigDict, list, tuple and str methods configs use; they mutate like Python's. */
export function callMethod(obj: Evaluated, name: string, args: PyValue[], kwargs: PyDict, budget: Budget): Evaluated {
  if (obj instanceof PyIterable) throw unsupported(`a call of '.${name}()' on ${obj.what}`);
  const result = isAnyDict(obj) ? dictMethod(obj, name, args, kwargs, budget)
    : Array.isArray(obj) && kwargs.size === 0 ? listMethod(obj, name, args, budget)
      : obj instanceof PyTuple && kwargs.size === 0 ? tupleMethod(obj, name, args, budget)
        : typeof obj === 'string' && kwargs.size === 0 ? stringMethod(obj, name, args)
          : undefined;
  if (result === undefined) throw unsupported(`a call of '.${name}()' on a ${pyTypeName(obj)}`);
  return result;
}

function listMethod(list: PyValue[], name: string, args: PyValue[], budget: Budget): Evaluated | undefined {
  const [a, b] = args;
  switch (name) {
    case 'append': if (args.length !== 1) return undefined; list.push(a!); checkItems(list.length); return null;
    case 'extend': {
      if (args.length !== 1) return undefined;
      for (const x of iterItems(a!)) {
        budget.spend();
        list.push(x);
      }
      checkItems(list.length);
      return null;
    }
    case 'insert': {
      if (args.length !== 2 || typeof a !== 'bigint') return undefined;
      const i = Number(a) < 0 ? Math.max(0, list.length + Number(a)) : Math.min(Number(a), list.length);
      list.splice(i, 0, b!);
      return null;
    }
    case 'pop': {
      if (args.length > 1) return undefined;
      if (list.length === 0) throw pyError('IndexError: pop from empty list');
      return list.splice(listIndex(list, a ?? -1n, 'pop'), 1)[0]!;
    }
    case 'remove': {
      if (args.length !== 1) return undefined;
      const i = list.findIndex((x) => pyEquals(x, a!, budget));
      if (i < 0) throw pyError('ValueError: list.remove(x): x not in list');
      list.splice(i, 1);
      return null;
    }
    case 'copy': return args.length === 0 ? [...list] : undefined;
    case 'clear': return args.length === 0 ? (list.length = 0, null) : undefined;
    case 'reverse': return args.length === 0 ? (list.reverse(), null) : undefined;
  }
  return sequenceMethod(list, name, args, budget);
}

function tupleMethod(t: PyTuple, name: string, args: PyValue[], budget: Budget): Evaluated | undefined {
  return sequenceMethod(t.items, name, args, budget);
}

function sequenceMethod(items: PyValue[], name: string, args: PyValue[], budget: Budget): Evaluated | undefined {
  if (args.length !== 1) return undefined;
  if (name === 'count') return BigInt(items.filter((x) => pyEquals(x, args[0]!, budget)).length);
  if (name === 'index') {
    const i = items.findIndex((x) => pyEquals(x, args[0]!, budget));
    if (i < 0) throw pyError(`ValueError: ${pyRepr(args[0]!)} is not in list`);
    return BigInt(i);
  }
  return undefined;
}

