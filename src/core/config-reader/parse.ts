import type { Expr, ImportName, Stmt } from './ast.js';
import { ExprParser } from './parse-expr.js';
import { cannotRead, tokenize } from './tokenize.js';

const STATEMENT_KEYWORDS = new Set(['if', 'for', 'while', 'def', 'class', 'with', 'try', 'global', 'nonlocal',
  'return', 'lambda', 'assert', 'raise', 'async', 'break', 'continue', 'yield', '@']);
const AUGMENTED = new Set(['+=', '-=', '*=', '/=', '//=', '%=', '**=', '<<=', '>>=', '&=', '|=', '^=', '@=']);

/** Parses a config file into statements; anything outside the subset is a CONFIG_UNREADABLE error. */
export function parseConfig(source: string, file: string): Stmt[] {
  return new Parser(tokenize(source, file), file).module();
}

/** Statements: assignments (to names, attributes, items, tuples), augmented ones, del, imports, expressions. */
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
    if (this.takeName('pass')) return { k: 'pass', line: t.line };
    if (this.takeName('del')) return { k: 'del', targets: this.delTargets(), line: t.line };
    if (this.isName('with')) throw cannotRead("'with' (a lazy-import config, `with read_base():`)", this.file, t.line);
    if ((t.kind === 'name' || t.kind === 'op') && STATEMENT_KEYWORDS.has(t.text)) throw cannotRead(`'${t.text}'`, this.file, t.line);
    const first = this.exprList();
    const aug = this.peek();
    if (aug.kind === 'op' && AUGMENTED.has(aug.text)) {
      this.next();
      return { k: 'augassign', target: first, op: aug.text.slice(0, -1), value: this.exprList(), line: t.line };
    }
    if (this.isOp(':')) throw cannotRead('an annotated assignment', this.file, aug.line);
    const targets = [first];
    let value = first;
    while (this.takeOp('=')) {
      value = this.exprList();
      targets.push(value);
    }
    if (targets.length === 1) return { k: 'expr', value, line: t.line };
    return { k: 'assign', targets: targets.slice(0, -1), value, line: t.line };
  }

  private delTargets(): Expr[] {
    const target = this.exprList();
    return target.k === 'tuple' ? target.items : [target];
  }

  private importLine(): Stmt {
    const line = this.peek().line;
    const names: ImportName[] = [];
    if (this.takeName('import')) {
      do {
        const module = this.dotted();
        // `import os.path` binds `os`; `import os.path as osp` binds the submodule.
        if (this.takeName('as')) names.push({ bound: this.nameToken(), module });
        else names.push({ bound: module.split('.')[0]!, module: module.split('.')[0]! });
      } while (this.takeOp(','));
      return { k: 'import', names, line };
    }
    this.expectName('from');
    if (this.isOp('.') || this.isOp('...')) throw cannotRead('a relative import (a lazy-import config)', this.file, line);
    const module = this.dotted();
    this.expectName('import');
    if (this.isOp('*')) throw cannotRead("'import *'", this.file, line);
    const paren = this.takeOp('(');
    do {
      if (paren && this.isOp(')')) break;
      const member = this.nameToken();
      names.push({ bound: this.takeName('as') ? this.nameToken() : member, module, member });
    } while (this.takeOp(','));
    if (paren) this.expectOp(')');
    return { k: 'import', names, line };
  }

  private dotted(): string {
    const parts = [this.nameToken()];
    while (this.takeOp('.')) parts.push(this.nameToken());
    return parts.join('.');
  }
}
