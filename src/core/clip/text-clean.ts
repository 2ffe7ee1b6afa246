/**
 * The clean-up transformers' CLIPTokenizer (4.45) applies before BPE when `ftfy` is not installed (the
 * harness, and any environment without it): BERT's BasicTokenizer with lower-casing, accents kept and
 * no punctuation split. Spelled out step by step, because every step changes token ids:
 *   1. drop NUL, U+FFFD and every "C*" category character except \t \n \r; \t \n \r and "Zs" become ' '
 *   2. put spaces around CJK ideographs (so each one is its own word)
 *   3. NFC-normalise, split on Python's whitespace, lower-case each word, join with single spaces.
 * Lone surrogates (JSON allows "\ud800") are category Cs, so step 1 drops them, as Python does.
 */

const CATEGORY_C = /\p{C}/u;
const CATEGORY_ZS = /\p{Zs}/u;
/** What Python's `str.split()` splits on (`str.isspace`), which is not JavaScript's `\s` (U+FEFF, U+001C-1F). */
const PYTHON_WHITESPACE = /[\t\n\v\f\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

/** BasicTokenizer._is_chinese_char: the CJK Unified Ideographs blocks only (not kana, not hangul). */
function isCjkIdeograph(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x20000 && cp <= 0x2a6df) ||
    (cp >= 0x2a700 && cp <= 0x2b73f) ||
    (cp >= 0x2b740 && cp <= 0x2b81f) ||
    (cp >= 0x2b820 && cp <= 0x2ceaf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x2f800 && cp <= 0x2fa1f)
  );
}

export function cleanClipText(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\t' || ch === '\n' || ch === '\r' || CATEGORY_ZS.test(ch)) out += ' ';
    else if (cp === 0 || cp === 0xfffd || CATEGORY_C.test(ch)) continue;
    else out += isCjkIdeograph(cp) ? ` ${ch} ` : ch;
  }
  const words = out.normalize('NFC').split(PYTHON_WHITESPACE).filter((w) => w !== '');
  return words.map((w) => w.toLowerCase()).join(' ');
}
