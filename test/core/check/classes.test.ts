import { describe, expect, it } from 'vitest';
import { describeDiff } from '../../../src/core/check/classes.js';

describe('describeDiff', () => {
  it('names missing and extra classes', () => {
    expect(describeDiff(['helmet', 'vest'], ['helmet', 'head'], 'the categories')).toBe(
      "'vest' not in the categories; 'head' of the categories missing");
  });

  it('names case-only differences before anything else', () => {
    expect(describeDiff(['Helmet', 'head'], ['helmet', 'head', 'person'], 'the categories')).toBe(
      "case differs for 'Helmet' vs 'helmet' (names are case-sensitive); 'person' of the categories missing");
  });

  it('names the first position of a reordering', () => {
    expect(describeDiff(['a', 'c', 'b'], ['a', 'b', 'c'], 'the categories')).toBe(
      "same names in a different order (position 1: 'c' vs 'b')");
  });

  it('counts a duplicate as a length difference', () => {
    expect(describeDiff(['a', 'a'], ['a'], 'the categories')).toBe('2 names vs 1');
  });
});
