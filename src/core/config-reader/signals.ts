/**
 * What an operation throws while a config runs, before the statement that ran it knows the file:
 * a Python-level error mmengine would raise too, a construct the reader does not evaluate, or a limit
 * that keeps the reader's time and memory bounded. The evaluator stamps the line; the statement
 * runner turns it into a YwError.
 */
export type SignalKind = 'python' | 'unsupported' | 'limit';

export class EvalSignal extends Error {
  line: number | undefined;
  constructor(readonly kind: SignalKind, message: string, line?: number) {
    super(message);
    this.line = line;
  }
}

/** A Python exception (TypeError, KeyError, ...), e.g. "unsupported operand type(s) for +: 'int' and 'str'". */
export function pyError(message: string): EvalSignal {
  return new EvalSignal('python', message);
}

/** A construct outside the evaluated subset, e.g. "a call of 'print'". */
export function unsupported(what: string): EvalSignal {
  return new EvalSignal('unsupported', what);
}

/** A limit reached, e.g. "a list of more than 5000000 items". */
export function limitReached(reason: string): EvalSignal {
  return new EvalSignal('limit', reason);
}
