import { describe, expect, it } from 'vitest';
import { CLIP_TOLERANCE, parseYoloLabels } from '../../../src/core/dataset/yolo-labels.js';

const CLASSES = new Set([0, 1, 2]);
const parse = (text: string, classes: ReadonlySet<number> = CLASSES) => parseYoloLabels(text, 'l.txt', classes);
const codes = (text: string) => parse(text).findings.map((f) => [f.code, f.line]);

describe('parseYoloLabels', () => {
  it('reads a 5-token line as a box and an odd count ≥ 7 as a polygon, vertex for vertex', () => {
    const { shapes, findings } = parse('0 0.5 0.5 0.2 0.4\n1 0.1 0.2 0.5 0.2 0.5 0.6 0.3 0.7 0.1 0.6\n');
    expect(findings).toEqual([]);
    expect(shapes).toEqual([
      { classId: 0, line: 1, kind: 'box', coords: [0.5, 0.5, 0.2, 0.4] },
      { classId: 1, line: 2, kind: 'polygon', coords: [0.1, 0.2, 0.5, 0.2, 0.5, 0.6, 0.3, 0.7, 0.1, 0.6] },
    ]);
  });

  it('reads CR-only line ends as line ends (old Mac tools), keeping line numbers', () => {
    const { shapes, findings } = parse('0 0.5 0.5 0.2 0.2\r\r1 0.3 0.3 0.1 0.1\r9 0.5 0.5 0.1 0.1\r');
    expect(shapes.map((s) => [s.classId, s.line])).toEqual([[0, 1], [1, 3]]);
    expect(findings.map((f) => [f.code, f.line])).toEqual([['LABEL_UNKNOWN_CLASS', 4]]);
  });

  it('keeps the box of a 6-value line and says once per file what the 6th value was taken for', () => {
    const conf = parse('0 0.5 0.5 0.2 0.2 0.91\n1 0.3 0.3 0.1 0.1 0.5\n');
    expect(conf.shapes.map((s) => [s.kind, s.coords])).toEqual([['box', [0.5, 0.5, 0.2, 0.2]], ['box', [0.3, 0.3, 0.1, 0.1]]]);
    expect(conf.findings.map((f) => [f.code, f.severity, f.line])).toEqual([['LABEL_CONFIDENCE_IGNORED', 'warning', undefined]]);
    const track = parse('0 0.5 0.5 0.2 0.2 7\n1 0.3 0.3 0.1 0.1\n0 0.2 0.2 0.1 0.1 12\n');
    expect(track.shapes).toHaveLength(3);
    expect(track.findings.map((f) => [f.code, f.severity])).toEqual([['LABEL_TRACK_ID_IGNORED', 'info']]);
    expect(track.findings[0]!.message).toMatch(/^2 lines have a 6th value/);
    expect(parse('0 0.5 0.5 0.2 0.2 3.5\n').findings.map((f) => f.code)).toEqual(['LABEL_EXTRA_VALUE_IGNORED']);
  });

  it('reads a pose line (kpt_shape) as its box and ignores the keypoints, with [k, 2] as with [k, 3]', () => {
    const xy = '0 0.5 0.5 0.2 0.4 0.45 0.4 0.55 0.6 0.5 0.5\n'; // kpt_shape [3, 2]: 11 values, odd like a polygon
    const pose = parseYoloLabels(xy, 'p.txt', CLASSES, { poseValues: 11 });
    expect(pose.shapes).toEqual([{ classId: 0, line: 1, kind: 'box', coords: [0.5, 0.5, 0.2, 0.4] }]);
    expect(pose.findings).toEqual([]);
    const xyv = parseYoloLabels('0 0.5 0.5 0.2 0.4 0.45 0.4 2 0 0 0\n0 0.5 0.5 0.2\n', 'p.txt', CLASSES, { poseValues: 11 });
    expect(xyv.shapes).toHaveLength(1);
    expect(xyv.findings.map((f) => [f.code, f.line, f.message])).toEqual([['LABEL_COLUMNS', 2, expect.stringContaining('expected 11')]]);
    // Without kpt_shape the same line is a polygon: what Ultralytics' pose loader needs data.yaml for.
    expect(parse(xy).shapes[0]!.kind).toBe('polygon');
  });

  it('writes oriented boxes (9 values) as their axis-aligned extent, keeps them as polygons when asked or in a YOLO-seg file', () => {
    const obb = '0 0.3 0.2 0.6 0.3 0.5 0.6 0.2 0.5\n1 0.5 0.5 0.2 0.2\n';
    const boxes = parse(obb);
    expect(boxes.shapes[0]).toMatchObject({ kind: 'box', line: 1 });
    expect(boxes.shapes[0]!.coords.map((v) => Number(v.toFixed(12)))).toEqual([0.4, 0.4, 0.4, 0.4]);
    expect(boxes.findings.map((f) => [f.code, f.severity])).toEqual([['LABEL_ORIENTED_BOXES', 'info']]);
    const kept = parseYoloLabels(obb, 'l.txt', CLASSES, { obbPolygons: true });
    expect(kept.shapes[0]).toEqual({ classId: 0, line: 1, kind: 'polygon', coords: [0.3, 0.2, 0.6, 0.3, 0.5, 0.6, 0.2, 0.5] });
    expect(kept.findings[0]!.message).toMatch(/kept as their quadrilateral polygons/);
    const seg = parse(`${obb}2 0.1 0.1 0.2 0.1 0.15 0.2\n`);
    expect(seg.shapes.map((s) => s.kind)).toEqual(['polygon', 'box', 'polygon']);
    expect(seg.findings).toEqual([]);
  });

  it('tolerates a BOM, CRLF, tabs, blank and whitespace-only lines, keeping real line numbers', () => {
    const { shapes, findings } = parse('\uFEFF0 0.5 0.5 0.2 0.2\r\n\r\n   \r\n2\t0.3  0.3 0.1 0.1\r\n');
    expect(findings).toEqual([]);
    expect(shapes.map((s) => [s.classId, s.line])).toEqual([[0, 1], [2, 4]]);
  });

  it('drops lines with a wrong column count', () => {
    expect(codes('0 0.5 0.5 0.2\n0 0.1 0.1 0.2 0.2 0.3 0.3 0.4 0.4 0.5\n0 0.1 0.1 0.2 0.2 0.3 0.3 0.4\n0\n')).toEqual([
      ['LABEL_COLUMNS', 1], ['LABEL_COLUMNS', 2], ['LABEL_COLUMNS', 3], ['LABEL_COLUMNS', 4],
    ]);
  });

  it('drops non-numeric, NaN, infinite and overflowing values', () => {
    expect(codes('0 0.5 abc 0.2 0.2\n0 NaN 0.5 0.2 0.2\n0 0.5 -inf 0.2 0.2\n0 0.5 0.5 1e400 0.2\n0 0x1 0.5 0.2 0.2\n')).toEqual([
      ['LABEL_NOT_NUMERIC', 1], ['LABEL_NOT_FINITE', 2], ['LABEL_NOT_FINITE', 3], ['LABEL_NOT_FINITE', 4], ['LABEL_NOT_NUMERIC', 5],
    ]);
  });

  it('drops class ids that are not in the class list, including sparse gaps', () => {
    const sparse = new Set([0, 2, 5]);
    const { shapes, findings } = parse('1 0.5 0.5 0.2 0.2\n5 0.5 0.5 0.2 0.2\n-1 0.5 0.5 0.2 0.2\n0.5 0.5 0.5 0.2 0.2\n', sparse);
    expect(shapes.map((s) => s.classId)).toEqual([5]);
    expect(findings.map((f) => [f.code, f.line])).toEqual([['LABEL_UNKNOWN_CLASS', 1], ['LABEL_UNKNOWN_CLASS', 3], ['LABEL_UNKNOWN_CLASS', 4]]);
  });

  it(`clips overshoots up to ${CLIP_TOLERANCE} with a warning and drops anything further`, () => {
    const { shapes, findings } = parse('0 0.995 0.5 0.02 0.2\n0 1.2 0.5 0.2 0.2\n0 0.5 0.5 1.03 0.2\n');
    expect(findings.map((f) => [f.code, f.severity, f.line])).toEqual([
      ['LABEL_CLIPPED', 'warning', 1], ['LABEL_OUT_OF_BOUNDS', 'error', 2], ['LABEL_OUT_OF_BOUNDS', 'error', 3],
    ]);
    const [xc, , w] = shapes[0]!.coords;
    expect(xc! + w! / 2).toBe(1);
    expect(xc! - w! / 2).toBeCloseTo(0.985, 12);
  });

  it('clips float noise at the border silently', () => {
    const { shapes, findings } = parse('0 0.95 0.5 0.1 0.2\n');
    expect(findings).toEqual([]);
    expect(shapes).toHaveLength(1);
  });

  it('drops zero and negative sizes, and polygons without area', () => {
    expect(codes('0 0.5 0.5 0 0.2\n0 0.5 0.5 0.2 -0.1\n1 0.1 0.1 0.2 0.1 0.3 0.1\n0 1.005 0.5 0.004 0.1\n')).toEqual([
      ['LABEL_ZERO_SIZE', 1], ['LABEL_ZERO_SIZE', 2], ['LABEL_ZERO_SIZE', 3], ['LABEL_ZERO_SIZE', 4],
    ]);
  });

  it('keeps a duplicate line (same values, any spacing) once, with a warning', () => {
    const { shapes, findings } = parse('0 0.5 0.5 0.2 0.2\n0\t0.5  0.5 0.2 0.2 \n1 0.5 0.5 0.2 0.2\n');
    expect(shapes).toHaveLength(2);
    expect(findings.map((f) => [f.code, f.severity, f.line])).toEqual([['LABEL_DUPLICATE', 'warning', 2]]);
  });

  it('marks every finding that loses a line as dropped and names file and line', () => {
    const { findings } = parse('0 0.5 0.5 0.2\n0 0.995 0.5 0.02 0.2\n');
    expect(findings[0]).toMatchObject({ file: 'l.txt', line: 1, data: { dropped: true } });
    expect(findings[1]?.data).toBeUndefined();
  });
});
