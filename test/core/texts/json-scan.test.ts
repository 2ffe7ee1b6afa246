import { describe, expect, it } from 'vitest';
import { TopLevelValueScanner } from '../../../src/core/texts/json-scan.js';

/** Feeds `text` in chunks of `size` bytes and returns the captured value. */
function scan(text: string, size = 1 << 20, key = 'categories'): string | undefined {
  const bytes = new TextEncoder().encode(text);
  const scanner = new TopLevelValueScanner(key);
  for (let at = 0; at < bytes.length; at += size) if (scanner.push(bytes.subarray(at, at + size))) break;
  return scanner.result();
}

const TRICKY = JSON.stringify({
  info: { categories: ['not this one'], note: 'a "categories": [1] inside a string \\ and \u00e9' },
  images: [{ id: 1, file_name: 'a "b" \\c.jpg', caption: '"categories":[' }],
  'categories ': [0],
  annotations: [{ id: 1, segmentation: [[1, 2, 3, 4, 5, 6]] }],
  categories: [{ id: 2, name: '行人 "x" \\ y' }, { id: 1, name: 'café' }],
  licenses: [],
});

describe('TopLevelValueScanner', () => {
  it('cuts out the top-level value only, skipping nested keys and look-alikes inside strings', () => {
    expect(JSON.parse(scan(TRICKY)!)).toEqual([{ id: 2, name: '行人 "x" \\ y' }, { id: 1, name: 'café' }]);
  });

  it('gives the same result for every chunk size, including multi-byte characters split across chunks', () => {
    const whole = scan(TRICKY);
    for (const size of [1, 2, 3, 7, 64]) expect(scan(TRICKY, size)).toBe(whole);
  });

  it('handles pretty-printed files and a BOM', () => {
    const text = `\uFEFF${JSON.stringify(JSON.parse(TRICKY), null, 2)}\n`;
    expect(JSON.parse(scan(text, 5)!)).toHaveLength(2);
  });

  it('returns undefined when the key is missing, not top-level, or not a list or object', () => {
    expect(scan('{"images": [], "annotations": []}')).toBeUndefined();
    expect(scan('{"info": {"categories": [1]}}')).toBeUndefined();
    expect(scan('{"categories": "person"}')).toBeUndefined();
    expect(scan('[["person"], ["helmet"]]')).toBeUndefined();
    expect(scan('{"categories": [1, 2')).toBeUndefined();
  });
});
