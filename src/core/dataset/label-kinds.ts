import { finding, type Finding } from '../findings.js';
import { extent } from './geometry.js';
import type { YoloShape } from './model.js';

/**
 * The label lines other tools write beyond YOLO boxes and YOLO-seg polygons: a 6th value, pose lines,
 * oriented boxes; and the one note per file saying how they were read.
 */

/** What a dataset says about its label lines beyond boxes and polygons. */
export interface LabelKinds {
  /** Values per pose line (5 + keypoints × 2|3, data.yaml kpt_shape): the box is values 2-5. */
  poseValues?: number;
  /** Keep oriented boxes as their quadrilateral polygon (default: their axis-aligned extent only). */
  obbPolygons?: boolean;
}

/**
 * What a line of n values is: a box `class xc yc w h`; a box with a 6th value (a confidence from
 * Ultralytics predict `save_conf`, or a CVAT track id); a pose line (box, then keypoints); a
 * quadrilateral `class x1 y1 ... x4 y4` (an oriented box, or a 4-point YOLO-seg polygon); a YOLO-seg
 * polygon (odd count ≥ 7); or nothing yw reads.
 */
export type LineKind = 'box' | 'extra' | 'pose' | 'quad' | 'polygon';

export function lineKind(n: number, poseValues: number | undefined): LineKind | undefined {
  if (n === 5) return 'box';
  if (n === 6) return 'extra';
  if (poseValues !== undefined) return n === poseValues ? 'pose' : undefined;
  if (n === 9) return 'quad';
  return n >= 7 && n % 2 === 1 ? 'polygon' : undefined;
}

/** The kept lines of a file that are not plain boxes, for its one note per kind. */
export class KindTally {
  private extras: number[] | undefined;
  private quads: number[] | undefined;
  private otherPolygons = false;

  /** A kept line: its kind, its index among the kept shapes, its 6th value (read for 'extra' only). */
  add(kind: LineKind, at: number, sixth: number): void {
    if (kind === 'extra') (this.extras ??= []).push(sixth);
    else if (kind === 'quad') (this.quads ??= []).push(at);
    else if (kind === 'polygon') this.otherPolygons = true;
  }

  /** The file's notes; its oriented boxes become their extent in `shapes` unless `keepQuads`. */
  notes(shapes: YoloShape[], file: string, keepQuads: boolean): Finding[] {
    this.convertQuads(shapes, keepQuads, this.otherPolygons);
    return this.fileNotes(file, keepQuads);
  }

  // A long file is read block by block (label-blocks.ts): a first pass merges the blocks' tallies, and
  // each block's quadrilaterals are then converted by what the whole file holds.

  get hasOtherPolygons(): boolean {
    return this.otherPolygons;
  }

  /** Adds a block's tally (its quadrilaterals count; their indices belong to that block). */
  merge(block: KindTally): void {
    for (const v of block.extras ?? []) (this.extras ??= []).push(v);
    for (const at of block.quads ?? []) (this.quads ??= []).push(at);
    this.otherPolygons ||= block.otherPolygons;
  }

  /** Turns the quadrilaterals of `shapes` into their extent, unless kept or the file has other polygons. */
  convertQuads(shapes: YoloShape[], keepQuads: boolean, otherPolygons: boolean): void {
    if (this.quads && !otherPolygons && !keepQuads) toExtents(shapes, this.quads);
  }

  /** The notes of a file whose kinds are this tally's. */
  fileNotes(file: string, keepQuads: boolean): Finding[] {
    const out: Finding[] = [];
    if (this.extras) out.push(extraValueFinding(this.extras, file));
    if (this.quads && !this.otherPolygons) out.push(orientedBoxes(this.quads.length, file, keepQuads));
    return out;
  }
}

