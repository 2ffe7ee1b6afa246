import { describe, expect, it } from 'vitest';
import { buildTokenTree, pooledPosition, splitTexts } from '../../../src/core/clip/token-tree.js';

const S = 49406;
const E = 49407;

describe('pooledPosition (transformers 4.45 CLIPTextTransformer)', () => {
  it('eos_token_id 2 (published config): argmax of the ids, the first maximum', () => {
    expect(pooledPosition([S, 10, E, E], 2)).toBe(2);
    expect(pooledPosition([5, 9, 3, 9], 2)).toBe(1);
  });

  it('other eos_token_id: the first position holding it, else 0', () => {
    expect(pooledPosition([S, 10, E, 20, E], E)).toBe(2);
    expect(pooledPosition([S, 10, 20], E)).toBe(0);
  });
});

describe('buildTokenTree', () => {
  it('computes a shared prefix once and nothing after the pooled position', () => {
    const tree = buildTokenTree([[S, 1, 2, E], [S, 1, 3, E], [S, 1, 2, E], [S, E, 7, 8]], E);
    expect(tree.tokens).toEqual([S, 1, 2, E, 3, E, E]);
    expect(tree.positions).toEqual([0, 1, 2, 3, 2, 3, 1]);
    expect(tree.parents).toEqual([-1, 0, 1, 2, 1, 4, 0]);
    expect(tree.pooled).toEqual([3, 5, 3, 6]);
  });
});

describe('splitTexts', () => {
  it('keeps texts with the same first word together and balances the work', () => {
    const tree = buildTokenTree([[S, 1, 2, E], [S, 1, 3, E], [S, 4, E], [S, 5, 6, 7, E], [S, 8, E]], E);
    // subtrees by first word: 1 (5 nodes, texts 0 and 1), 5 (4 nodes), 4 (2), 8 (2); largest first to the lighter group
    expect(splitTexts(tree, 2)).toEqual([[0, 1, 4], [2, 3]]);
    expect(splitTexts(buildTokenTree([[S, 1, E]], E), 2)).toEqual([[0]]);
  });
});
