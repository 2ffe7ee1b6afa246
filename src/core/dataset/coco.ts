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
 * Same text as JSON.stringify of the record (finite numbers print identically in a template), built
 * by hand because this runs once per annotation and JSON.stringify of nested arrays costs ~3× more.
 */
export function cocoAnnotationText(id: number, imageId: number, categoryId: number, { bbox, area, segmentation }: Geometry): string {
  const seg = segmentation.length === 0 ? '[]' : `[${segmentation.map((ring) => `[${ring.join(',')}]`).join(',')}]`;
  return `{"id":${id},"image_id":${imageId},"category_id":${categoryId},"bbox":[${bbox.join(',')}],"area":${area},"iscrowd":0,"segmentation":${seg}}`;
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
  const [x1, y1, x2, y2] = corners.map(px) as [number, number, number, number];
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
function px(value: number): number {
  return Math.round(value * SCALE) / SCALE + 0;
}
