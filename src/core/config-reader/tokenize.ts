import { LIMITS } from './limits.js';
import { NUMBER_CANDIDATE, parseNumber } from './number-literal.js';
import { cannotRead } from './reader-error.js';
import { readString } from './string-literal.js';

export { cannotRead };

/** Tokens of the Python subset mmengine configs use. Statements end with NEWLINE. */
export type Token =
  | { kind: 'name'; text: string; line: number }
  | { kind: 'number'; value: bigint | number; line: number }
  | { kind: 'string'; value: string; line: number }
  | { kind: 'op'; text: string; line: number }
  | { kind: 'newline'; line: number }
  | { kind: 'indent'; line: number }
  | { kind: 'eof'; line: number };

const OPS = ['**=', '//=', '>>=', '<<=', '...', '->', '**', '//', '==', '!=', '<=', '>=', '+=', '-=', '*=', '/=', '%=',
  '&=', '|=', '^=', '@=', ':=', '<<', '>>', '(', ')', '[', ']', '{', '}', ',', ':', '.', ';', '=', '+', '-', '*', '/',
  '%', '<', '>', '~', '@', '|', '&', '^'];
const NAME = /[A-Za-z_\u00c0-\uffff][\w\u00c0-\uffff]*/y;
const STRING_START = /([rRbBuUfF]{0,2})('''|"""|'|")/y;

export function tokenize(source: string, file: string): Token[] {
  return new Lexer(source, file).run();
}

class Lexer {
  private readonly tokens: Token[] = [];
  private pos = 0;
  private line = 1;
  /** Bracket depth: inside brackets newlines and indentation mean nothing (implicit line joining). */
  private depth = 0;
  private lineStart = true;

  constructor(private readonly source: string, private readonly file: string) {}

  run(): Token[] {
    while (this.pos < this.source.length) this.step();
    if (!this.lineStart && this.depth === 0) this.tokens.push({ kind: 'newline', line: this.line });
    this.tokens.push({ kind: 'eof', line: this.line });
    return this.tokens;
  }

  private step(): void {
    const c = this.source[this.pos]!;
    if (c === '\n') return this.newline();
    if (' \t\r\f'.includes(c)) return this.spaces();
    if (c === '#') {
      while (this.pos < this.source.length && this.source[this.pos] !== '\n') this.pos += 1;
      return;
    }
    if (c === '\\' && /^\r?\n/.test(this.source.slice(this.pos + 1, this.pos + 3))) {
      this.pos += this.source[this.pos + 1] === '\r' ? 3 : 2;
      this.line += 1;
      return;
    }
    if (this.string() || this.number() || this.name()) return;
    this.operator(c);
  }

  private push(t: Token): void {
    this.tokens.push(t);
    this.lineStart = false;
  }

  private newline(): void {
    if (this.depth === 0 && !this.lineStart) this.tokens.push({ kind: 'newline', line: this.line });
    this.line += 1;
    this.pos += 1;
    if (this.depth === 0) this.lineStart = true;
  }

  private spaces(): void {
    while (this.pos < this.source.length && ' \t\r\f'.includes(this.source[this.pos]!)) this.pos += 1;
    const rest = this.source[this.pos];
    // Python would reject an indented statement too; configs have no blocks.
    if (this.lineStart && this.depth === 0 && rest !== undefined && !'\r\n#\\'.includes(rest)) {
      this.tokens.push({ kind: 'indent', line: this.line });
    }
  }

  private string(): boolean {
    STRING_START.lastIndex = this.pos;
    const s = STRING_START.exec(this.source);
    if (!s || !(s[1] === '' || /^(?:[rRbBuUfF]|[rR][bBfF]|[bBfF][rR])$/.test(s[1]!))) return false;
    const lit = readString(this.source, this.pos, s[1]!, s[2]!, this.file, this.line);
    this.push({ kind: 'string', value: lit.value, line: this.line });
    this.line += lit.newlines;
    this.pos = lit.end;
    return true;
  }

  private number(): boolean {
    NUMBER_CANDIDATE.lastIndex = this.pos;
    const n = NUMBER_CANDIDATE.exec(this.source);
    if (!n) return false;
    this.push({ kind: 'number', value: parseNumber(n[0], this.file, this.line), line: this.line });
    this.pos += n[0].length;
    return true;
  }

  private name(): boolean {
    NAME.lastIndex = this.pos;
    const name = NAME.exec(this.source);
    if (!name) return false;
    this.push({ kind: 'name', text: name[0], line: this.line });
    this.pos += name[0].length;
    return true;
  }

  private operator(c: string): void {
    const op = OPS.find((o) => this.source.startsWith(o, this.pos));
    if (!op) throw cannotRead(`the character ${JSON.stringify(c)}`, this.file, this.line);
    if ('([{'.includes(op)) {
      this.depth += 1;
      if (this.depth > LIMITS.nesting) {
        throw cannotRead(`this line (brackets nested more than ${LIMITS.nesting} levels deep)`, this.file, this.line);
      }
    }
    if (')]}'.includes(op)) this.depth = Math.max(0, this.depth - 1);
    this.push({ kind: 'op', text: op, line: this.line });
    this.pos += op.length;
  }
}
