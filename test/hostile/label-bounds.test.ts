import { spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { capFindings, countByCode, countBySeverity, finding, FindingCap, type Finding } from '../../src/core/findings.js';
import { convertImageLabels, imageShapes } from '../../src/core/dataset/convert-images.js';
import { labelBlocks } from '../../src/core/dataset/label-blocks.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/tmp.js';

/**
 * Issue 11, point 5, for label files: one file of 10^6 lines stays under 300 MB peak RSS with
 * --report (findings capped per file and code, long files converted block by block), and a 2 GB
 * label file is refused from its size, never read.
 */

const BIN_CHILD = new URL('../../scripts/bench-child.js', import.meta.url).pathname;

function runMeasured(args: string[]): { code: number | null; stdout: string; stderr: string; rssMB: number } {
  const child = spawnSync(process.execPath, [BIN_CHILD, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 26 });
  const rss = /maxRSS=(\d+)/.exec(child.stderr);
  return { code: child.status, stdout: child.stdout, stderr: child.stderr, rssMB: rss ? Number(rss[1]) / 1024 : Number.NaN };
}

/** images/a.jpg (64x48) with labels/a.txt written by `write`, classes "helmet". */
async function oneImage(write: (labelPath: string) => Promise<void>): Promise<string> {
  const root = await tempDir();
  await mkdir(join(root, 'images'));
  await mkdir(join(root, 'labels'));
  await writeFile(join(root, 'classes.txt'), 'helmet\n');
  await sharp({ create: { width: 64, height: 48, channels: 3, background: '#406080' } }).jpeg().toFile(join(root, 'images', 'a.jpg'));
  await write(join(root, 'labels', 'a.txt'));
  return root;
}

/** 10^6 lines: odd lines a distinct 3.2 x 2.4 px box, even lines two values (LABEL_COLUMNS). */
async function millionLines(path: string): Promise<void> {
  const out = createWriteStream(path);
  let buf = '';
  for (let i = 1; i <= 1_000_000; i++) {
    buf += i % 2 ? `0 ${(0.1 + (0.8 * i) / 1e6).toFixed(6)} 0.5 0.05 0.05\n` : 'bad line\n';
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      buf = '';
    }
  }
  await new Promise<void>((resolve) => out.end(buf, () => resolve()));
}

describe('a label file of 10^6 lines', () => {
  it('yw convert --report: under 300 MB peak RSS, 50 LABEL_COLUMNS listed + one summary, counts exact', async () => {
    const root = await oneImage(millionLines);
    const run = runMeasured(['convert', root, '--report', join(root, 'report.json'), '--json']);
    expect(run.code, run.stderr).toBe(1); // the outputs are written; the error findings make it exit 1
    expect(run.rssMB).toBeLessThan(300);
    const summary = JSON.parse(run.stdout) as Record<string, unknown>;
    // The one warning is SPLIT_NO_VAL (a train-only dataset).
    expect(summary).toMatchObject({ annotations: 500_000, dropped: { LABEL_COLUMNS: 500_000 }, findings: { error: 500_000, warning: 1 } });
    const report = JSON.parse(await readFile(join(root, 'report.json'), 'utf8')) as { findings: Finding[]; counts: Record<string, number> };
    expect(report.counts).toEqual({ error: 500_000, warning: 1, info: 0 });
    const columns = report.findings.filter((f) => f.code === 'LABEL_COLUMNS');
    expect(report.findings.map((f) => f.code).filter((c) => c !== 'LABEL_COLUMNS')).toEqual(['SPLIT_NO_VAL']);
    expect(columns).toHaveLength(51);
    expect(columns.at(-1)).toEqual({
      code: 'LABEL_COLUMNS', severity: 'error', file: join(root, 'labels', 'a.txt'), line: 102,
      message: '499950 more LABEL_COLUMNS in this file not listed, from line 102',
      hint: 'correct the line (numbers in 0..1 after the class id) or delete it',
      data: { dropped: true, unlisted: 499_950 },
    });
    const coco = JSON.parse(await readFile(join(root, 'annotations', 'train.json'), 'utf8')) as { annotations: { id: number }[] };
    expect(coco.annotations).toHaveLength(500_000);
    expect(coco.annotations.at(-1)?.id).toBe(500_000);
  }, 300_000);

  it('yw check --report: under 300 MB peak RSS, the same counts', async () => {
    const root = await oneImage(millionLines);
    const run = runMeasured(['check', root, '--report', join(root, 'report.json')]);
    expect(run.code).toBe(1);
    expect(run.rssMB).toBeLessThan(300);
    expect(run.stdout).toContain('500000 error(s), 1 warning(s)');
    const report = JSON.parse(await readFile(join(root, 'report.json'), 'utf8')) as { findings: Finding[] };
    expect(report.findings.filter((f) => f.code === 'LABEL_COLUMNS')).toHaveLength(51);
  }, 300_000);
});

