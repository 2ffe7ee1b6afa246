import { describe, expect, it } from 'vitest';
import { isPolygon, summarizeCoco } from '../../../src/core/dataset/coco-summary.js';

describe('summarizeCoco', () => {
  it('keeps category file order and counts polygons', () => {
    const summary = summarizeCoco(
      {
        info: { yw: { split: 'train', data_prefix: 'train/images/' } },
        images: [{ id: 1 }],
        annotations: [{ segmentation: [[0, 0, 4, 0, 4, 4]] }, { segmentation: [] }, {}],
        categories: [{ id: 7, name: 'zebra' }, { id: 1, name: 'ant' }],
      },
      'train.json',
    );
    expect(summary).toEqual({
      categories: [{ id: 7, name: 'zebra' }, { id: 1, name: 'ant' }],
      images: 1,
      annotations: 3,
      withPolygon: 1,
      yw: { split: 'train', dataPrefix: 'train/images/' },
    });
  });

  it('names the file and the bad key', () => {
    expect(() => summarizeCoco({ images: [], annotations: [], categories: [{ id: 'x' }] }, 'bad.json')).toThrow(
      /bad\.json.*categories\[0\]/,
    );
  });

  it('treats short or odd polygons like mmyolo does (dropped)', () => {
    expect(isPolygon([[1, 2, 3, 4]])).toBe(false);
    expect(isPolygon([[1, 2, 3, 4, 5]])).toBe(false);
    expect(isPolygon({ counts: 'abc', size: [4, 4] })).toBe(false);
  });
});
