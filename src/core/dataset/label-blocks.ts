import { KindTally, type LabelCarry, type LabelKinds } from './label-kinds.js';
import { parseYoloLabels } from './yolo-labels.js';

/**
 * YOLO label texts longer than this are parsed block by block, each block whole lines of about this
 * many characters (~1,600 boxes). A label file of 10^6 lines held 10^6 shapes, records and findings
 * at once (1.4-2.2 GB peak); block by block, only the text and the lines kept (for LABEL_DUPLICATE)
 * stay. Larger blocks (2^20) let each block's findings live long enough to reach V8's old generation:
 * 340-390 MB peak on the 10^6-line test file, against 160-235 MB with these. Nearly every label file
 * is far smaller and takes the one-block path unchanged.
 */
export const LABEL_BLOCK_CHARS = 1 << 16;

export interface LabelBlock {
  text: string;
  /** What this block needs from the rest of the file (its own object; `seen` and `kinds` are shared). */
  carry: LabelCarry;
}

/**
 * A line of `n` values (or of `n` or more, with `more`), as the parser splits them on whitespace,
 * lines ending at LF or CR. The lookbehind anchors it at line starts and values and spaces are
 * disjoint classes, so a file without such a line is one linear scan.
 */
function lineOf(n: number, more: boolean, flags = ''): RegExp {
  const end = more ? '' : String.raw`[^\S\n\r]*(?![^\n\r])`;
  return new RegExp(String.raw`(?<![^\n\r])[^\S\n\r]*\S+(?:[^\S\n\r]+\S+){${n - 1}}${end}`, flags);
}
const QUAD_LINE = lineOf(9, false);
/** Lines that may be polygons other than quadrilaterals: 7 values, or 10 and more. */
const POLYGON_LINES = [lineOf(7, false, 'g'), lineOf(10, true, 'g')];

/**
 * `text` (a YOLO label file) cut after a line end every `blockChars` or so, each block with its carry;
 * the result is the same as parsing the text whole.
 */
export function* labelBlocks(text: string, file: string, classIds: ReadonlySet<number>, kinds: LabelKinds, blockChars = LABEL_BLOCK_CHARS): Generator<LabelBlock> {
  const otherPolygons = kinds.poseValues === undefined && QUAD_LINE.test(text) && keepsOtherPolygon(text, file, classIds, kinds);
  const seen = new Set<string>();
  const whole = new KindTally();
  for (const block of cut(text, blockChars)) {
    yield { text: block.text, carry: { linesBefore: block.linesBefore, seen, kinds: whole, otherPolygons, last: block.last } };
  }
}

/**
 * Whether some line of the file is a polygon other than a quadrilateral that the parser keeps: then
 * the file's quadrilaterals are polygons too, else oriented boxes (label-kinds.ts), even in the
 * blocks before that line. Only lines of 7 or 10+ values are parsed, each alone: whether a line is
 * kept does not depend on the others (a duplicate is kept or dropped as its first copy was).
 */
function keepsOtherPolygon(text: string, file: string, classIds: ReadonlySet<number>, kinds: LabelKinds): boolean {
  const lineEnd = /[\n\r]/g;
  for (const re of POLYGON_LINES) {
    for (const match of text.matchAll(re)) {
      lineEnd.lastIndex = match.index + match[0].length;
      const line = text.slice(match.index, lineEnd.exec(text)?.index ?? text.length);
      if (parseYoloLabels(line, file, classIds, kinds).shapes.some((s) => s.kind === 'polygon')) return true;
    }
  }
  return false;
}

/** Blocks end after a line end (LF, CRLF or a lone CR), so a file of CR-only lines is cut too. */
function* cut(text: string, blockChars: number): Generator<{ text: string; linesBefore: number; last: boolean }> {
  const lineEnd = /[\n\r]/g;
  let linesBefore = 0;
  let start = 0;
  while (start < text.length) {
    lineEnd.lastIndex = Math.min(text.length, start + blockChars) - 1;
    const at = lineEnd.exec(text)?.index;
    const end = at === undefined ? text.length : at + (text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10 ? 2 : 1);
    const block = text.slice(start, end);
    yield { text: block, linesBefore, last: end === text.length };
    linesBefore += lineEnds(block);
    start = end;
  }
}

/** Line ends in a block as the parser counts them: LF, CRLF, and a lone CR. */
function lineEnds(block: string): number {
  let n = 0;
  for (let i = 0; i < block.length; i++) {
    const c = block.charCodeAt(i);
    if (c === 10 || (c === 13 && block.charCodeAt(i + 1) !== 10)) n += 1;
  }
  return n;
}
