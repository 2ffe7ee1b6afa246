/**
 * Python string literals for untrusted text (class names, paths). The result is always one
 * single-quoted literal on one line that evaluates to exactly `text`, and it never contains `{` or
 * `}`: mmengine substitutes `{{_base_.x}}`, `{{ fileDirname }}` and `{{$ENV:...}}` in the raw file
 * text before Python parses it, so braces are written as `\x7b` / `\x7d`.
 */
export function pyString(text: string): string {
  let out = "'";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && isLow(text.charCodeAt(i + 1))) {
      const cp = text.codePointAt(i)!;
      out += needsEscape(cp) ? `\\U${hex(cp, 8)}` : text.slice(i, i + 2);
      i++;
      continue;
    }
    out += escapeUnit(code);
  }
  return `${out}'`;
}

const SIMPLE: Record<number, string> = {
  0x5c: '\\\\',
  0x27: "\\'",
  0x0a: '\\n',
  0x0d: '\\r',
  0x09: '\\t',
  0x7b: '\\x7b',
  0x7d: '\\x7d',
};

function escapeUnit(code: number): string {
  const simple = SIMPLE[code];
  if (simple !== undefined) return simple;
  if (code < 0x20 || (code >= 0x7f && code <= 0xff && code < 0xa0)) return `\\x${hex(code, 2)}`;
  if (code >= 0xd800 && code <= 0xdfff) return `\\u${hex(code, 4)}`; // lone surrogate
  if (needsEscape(code)) return code <= 0xff ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`;
  return String.fromCharCode(code);
}

/**
 * Characters kept out of the file as raw text: C0/C1 controls, line and paragraph separators,
 * BOM, bidi controls (they make code look different from what runs), private use and noncharacters.
 */
function needsEscape(cp: number): boolean {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return true;
  if (cp === 0xad || cp === 0x2028 || cp === 0x2029 || cp === 0xfeff) return true;
  if ((cp >= 0x200b && cp <= 0x200f) || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2060 && cp <= 0x206f)) return true;
  if ((cp >= 0xe000 && cp <= 0xf8ff) || cp >= 0xf0000) return true;
  if ((cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe) return true;
  return false;
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** Python identifiers usable as `dict(key=...)` keyword arguments (ASCII only, not a keyword). */
export function isPyKeywordArg(key: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) && !PY_KEYWORDS.has(key);
}

const PY_KEYWORDS = new Set(
  ('False None True and as assert async await break class continue def del elif else except finally for ' +
    'from global if import in is lambda nonlocal not or pass raise return try while with yield').split(' '),
);
