/** The text forms of protocol 0 (INT, LONG, STRING, UNICODE lines), which torch never writes but old pickles may hold. */

/** `123`, `-5`, `123L`: a Python int literal as protocol 0 writes it. */
export function parseLongText(text: string, fail: () => Error): number | bigint {
  const body = text.endsWith('L') ? text.slice(0, -1) : text;
  if (!/^[+-]?\d+$/.test(body)) throw fail();
  const big = BigInt(body);
  return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
}

/** repr() of a Python float: `1.5`, `1e+300`, `inf`, `-inf`, `nan`. */
export function parseFloatText(text: string, fail: () => Error): number {
  const t = text.trim().toLowerCase();
  if (t === 'inf' || t === '+inf') return Infinity;
  if (t === '-inf') return -Infinity;
  if (t === 'nan' || t === '-nan' || t === '+nan') return NaN;
  const value = Number(t);
  if (t === '' || Number.isNaN(value)) throw fail();
  return value;
}

/**
 * STRING holds a quoted repr (`'abc\n'`) with backslash escapes; UNICODE holds raw-unicode-escape text
 * (only `\uXXXX` and `\UXXXXXXXX` are escapes). Bytes above 0x7f stand for themselves (latin-1).
 */
export function decodeTextLiteral(line: string, form: 'repr' | 'raw-unicode-escape'): string {
  if (form === 'raw-unicode-escape') {
    return line.replace(/\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})/g, (_m, u: string | undefined, U: string | undefined) =>
      String.fromCodePoint(parseInt(u ?? U ?? '0', 16)));
  }
  const quote = line[0];
  const body = (quote === "'" || quote === '"') && line.endsWith(quote) && line.length >= 2 ? line.slice(1, -1) : line;
  const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', '0': '\0' };
  return body.replace(/\\(x[0-9a-fA-F]{2}|[0-7]{1,3}|.)/g, (_m, e: string) => {
    if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    if (/^[0-7]+$/.test(e)) return String.fromCharCode(parseInt(e, 8));
    return simple[e] ?? `\\${e}`;
  });
}
