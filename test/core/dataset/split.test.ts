import { describe, expect, it } from 'vitest';
import { fnv1a, splitByFraction } from '../../../src/core/dataset/split.js';
import type { PlannedSplit } from '../../../src/core/dataset/model.js';

const split = (n: number): PlannedSplit => ({
  name: 'train',
  dataPrefix: 'images/',
  images: Array.from({ length: n }, (_, i) => ({ path: `images/${String(i).padStart(4, '0')}.jpg`, fileName: `${String(i).padStart(4, '0')}.jpg` })),
});

describe('fnv1a', () => {
  it('matches the published FNV-1a 32-bit test vectors', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });
});

describe('splitByFraction', () => {
  it('moves round(F × n) images to val, keeps name order, and is the same on every call', () => {
    const [train, val] = splitByFraction(split(100), 0.2, '0');
    expect(val.name).toBe('val');
    expect(val.images).toHaveLength(20);
    expect(train.images).toHaveLength(80);
    expect(val.images.map((i) => i.path)).toEqual([...val.images.map((i) => i.path)].sort());
    expect(splitByFraction(split(100), 0.2, '0')[1].images).toEqual(val.images);
  });

  it('picks other files with another seed, and keeps earlier picks when images are added', () => {
    const a = splitByFraction(split(100), 0.2, '0')[1].images.map((i) => i.path);
    const b = splitByFraction(split(100), 0.2, '1')[1].images.map((i) => i.path);
    expect(b).not.toEqual(a);
    const grown = splitByFraction(split(101), 0.2, '0')[1].images.map((i) => i.path);
    expect(a.filter((p) => grown.includes(p)).length).toBeGreaterThanOrEqual(19);
  });

  it('keeps at least one image on each side and refuses too few images or a split named val', () => {
    const [train, val] = splitByFraction(split(3), 0.01, '0');
    expect([train.images.length, val.images.length]).toEqual([2, 1]);
    expect(() => splitByFraction(split(1), 0.5, '0')).toThrowError(/at least 2 images/);
    expect(() => splitByFraction({ ...split(4), name: 'val' }, 0.5, '0')).toThrowError(/already named val/);
  });
});
