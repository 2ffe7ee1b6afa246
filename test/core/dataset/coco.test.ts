import { describe, expect, it } from 'vitest';
import { annotationGeometry, cocoAnnotationText, cocoCategories, pixelText } from '../../../src/core/dataset/coco.js';
import type { YoloShape } from '../../../src/core/dataset/model.js';
import { toPixels } from '../../../src/core/dataset/yolo-labels.js';
import { CocoTextBuilder } from '../../../src/core/dataset/coco-text.js';
import { shoelaceArea } from '../../../src/core/dataset/geometry.js';

const size = { width: 640, height: 480 };
type Parsed = { bbox: number[]; area: number; segmentation: number[][]; category_id: number };
const cocoRecord = (shape: YoloShape, { categoryIdStart, boxPolygons }: { categoryIdStart: number; boxPolygons: boolean }): Parsed =>
  JSON.parse(cocoAnnotationText(1, 1, shape.classId + categoryIdStart, annotationGeometry(toPixels(shape, size), boxPolygons))) as Parsed;

describe('COCO records', () => {
  it('converts YOLO shapes to absolute pixels of the display frame', () => {
    expect(toPixels({ classId: 0, line: 3, kind: 'box', coords: [0.5, 0.5, 0.5, 0.25] }, size)).toEqual({ classId: 0, line: 3, kind: 'box', points: [160, 180, 480, 300] });
    expect(toPixels({ classId: 1, line: 1, kind: 'polygon', coords: [0.5, 0.5, 1, 0, 0, 1] }, size).points).toEqual([320, 240, 640, 0, 0, 480]);
  });

  it('writes a box in pixels rounded to 2 decimals', () => {
    const r = cocoRecord({ classId: 2, line: 1, kind: 'box', coords: [0.3, 0.4, 0.256283, 0.1] }, { categoryIdStart: 1, boxPolygons: false });
    expect(r.bbox).toEqual([109.99, 168, 164.02, 48]);
    expect(r.area).toBe(7872.96);
    expect(r.segmentation).toEqual([]);
    expect(r.category_id).toBe(3);
  });

  it('writes the rectangle as segmentation with --box-polygons (mmyolo order)', () => {
    const r = cocoRecord({ classId: 0, line: 1, kind: 'box', coords: [0.5, 0.5, 0.5, 0.5] }, { categoryIdStart: 0, boxPolygons: true });
    expect(r.segmentation).toEqual([[160, 120, 480, 120, 480, 360, 160, 360]]);
    expect(r.category_id).toBe(0);
  });

  it('keeps polygons vertex for vertex, bbox from their extent, area by shoelace', () => {
    const r = cocoRecord({ classId: 0, line: 1, kind: 'polygon', coords: [0, 0, 0.5, 0, 0.5, 0.5, 0.25, 0.75] }, { categoryIdStart: 1, boxPolygons: true });
    expect(r.segmentation).toEqual([[0, 0, 320, 0, 320, 240, 160, 360]]);
    expect(r.bbox).toEqual([0, 0, 320, 360]);
    expect(r.area).toBe(shoelaceArea([0, 0, 320, 0, 320, 240, 160, 360]));
    expect(shoelaceArea([0, 0, 4, 0, 4, 3])).toBe(6);
  });

  it('numbers categories in class-id order, id = class id + start (sparse ids stay sparse)', () => {
    const classes = [{ id: 5, name: 'c', synonyms: [] }, { id: 0, name: 'a', synonyms: [] }, { id: 2, name: 'b', synonyms: [] }];
    expect(cocoCategories(classes, 1)).toEqual([{ id: 1, name: 'a' }, { id: 3, name: 'b' }, { id: 6, name: 'c' }]);
  });

  it('assembles a file that parses, with separators only between records', () => {
    const b = new CocoTextBuilder({ split: 'train', dataPrefix: 'images/', categories: [{ id: 1, name: 'a' }] });
    const text = [
      b.start(), b.image(1, 'x.jpg', size), b.image(2, 'y.jpg', size), b.beginAnnotations(),
      b.annotationRecords(''), b.annotationRecords('{"id":1}'), b.annotationRecords('{"id":2},\n{"id":3}'), b.end(),
    ].join('');
    const json = JSON.parse(text) as { info: unknown; licenses: unknown; images: unknown[]; annotations: unknown[] };
    expect(json.info).toEqual({ description: 'YOLO labels converted by yw convert', yw: { split: 'train', data_prefix: 'images/' } });
    expect(json.licenses).toEqual([]);
    expect(json.images).toHaveLength(2);
    expect(json.annotations).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
    const empty = new CocoTextBuilder({ split: 's', dataPrefix: '', categories: [] });
    expect(JSON.parse([empty.start(), empty.beginAnnotations(), empty.end()].join(''))).toMatchObject({ images: [], annotations: [] });
  });
});

describe('pixelText', () => {
  it('prints every 1/100 pixel value up to 20,000 exactly as String (and so as JSON.stringify)', () => {
    for (let i = 0; i <= 2_000_000; i++) {
      const v = i / 100;
      if (pixelText(v) !== String(v)) expect(pixelText(v)).toBe(String(v));
    }
  });

  it('falls back to String for values off the 1/100 grid, negative or huge', () => {
    for (const v of [-0, -0.01, -12.5, 0.1 + 0.2, 1 / 3, 1e-7, 21474836.48, 123456789.12, 1e21, 2 ** 53]) {
      expect(pixelText(v)).toBe(String(v));
    }
  });
});