/** One note per file: what the 6th values were taken for (they are ignored either way). */
function extraValueFinding(extras: readonly number[], file: string): Finding {
  const n = extras.length === 1 ? '1 line has' : `${extras.length} lines have`;
  if (extras.every(Number.isInteger)) {
    return finding('LABEL_TRACK_ID_IGNORED', 'info', `${n} a 6th value, all integers: read as CVAT track ids and ignored; the boxes are kept`, { file });
  }
  if (extras.every((v) => v >= 0 && v <= 1)) {
    return finding('LABEL_CONFIDENCE_IGNORED', 'warning', `${n} a 6th value between 0 and 1: read as prediction confidences (Ultralytics save_conf) and ignored; the boxes are kept`, {
      file,
      hint: 'these labels look like model predictions; check them before training on them',
    });
  }
  return finding('LABEL_EXTRA_VALUE_IGNORED', 'warning', `${n} a 6th value that is neither a track id nor a confidence; ignored, the boxes are kept`, { file });
}

/**
 * A file whose only polygons are quadrilaterals holds oriented boxes: each becomes its axis-aligned
 * extent (COCO and YOLO-World boxes are axis-aligned), unless they are kept as quadrilaterals.
 */
function toExtents(shapes: YoloShape[], quads: readonly number[]): void {
  for (const at of quads) {
    const shape = shapes[at]!;
    const [x1, y1, x2, y2] = extent(shape.coords);
    shapes[at] = { classId: shape.classId, line: shape.line, kind: 'box', coords: [(x1 + x2) / 2, (y1 + y2) / 2, x2 - x1, y2 - y1] };
  }
}

function orientedBoxes(count: number, file: string, keep: boolean): Finding {
  const n = count === 1 ? '1 oriented box' : `${count} oriented boxes`;
  return finding('LABEL_ORIENTED_BOXES', 'info', keep
    ? `${n} (class x1 y1 ... x4 y4) kept as their quadrilateral polygons, with their axis-aligned extent as the box`
    : `${n} (class x1 y1 ... x4 y4, Ultralytics OBB / DOTA) written as their axis-aligned extent`, {
    file,
    ...(keep ? {} : { hint: 'pass --obb-polygons to keep each quadrilateral as a polygon too, for mask-refine' }),
  });
}

export function columnsMessage(n: number, kinds: LabelKinds): string {
  const pose = kinds.poseValues;
  return pose === undefined
    ? `${n} values; expected 5 (class xc yc w h), 6 (a box and a confidence or track id), or an odd count ≥ 7 (class x1 y1 x2 y2 x3 y3 ...)`
    : `${n} values; expected ${pose} (class xc yc w h and the keypoints of data.yaml kpt_shape) or 5 (a box)`;
}

export function shapeFrom(classId: number, line: number, kind: LineKind, coords: number[]): YoloShape {
  if (kind === 'box') return { classId, line, kind: 'box', coords };
  if (kind === 'polygon' || kind === 'quad') return { classId, line, kind: 'polygon', coords };
  return { classId, line, kind: 'box', coords: coords.slice(0, 4) };
}

/**
 * What a block of a long label file needs from the rest of it (label-blocks.ts): how many lines came
 * before (line numbers), the lines kept so far (LABEL_DUPLICATE), and the file's kinds of lines: each
 * block's are added to `kinds`, whose notes come with the last block. A quadrilateral is an oriented
 * box unless the file holds other polygons, which a later block may show: `otherPolygons` says it
 * for the whole file.
 */
export interface LabelCarry {
  linesBefore: number;
  seen: Set<string>;
  kinds: KindTally;
  otherPolygons: boolean;
  last: boolean;
}

/** After a file's lines (or a block's, with `carry`): its quadrilaterals read and its notes added. */
export function finishKinds(tally: KindTally | undefined, shapes: YoloShape[], findings: Finding[], file: string, keepQuads: boolean, carry?: LabelCarry): void {
  if (!carry) {
    if (tally) for (const note of tally.notes(shapes, file, keepQuads)) findings.push(note);
    return;
  }
  if (tally) {
    carry.kinds.merge(tally);
    tally.convertQuads(shapes, keepQuads, carry.otherPolygons);
  }
  if (carry.last) for (const note of carry.kinds.fileNotes(file, keepQuads)) findings.push(note);
}
