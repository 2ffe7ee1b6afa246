import {
  BOX_COUNT_BUCKETS, MEDIUM_AREA, MIN_IMAGE_SIDE, SMALL_AREA, TOP_SIZES, bump,
  type PolygonPresence, type ProfileBuilder, type SplitTally,
} from './profile.js';

/** The profile as plain data (what `--json` prints and the report formats). */
export interface DatasetProfile {
  splits: SplitProfile[];
  total: SplitProfile;
  classes: ClassProfile[];
  imageSizes: ImageSizes;
  limits: { minImageSide: number; smallArea: number; mediumArea: number };
}

/** A split's tally as reported: the per-image and per-class maps become statistics and tables. */
export interface SplitProfile extends Omit<SplitTally, 'perImage' | 'classBoxes' | 'classImages'> {
  polygonPresence: PolygonPresence;
  boxesPerImage: CountStats;
}

export interface CountStats {
  min: number;
  median: number;
  p95: number;
  max: number;
  /** Buckets of BOX_COUNT_BUCKETS: `from`..`to` boxes (to absent = open-ended) → images. */
  histogram: { from: number; to?: number; images: number }[];
}

export interface ClassProfile {
  id: number;
  name: string;
  boxes: Record<string, number>;
  images: Record<string, number>;
  totalBoxes: number;
}

export interface ImageSizes {
  distinct: number;
  top: { width: number; height: number; images: number }[];
  /** Images whose size was not counted one by one (more than MAX_DISTINCT_SIZES distinct sizes). */
  other: number;
  min: { width: number; height: number };
  max: { width: number; height: number };
}

export function summarizeProfile(builder: ProfileBuilder): DatasetProfile {
  const splits = builder.splits.map(splitProfile);
  const total = splitProfile(mergeTallies(builder.splits));
  const classes = builder.classes.map((c): ClassProfile => {
    const boxes = Object.fromEntries(builder.splits.map((s) => [s.name, s.classBoxes.get(c.id) ?? 0]));
    const images = Object.fromEntries(builder.splits.map((s) => [s.name, s.classImages.get(c.id) ?? 0]));
    return { id: c.id, name: c.name, boxes, images, totalBoxes: Object.values(boxes).reduce((a, b) => a + b, 0) };
  });
  const s = builder.sizes;
  const top = [...s.counts.entries()]
    .sort(([ka, a], [kb, b]) => b - a || ka.localeCompare(kb))
    .slice(0, TOP_SIZES)
    .map(([key, images]) => {
      const [width, height] = key.split('x').map(Number) as [number, number];
      return { width, height, images };
    });
  const none = s.counts.size === 0 && s.other === 0;
  return {
    splits,
    total,
    classes,
    imageSizes: {
      distinct: s.counts.size,
      top,
      other: s.other,
      min: none ? { width: 0, height: 0 } : { width: s.minWidth, height: s.minHeight },
      max: { width: s.maxWidth, height: s.maxHeight },
    },
    limits: { minImageSide: MIN_IMAGE_SIDE, smallArea: SMALL_AREA, mediumArea: MEDIUM_AREA },
  };
}

function splitProfile(t: SplitTally): SplitProfile {
  const polygonPresence: PolygonPresence = t.polygons === 0 ? 'none' : t.boxesOnly === 0 ? 'all' : 'some';
  return {
    name: t.name, images: t.images, withBoxes: t.withBoxes, background: t.background, boxes: t.boxes,
    polygons: t.polygons, boxesOnly: t.boxesOnly, polygonPresence, areas: { ...t.areas }, underMinSide: t.underMinSide,
    boxesPerImage: countStats(t.perImage),
  };
}

function mergeTallies(splits: readonly SplitTally[]): SplitTally {
  const total: SplitTally = {
    name: 'total', images: 0, withBoxes: 0, background: 0, boxes: 0, polygons: 0, boxesOnly: 0,
    areas: { small: 0, medium: 0, large: 0 }, underMinSide: 0, perImage: new Map(), classBoxes: new Map(), classImages: new Map(),
  };
  for (const s of splits) {
    for (const key of ['images', 'withBoxes', 'background', 'boxes', 'polygons', 'boxesOnly', 'underMinSide'] as const) total[key] += s[key];
    for (const key of ['small', 'medium', 'large'] as const) total.areas[key] += s.areas[key];
    for (const [n, images] of s.perImage) bump(total.perImage, n, images);
  }
  return total;
}

/** min / median / p95 / max by nearest rank (an actual boxes-per-image value), plus the histogram. */
export function countStats(perImage: ReadonlyMap<number, number>): CountStats {
  const values = [...perImage.entries()].sort(([a], [b]) => a - b);
  const n = values.reduce((sum, [, images]) => sum + images, 0);
  const rank = (p: number): number => {
    const wanted = Math.max(1, Math.ceil(p * n));
    let seen = 0;
    for (const [value, images] of values) {
      seen += images;
      if (seen >= wanted) return value;
    }
    return 0;
  };
  const histogram = BOX_COUNT_BUCKETS.map((from, i) => {
    const next = BOX_COUNT_BUCKETS[i + 1];
    const images = values.filter(([v]) => v >= from && (next === undefined || v < next)).reduce((sum, [, k]) => sum + k, 0);
    return next === undefined ? { from, images } : { from, to: next - 1, images };
  });
  return { min: values[0]?.[0] ?? 0, median: rank(0.5), p95: rank(0.95), max: values.at(-1)?.[0] ?? 0, histogram };
}
