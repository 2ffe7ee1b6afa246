import { finding, type Finding } from '../findings.js';
import { clamp01, extent, shoelaceArea } from './geometry.js';
import { columnsMessage, finishKinds, KindTally, lineKind, shapeFrom, type LabelCarry, type LabelKinds, type LineKind } from './label-kinds.js';
import { scanPlainLine } from './yolo-labels-scan.js';
import type { ImageSize, PixelShape, YoloShape } from './model.js';

/**
 * How far outside [0, 1] a normalised coordinate may be and still be kept (clipped, with a finding):
 * 1 % of the image side. Ultralytics' loader accepts the same band ([-0.01, 1.01]); annotation tools
 * overshoot by a few pixels when a box is dragged to the border. Anything further is a broken label.
 */
export const CLIP_TOLERANCE = 0.01;
/** Overshoot from float rounding (e.g. 0.95 + 0.1 / 2) that is clipped silently. */
const FLOAT_SLACK = 1e-6;

const NOT_FINITE = /^[+-]?(?:nan|inf|infinity)$/i;

export type { LabelCarry, LabelKinds } from './label-kinds.js';

export interface ParsedLabels {
  shapes: YoloShape[];
  findings: Finding[];
}

/**
 * Parses one YOLO label file. A 5-value line is a box `class xc yc w h` (a 6th value is ignored, with
 * one finding per file saying what it was taken for); an odd count ≥ 7 is a YOLO-seg polygon, kept
 * vertex for vertex; with `kinds.poseValues` a pose line is its box. A 9-value line is an oriented box
 * (Ultralytics OBB, DOTA) written as its axis-aligned extent, unless the file also holds polygons of
 * other sizes (then it is a 4-point polygon) or `kinds.obbPolygons` keeps the quadrilateral. BOM, CR,
 * LF, CRLF and blank lines are tolerated; every other problem drops the line (or clips it) with a
 * finding naming file and line. `classIds` are the class ids the class list defines (may be sparse).
 * With `carry`, `text` is one block of a longer file (label-blocks.ts): line numbers, duplicates and
 * the file's one note per kind continue across the blocks.
 */
export function parseYoloLabels(text: string, file: string, classIds: ReadonlySet<number>, kinds: LabelKinds = {}, carry?: LabelCarry): ParsedLabels {
  const shapes: YoloShape[] = [];
  const findings: Finding[] = [];
  const seen = carry?.seen ?? new Set<string>();
  const before = carry?.linesBefore ?? 0;
  const body = before === 0 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.includes('\r') ? body.split(/\r\n|\r|\n/) : body.split('\n');
  let tally: KindTally | undefined; // only files with other kinds of lines need one
  let line = 0;
  const drop: Drop = (code, message, hint) => {
    findings.push(finding(code, 'error', message, { file, line, data: { dropped: true }, hint }));
  };
  const clipped = (overshoot: number): void => {
    findings.push(finding('LABEL_CLIPPED', 'warning', `coordinates up to ${overshoot.toFixed(4)} outside [0, 1] were clipped to the image`, { file, line }));
  };
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!.trim();
    if (raw === '') continue;
    line = before + index + 1;
    // Plain decimals separated by single spaces (nearly every line) are scanned without tokens;
    // anything else is split (a regex split only for tabs and runs of spaces) and goes through Number().
    const plain = !raw.includes('\t') && !raw.includes('  ');
    const values = plain ? scanPlainLine(raw) : undefined;
    const tokens = values ? undefined : plain ? raw.split(' ') : raw.split(/\s+/);
    const kind = lineKind(values ? values.length : tokens!.length, kinds.poseValues);
    const shape = tokens ? parseLine(tokens, kind, line, classIds, drop, kinds) : shapeOf(values!, kind, raw, line, classIds, drop, kinds);
    if (!shape) continue;
    const key = tokens && !plain ? tokens.join(' ') : raw; // raw is its tokens joined by ' ' when plain
    if (seen.has(key)) {
      findings.push(finding('LABEL_DUPLICATE', 'warning', 'duplicate of an earlier line; kept once', { file, line, data: { dropped: true } }));
      continue;
    }
    seen.add(key);
    const checked = checkBounds(shape, drop, clipped);
    if (!checked) continue;
    if (kind !== 'box') (tally ??= new KindTally()).add(kind!, shapes.length, values ? values[5]! : Number(tokens![5]));
    shapes.push(checked);
  }
  finishKinds(tally, shapes, findings, file, kinds.obbPolygons === true, carry);
  return { shapes, findings };
}

/** What to do about a line yw cannot read as a box or polygon. */
const FIX_LINE = 'correct the line (numbers in 0..1 after the class id) or delete it';

type Drop = (code: string, message: string, hint: string) => void;

