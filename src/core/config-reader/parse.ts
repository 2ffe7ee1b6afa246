import type { Stmt } from './ast.js';
import { ExprParser } from './parse-expr.js';
import { cannotRead, tokenize } from './tokenize.js';

const STATEMENT_KEYWORDS = new Set(['if', 'for', 'while', 'def', 'class', 'with', 'try', 'del', 'global',
  'return', 'lambda', 'assert', 'raise', 'async', 'match']);

/** Parses a config file into statements; anything outside the subset is a CONFIG_UNREADABLE error. */
export function parseConfig(source: string, file: string): Stmt[] {
  return new Parser(tokenize(source, file), file).module();
}

/** Statements: assignments (also to attributes, items and tuples), expression statements, imports. */
class Parser extends ExprParser {
  module(): Stmt[] {
    const body: Stmt[] = [];
    while (this.peek().kind !== 'eof') {
      if (this.take('newline') || this.takeOp(';')) continue;
      body.push(this.statement());
      if (!this.takeOp(';') && !this.take('newline') && this.peek().kind !== 'eof') throw this.unexpected();
    }
    return body;
  }

  private statement(): Stmt {
    const t = this.peek();
    if (t.kind === 'indent') throw cannotRead('an indented block', this.file, t.line);
    if (t.kind === 'name' && (t.text === 'import' || t.text === 'from')) return this.importLine();
    if (t.kind === 'name' && STATEMENT_KEYWORDS.has(t.text)) throw cannotRead(`'${t.text}'`, this.file, t.line);
    const first = this.exprList();
    const targets = [first];
    let value = first;
    while (this.takeOp('=')) {
      value = this.exprList();
      targets.push(value);
    }
    const aug = this.peek();
    if (aug.kind === 'op' && /^[^=]+=$/.test(aug.text) && aug.text !== '==') {
      throw cannotRead(`augmented assignment '${aug.text}'`, this.file, aug.line);
    }
    if (targets.length === 1) return { k: 'expr', value, line: t.line };
    return { k: 'assign', targets: targets.slice(0, -1), value, line: t.line };
  }

  private importLine(): Stmt {
    const line = this.peek().line;
    const names: string[] = [];
    const isFrom = (this.next() as { text: string }).text === 'from';
    let afterImport = !isFrom;
    let last: string | undefined;
    let expectAlias = false;
    while (this.peek().kind !== 'newline' && this.peek().kind !== 'eof') {
      const t = this.next();
      if (t.kind !== 'name' && t.kind !== 'op') throw this.unexpected(t);
      if (t.kind === 'name' && t.text === 'import') afterImport = true;
      else if (t.kind === 'name' && t.text === 'as') expectAlias = true;
      else if (t.kind === 'name' && afterImport) {
        if (expectAlias && last !== undefined) names[names.length - 1] = t.text;
        else names.push(t.text);
        expectAlias = false;
        last = t.text;
      }
    }
    return { k: 'import', names, line };
  }
}
