/**
 * Python's `json.dump` writes NaN, Infinity and -Infinity as bare literals, which JSON.parse rejects.
 * This rewrites them outside strings: NaN → null (read back as NaN), ±Infinity → ±1e999 (JSON.parse
 * reads that as ±Infinity). Returns undefined when the text has no such literal (retrying is useless).
 */
export function replacePythonLiterals(text: string): string | undefined {
  let out = '';
  let from = 0;
  let inString = false;
  let changed = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) {
      inString = true;
    } else if (c === 0x4e && text.startsWith('NaN', i)) {
      out += `${text.slice(from, i)}null`;
      from = i + 3;
      i += 2;
      changed = true;
    } else if (c === 0x49 && text.startsWith('Infinity', i)) {
      out += `${text.slice(from, i)}1e999`;
      from = i + 8;
      i += 7;
      changed = true;
    }
  }
  return changed ? out + text.slice(from) : undefined;
}

/** A parsed value as a number: null (a NaN in the log) → NaN; anything else not numeric → undefined. */
export function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  return value === null ? Number.NaN : undefined;
}
