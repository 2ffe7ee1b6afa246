import { describe, expect, it } from 'vitest';
import { formatClassTexts } from '../../../src/core/texts/format.js';

describe('formatClassTexts', () => {
  it('writes one class per line as in the seed, with a trailing newline', () => {
    expect(formatClassTexts([['person'], ['helmet', 'hard hat']])).toBe('[\n  ["person"],\n  ["helmet", "hard hat"]\n]\n');
  });

  it('keeps non-ASCII as UTF-8 and escapes quotes, backslashes and control characters', () => {
    const texts = [['café', '行人', '🚗 car'], ['say "hi"'], ['C:\\path'], ['tab\there', 'new\nline', 'nul\u0000']];
    const text = formatClassTexts(texts);
    expect(text).toBe(
      '[\n  ["café", "行人", "🚗 car"],\n  ["say \\"hi\\""],\n  ["C:\\\\path"],\n  ["tab\\there", "new\\nline", "nul\\u0000"]\n]\n',
    );
    expect(text).not.toMatch(/\\u(?!0000)/);
    expect(JSON.parse(text)).toEqual(texts);
  });

  it('keeps a comma inside a name inside its string', () => {
    const text = formatClassTexts([['red, green'], ['blue']]);
    expect(JSON.parse(text)).toEqual([['red, green'], ['blue']]);
    expect(text.split('\n')).toHaveLength(5);
  });

  it('is deterministic and writes an empty list as []', () => {
    const texts = [['a', 'b'], ['c']];
    expect(formatClassTexts(texts)).toBe(formatClassTexts(structuredClone(texts)));
    expect(formatClassTexts([])).toBe('[]\n');
  });
});
