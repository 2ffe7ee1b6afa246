import { YwError } from '../../errors.js';
import { cannotRead } from './reader-error.js';
import type { Token } from './tokenize.js';

/** Cursor over the tokens of one file, with the helpers both parser layers use. */
export class TokenStream {
  protected pos = 0;
  constructor(protected readonly tokens: Token[], protected readonly file: string) {}

  protected nameToken(): string {
    const t = this.next();
    if (t.kind !== 'name') throw this.unexpected(t);
    return t.text;
  }

  protected atExprEnd(): boolean {
    const t = this.peek();
    return t.kind === 'newline' || t.kind === 'eof' || (t.kind === 'op' && ['=', ')', ']', '}', ';'].includes(t.text));
  }

  protected peek(): Token {
    return this.tokens[this.pos]!;
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

  protected isOp(text: string): boolean {
    const t = this.peek();
    return t.kind === 'op' && t.text === text;
  }

  protected takeOp(text: string): boolean {
    if (!this.isOp(text)) return false;
    this.pos += 1;
    return true;
  }

  protected expectOp(text: string): void {
    if (!this.takeOp(text)) throw this.unexpected();
  }

  protected fail(line: number): never {
    throw cannotRead('a starred expression here', this.file, line);
  }

  protected unexpected(t: Token = this.peek()): Error {
    const what = t.kind === 'eof' ? 'end of the file' : t.kind === 'newline' ? 'end of the line'
      : t.kind === 'string' ? 'a string' : t.kind === 'indent' ? 'an indented line' : `'${t.text}'`;
    return new YwError('CONFIG_UNREADABLE', `unexpected ${what} at ${this.file}:${t.line}`, {
      file: this.file,
      line: t.line,
      hint: 'check the Python syntax near that line',
    });
  }
}
