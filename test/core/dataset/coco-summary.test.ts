import { describe, expect, it } from 'vitest';
import { cocoSummaryReader, SAMPLE_SIZE, summarizeCocoText } from '../../../src/core/dataset/coco-summary.js';
import { errorOf } from '../../helpers/errors.js';

const summarize = (doc: unknown, file = 'train.json') => summarizeCocoText(JSON.stringify(doc), file);

describe('summarizeCocoText', () => {
  it('keeps category file order, counts polygons and boxes per category, samples file names', () => {
    const summary = summarize({
      info: { yw: { split: 'train', data_prefix: 'train/images/' } },
      images: Array.from({ length: SAMPLE_SIZE + 5 }, (_, i) => ({ id: i + 1, file_name: `img${i}.jpg` })),
      annotations: [
        { category_id: 7, segmentation: [[0, 0, 4, 0, 4, 4]] },
        { category_id: 7, segmentation: [] },
        { category_id: 1 },
        { category_id: 1, segmentation: [[1, 2, 3, 4]] },
        { category_id: 1, segmentation: { counts: 'abc', size: [4, 4] } },
      ],
      categories: [{ id: 7, name: 'zebra' }, { id: 1, name: 'ant' }],
    });
    expect(summary).toEqual({
      categories: [{ id: 7, name: 'zebra' }, { id: 1, name: 'ant' }],
      images: SAMPLE_SIZE + 5,
      annotations: 5,
      withPolygon: 1,
      perCategory: new Map([[7, 2], [1, 3]]),
      sample: Array.from({ length: SAMPLE_SIZE }, (_, i) => `img${i}.jpg`),
      yw: { split: 'train', dataPrefix: 'train/images/' },
    });
  });

  it('names the file and the bad key, like pycocotools and mmdet would stumble on it', () => {
    expect(errorOf(() => summarize({ images: [], annotations: [], categories: [{ id: 'x', name: 'a' }] }, 'bad.json')).message).toBe(
      'bad.json is not a COCO detection file: categories[0].id: expected an integer, got "x"');
    expect(errorOf(() => summarize({ images: [], annotations: [], categories: [{ id: 1, name: 'a' }, { id: 2 }] })).message).toBe(
      'train.json is not a COCO detection file: categories[1].name: expected a string, got nothing');
    expect(errorOf(() => summarize({ images: {}, annotations: [1], categories: [] })).message).toBe(
      'train.json is not a COCO detection file: annotations[0]: expected an object, got a number; images: expected an array, got an object; categories: the list is empty');
    expect(errorOf(() => summarize([])).message).toBe(
      'train.json is not a COCO detection file: the top level is an array, expected an object; images: missing; annotations: missing');
    expect(errorOf(() => summarize({ info: { yw: { split: 1 } }, images: [], annotations: [], categories: [{ id: 1, name: 'a' }] })).message).toBe(
      'train.json is not a COCO detection file: info.yw: expected "split" and "data_prefix" strings');
  });

  it('reads only the categories when asked (yw texts), still parsing the whole document', () => {
    const reader = cocoSummaryReader('c.json', 'categories');
    reader.parser.push(new TextEncoder().encode('{"images": 5, "categories": [{"id": 1, "name": "helmet"}]}'));
    expect(reader.finish().categories).toEqual([{ id: 1, name: 'helmet' }]);
    const broken = cocoSummaryReader('c.json', 'categories');
    expect(() => broken.parser.push(new TextEncoder().encode('{"images": [}, "categories": [{"id": 1, "name": "helmet"}]}'))).toThrow(
      /Expecting value: line 1 column 13 \(byte 12\)/);
  });
});
