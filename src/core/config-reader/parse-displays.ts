import type { CompLoop, DictEntry, Expr } from './ast.js';
import { LIMITS } from './limits.js';
import { cannotRead } from './reader-error.js';
import { TokenStream } from './token-stream.js';

/** Bracketed forms: tuples and parentheses, lists, dicts, and the comprehensions each can hold. */
export abstract class DisplayParser extends TokenStream {
  abstract expr(): Expr;
  protected abstract orTest(): Expr;
  protected abstract bitOr(): Expr;
  protected abstract starredOrExpr(): Expr;

  protected parenthesized(line: number): Expr {
    if (this.takeOp(')')) return { k: 'tuple', items: [], line };
    if (this.isName('yield')) throw cannotRead("'yield'", this.file, line);
    const first = this.starredOrExpr();
    if (this.isName('for')) return this.comprehension('gen', first, undefined, ')', line);
    if (this.takeOp(')')) {
      if (first.k === 'starred') throw cannotRead('a starred expression here', this.file, line);
      return first;
    }
    this.expectOp(',');
    return { k: 'tuple', items: [first, ...this.items(')')], line };
  }

  /** `[a, *b]` or `[x for ...]`. */
  protected display(close: string, kind: 'list', line: number): Expr {
    if (this.takeOp(close)) return { k: kind, items: [], line };
    const first = this.starredOrExpr();
    if (this.isName('for')) return this.comprehension(kind, first, undefined, close, line);
    if (this.takeOp(close)) return { k: kind, items: [first], line };
    this.expectOp(',');
    return { k: kind, items: [first, ...this.items(close)], line };
  }

  protected items(close: string): Expr[] {
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

  protected dict(line: number): Expr {
    const entries: DictEntry[] = [];
    while (!this.takeOp('}')) {
      if (entries.length > 0) {
        this.expectOp(',');
        if (this.takeOp('}')) break;
      }
      if (this.takeOp('**')) {
        entries.push({ unpack: this.bitOr() });
        continue;
      }
      const key = this.starredOrExpr();
      if (!this.takeOp(':')) throw cannotRead(this.isName('for') ? 'a set comprehension' : 'a set literal', this.file, line);
      const value = this.expr();
      if (entries.length === 0 && this.isName('for')) return this.comprehension('dict', key, value, '}', line);
      entries.push({ key, value });
    }
    return { k: 'dict', entries, line };
  }

  protected comprehension(kind: 'list' | 'dict' | 'gen', elt: Expr, value: Expr | undefined, close: string, line: number): Expr {
    if (elt.k === 'starred') throw cannotRead('a starred expression in a comprehension', this.file, line);
    const loops: CompLoop[] = [];
    while (this.takeName('for')) {
      if (loops.length >= LIMITS.nesting) throw cannotRead(`a comprehension with more than ${LIMITS.nesting} for clauses`, this.file, line);
      const target = this.targetList();
      this.expectName('in');
      const iter = this.orTest();
      const ifs: Expr[] = [];
      while (this.takeName('if')) ifs.push(this.orTest());
      loops.push({ target, iter, ifs });
    }
    if (this.isName('async')) throw cannotRead("'async'", this.file, this.peek().line);
    this.expectOp(close);
    return { k: 'comp', kind, elt, ...(value ? { value } : {}), loops, line };
  }

  /** The target of a `for` clause: a name, or names in a tuple (`k, v` / `(k, v)`). */
  protected targetList(): Expr {
    const first = this.bitOr();
    if (!this.isOp(',')) return first;
    const items = [first];
    while (this.takeOp(',') && !this.isName('in')) items.push(this.bitOr());
    return { k: 'tuple', items, line: first.line };
  }
}