describe('a 2 GB label file', () => {
  it('is refused from its size (a sparse file: nothing is read), image kept without boxes', async () => {
    const root = await oneImage((path) => truncate(path, 2 ** 31).catch(async () => {
      await writeFile(path, '');
      await truncate(path, 2 ** 31);
    }));
    const run = await runCli(['convert', root, '--json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error LABEL_TOO_LARGE');
    expect(run.stderr).toContain('labels/a.txt: label file is 2048 MB, over the 256 MB yw reads; not read, image kept without boxes (a label file holds one line per object: check what wrote this one)');
    expect(JSON.parse(run.stdout)).toMatchObject({ images: 1, annotations: 0 });
    expect((await runCli(['check', root])).code).toBe(1);
  }, 120_000);
});

describe('other text files of the dataset', () => {
  it('a classes file over 256 MB is refused from its size (FILE_TOO_LARGE, exit 1), never read', async () => {
    const root = await oneImage((path) => writeFile(path, '0 0.5 0.5 0.1 0.1\n'));
    await truncate(join(root, 'classes.txt'), 300 * 1024 * 1024);
    const run = await runCli(['convert', root]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`error ${join(root, 'classes.txt')} is 300 MB; yw reads text files up to 256 MB [FILE_TOO_LARGE]`);
  });
});

describe('long label files block by block', () => {
  const image = { path: 'a.jpg', fileName: 'a.jpg', width: 640, height: 480, labelPath: 'a.txt' };
  const context = { classIds: new Set([0, 1]), categoryIdStart: 1, boxPolygons: false };
  const quad = '0 0.1 0.1 0.3 0.12 0.28 0.3 0.08 0.28'; // an oriented box, unless the file holds other polygons
  const lines = ['\uFEFF0 0.5 0.5 0.2 0.2', quad, '1 0.3 0.3 0.1 0.1', 'oops', '', '0 0.5 0.5 0.2 0.2', '0 0.4 0.4 0.1 0.1 7', '7 0.5 0.5 0.1 0.1', '0 0.9 0.9 0.205 0.2', '1 0.3 0.3 0.1 0.1'];
  const polygon = '1 0.2 0.2 0.1 0.1 0.3 0.2 0.2 0.3 0.25 0.35';
  const texts = {
    'quads alone (oriented boxes)': `${lines.join('\n')}\n`,
    'a polygon at the end (quads stay polygons)': `${lines.join('\n')}\n${polygon}\n`,
    'CRLF and lone CR line ends': `${lines.slice(0, 5).join('\r\n')}\r${lines.slice(5).join('\n')}\n`,
    'lone CR line ends only (old Mac)': `${lines.join('\r')}\r`,
    'a triangle at the end, tab-separated (quads stay polygons)': `${lines.join('\n')}\n1\t0.2 0.2  0.3 0.2 0.25 0.3\n`,
    'a dropped polygon (unknown class) at the end (quads stay oriented boxes)': `${lines.join('\n')}\n7 0.2 0.2 0.3 0.2 0.25 0.3\n`,
    'boxes only': `${lines.filter((l) => l.split(' ').length < 6).join('\n')}\n`,
  };
  const blocks = (text: string, size: number) => labelBlocks(text, 'a.txt', context.classIds, {}, size);

  const lineEnds = (text: string) => text.match(/\r\n|\r|\n/g)?.length ?? 0;
  it.each(['quads alone (oriented boxes)', 'CRLF and lone CR line ends', 'lone CR line ends only (old Mac)'] as const)('labelBlocks cuts %s after whole lines and carries line counts', (name) => {
    const text = texts[name];
    const seen: { text: string; before: number; last: boolean }[] = [];
    for (const b of blocks(text, 20)) seen.push({ text: b.text, before: b.carry.linesBefore, last: b.carry.last === true });
    expect(seen.map((b) => b.text).join('')).toBe(text);
    expect(seen.every((b, i) => /[\r\n]$/.test(b.text) && !(b.text.endsWith('\r') && seen[i + 1]?.text.startsWith('\n')))).toBe(true);
    expect(seen.map((b) => b.last)).toEqual(seen.map((_, i) => i === seen.length - 1));
    let at = 0;
    for (const b of seen) {
      expect(b.before).toBe(lineEnds(text.slice(0, at)));
      expect(b.text.length >= 20 || at + b.text.length === text.length).toBe(true);
      at += b.text.length;
    }
    expect(seen.length).toBeGreaterThan(3);
  });

  for (const [name, text] of Object.entries(texts)) {
    it.each([7, 20, 40, 1 << 16])(`${name}: the records, shapes and findings of the whole text (blocks of %i characters)`, (size) => {
      const whole = convertImageLabels(text, image, 1, 1, context);
      let id = 1;
      const records: string[] = [];
      const findings: Finding[] = [];
      for (const block of blocks(text, size)) {
        const part = convertImageLabels(block.text, image, 1, id, context, block.carry);
        id += part.count;
        if (part.records) records.push(part.records);
        findings.push(...part.findings);
      }
      expect(records.join(',\n')).toBe(whole.records);
      expect(findings).toEqual(whole.findings);
      const shapes = [...blocks(text, size)].flatMap((b) => imageShapes(b.text, image, context, b.carry).shapes);
      expect(shapes).toEqual(imageShapes(text, image, context).shapes);
    });
  }

  it('the whole-text results the blocks are held to: kinds decided by the whole file', () => {
    const codes = (text: string) => convertImageLabels(text, image, 1, 1, context).findings.map((f) => `${f.code}:${f.line ?? ''}`);
    expect(codes(texts['quads alone (oriented boxes)'])).toEqual(['LABEL_COLUMNS:4', 'LABEL_DUPLICATE:6', 'LABEL_UNKNOWN_CLASS:8', 'LABEL_CLIPPED:9', 'LABEL_DUPLICATE:10', 'LABEL_TRACK_ID_IGNORED:', 'LABEL_ORIENTED_BOXES:']);
    expect(codes(texts['a polygon at the end (quads stay polygons)'])).toEqual(['LABEL_COLUMNS:4', 'LABEL_DUPLICATE:6', 'LABEL_UNKNOWN_CLASS:8', 'LABEL_CLIPPED:9', 'LABEL_DUPLICATE:10', 'LABEL_TRACK_ID_IGNORED:']);
    const kinds = (text: string) => imageShapes(text, image, context).shapes.map((s) => s.kind).join(' ');
    expect(kinds(texts['quads alone (oriented boxes)'])).toBe('box box box box box');
    expect(kinds(texts['a polygon at the end (quads stay polygons)'])).toBe('box polygon box box box polygon');
    expect(kinds(texts['a triangle at the end, tab-separated (quads stay polygons)'])).toBe('box polygon box box box polygon');
    expect(kinds(texts['a dropped polygon (unknown class) at the end (quads stay oriented boxes)'])).toBe('box box box box box');
  });
});

describe('FindingCap', () => {
  const f = (code: string, line: number) => finding(code, 'error', `m${line}`, { file: 'x.txt', line, hint: 'h', data: { dropped: true } });

  it('lists the first N of each code and one summary per code that counts as what it stands for', () => {
    const out: Finding[] = [];
    const cap = new FindingCap(out, 2);
    for (let line = 1; line <= 5; line++) cap.add(f('A', line));
    cap.add(f('B', 9));
    cap.close();
    expect(out.map((x) => `${x.code}:${x.line}:${x.message}`)).toEqual(['A:1:m1', 'A:2:m2', 'B:9:m9', 'A:3:3 more A in this file not listed, from line 3']);
    expect(out[3]?.data).toEqual({ dropped: true, unlisted: 3 });
    expect(countByCode(out)).toEqual({ A: 5, B: 1 });
    expect(countBySeverity(out)).toEqual({ error: 6, warning: 0, info: 0 });
  });

  it('capFindings passes 50 or fewer through unchanged', () => {
    const few = Array.from({ length: 50 }, (_, i) => f('A', i + 1));
    const out: Finding[] = [];
    capFindings(few, out);
    expect(out).toEqual(few);
    capFindings([...few, f('A', 51)], out);
    expect(out).toHaveLength(101);
    expect(out.at(-1)?.data).toEqual({ dropped: true, unlisted: 1 });
  });
});
