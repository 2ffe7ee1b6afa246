import { YwError } from '../../errors.js';
import { LIMITS } from './limits.js';
import { cannotRead } from './reader-error.js';
import type { Token } from './tokenize.js';

/** Cursor over the tokens of one file, with the helpers every parser layer uses. */
export class TokenStream {
  protected pos = 0;
  /** How deep the parser is in nested expressions; bounded so a hostile file cannot overflow the stack. */
  private depth = 0;
  constructor(protected readonly tokens: Token[], protected readonly file: string) {}

  protected nested<T>(parse: () => T): T {
    this.depth += 1;
    if (this.depth > LIMITS.nesting) {
      throw cannotRead(`this expression (nested more than ${LIMITS.nesting} levels deep)`, this.file, this.peek().line);
    }
    try {
      return parse();
    } finally {
      this.depth -= 1;
    }
  }

  /** Counts one more link of an operator chain; a chain builds an expression as deep as it is long. */
  protected link(count: number): number {
    if (count >= LIMITS.chain) {
      throw cannotRead(`this expression (more than ${LIMITS.chain} operators in a row)`, this.file, this.peek().line);
    }
    return count + 1;
  }

  protected nameToken(): string {
    const t = this.next();
    if (t.kind !== 'name') throw this.unexpected(t);
    return t.text;
  }

  protected atExprEnd(): boolean {
    const t = this.peek();
    return t.kind === 'newline' || t.kind === 'eof' || (t.kind === 'op' && ['=', ')', ']', '}', ';'].includes(t.text))
      || (t.kind === 'op' && t.text.length > 1 && t.text.endsWith('=') && !['==', '!=', '<=', '>='].includes(t.text));
  }

  protected peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)]!;
  }

  protected next(): Token {
    const t = this.tokens[this.pos]!;
    if (t.kind !== 'eof') this.pos += 1;
    return t;
  }

  protected take(kind: Token['kind']): boolean {
    if (this.peek().kind !== kind) return false;
    this.pos += 1;
    return true;
  }

  protected isOp(text: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'op' && t.text === text;
  }

  protected isName(text: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'name' && t.text === text;
  }

  protected takeOp(text: string): boolean {
    if (!this.isOp(text)) return false;
    this.pos += 1;
    return true;
  }

  protected takeName(text: string): boolean {
    if (!this.isName(text)) return false;
    this.pos += 1;
    return true;
  }

  protected expectOp(text: string): void {
    if (!this.takeOp(text)) throw this.unexpected();
  }

  protected expectName(text: string): void {
    if (!this.takeName(text)) throw this.unexpected();
  }

  protected unexpected(t: Token = this.peek()): Error {
    const what = t.kind === 'eof' ? 'end of the file' : t.kind === 'newline' ? 'end of the line'
      : t.kind === 'string' ? 'a string' : t.kind === 'number' ? 'a number' : t.kind === 'indent' ? 'an indented line'
        : `'${t.text}'`;
    return new YwError('CONFIG_UNREADABLE', `unexpected ${what} at ${this.file}:${t.line}`, {
      file: this.file,
      line: t.line,
      hint: 'check the Python syntax near that line',
    });
  }
}
