import type { Expr } from './ast.js';
import { AtomParser } from './parse-atom.js';
import { cannotRead } from './reader-error.js';

/** Binary operator levels from `|` (loosest) to `* / // % @` (tightest), as in Python's grammar. */
const BINARY_LEVELS: readonly (readonly string[])[] = [['|'], ['^'], ['&'], ['<<', '>>'], ['+', '-'], ['*', '/', '//', '%', '@']];
const COMPARE_OPS = new Set(['<', '>', '==', '>=', '<=', '!=']);

/** Expressions, loosest first: conditional, or, and, not, comparisons, binary operators, unary, power. */
export class ExprParser extends AtomParser {
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

  expr(): Expr {
    return this.nested(() => {
      if (this.isName('lambda')) throw cannotRead('a lambda', this.file, this.peek().line);
      const body = this.orTest();
      if (this.isOp(':=')) throw cannotRead("the operator ':='", this.file, this.peek().line);
      if (!this.takeName('if')) return body;
      const test = this.orTest();
      this.expectName('else');
      return { k: 'ifexp', test, body, orelse: this.expr(), line: body.line };
    });
  }

  protected orTest(): Expr {
    return this.boolChain('or', () => this.andTest());
  }

  private andTest(): Expr {
    return this.boolChain('and', () => this.notTest());
  }

  private boolChain(op: 'and' | 'or', operand: () => Expr): Expr {
    const first = operand();
    if (!this.isName(op)) return first;
    const values = [first];
    while (this.takeName(op)) values.push(operand());
    return { k: 'boolop', op, values, line: first.line };
  }

  private notTest(): Expr {
    const t = this.peek();
    if (this.takeName('not')) return this.nested(() => ({ k: 'not', arg: this.notTest(), line: t.line }));
    return this.comparison();
  }

  private comparison(): Expr {
    const first = this.bitOr();
    const ops: string[] = [];
    const rest: Expr[] = [];
    for (;;) {
      const op = this.compareOp();
      if (!op) break;
      ops.push(op);
      rest.push(this.bitOr());
    }
    return ops.length === 0 ? first : { k: 'compare', first, ops, rest, line: first.line };
  }

  private compareOp(): string | undefined {
    const t = this.peek();
    if (t.kind === 'op' && COMPARE_OPS.has(t.text)) return (this.next(), t.text);
    if (this.takeName('in')) return 'in';
    if (this.isName('not') && this.isName('in', 1)) return (this.pos += 2, 'not in');
    if (this.takeName('is')) return this.takeName('not') ? 'is not' : 'is';
    return undefined;
  }

  protected bitOr(): Expr {
    return this.binary(0);
  }

  private binary(level: number): Expr {
    if (level >= BINARY_LEVELS.length) return this.factor();
    let left = this.binary(level + 1);
    for (let links = 0; ; links = this.link(links)) {
      const t = this.peek();
      if (t.kind !== 'op' || !BINARY_LEVELS[level]!.includes(t.text)) return left;
      this.next();
      left = { k: 'binop', op: t.text, left, right: this.binary(level + 1), line: t.line };
    }
  }

  private factor(): Expr {
    const t = this.peek();
    if (t.kind === 'op' && (t.text === '-' || t.text === '+' || t.text === '~')) {
      this.next();
      return this.nested(() => ({ k: 'unary', op: t.text, arg: this.factor(), line: t.line }));
    }
    if (this.isName('await')) throw cannotRead("'await'", this.file, t.line);
    const base = this.primary();
    if (!this.isOp('**')) return base;
    const op = this.next();
    return this.nested(() => ({ k: 'binop', op: '**', left: base, right: this.factor(), line: op.line }));
  }
}
