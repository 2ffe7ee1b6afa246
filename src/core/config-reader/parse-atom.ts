import type { Expr, Kwarg } from './ast.js';
import { DisplayParser } from './parse-displays.js';
import { cannotRead } from './reader-error.js';

const CONSTS: Record<string, boolean | null> = { True: true, False: false, None: null };
const REFUSED_WORDS = new Set(['lambda', 'yield', 'await', 'async', 'def', 'class', 'if', 'else', 'for', 'while',
  'with', 'try', 'except', 'finally', 'return', 'import', 'from', 'global', 'nonlocal', 'del', 'pass', 'raise',
  'assert', 'break', 'continue', 'in', 'is', 'and', 'or', 'not', 'elif', 'as']);

/** Atoms and what follows them: literals, names, displays, comprehensions, calls, attributes, subscripts. */
export abstract class AtomParser extends DisplayParser {
  protected starredOrExpr(): Expr {
    const t = this.peek();
    if (this.takeOp('*')) return { k: 'starred', value: this.bitOr(), line: t.line };
    return this.expr();
  }

  protected primary(): Expr {
    let e = this.atom();
    for (let links = 0; ; links = this.link(links)) {
      const t = this.peek();
      if (this.takeOp('.')) e = { k: 'attr', obj: e, name: this.nameToken(), line: t.line };
      else if (this.takeOp('(')) e = this.nested(() => this.call(e, t.line));
      else if (this.takeOp('[')) e = this.nested(() => this.subscript(e, t.line));
      else return e;
    }
  }

  private atom(): Expr {
    const t = this.next();
    if (t.kind === 'number') return { k: 'const', value: t.value, line: t.line };
    if (t.kind === 'string') {
      let value = t.value;
      while (this.peek().kind === 'string') value += (this.next() as { value: string }).value;
      return { k: 'const', value, line: t.line };
    }
    if (t.kind === 'name') {
      if (t.text in CONSTS) return { k: 'const', value: CONSTS[t.text]!, line: t.line };
      if (REFUSED_WORDS.has(t.text)) throw cannotRead(`'${t.text}'`, this.file, t.line);
      return { k: 'name', id: t.text, line: t.line };
    }
    if (t.kind === 'op' && t.text === '(') return this.nested(() => this.parenthesized(t.line));
    if (t.kind === 'op' && t.text === '[') return this.nested(() => this.display(']', 'list', t.line));
    if (t.kind === 'op' && t.text === '{') return this.nested(() => this.dict(t.line));
    if (t.kind === 'op' && t.text === '...') throw cannotRead('Ellipsis', this.file, t.line);
    throw this.unexpected(t);
  }

  private call(fn: Expr, line: number): Expr {
    const args: Expr[] = [];
    const kwargs: Kwarg[] = [];
    while (!this.takeOp(')')) {
      if (args.length + kwargs.length > 0) {
        this.expectOp(',');
        if (this.takeOp(')')) break;
      }
      const t = this.peek();
      if (this.takeOp('**')) kwargs.push({ unpack: this.expr() });
      else if (t.kind === 'name' && this.isOp('=', 1)) {
        this.pos += 2;
        kwargs.push({ name: t.text, value: this.expr() });
      } else {
        const arg = this.starredOrExpr();
        if (this.isName('for')) {
          if (args.length + kwargs.length > 0) throw cannotRead('a generator expression that is not the only argument', this.file, line);
          args.push(this.comprehension('gen', arg, undefined, ')', line));
          return { k: 'call', fn, args, kwargs, line };
        }
        if (kwargs.length > 0 && arg.k !== 'starred') {
          throw cannotRead('a positional argument after a keyword argument (Python rejects it too)', this.file, t.line);
        }
        args.push(arg);
      }
    }
    return { k: 'call', fn, args, kwargs, line };
  }

  private subscript(obj: Expr, line: number): Expr {
    const part = (): Expr | undefined => (this.isOp(':') || this.isOp(']') ? undefined : this.expr());
    const lower = part();
    if (!this.takeOp(':')) {
      if (!lower) throw this.unexpected();
      if (this.isOp(',')) return { k: 'index', obj, index: { k: 'tuple', items: [lower, ...this.items(']')], line }, line };
      this.expectOp(']');
      return { k: 'index', obj, index: lower, line };
    }
    const upper = part();
    const step = this.takeOp(':') ? part() : undefined;
    this.expectOp(']');
    return { k: 'slice', obj, lower, upper, step, line };
  }
}
