import { YwError } from '../../errors.js';

/** Tokens of the Python subset mmengine configs use. Statements end with NEWLINE. */
export type Token =
  | { kind: 'name'; text: string; line: number }
  | { kind: 'number'; text: string; line: number }
  | { kind: 'string'; value: string; line: number }
  | { kind: 'op'; text: string; line: number }
  | { kind: 'newline'; line: number }
  | { kind: 'indent'; line: number }
  | { kind: 'eof'; line: number };

const OPS = ['**=', '//=', '...', '->', '**', '//', '==', '!=', '<=', '>=', '+=', '-=', '*=', '/=', ':=',
  '(', ')', '[', ']', '{', '}', ',', ':', '.', ';', '=', '+', '-', '*', '/', '%', '<', '>', '~', '@', '|', '&', '^'];
const NAME = /[A-Za-z_\u00c0-\uffff][\w\u00c0-\uffff]*/y;
const NUMBER = /(?:0[xX][\da-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?)[jJ]?/y;
const STRING_START = /([rRbBuUfF]{0,2})('''|"""|'|")/y;

export function cannotRead(what: string, file: string, line: number, hint?: string): YwError {
  return new YwError('CONFIG_UNREADABLE', `cannot read ${what} at ${file}:${line}`, {
    file,
    line,
    hint: hint ?? 'yw reads the Python subset mmengine configs use; install mmengine (pip) for an exact reading',
  });
}

export function tokenize(source: string, file: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  let line = 1;
  let depth = 0;
  let lineStart = true;
  const push = (t: Token) => {
    tokens.push(t);
    lineStart = false;
  };
  while (pos < source.length) {
    const c = source[pos]!;
    if (c === '\n') {
      if (depth === 0 && !lineStart) tokens.push({ kind: 'newline', line });
      line += 1;
      pos += 1;
      if (depth === 0) lineStart = true;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f') {
      const end = skipSpaces(source, pos);
      const rest = source[end];
      // Python would reject an indented statement too; configs have no blocks.
      if (lineStart && depth === 0 && rest !== undefined && !'\r\n#'.includes(rest)) {
        tokens.push({ kind: 'indent', line });
      }
      pos = end;
      continue;
    }
    if (c === '#') {
      while (pos < source.length && source[pos] !== '\n') pos += 1;
      continue;
    }
    if (c === '\\' && source[pos + 1] === '\n') {
      pos += 2;
      line += 1;
      continue;
    }
    if (c === '\\' && source.startsWith('\r\n', pos + 1)) {
      pos += 3;
      line += 1;
      continue;
    }
    STRING_START.lastIndex = pos;
    const s = STRING_START.exec(source);
    if (s && (s[1] === '' || /^(?:[rRbBuUfF]|[rR][bBfF]|[bBfF][rR])$/.test(s[1]!))) {
      const lit = readString(source, pos, s[1]!, s[2]!, file, line);
      push({ kind: 'string', value: lit.value, line });
      line += lit.newlines;
      pos = lit.end;
      continue;
    }
    NUMBER.lastIndex = pos;
    const n = /[\d.]/.test(c) ? NUMBER.exec(source) : null;
    if (n && n[0] !== '.' && !n[0].startsWith('..')) {
      push({ kind: 'number', text: n[0], line });
      pos += n[0].length;
      continue;
    }
    NAME.lastIndex = pos;
    const name = NAME.exec(source);
    if (name) {
      push({ kind: 'name', text: name[0], line });
      pos += name[0].length;
      continue;
    }
    const op = OPS.find((o) => source.startsWith(o, pos));
    if (!op) throw cannotRead(`character ${JSON.stringify(c)}`, file, line);
    if ('([{'.includes(op)) depth += 1;
    if (')]}'.includes(op)) depth = Math.max(0, depth - 1);
    push({ kind: 'op', text: op, line });
    pos += op.length;
  }
  if (!lineStart && depth === 0) tokens.push({ kind: 'newline', line });
  tokens.push({ kind: 'eof', line });
  return tokens;
}

function skipSpaces(source: string, pos: number): number {
  while (pos < source.length && ' \t\r\f'.includes(source[pos]!)) pos += 1;
  return pos;
}

interface Literal {
  value: string;
  end: number;
  newlines: number;
}

function readString(source: string, start: number, prefix: string, quote: string, file: string, line: number): Literal {
  const p = prefix.toLowerCase();
  if (p.includes('f')) throw cannotRead('an f-string', file, line, 'write the string as a plain literal');
  if (p.includes('b')) throw cannotRead('a bytes literal', file, line);
  const raw = p.includes('r');
  let pos = start + prefix.length + quote.length;
  let value = '';
  let newlines = 0;
  while (true) {
    if (pos >= source.length) throw cannotRead('an unterminated string', file, line);
    if (source.startsWith(quote, pos)) return { value, end: pos + quote.length, newlines };
    const c = source[pos]!;
    if (c === '\n') {
      if (quote.length === 1) throw cannotRead('an unterminated string', file, line);
      newlines += 1;
    }
    if (c === '\\') {
      const next = source[pos + 1] ?? '';
      if (next === '\n') newlines += 1;
      if (raw) {
        value += c + next;
        pos += 2;
        continue;
      }
      const esc = readEscape(source, pos, file, line + newlines);
      value += esc.text;
      pos = esc.end;
      continue;
    }
    value += c;
    pos += 1;
  }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\n': '', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
};

function readEscape(source: string, pos: number, file: string, line: number): { text: string; end: number } {
  const next = source[pos + 1] ?? '';
  if (next in SIMPLE_ESCAPES) return { text: SIMPLE_ESCAPES[next]!, end: pos + 2 };
  const octal = /^[0-7]{1,3}/.exec(source.slice(pos + 1, pos + 4));
  if (octal) return { text: String.fromCodePoint(parseInt(octal[0], 8)), end: pos + 1 + octal[0].length };
  const width = next === 'x' ? 2 : next === 'u' ? 4 : next === 'U' ? 8 : 0;
  if (width > 0) {
    const hex = source.slice(pos + 2, pos + 2 + width);
    if (!new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex)) throw cannotRead(`a bad \\${next} escape`, file, line);
    return { text: String.fromCodePoint(parseInt(hex, 16)), end: pos + 2 + width };
  }
  if (next === 'N') throw cannotRead('a \\N{...} escape', file, line);
  return { text: `\\${next}`, end: pos + 2 };
}
