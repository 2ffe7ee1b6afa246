import { describe, expect, it } from 'vitest';
import { applySizes, convertImageLabels } from '../../../src/core/dataset/convert-images.js';

const image = { path: 'images/a.jpg', fileName: 'a.jpg', labelPath: 'labels/a.txt', width: 100, height: 50 };
const context = { classIds: new Set([0, 1]), categoryIdStart: 1, boxPolygons: false };

describe('convertImageLabels', () => {
  it('numbers annotations from the given id and keeps findings from the label file', () => {
    const result = convertImageLabels('0 0.5 0.5 0.2 0.2\n9 0.5 0.5 0.2 0.2\n1 0.25 0.5 0.1 0.2\n', image, 7, 40, context);
    expect(result.count).toBe(2);
    const records = result.records.split(',\n').map((r) => JSON.parse(r) as { id: number; image_id: number; category_id: number });
    expect(records.map((r) => [r.id, r.image_id, r.category_id])).toEqual([[40, 7, 1], [41, 7, 2]]);
    expect(result.findings.map((f) => f.code)).toEqual(['LABEL_UNKNOWN_CLASS']);
  });

  it('warns about boxes under 1 px, which mmdet ignores, but keeps them', () => {
    const result = convertImageLabels('0 0.5 0.5 0.005 0.2\n', image, 1, 1, context);
    expect(result.count).toBe(1);
    expect(result.findings.map((f) => [f.code, f.file, f.line])).toEqual([['LABEL_TINY', 'labels/a.txt', 1]]);
  });

  it('gives background images no records', () => {
    const { labelPath: _, ...bare } = image;
    expect(convertImageLabels(undefined, bare, 1, 1, context)).toEqual({ records: '', count: 0, findings: [] });
    expect(convertImageLabels('\n', image, 1, 1, context)).toEqual({ records: '', count: 0, findings: [] });
  });
});

describe('applySizes', () => {
  it('attaches sizes and excludes unreadable images once, with an error finding', () => {
    const planned = [{ name: 'train', dataPrefix: 'images/', images: [{ path: 'images/a.jpg', fileName: 'a.jpg' }, { path: 'images/b.jpg', fileName: 'b.jpg' }] }];
    const sizes = new Map([
      ['images/a.jpg', { ok: true as const, width: 32, height: 48 }],
      ['images/b.jpg', { ok: false as const, reason: 'corrupt', message: 'truncated JPEG' }],
    ]);
    const { splits, findings } = applySizes([...planned, { ...planned[0]!, name: 'val' }], sizes);
    expect(splits[0]!.images).toEqual([{ path: 'images/a.jpg', fileName: 'a.jpg', width: 32, height: 48 }]);
    expect(findings.map((f) => [f.code, f.file, f.message])).toEqual([['IMAGE_UNREADABLE', 'images/b.jpg', 'truncated JPEG; image excluded']]);
  });
});
