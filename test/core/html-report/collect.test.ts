import { describe, expect, it } from 'vitest';
import { imageShapes, type SizedImage } from '../../../src/core/dataset/convert-images.js';
import { finding } from '../../../src/core/findings.js';
import { BOX_SIDE_BUCKETS, namedFiles, ReportCollector } from '../../../src/core/html-report/collect.js';

const classIds = new Set([0, 1, 2]);

/** One image of a 100x100 display frame with the given YOLO label text, as the label loop visits it. */
function visit(split: string, name: string, labels: string, findings: ReturnType<typeof finding>[] = []) {
  const image: SizedImage = { path: `${split}/images/${name}.jpg`, fileName: `${name}.jpg`, labelPath: `${split}/labels/${name}.txt`, width: 100, height: 100 };
  const { shapes } = imageShapes(labels, image, { classIds, boxPolygons: false });
  return { split, image, shapes, findings };
}

describe('ReportCollector', () => {
  it('keeps the first N images of each class, with every shape of the image in display-frame pixels', () => {
    const c = new ReportCollector(['train', 'val'], new Set(), { samplesPerClass: 2, findingImages: 10 });
    c.add(visit('train', 'a', '0 0.5 0.5 0.2 0.4\n1 0.1 0.1 0.1 0.1\n'));
    c.add(visit('train', 'b', '0 0.5 0.5 0.2 0.2\n'));
    c.add(visit('train', 'c', '0 0.5 0.5 0.2 0.2\n2 0.1 0.1 0.3 0.1 0.2 0.3\n'));
    c.add(visit('val', 'd', ''));
    const r = c.result();
    expect(Object.fromEntries(r.samples)).toEqual({ 0: ['img-1', 'img-2'], 1: ['img-1'], 2: ['img-3'] });
    expect(r.images.map((i) => [i.id, i.path, i.named])).toEqual([['img-1', 'train/images/a.jpg', false], ['img-2', 'train/images/b.jpg', false], ['img-3', 'train/images/c.jpg', false]]);
    expect(r.images[0]!.shapes).toEqual([
      { classId: 0, line: 1, kind: 'box', bbox: [40, 30, 20, 40] },
      { classId: 1, line: 2, kind: 'box', bbox: [5, 5, 10, 10] },
    ]);
    expect(r.images[2]!.shapes[1]).toEqual({ classId: 2, line: 2, kind: 'polygon', bbox: [10, 10, 20, 20], polygon: [10, 10, 30, 10, 20, 30] });
  });

  it('keeps images that findings name (by image or label path, before or during the loop) up to the cap', () => {
    const before = namedFiles([finding('IMAGE_TOO_SMALL', 'warning', 'small', { file: 'train/images/b.jpg' }), finding('X', 'info', 'no file')]);
    expect([...before]).toEqual(['train/images/b.jpg']);
    const c = new ReportCollector(['train'], new Set([...before, 'train/labels/c.txt']), { samplesPerClass: 0, findingImages: 2 });
    c.add(visit('train', 'a', '0 0.5 0.5 0.2 0.2\n'));
    c.add(visit('train', 'b', ''));
    c.add(visit('train', 'c', ''));
    c.add(visit('train', 'd', '9 0.5 0.5 0.1 0.1\n', [finding('LABEL_UNKNOWN_CLASS', 'error', 'x', { file: 'train/labels/d.txt', line: 1, hint: 'h' })]));
    expect(c.result().images.map((i) => [i.path, i.named])).toEqual([['train/images/b.jpg', true], ['train/images/c.jpg', true]]);
  });

  it('counts box sides (√ COCO area) per split in BOX_SIDE_BUCKETS; COCO limits 32 and 96 start a bucket', () => {
    const c = new ReportCollector(['train', 'val'], new Set(), { samplesPerClass: 0, findingImages: 0 });
    // sides 5, 20, 32 (exactly), 96 (exactly), 100, and a triangle of area 200 (side 14.1)
    c.add(visit('train', 'a', '0 0.5 0.5 0.05 0.05\n0 0.5 0.5 0.2 0.2\n0 0.5 0.5 0.32 0.32\n0 0.5 0.5 0.96 0.96\n0 0.5 0.5 1 1\n'));
    c.add(visit('val', 'b', '1 0.1 0.1 0.3 0.1 0.1 0.3\n'));
    const sides = c.result().boxSides;
    const at = (from: number) => BOX_SIDE_BUCKETS.indexOf(from as (typeof BOX_SIDE_BUCKETS)[number]);
    const train = sides.get('train')!;
    expect(train.reduce((a, b) => a + b, 0)).toBe(5);
    expect([train[at(0)], train[at(16)], train[at(32)], train[at(96)]]).toEqual([1, 1, 1, 2]);
    expect(sides.get('val')![at(8)]).toBe(1);
  });
});
