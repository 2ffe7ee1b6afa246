import type { ClassEntry } from './classes.js';
import { extent, shoelaceArea } from './geometry.js';
import type { ImageSize, PixelShape } from './model.js';

/**
 * COCO detection JSON, built as text chunks so that a writer can stream it: one record per line,
 * images before annotations, keys in a fixed order. Pixel values are rounded to 2 decimals
 * (1/100 px): far below labelling precision, and it removes float noise such as 164.02416000000005,
 * so the same labels give the same bytes on every machine.
 */
export const PIXEL_DECIMALS = 2;

export interface CocoCategory {
  id: number;
  name: string;
}

/** Categories in ascending class-id order; id = class id + start (so sparse data.yaml ids stay sparse). */
export function cocoCategories(classes: readonly ClassEntry[], start: number): CocoCategory[] {
  return [...classes].sort((a, b) => a.id - b.id).map((c) => ({ id: c.id + start, name: c.name }));
}

export interface CocoHead {
  split: string;
  dataPrefix: string;
  categories: readonly CocoCategory[];
}

/** Everything before the first image record. `info.yw` tells the other yw commands where images are. */
export function cocoHeadText({ split, dataPrefix, categories }: CocoHead): string {
  const info = { description: 'YOLO labels converted by yw convert', yw: { split, data_prefix: dataPrefix } };
  const cats = categories.map((c) => JSON.stringify({ id: c.id, name: c.name })).join(',\n');
  return `{"info":${JSON.stringify(info)},\n"licenses":[],\n"categories":[\n${cats}\n],\n"images":[\n`;
}

/** Between the last image record and the first annotation record. */
export const COCO_MIDDLE = '\n],\n"annotations":[\n';
/** After the last annotation record. */
export const COCO_TAIL = '\n]}\n';

export function cocoImageRecord(id: number, fileName: string, size: ImageSize): string {
  return `{"id":${id},"file_name":${JSON.stringify(fileName)},"width":${size.width},"height":${size.height}}`;
}

export interface AnnotationOptions {
  categoryIdStart: number;
  /** Write the box rectangle as segmentation (mmyolo's behaviour; mask-refine configs need it). */
  boxPolygons: boolean;
}

/**
 * Same text as JSON.stringify of the record, built by hand because this runs once per annotation
 * and JSON.stringify of nested arrays costs ~3× more; numbers are printed by `pixelText`.
 */
export function cocoAnnotationText(id: number, imageId: number, categoryId: number, { bbox, area, segmentation }: Geometry): string {
  const seg = segmentation.length === 0 ? '[]' : `[${segmentation.map(ringText).join(',')}]`;
  const [x, y, w, h] = bbox as [number, number, number, number];
  return `{"id":${id},"image_id":${imageId},"category_id":${categoryId},"bbox":[${pixelText(x)},${pixelText(y)},${pixelText(w)},${pixelText(h)}],"area":${pixelText(area)},"iscrowd":0,"segmentation":${seg}}`;
}

/**
 * cocoAnnotationText of a box from its rounded corners (x1, y1, x2, y2) and rounded size (bw, bh),
 * without the Geometry object and arrays: `yw convert` writes ~10^6 of these. Same text as
 * cocoAnnotationText(..., annotationGeometry(box, boxPolygons)).
 */
export function boxAnnotationText(id: number, imageId: number, categoryId: number, x1: number, y1: number, x2: number, y2: number, bw: number, bh: number, boxPolygons: boolean): string {
  const sx1 = pixelText(x1);
  const sy1 = pixelText(y1);
  const head = `{"id":${id},"image_id":${imageId},"category_id":${categoryId},"bbox":[${sx1},${sy1},${pixelText(bw)},${pixelText(bh)}],"area":${pixelText(px(bw * bh))},"iscrowd":0,"segmentation":`;
  if (!boxPolygons) return `${head}[]}`;
  const sx2 = pixelText(x2);
  const sy2 = pixelText(y2);
  return `${head}[[${sx1},${sy1},${sx2},${sy1},${sx2},${sy2},${sx1},${sy2}]]}`;
}

function ringText(ring: readonly number[]): string {
  let text = '[';
  for (let i = 0; i < ring.length; i++) text += i === 0 ? pixelText(ring[i]!) : `,${pixelText(ring[i]!)}`;
  return `${text}]`;
}

/**
 * The text JSON gives a pixel value rounded to 1/100 (`String(v)`), from its integer hundredths:
 * printing two small integers is ~2x faster than V8's shortest-double printing, which was the
 * largest cost of writing annotations. For n/100 below 2^31/100 the shortest decimal that reads
 * back as the double nearest n/100 is n/100 itself, so the text is the same; any other value
 * (negative, huge, not on the 1/100 grid) takes String().
 */
export function pixelText(value: number): string {
  const n = Math.round(value * SCALE);
  if (!(n >= 0 && n <= 0x7fffffff) || n / SCALE !== value) return String(value);
  const whole = (n / SCALE) | 0;
  const frac = n - whole * SCALE;
  if (frac === 0) return `${whole}`;
  if (frac % 10 === 0) return `${whole}.${frac / 10}`;
  return frac < 10 ? `${whole}.0${frac}` : `${whole}.${frac}`;
}

/** bbox, area and segmentation of a pixel shape, rounded to PIXEL_DECIMALS. */
export function annotationGeometry(shape: PixelShape, boxPolygons: boolean): Geometry {
  return shape.kind === 'box' ? boxGeometry(shape.points, boxPolygons) : polygonGeometry(shape.points);
}

export interface Geometry {
  bbox: number[];
  area: number;
  segmentation: number[][];
}

function boxGeometry(corners: readonly number[], polygon: boolean): Geometry {
  const x1 = px(corners[0]!);
  const y1 = px(corners[1]!);
  const x2 = px(corners[2]!);
  const y2 = px(corners[3]!);
  const bw = px(x2 - x1);
  const bh = px(y2 - y1);
  const segmentation = polygon ? [[x1, y1, x2, y1, x2, y2, x1, y2]] : [];
  return { bbox: [x1, y1, bw, bh], area: px(bw * bh), segmentation };
}

function polygonGeometry(vertices: readonly number[]): Geometry {
  const points = vertices.map(px);
  const [x1, y1, x2, y2] = extent(points);
  return { bbox: [x1, y1, px(x2 - x1), px(y2 - y1)], area: px(shoelaceArea(points)), segmentation: [points] };
}

const SCALE = 10 ** PIXEL_DECIMALS;

/** Rounds to PIXEL_DECIMALS; `+ 0` turns -0 into 0. */
export function px(value: number): number {
  return Math.round(value * SCALE) / SCALE + 0;
}
