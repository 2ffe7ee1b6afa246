import { describe, expect, it } from 'vitest';
import type { ImageShape, SizedImage } from '../../../src/core/dataset/convert-images.js';
import { MAX_DISTINCT_SIZES, ProfileBuilder } from '../../../src/core/dataset/profile.js';
import { countStats, summarizeProfile } from '../../../src/core/dataset/profile-summary.js';
import { profileFindings } from '../../../src/core/dataset/profile-findings.js';

const classes = [{ id: 0, name: 'a', synonyms: [] }, { id: 1, name: 'b', synonyms: [] }];

function img(path: string, width = 64, height = 64): SizedImage {
  return { path, fileName: path, width, height };
}

function box(classId: number, area: number, kind: 'box' | 'polygon' = 'box'): ImageShape {
  return { classId, line: 1, kind, geometry: { bbox: [0, 0, 1, 1], area, segmentation: [] } };
}

describe('countStats', () => {
  it('takes nearest-rank median and p95 from the boxes-per-image counts', () => {
    // 20 images: 10 with 0 boxes, 9 with 2, 1 with 40 → median rank 10 = 0, p95 rank 19 = 2.
    const stats = countStats(new Map([[0, 10], [2, 9], [40, 1]]));
    expect(stats).toMatchObject({ min: 0, median: 0, p95: 2, max: 40 });
    expect(stats.histogram.find((b) => b.from === 21)).toEqual({ from: 21, to: 50, images: 1 });
    expect(stats.histogram.at(-1)).toEqual({ from: 101, images: 0 });
  });

  it('is all zeros for no images', () => {
    expect(countStats(new Map())).toMatchObject({ min: 0, median: 0, p95: 0, max: 0 });
  });
});

describe('ProfileBuilder', () => {
  it('bins areas at the COCO limits 32² and 96² (small below, medium below, large from)', () => {
    const b = new ProfileBuilder(classes, ['train']);
    b.add('train', img('x.jpg'), [box(0, 1023.99), box(0, 1024), box(1, 9215.99), box(1, 9216)]);
    expect(summarizeProfile(b).total.areas).toEqual({ small: 1, medium: 2, large: 1 });
  });

  it('reports an image under 32 px once, even when two splits list it', () => {
    const b = new ProfileBuilder(classes, ['train', 'val']);
    expect(b.add('train', img('s.jpg', 31, 200), [box(0, 10)])?.code).toBe('IMAGE_TOO_SMALL');
    expect(b.add('val', img('s.jpg', 31, 200), [box(1, 10)])).toBeUndefined();
    expect(b.add('val', img('ok.jpg', 32, 32), [])).toBeUndefined();
    expect(summarizeProfile(b).splits.map((s) => s.underMinSide)).toEqual([1, 1]);
  });

  it('lumps image sizes beyond MAX_DISTINCT_SIZES together', () => {
    const b = new ProfileBuilder(classes, ['train']);
    for (let w = 1; w <= MAX_DISTINCT_SIZES + 3; w++) b.add('train', img(`${w}.jpg`, 100 + w, 100), []);
    const sizes = summarizeProfile(b).imageSizes;
    expect([sizes.distinct, sizes.other, sizes.max.width]).toEqual([MAX_DISTINCT_SIZES, 3, 100 + MAX_DISTINCT_SIZES + 3]);
  });

  it('names classes missing from a split; all-polygon train data raises no polygon finding', () => {
    const b = new ProfileBuilder(classes, ['train', 'val']);
    b.add('train', img('t.jpg'), [box(0, 50, 'polygon'), box(1, 50, 'polygon')]);
    b.add('val', img('v.jpg'), [box(0, 50, 'polygon')]);
    const profile = summarizeProfile(b);
    expect(profile.splits[0]!.polygonPresence).toBe('all');
    expect(profileFindings(profile).map((f) => [f.code, f.data?.class, f.data?.split])).toEqual([['CLASS_MISSING_IN_SPLIT', 'b', 'val']]);
  });
});
