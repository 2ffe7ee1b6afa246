import type { DictEntry, Expr, Kwarg } from './ast.js';
import { cannotRead } from './reader-error.js';
import { TokenStream } from './token-stream.js';

const BINARY_LEVELS: readonly (readonly string[])[] = [['+', '-'], ['*', '/', '//', '%']];

/** Expressions: arithmetic, calls, attributes, subscripts and slices, literals, starred items. */
export class ExprParser extends TokenStream {
  protected exprList(): Expr {
    const first = this.starredOrExpr();
    if (!this.isOp(',')) return first;
    const items = [first];
    while (this.takeOp(',')) {
      if (this.atExprEnd()) break;
      items.push(this.starredOrExpr());
    }
    return { k: 'tuple', items, line: first.line };
  }

  protected starredOrExpr(): Expr {
    const t = this.peek();
    if (this.takeOp('*')) return { k: 'starred', value: this.expr(), line: t.line };
    return this.expr();
  }

  expr(): Expr {
    const t = this.peek();
    if (t.kind === 'name' && ['not', 'lambda', 'await', 'yield'].includes(t.text)) {
      throw cannotRead(`'${t.text}'`, this.file, t.line);
    }
    const e = this.binary(0);
    const after = this.peek();
    if (after.kind === 'name' && ['if', 'and', 'or', 'in', 'is', 'not', 'for'].includes(after.text)) {
      throw cannotRead(after.text === 'for' ? 'a comprehension' : `'${after.text}'`, this.file, after.line);
    }
    if (after.kind === 'op' && ['==', '!=', '<', '>', '<=', '>=', '|', '&', '^', '@', ':='].includes(after.text)) {
      throw cannotRead(`operator '${after.text}'`, this.file, after.line);
    }
    return e;
  }

  private binary(level: number): Expr {
    if (level >= BINARY_LEVELS.length) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'op' || !BINARY_LEVELS[level]!.includes(t.text)) return left;
      this.next();
      left = { k: 'binop', op: t.text, left, right: this.binary(level + 1), line: t.line };
    }
  }

  private unary(): Expr {
    const t = this.peek();
    if (t.kind === 'op' && (t.text === '-' || t.text === '+' || t.text === '~')) {
      this.next();
      return { k: 'unary', op: t.text, arg: this.unary(), line: t.line };
    }
    const base = this.postfix(this.atom());
    if (this.isOp('**')) {
      const op = this.next();
      return { k: 'binop', op: '**', left: base, right: this.unary(), line: op.line };
    }
    return base;
  }

  private postfix(e: Expr): Expr {
    for (;;) {
      const t = this.peek();
      if (this.takeOp('.')) e = { k: 'attr', obj: e, name: this.nameToken(), line: t.line };
      else if (this.takeOp('(')) e = this.call(e, t.line);
      else if (this.takeOp('[')) e = this.subscript(e, t.line);
      else return e;
    }
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
      const n = this.tokens[this.pos + 1];
      if (this.takeOp('**')) kwargs.push({ unpack: this.expr() });
      else if (t.kind === 'name' && n?.kind === 'op' && n.text === '=') {
        this.pos += 2;
        kwargs.push({ name: t.text, value: this.expr() });
      } else args.push(this.starredOrExpr());
    }
    return { k: 'call', fn, args, kwargs, line };
  }

  private subscript(obj: Expr, line: number): Expr {
    const part = (): Expr | undefined => (this.isOp(':') || this.isOp(']') ? undefined : this.expr());
    const lower = part();
    if (!this.takeOp(':')) {
      if (!lower) throw this.unexpected();
      this.expectOp(']');
      return { k: 'index', obj, index: lower, line };
    }
    const upper = part();
    const step = this.takeOp(':') ? part() : undefined;
    this.expectOp(']');
    return { k: 'slice', obj, lower, upper, step, line };
  }

  private atom(): Expr {
    const t = this.next();
    if (t.kind === 'number') return this.number(t.text, t.line);
    if (t.kind === 'string') {
      let value = t.value;
      while (this.peek().kind === 'string') value += (this.next() as { value: string }).value;
      return { k: 'const', value, line: t.line };
    }
    if (t.kind === 'name') {
      const consts: Record<string, boolean | null> = { True: true, False: false, None: null };
      if (t.text in consts) return { k: 'const', value: consts[t.text]!, line: t.line };
      return { k: 'name', id: t.text, line: t.line };
    }
    if (t.kind === 'op' && t.text === '(') return this.parenthesized(t.line);
    if (t.kind === 'op' && t.text === '[') return { k: 'list', items: this.items(']'), line: t.line };
    if (t.kind === 'op' && t.text === '{') return this.dict(t.line);
    if (t.kind === 'op' && t.text === '...') throw cannotRead('Ellipsis', this.file, t.line);
    throw this.unexpected(t);
  }

  private parenthesized(line: number): Expr {
    if (this.takeOp(')')) return { k: 'tuple', items: [], line };
    const first = this.starredOrExpr();
    if (this.takeOp(')')) return first.k === 'starred' ? this.fail(line) : first;
    this.expectOp(',');
    const items = [first, ...this.items(')')];
    return { k: 'tuple', items, line };
  }

  private items(close: string): Expr[] {
    const items: Expr[] = [];
    while (!this.takeOp(close)) {
      if (items.length > 0) {
        this.expectOp(',');
        if (this.takeOp(close)) break;
      }
      items.push(this.starredOrExpr());
    }
    return items;
  }

  private dict(line: number): Expr {
    const entries: DictEntry[] = [];
    while (!this.takeOp('}')) {
      if (entries.length > 0) {
        this.expectOp(',');
        if (this.takeOp('}')) break;
      }
      if (this.takeOp('**')) {
        entries.push({ unpack: this.expr() });
        continue;
      }
      const key = this.expr();
      if (!this.isOp(':')) throw cannotRead('a set literal', this.file, line);
      this.next();
      entries.push({ key, value: this.expr() });
    }
    return { k: 'dict', entries, line };
  }

  private number(text: string, line: number): Expr {
    const clean = text.replace(/_/g, '');
    if (/[jJ]$/.test(clean)) throw cannotRead('a complex number', this.file, line);
    if (/^0[xXoObB]/.test(clean)) return { k: 'const', value: BigInt(clean), line };
    if (/[.eE]/.test(clean)) return { k: 'const', value: Number(clean), line };
    return { k: 'const', value: BigInt(clean), line };
  }
}
