import { finding, type Finding } from '../findings.js';
import type { ClassEntry } from './classes.js';
import type { ImageShape, SizedImage } from './convert-images.js';

/**
 * The dataset profile of `yw check <dataset-root>`, accumulated one image at a time: memory grows with
 * classes and splits (plus one counter per distinct boxes-per-image value and image size), never with
 * boxes, so a 10^6-box dataset streams through it.
 */

/** mmdet's `filter_cfg=dict(min_size=32)` in YOLO-World configs: images with a smaller side are dropped. */
export const MIN_IMAGE_SIDE = 32;
/** COCO area ranges (pycocotools): small < 32², medium < 96², large ≥ 96² (annotation `area`, px²). */
export const SMALL_AREA = 32 ** 2;
export const MEDIUM_AREA = 96 ** 2;
/** Lower bounds of the boxes-per-image histogram buckets. */
export const BOX_COUNT_BUCKETS = [0, 1, 2, 3, 6, 11, 21, 51, 101] as const;
/** Distinct image sizes counted one by one; more are lumped together (a folder of random crops). */
export const MAX_DISTINCT_SIZES = 10_000;
export const TOP_SIZES = 5;

export interface AreaBins {
  small: number;
  medium: number;
  large: number;
}

export type PolygonPresence = 'all' | 'some' | 'none';

export interface SplitTally {
  name: string;
  images: number;
  withBoxes: number;
  background: number;
  boxes: number;
  /** Annotations from polygon lines (the rest are boxes only). */
  polygons: number;
  boxesOnly: number;
  areas: AreaBins;
  /** Images with min(width, height) < MIN_IMAGE_SIDE. */
  underMinSide: number;
  /** boxes in an image → number of images. */
  perImage: Map<number, number>;
  /** Per class id: boxes and images containing it. */
  classBoxes: Map<number, number>;
  classImages: Map<number, number>;
}

export interface SizeTally {
  counts: Map<string, number>;
  other: number;
  minWidth: number;
  minHeight: number;
  maxWidth: number;
  maxHeight: number;
}

export class ProfileBuilder {
  readonly splits: SplitTally[];
  readonly sizes: SizeTally = { counts: new Map(), other: 0, minWidth: Infinity, minHeight: Infinity, maxWidth: 0, maxHeight: 0 };
  private readonly byName: Map<string, SplitTally>;
  /** Small images already reported (few; an image listed in two splits is reported once). */
  private readonly reportedSmall = new Set<string>();

  constructor(readonly classes: readonly ClassEntry[], splitNames: readonly string[]) {
    this.splits = splitNames.map((name) => emptySplit(name));
    this.byName = new Map(this.splits.map((s) => [s.name, s]));
  }

  /**
   * One image of a split with the shapes its labels gave (after every drop and clip). Returns the
   * IMAGE_TOO_SMALL finding when mmdet's min_size filter would drop the image.
   */
  add(split: string, image: SizedImage, shapes: readonly ImageShape[]): Finding | undefined {
    return this.addBlocks(split, image, [shapes]);
  }

  /** `add` for an image whose shapes come in blocks (a long label file, see label-blocks.ts). */
  addBlocks(split: string, image: SizedImage, blocks: Iterable<readonly ImageShape[]>): Finding | undefined {
    const tally = this.byName.get(split);
    if (!tally) throw new Error(`profile: unknown split ${split}`);
    const seen = new Set<number>();
    let count = 0;
    for (const shapes of blocks) {
      count += shapes.length;
      for (const shape of shapes) {
        if (shape.kind === 'polygon') tally.polygons += 1;
        else tally.boxesOnly += 1;
        const area = shape.geometry.area;
        if (area < SMALL_AREA) tally.areas.small += 1;
        else if (area < MEDIUM_AREA) tally.areas.medium += 1;
        else tally.areas.large += 1;
        bump(tally.classBoxes, shape.classId);
        if (!seen.has(shape.classId)) bump(tally.classImages, shape.classId);
        seen.add(shape.classId);
      }
    }
    tally.images += 1;
    if (count === 0) tally.background += 1;
    else tally.withBoxes += 1;
    tally.boxes += count;
    bump(tally.perImage, count);
    const small = Math.min(image.width, image.height) < MIN_IMAGE_SIDE;
    if (small) tally.underMinSide += 1;
    this.addSize(image);
    if (!small || this.reportedSmall.has(image.path)) return undefined;
    this.reportedSmall.add(image.path);
    return smallImage(image, count);
  }

  /** Counted per split entry, like every other number (an image listed in two splits counts twice). */
  private addSize(image: SizedImage): void {
    const s = this.sizes;
    const key = `${image.width}x${image.height}`;
    if (s.counts.has(key) || s.counts.size < MAX_DISTINCT_SIZES) bump(s.counts, key);
    else s.other += 1;
    s.minWidth = Math.min(s.minWidth, image.width);
    s.minHeight = Math.min(s.minHeight, image.height);
    s.maxWidth = Math.max(s.maxWidth, image.width);
    s.maxHeight = Math.max(s.maxHeight, image.height);
  }
}

function smallImage(image: SizedImage, boxes: number): Finding {
  const lost = boxes ? ` with its ${boxes} box${boxes === 1 ? '' : 'es'}` : '';
  return finding('IMAGE_TOO_SMALL', 'warning', `${image.width} x ${image.height} px: under ${MIN_IMAGE_SIDE} px on a side, so filter_cfg min_size=${MIN_IMAGE_SIDE} of YOLO-World configs drops it from train and val${lost}`, {
    file: image.path,
    hint: `use images at least ${MIN_IMAGE_SIDE} px on each side, or lower filter_cfg min_size in the config`,
    data: { width: image.width, height: image.height, boxes },
  });
}

function emptySplit(name: string): SplitTally {
  return {
    name, images: 0, withBoxes: 0, background: 0, boxes: 0, polygons: 0, boxesOnly: 0,
    areas: { small: 0, medium: 0, large: 0 }, underMinSide: 0,
    perImage: new Map(), classBoxes: new Map(), classImages: new Map(),
  };
}

export function bump<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}
