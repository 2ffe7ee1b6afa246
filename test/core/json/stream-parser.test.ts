import { describe, expect, it } from 'vitest';
import type { JsonScalar, ValueNode } from '../../../src/core/json/schema.js';
import { JsonTextError, MAX_JSON_DEPTH, StreamingJsonParser } from '../../../src/core/json/stream-parser.js';
import { MAX_CAPTURED_STRING_BYTES } from '../../../src/core/json/string-scanner.js';

/** Feeds `text` in chunks of `size` bytes through a parser built on `root`. */
function feed(root: ValueNode, text: string | Uint8Array, size = 1 << 20): void {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const parser = new StreamingJsonParser(root);
  for (let at = 0; at < bytes.length; at += size) parser.push(bytes.subarray(at, at + size));
  parser.end();
}

function errorOf(run: () => void): JsonTextError {
  try {
    run();
  } catch (error) {
    if (error instanceof JsonTextError) return error;
    throw error;
  }
  throw new Error('no error');
}

/** Collects the scalars under `key` of each item of the top-level array. */
function itemsOf(key: string, text: string, size?: number): JsonScalar[] {
  const seen: JsonScalar[] = [];
  feed({ array: { item: { object: { keys: { [key]: { scalar: (v) => seen.push(v) } } } } } }, text, size);
  return seen;
}

const TRICKY = JSON.stringify({
  info: { categories: ['not this one'], note: 'a "categories": [1] inside a string \\ and \u00e9' },
  images: [{ id: 1, file_name: 'a "b" \\c.jpg', caption: '"categories":[' }],
  'categories ': [0],
  categories: [{ id: 2, name: '行人 "x" \\ y' }, { id: 1, name: 'café' }],
});

describe('StreamingJsonParser', () => {
  it('decodes the scalars a node asks for, as Python would (NaN, big and float numbers, escapes)', () => {
    const text = '[{"v": 1}, {"v": -0.5e2}, {"v": 123456789012345678901}, {"v": NaN}, {"v": -Infinity}, {"v": "\\u00e9\\n\\"x\\""}, {"v": true}, {"v": null}]';
    for (const size of [1, 2, 5, 1 << 20]) {
      expect(itemsOf('v', text, size)).toEqual([1, -50, 123456789012345678901, Number.NaN, Number.NEGATIVE_INFINITY, 'é\n"x"', true, null]);
    }
  });

  it('matches keys written with escapes, and the last of a repeated key wins', () => {
    expect(itemsOf('name', '[{"n\\u0061me": "escaped"}, {"name": "first", "name": "last"}]')).toEqual(['escaped', 'first', 'last']);
  });

  it('looks only where the nodes say: nested and look-alike keys are skipped, for every chunk size', () => {
    const names: JsonScalar[] = [];
    const root: ValueNode = { object: { keys: { categories: { array: { item: { object: { keys: { name: { scalar: (v) => names.push(v) } } } } } } } } };
    for (const size of [1, 2, 3, 7, 64, 1 << 20]) {
      names.length = 0;
      feed(root, TRICKY, size);
      expect(names, `chunks of ${size}`).toEqual(['行人 "x" \\ y', 'café']);
    }
  });

  it('tells a node what it got when it does not take that kind', () => {
    const kinds: string[] = [];
    feed({ array: { item: { scalar: () => kinds.push('scalar'), other: (k) => kinds.push(k) } } }, '[1, "a", [], {}, null]');
    expect(kinds).toEqual(['scalar', 'scalar', 'array', 'object', 'scalar']);
    const counts: number[] = [];
    feed({ array: { item: { array: { item: {}, end: (n) => counts.push(n) } } } }, '[[], [1, [2, 3], {"a": [4]}], [5]]');
    expect(counts).toEqual([0, 3, 1]);
  });

  it('refuses nesting deeper than Python reads, with a clear error and no stack overflow (100,000 levels)', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const error = errorOf(() => feed({}, deep));
    expect(error.reason).toMatch(/^nested more than 1000 levels deep/);
    expect(error.offset).toBe(MAX_JSON_DEPTH);
    expect(() => feed({}, `${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`)).not.toThrow();
  });

  it('refuses a huge value where a short one was asked for, but skips huge values nobody asked for', () => {
    const huge = 'x'.repeat(MAX_CAPTURED_STRING_BYTES + 1);
    expect(errorOf(() => itemsOf('name', `[{"name": "${huge}"}]`)).reason).toMatch(/^a string longer than 1048576 bytes/);
    expect(itemsOf('name', `[{"note": "${huge}", "name": "ok"}]`)).toEqual(['ok']);
  });

  it('gives line, column and byte offset', () => {
    const error = errorOf(() => feed({}, '{\n  "a": 1,\n  "b": 2\n  "c": 3\n}'));
    expect([error.reason, error.line, error.column, error.offset]).toEqual(["Expecting ',' delimiter", 4, 3, 23]);
    expect(error.message).toBe("Expecting ',' delimiter: line 4 column 3 (byte 23)");
  });
});
