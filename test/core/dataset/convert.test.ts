import { describe, expect, it } from 'vitest';
import { metaFiles, planConversion } from '../../../src/core/dataset/convert.js';

const options = { seed: '0', categoryIdStart: 1, boxPolygons: false, obbPolygons: false };
const plan = (files: string[], texts: Record<string, string>, extra: { classesOverride?: { file: string; text: string } } = {}) =>
  planConversion({ root: 'ds', rootAbs: '/ds', files: [...files].sort(), texts: new Map(Object.entries(texts)), ...extra }, options);

describe('planConversion', () => {
  it('reads classes from classes.txt wherever it is, and they must agree with data.yaml names', () => {
    const files = ['images/train/a.jpg', 'labels/train/a.txt', 'labels/train/classes.txt', 'data.yaml'];
    const ok = plan(files, { 'labels/train/classes.txt': 'cat\ndog\n', 'data.yaml': 'names: [cat, dog]\n' });
    expect(ok.categories).toEqual([{ id: 1, name: 'cat' }, { id: 2, name: 'dog' }]);
    expect(() => plan(files, { 'labels/train/classes.txt': 'cat\n', 'data.yaml': 'names: [cat, dog]\n' })).toThrowError(/list different classes/);
  });

  it('accepts a data.yaml without names when a classes file supplies them, and says so when none does', () => {
    const files = ['images/a.jpg', 'labels/a.txt', 'data.yaml', 'classes.txt'];
    expect(plan(files, { 'data.yaml': 'train: images\n', 'classes.txt': 'x\n' }).classesSource).toBe('classes.txt');
    expect(() => plan(files.slice(0, 3), { 'data.yaml': 'train: images\n' })).toThrowError(/no "names" list/);
    expect(() => plan(files.slice(0, 2), {})).toThrowError(/no class names found/);
  });

  it('lets --classes override every other source', () => {
    const p = plan(['images/a.jpg', 'classes.txt'], { 'classes.txt': 'a\n' }, { classesOverride: { file: 'mine.txt', text: 'p, q' } });
    expect([p.classesSource, p.categories.map((c) => c.name)]).toEqual(['mine.txt', ['p', 'q']]);
  });

  it('names every file planning may read in one pass: classes files, root YAMLs and lists, and .txt files no image labels', () => {
    expect(metaFiles(['a/classes.txt', 'data.yaml', 'images/x.jpg', 'train.txt', 'labels/x.txt', 'sub/train.txt'])).toEqual([
      'a/classes.txt', 'data.yaml', 'sub/train.txt', 'train.txt',
    ]);
  });
});