function parseLine(tokens: string[], kind: LineKind | undefined, line: number, classIds: ReadonlySet<number>, drop: Drop, kinds: LabelKinds): YoloShape | undefined {
  const n = tokens.length;
  if (kind === undefined) return void drop('LABEL_COLUMNS', columnsMessage(n, kinds), FIX_LINE);
  const coords: number[] = [];
  let classId = 0;
  for (let i = 0; i < n; i++) {
    const token = tokens[i]!;
    const value = toNumber(token);
    if (value === NOT_A_NUMBER) return void drop('LABEL_NOT_NUMERIC', `value "${token}" is not a number`, FIX_LINE);
    if (!Number.isFinite(value)) return void drop('LABEL_NOT_FINITE', `value "${token}" is not a finite number`, FIX_LINE);
    if (i === 0) classId = value;
    else coords.push(value);
  }
  if (!Number.isInteger(classId) || !classIds.has(classId)) {
    drop('LABEL_UNKNOWN_CLASS', `class id ${tokens[0]} is not in the class list`, 'check the classes file, or pass the right one with --classes FILE');
    return undefined;
  }
  return shapeFrom(classId, line, kind, coords);
}

/** parseLine for a line scanPlainLine read: every value is a finite decimal already. */
function shapeOf(values: number[], kind: LineKind | undefined, raw: string, line: number, classIds: ReadonlySet<number>, drop: Drop, kinds: LabelKinds): YoloShape | undefined {
  if (kind === undefined) return parseLine(raw.split(' '), kind, line, classIds, drop, kinds);
  const classId = values[0]!;
  if (!Number.isInteger(classId) || !classIds.has(classId)) return parseLine(raw.split(' '), kind, line, classIds, drop, kinds);
  return shapeFrom(classId, line, kind, values.slice(1));
}

const NOT_A_NUMBER = Symbol('not a number');

/**
 * A decimal number, ±Infinity/NaN for inf/nan spellings and overflow, or NOT_A_NUMBER. Number() does
 * the work (a regex per token was the parser's hot spot); it also accepts 0x/0b/0o prefixes, refused here.
 */
function toNumber(token: string): number | typeof NOT_A_NUMBER {
  const value = Number(token);
  if (Number.isNaN(value)) return NOT_FINITE.test(token) ? NaN : NOT_A_NUMBER;
  if (value === Infinity || value === -Infinity) return /^[+-]?infinity$/i.test(token) || /\d/.test(token) ? value : NOT_A_NUMBER;
  const radix = token.charCodeAt(1) | 0x20;
  if (token.charCodeAt(0) === 48 && (radix === 0x78 || radix === 0x62 || radix === 0x6f)) return NOT_A_NUMBER;
  return value;
}

/**
 * Drops shapes of zero size or far outside the image; clips small overshoots (calling `clipped`
 * when the overshoot is more than float noise). Returns the shape to keep.
 */
function checkBounds(shape: YoloShape, drop: Drop, clipped: (overshoot: number) => void): YoloShape | undefined {
  const [xc, yc, w, h] = shape.coords as [number, number, number, number];
  if (shape.kind === 'box') {
    if (w <= 0 || h <= 0) return void drop('LABEL_ZERO_SIZE', 'box width or height is zero or negative', 'correct the width and height or delete the line');
    // The common case, a box inside the image, allocates nothing more.
    if (xc - w / 2 >= 0 && yc - h / 2 >= 0 && xc + w / 2 <= 1 && yc + h / 2 <= 1) return shape;
  }
  const points = shape.kind === 'box' ? [xc - w / 2, yc - h / 2, xc + w / 2, yc + h / 2] : shape.coords;
  let overshoot = 0;
  for (const v of points) overshoot = Math.max(overshoot, -v, v - 1);
  if (overshoot > CLIP_TOLERANCE) {
    return void drop('LABEL_OUT_OF_BOUNDS', `coordinates reach ${overshoot.toFixed(4)} outside [0, 1] (more than the ${CLIP_TOLERANCE} tolerance)`, 'labels must be normalised by the image width and height');
  }
  const clippedPoints = points.map(clamp01);
  const [x1, y1, x2, y2] = extent(clippedPoints);
  const empty = shape.kind === 'box' ? x2 <= x1 || y2 <= y1 : x2 <= x1 || y2 <= y1 || shoelaceArea(clippedPoints) <= 0;
  if (empty) return void drop('LABEL_ZERO_SIZE', `${shape.kind} has no area inside the image`, 'correct or delete the line');
  const coords = shape.kind === 'box' ? [(x1 + x2) / 2, (y1 + y2) / 2, x2 - x1, y2 - y1] : clippedPoints;
  if (overshoot > FLOAT_SLACK) clipped(overshoot);
  return overshoot > 0 ? { ...shape, coords } : shape;
}

/** A validated YOLO shape in absolute pixels of an image of `size` (display frame). */
export function toPixels(shape: YoloShape, size: ImageSize): PixelShape {
  const { width: W, height: H } = size;
  if (shape.kind === 'box') {
    const [xc, yc, w, h] = shape.coords as [number, number, number, number];
    return { classId: shape.classId, line: shape.line, kind: 'box', points: [(xc - w / 2) * W, (yc - h / 2) * H, (xc + w / 2) * W, (yc + h / 2) * H] };
  }
  return { classId: shape.classId, line: shape.line, kind: 'polygon', points: shape.coords.map((v, i) => v * (i % 2 === 0 ? W : H)) };
}
