import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkClassTexts } from '../../../src/core/texts/check.js';
import { FIXTURES } from '../../helpers/fixture-run.js';

/** What fixtures/texts-check/input/helmet/classes.txt builds to. */
const EXPECTED = [['person'], ['helmet', 'hard hat'], ['vest'], ['café']];

function check(name: string) {
  const json: unknown = JSON.parse(readFileSync(join(FIXTURES, 'texts-check', 'input', name), 'utf8'));
  const result = checkClassTexts(EXPECTED, json, name);
  const lines = (severity: string) => result.findings.filter((f) => f.severity === severity).map((f) => f.message);
  return { ok: result.ok, errors: lines('error'), warnings: lines('warning'), findings: result.findings };
}

describe('checkClassTexts', () => {
  it('accepts a matching file, also when written with \\u escapes on one line', () => {
    expect(check('ok.json')).toMatchObject({ ok: true, errors: [], warnings: [] });
    expect(check('ok-escaped.json')).toMatchObject({ ok: true, errors: [], warnings: [] });
  });

  it('only warns when synonyms beyond the primary differ', () => {
    const result = check('synonyms-differ.json');
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([
      'entry 0: synonyms differ from the source: expected [], found ["human"]',
      'entry 1: synonyms differ from the source: expected ["hard hat"], found []',
      'entry 2: synonyms differ from the source: expected [], found ["safety vest"]',
    ]);
  });

  it('reports a wrong order entry by entry', () => {
    expect(check('wrong-order.json')).toMatchObject({
      ok: false,
      errors: [
        'entry 1: expected primary "helmet", found "vest" (the primary of entry 2: wrong order)',
        'entry 2: expected primary "vest", found "helmet" (the primary of entry 1: wrong order)',
      ],
    });
  });

  it('reports a primary that differs only in case (the names must match exactly)', () => {
    expect(check('wrong-case.json').errors).toEqual([
      'entry 1: expected primary "helmet", found "Helmet"',
    ]);
  });

  it('reports a missing and an extra class with the count', () => {
    expect(check('missing-class.json').errors).toEqual([
      'expected 4 entries (one per class), found 3',
      'entry 3: missing, expected ["café"]',
    ]);
    expect(check('extra-class.json').errors).toEqual([
      'expected 4 entries (one per class), found 5',
      'entry 4: extra entry ["dog"]; the source has 4 classes',
    ]);
  });

  it('reports empty strings, non-strings and non-lists', () => {
    expect(check('empty-string.json').errors).toEqual([
      'entry 1: name 1 is an empty string',
      'entry 2: name 0 is an empty string',
    ]);
    expect(check('non-string.json').errors).toEqual([
      'entry 1: name 1 is not a string (found a number 7)',
      'entry 2: name 0 is not a string (found null)',
    ]);
    expect(check('non-list.json').errors).toEqual([
      'entry 0: expected a list of names, found a string "person"',
      'entry 2: empty list, expected primary "vest"',
      'entry 3: expected a list of names, found an object {"name":"café"}',
    ]);
    expect(check('not-a-list.json').errors).toEqual([
      'expected a JSON list with one list of names per class, found an object {"person":0,"helmet":1}',
    ]);
  });

  it('reports a name under two entries as an error and a repeat within one entry as a warning', () => {
    const result = check('duplicate.json');
    expect(result.errors).toEqual(['entry 2: "helmet" also appears in entry 1']);
    expect(result.warnings).toEqual(['entry 1: "hard hat" appears twice']);
  });

  it('tags every finding with the file and, per entry, the entry index', () => {
    const [first] = check('wrong-order.json').findings;
    expect(first).toMatchObject({ code: 'TEXTS_PRIMARY', file: 'wrong-order.json', data: { entry: 1 } });
  });
});
