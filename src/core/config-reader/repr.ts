import { pythonFloatRepr } from '../python-float.js';
import { checkChars } from './limits.js';
import { dictEntries, PyTuple, type PyValue } from './values.js';

/** Python's `repr()`; a container inside itself prints as `[...]`, like Python. */
export function pyRepr(v: PyValue): string {
  const parts: string[] = [];
  write(v, parts, new Set(), { chars: 0 });
  return parts.join('');
}

/** Python's `str()`: strings as they are, everything else as `repr()`. */
export function pyStr(v: PyValue): string {
  return typeof v === 'string' ? v : pyRepr(v);
}

/** A repr cut to `max` characters, for messages. */
export function shortRepr(v: PyValue, max = 40): string {
  const parts: string[] = [];
  try {
    write(v, parts, new Set(), { chars: 0, stopAt: max });
  } catch {
    // the cut-off point was reached
  }
  const text = parts.join('');
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

interface Meter {
  chars: number;
  stopAt?: number;
}

function write(v: PyValue, out: string[], open: Set<object>, meter: Meter): void {
  const push = (s: string) => {
    out.push(s);
    meter.chars += s.length;
    if (meter.stopAt !== undefined && meter.chars > meter.stopAt) throw new Error('cut');
    checkChars(meter.chars);
  };
  if (v === null) return push('None');
  if (typeof v === 'boolean') return push(v ? 'True' : 'False');
  if (typeof v === 'bigint') return push(v.toString());
  if (typeof v === 'number') return push(pythonFloatRepr(v));
  if (typeof v === 'string') return push(stringRepr(v));
  const [head, tail] = Array.isArray(v) ? ['[', ']'] : v instanceof PyTuple ? ['(', ')'] : ['{', '}'];
  if (open.has(v)) return push(`${head}...${tail}`);
  open.add(v);
  push(head);
  if (Array.isArray(v) || v instanceof PyTuple) {
    const items = Array.isArray(v) ? v : v.items;
    items.forEach((x, i) => {
      if (i > 0) push(', ');
      write(x, out, open, meter);
    });
    if (v instanceof PyTuple && items.length === 1) push(',');
  } else {
    dictEntries(v).forEach(([k, x], i) => {
      if (i > 0) push(', ');
      write(k, out, open, meter);
      push(': ');
      write(x, out, open, meter);
    });
  }
  open.delete(v);
  push(tail);
}

const NON_PRINTABLE = /[\p{C}\p{Z}]/u;

/** Python's string repr: single quotes unless the text has ' and no ", escapes for the unprintable. */
export function stringRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch !== ' ' && NON_PRINTABLE.test(ch)) out += escapeCode(ch.codePointAt(0)!);
    else out += ch;
  }
  return out + quote;
}

function escapeCode(code: number): string {
  if (code < 0x100) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code < 0x10000) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\U${code.toString(16).padStart(8, '0')}`;
}
