import { describe, expect, it } from 'vitest';
import { parseSynonyms } from '../../../src/core/texts/synonyms.js';
import { errorOf } from '../../helpers/errors.js';

describe('parseSynonyms', () => {
  it('reads "name: syn1, syn2" lines with their line numbers, skipping blanks and # comments', () => {
    const text = '\uFEFF# synonyms\r\nhelmet: hard hat, safety helmet\r\n\r\nC:\\path: drive c\r\nperson:\r\n';
    expect(parseSynonyms(text, 's.txt')).toEqual([
      { name: 'helmet', synonyms: ['hard hat', 'safety helmet'], file: 's.txt', line: 2 },
      { name: 'C', synonyms: ['\\path: drive c'], file: 's.txt', line: 4 },
      { name: 'person', synonyms: [''], file: 's.txt', line: 5 },
    ]);
  });

  it('reads a JSON object, finding the line of each key, and accepts a single string', () => {
    const text = '{\n  "helmet": ["hard hat", "safety, helmet"],\n  "行人": "步行者"\n}\n';
    expect(parseSynonyms(text, 's.json')).toEqual([
      { name: 'helmet', synonyms: ['hard hat', 'safety, helmet'], file: 's.json', line: 2 },
      { name: '行人', synonyms: ['步行者'], file: 's.json', line: 3 },
    ]);
  });

  it('leaves the line out when a key is written with escapes', () => {
    const [spec] = parseSynonyms('{"caf\\u00e9": ["coffee shop"]}', 's.json');
    expect(spec).toEqual({ name: 'café', synonyms: ['coffee shop'], file: 's.json' });
  });

  it('rejects a line without a colon, naming file and line', () => {
    const error = errorOf(() => parseSynonyms('helmet: hard hat\nvest safety vest\n', 's.txt'));
    expect(error.code).toBe('SYNONYMS_INVALID');
    expect(error.line).toBe(2);
    expect(error.message).toBe('s.txt:2: expected "class: synonym1, synonym2", found "vest safety vest"');
  });

  it('rejects broken JSON, a JSON list and non-string synonyms', () => {
    expect(errorOf(() => parseSynonyms('{"a": [', 's.json')).code).toBe('SYNONYMS_INVALID');
    expect(errorOf(() => parseSynonyms('[["a"]]', 's.json')).code).toBe('SYNONYMS_INVALID');
    const error = errorOf(() => parseSynonyms('{\n"a": ["x"],\n"b": [1]\n}', 's.json'));
    expect(error.message).toBe('s.json: the synonyms of "b" must be a list of strings');
    expect(error.line).toBe(3);
  });
});
