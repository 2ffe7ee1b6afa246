import { describe, expect, it } from 'vitest';
import { detectLayout, planLayout } from '../../../src/core/dataset/layout.js';
import { planConversion } from '../../../src/core/dataset/convert.js';
import { commonFolder, labelPathFor } from '../../../src/core/dataset/paths.js';
import { YwError } from '../../../src/errors.js';

const plan = (files: string[], texts: Record<string, string> = {}, forced?: Parameters<typeof planLayout>[2]) =>
  planLayout({ files: [...files].sort(), texts: new Map(Object.entries(texts)), rootAbs: '/data/set' }, 'set', forced);

describe('label paths', () => {
  it('maps the last /images/ segment to /labels/ like Ultralytics, else the same folder', () => {
    expect(labelPathFor('train/images/a.jpg')).toBe('train/labels/a.txt');
    expect(labelPathFor('images/train/sub/a.JPEG')).toBe('labels/train/sub/a.txt');
    expect(labelPathFor('images/a.b.png')).toBe('labels/a.b.txt');
    expect(labelPathFor('images/x/images/a.jpg')).toBe('images/x/labels/a.txt');
    expect(labelPathFor('obj/a.jpg')).toBe('obj/a.txt');
    expect(commonFolder(['obj/a/1.jpg', 'obj/b/2.jpg'])).toBe('obj/');
    expect(commonFolder(['a.jpg', 'obj/2.jpg'])).toBe('');
  });
});

describe('detectLayout', () => {
  it('recognises the four layouts from a listing', () => {
    expect(detectLayout(['train/images/a.jpg', 'train/labels/a.txt'])).toBe('split-folders');
    expect(detectLayout(['valid/images/a.jpg'])).toBe('split-folders');
    expect(detectLayout(['images/train/a.jpg', 'labels/train/a.txt', 'data.yaml'])).toBe('ultralytics');
    expect(detectLayout(['images/a.jpg', 'labels/a.txt'])).toBe('single');
    expect(detectLayout(['data/obj/a.jpg', 'data/obj/a.txt', 'data/obj.names'])).toBe('side-by-side');
    expect(detectLayout(['photos/a.jpg', 'README.md'])).toBeUndefined();
  });

  it('throws NO_LAYOUT naming what it looked for', () => {
    expect(() => plan(['notes.md'])).toThrowError(YwError);
    expect(() => plan(['notes.md'])).toThrowError(/split folders.*Ultralytics.*single folder.*side by side/);
  });
});

