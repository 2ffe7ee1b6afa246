import { cannotRead } from './reader-error.js';

/** Reads one string literal (any prefix but f/b, any quote) starting at `start`, with Python's escapes. */
interface Literal {
  value: string;
  end: number;
  newlines: number;
}

export function readString(source: string, start: number, prefix: string, quote: string, file: string, line: number): Literal {
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