describe('planLayout', () => {
  it('plans split folders with data prefixes, file names relative to them, and label paths', () => {
    const p = plan(['train/images/a.jpg', 'train/labels/a.txt', 'val/images/b.jpg', 'val/labels/b.txt']);
    expect(p.splits).toEqual([
      { name: 'train', dataPrefix: 'train/images/', images: [{ path: 'train/images/a.jpg', fileName: 'a.jpg', labelPath: 'train/labels/a.txt' }] },
      { name: 'val', dataPrefix: 'val/images/', images: [{ path: 'val/images/b.jpg', fileName: 'b.jpg', labelPath: 'val/labels/b.txt' }] },
    ]);
    expect(p.findings).toEqual([]);
  });

  it('keeps the first of two images with one stem and reports the other', () => {
    const p = plan(['images/a.jpg', 'images/a.png', 'labels/a.txt']);
    expect(p.splits[0]!.images.map((i) => i.path)).toEqual(['images/a.jpg']);
    expect(p.findings.map((f) => [f.code, f.file])).toEqual([['DUPLICATE_STEM', 'images/a.png']]);
  });

  it('reports background images, orphan labels and non-images; classes.txt beside labels is not a label', () => {
    const p = plan(['images/a.jpg', 'images/b.jpg', 'images/Thumbs.db', 'labels/a.txt', 'labels/z.txt', 'labels/classes.txt']);
    expect(p.findings.map((f) => [f.code, f.severity, f.file])).toEqual([
      ['LABEL_WITHOUT_IMAGE', 'warning', 'labels/z.txt'],
      ['NOT_AN_IMAGE', 'warning', 'images/Thumbs.db'],
      ['IMAGE_WITHOUT_LABEL', 'info', 'images/b.jpg'],
    ]);
  });

  it('splits a single folder by its lists and never places unlisted images', () => {
    const files = ['images/1.jpg', 'images/2.jpg', 'images/3.jpg', 'labels/1.txt', 'labels/2.txt', 'labels/3.txt', 'train.txt', 'val.txt'];
    const p = plan(files, { 'train.txt': '/elsewhere/images/1.jpg\n', 'val.txt': './images/2.jpg\nimages/9.jpg\n' });
    expect(p.splits.map((s) => [s.name, s.images.map((i) => i.fileName)])).toEqual([['train', ['1.jpg']], ['val', ['2.jpg']]]);
    expect(p.findings.map((f) => [f.code, f.file, f.line])).toEqual([
      ['LIST_ENTRY_MISSING', 'val.txt', 2],
      ['IMAGE_NOT_IN_SPLIT', 'images/3.jpg', undefined],
    ]);
  });

  it('reads Ultralytics splits from data.yaml folders and lists, or from images/<split> folders', () => {
    const files = ['images/train/a.jpg', 'images/val/b.jpg', 'labels/train/a.txt', 'labels/val/b.txt', 'lists/val.txt'];
    const withYaml = planConversion(
      { root: 'r', rootAbs: '/r', files: [...files, 'data.yaml'].sort(), texts: new Map([['lists/val.txt', './../images/val/b.jpg\n'], ['data.yaml', 'train: /r/images/train\nval: lists/val.txt\nnames: [x]\n']]) },
      { seed: '0', categoryIdStart: 1, boxPolygons: false, obbPolygons: false },
    );
    expect(withYaml.splits.map((s) => [s.name, s.dataPrefix, s.images.map((i) => i.fileName)])).toEqual([
      ['train', 'images/train/', ['a.jpg']],
      ['val', 'images/val/', ['b.jpg']],
    ]);
    const bare = plan(files.slice(0, 4));
    expect(bare.kind).toBe('ultralytics');
    expect(bare.splits.map((s) => s.name)).toEqual(['train', 'val']);
  });

  it('reads a list the data.yaml names once: each missing entry is one finding (it was two)', () => {
    const files = ['data.yaml', 'data/a.jpg', 'data/a.txt', 'data/b.jpg', 'data/b.txt', 'train.txt', 'val.txt'];
    const texts = new Map([['data.yaml', 'train: train.txt\nval: val.txt\nnames: [x]\n'], ['train.txt', 'data/a.jpg\ndata/gone.jpg\n'], ['val.txt', 'data/b.jpg\n']]);
    const p = planConversion({ root: 'r', rootAbs: '/r', files, texts }, { seed: '0', categoryIdStart: 1, boxPolygons: false, obbPolygons: false });
    expect(p.layout).toBe('side-by-side');
    expect(p.splits.map((s) => [s.name, s.images.map((i) => i.path)])).toEqual([['train', ['data/a.jpg']], ['val', ['data/b.jpg']]]);
    expect(p.findings.filter((f) => f.code === 'LIST_ENTRY_MISSING').map((f) => [f.file, f.line])).toEqual([['train.txt', 2]]);
  });

  it('warns once per pair of splits that share images', () => {
    const files = ['images/1.jpg', 'images/2.jpg', 'labels/1.txt', 'labels/2.txt', 'train.txt', 'val.txt'];
    const p = plan(files, { 'train.txt': 'images/1.jpg\nimages/2.jpg\n', 'val.txt': 'images/2.jpg\n' });
    expect(p.findings.map((f) => [f.code, f.message])).toEqual([['SPLIT_OVERLAP', '1 image is in both train and val (first: images/2.jpg)']]);
  });

  it('plans side-by-side folders with the common image folder as data prefix', () => {
    const p = plan(['obj.names', 'data/obj/a.jpg', 'data/obj/a.txt', 'data/obj/b.jpg', 'data/obj/b.txt']);
    expect(p.kind).toBe('side-by-side');
    expect(p.splits).toEqual([
      { name: 'train', dataPrefix: 'data/obj/', images: [
        { path: 'data/obj/a.jpg', fileName: 'a.jpg', labelPath: 'data/obj/a.txt' },
        { path: 'data/obj/b.jpg', fileName: 'b.jpg', labelPath: 'data/obj/b.txt' },
      ] },
    ]);
  });

  it('plans no split for a forced layout that finds no images (the caller says NO_IMAGES with the findings)', () => {
    expect(plan(['images/a.jpg'], {}, 'split-folders')).toEqual({ kind: 'split-folders', splits: [], findings: [] });
  });
});
