import { describe, expect, it } from 'vitest';
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FIXTURES, listAll } from '../helpers/convert-run.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/tmp.js';
import { sortFindings, type Finding } from '../../src/core/findings.js';

/** Codes only `yw check` reports (profile observations); every other finding must be convert's. */
const PROFILE_CODES = new Set(['IMAGE_TOO_SMALL', 'CLASS_NO_BOXES', 'CLASS_MISSING_IN_SPLIT', 'POLYGONS_MIXED', 'POLYGONS_NONE']);

/** A fixture's dataset copied to `<tmp>/<name>`; returns the tmp folder. */
async function copyDataset(fixture: string, sub: string, name = 'input'): Promise<string> {
  const dir = await tempDir('yw-check-dataset-');
  await cp(join(FIXTURES, fixture, sub), join(dir, name), { recursive: true });
  return dir;
}

async function checkJson(dir: string, args: string[] = []) {
  const before = await listAll(dir);
  const run = await runCli(['check', 'input', '--json', ...args], { cwd: dir });
  expect(await listAll(dir), 'yw check wrote something').toEqual(before);
  return { run, json: JSON.parse(run.stdout) as { findings: Finding[]; profile: any; [key: string]: any } };
}

const DATASETS: { fixture: string; sub: string }[] = [
  ...['convert-split-folders', 'convert-ultralytics', 'convert-single', 'convert-side-by-side', 'convert-polygons', 'convert-dirty-labels', 'convert-exif', 'check-dataset'].map((fixture) => ({ fixture, sub: 'input' })),
  { fixture: 'sample-helmet', sub: '.' },
];

describe('yw check <dataset-root> reports what yw convert reports', () => {
  for (const d of DATASETS) {
    it(`${d.fixture}: same findings as convert (codes, files, lines, messages), nothing written`, async () => {
      const dir = await copyDataset(d.fixture, d.sub);
      const { run, json } = await checkJson(dir);
      const converted = await runCli(['convert', 'input', '--report', 'convert-report.json'], { cwd: dir });
      const report = JSON.parse(await readFile(join(dir, 'convert-report.json'), 'utf8')) as { findings: Finding[]; summary: any };
      expect(converted.code).toBe(report.findings.some((f) => f.severity === 'error') ? 1 : 0);
      const own = json.findings.filter((f) => !PROFILE_CODES.has(f.code));
      expect(sortFindings(own)).toEqual(report.findings);
      // The profile counts the same images and annotations convert writes.
      for (const split of report.summary.splits) {
        const mine = json.profile.splits.find((s: any) => s.name === split.name);
        expect([mine.images, mine.boxes, mine.background]).toEqual([split.images, split.annotations, split.background]);
      }
      expect(run.code).toBe(report.findings.some((f) => f.severity === 'error') ? 1 : 0);
    });
  }
});

describe('yw check <dataset-root> --val-fraction', () => {
  it('profiles the train and val splits yw convert --val-fraction writes, with the same findings', async () => {
    const dir = await copyDataset('export-labelimg', 'input');
    const { run, json } = await checkJson(dir, ['--val-fraction', '0.4', '--seed', '7']);
    expect(run.code).toBe(0);
    const converted = await runCli(['convert', 'input', '--val-fraction', '0.4', '--seed', '7', '--report', 'convert-report.json'], { cwd: dir });
    expect(converted.code).toBe(0);
    const report = JSON.parse(await readFile(join(dir, 'convert-report.json'), 'utf8')) as { findings: Finding[]; summary: any };
    expect(sortFindings(json.findings.filter((f) => !PROFILE_CODES.has(f.code)))).toEqual(report.findings);
    expect(json.findings.map((f) => f.code)).not.toContain('SPLIT_NO_VAL');
    const counts = (splits: any[]) => splits.map((s) => [s.name, s.images]);
    expect(counts(json.profile.splits)).toEqual(counts(report.summary.splits));
    expect(counts(json.profile.splits).map(([name]) => name)).toEqual(['train', 'val']);
    // The same images: the val file names convert wrote are the ones the profile counted under val.
    const val = JSON.parse(await readFile(join(dir, 'input/annotations/val.json'), 'utf8')) as { images: unknown[] };
    expect(json.splits.find((s: any) => s.name === 'val').images).toBe(val.images.length);
  });

  it('refuses a dataset that has its splits, as yw convert does', async () => {
    const dir = await copyDataset('convert-split-folders', 'input');
    const run = await runCli(['check', 'input', '--val-fraction', '0.2'], { cwd: dir });
    expect([run.code, run.stderr]).toEqual([1, expect.stringContaining('[VAL_FRACTION_NEEDS_ONE_SPLIT]')]);
  });
});

describe('yw check <dataset-root> profile', () => {
  it('counts the check-dataset fixture as worked out by hand from its label files', async () => {
    const dir = await copyDataset('check-dataset', 'input');
    const { run, json } = await checkJson(dir);
    expect(run.code).toBe(0);
    expect(json.root).toBe('input');
    expect(json.layout).toBe('split-folders');
    expect(json.classes).toEqual({ source: 'classes.txt', names: ['car', 'person', 'bike', 'boat'] });
    const [train, val] = json.profile.splits;
    // t1: 20x20 (400), 60x60 (3600), 160x100 (16000); t2: square polygon 48x48 (2304), triangle 288; tiny: 12x20 (240); bg: none.
    expect(train).toMatchObject({ name: 'train', images: 4, withBoxes: 3, background: 1, boxes: 6, polygons: 2, boxesOnly: 4, polygonPresence: 'some', areas: { small: 3, medium: 2, large: 1 }, underMinSide: 1 });
    expect(train.boxesPerImage).toMatchObject({ min: 0, median: 1, p95: 3, max: 3 });
    // v1: 128x128 (16384), 25.6x25.6 (655.36); v2: empty label file.
    expect(val).toMatchObject({ name: 'val', images: 2, withBoxes: 1, background: 1, boxes: 2, polygons: 0, areas: { small: 1, medium: 0, large: 1 }, underMinSide: 0 });
    expect(val.boxesPerImage).toMatchObject({ min: 0, median: 0, p95: 2, max: 2 });
    expect(json.profile.total).toMatchObject({ images: 6, boxes: 8, polygons: 2, polygonPresence: 'some', areas: { small: 4, medium: 2, large: 2 } });
    expect(json.profile.total.boxesPerImage.histogram.filter((b: any) => b.images > 0)).toEqual([
      { from: 0, to: 0, images: 2 }, { from: 1, to: 1, images: 1 }, { from: 2, to: 2, images: 2 }, { from: 3, to: 5, images: 1 },
    ]);
    expect(json.profile.classes.map((c: any) => [c.name, c.boxes, c.images])).toEqual([
      ['car', { train: 3, val: 1 }, { train: 2, val: 1 }],
      ['person', { train: 2, val: 1 }, { train: 2, val: 1 }],
      ['bike', { train: 1, val: 0 }, { train: 1, val: 0 }],
      ['boat', { train: 0, val: 0 }, { train: 0, val: 0 }],
    ]);
    expect(json.profile.imageSizes).toEqual({
      distinct: 5, other: 0, min: { width: 24, height: 40 }, max: { width: 200, height: 128 },
      top: [{ width: 64, height: 64, images: 2 }, { width: 128, height: 128, images: 1 }, { width: 200, height: 100, images: 1 }, { width: 24, height: 40, images: 1 }, { width: 96, height: 96, images: 1 }],
    });
    const profileFindings = json.findings.filter((f) => PROFILE_CODES.has(f.code)).map((f) => [f.code, f.severity, f.file ?? f.data?.class]);
    expect(profileFindings).toEqual([
      ['IMAGE_TOO_SMALL', 'warning', 'input/train/images/tiny.jpg'],
      ['CLASS_MISSING_IN_SPLIT', 'warning', 'bike'],
      ['CLASS_NO_BOXES', 'warning', 'boat'],
      ['POLYGONS_MIXED', 'warning', undefined],
    ]);
  });

  it('says polygons are absent (info) and keeps a clean dataset at exit 0 even with --strict', async () => {
    const dir = await copyDataset('sample-helmet', '.');
    const { run, json } = await checkJson(dir, ['--strict']);
    expect(run.code).toBe(0);
    expect(json.findings.map((f) => [f.code, f.severity])).toEqual([['POLYGONS_NONE', 'info']]);
    expect(json.profile.total.polygonPresence).toBe('none');
  });

  it('exit codes: warnings 0, warnings with --strict 1, errors 1', async () => {
    const warnings = await copyDataset('check-dataset', 'input');
    expect((await runCli(['check', 'input', '--quiet'], { cwd: warnings })).code).toBe(0);
    expect((await runCli(['check', 'input', '--quiet', '--strict'], { cwd: warnings })).code).toBe(1);
    const errors = await copyDataset('convert-dirty-labels', 'input');
    const run = await runCli(['check', 'input'], { cwd: errors });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/\n\d+ error\(s\), \d+ warning\(s\), \d+ info\n$/);
  });

  it('--report writes every finding and the summary; --quiet prints nothing', async () => {
    const dir = await copyDataset('convert-dirty-labels', 'input');
    const json = (await checkJson(dir)).json;
    const run = await runCli(['check', 'input', '--quiet', '--report', 'r.json'], { cwd: dir });
    expect([run.stdout, run.stderr]).toEqual(['', '']);
    const report = JSON.parse(await readFile(join(dir, 'r.json'), 'utf8'));
    expect(report.command).toBe('check');
    expect(report.findings).toEqual(sortFindings(json.findings));
    expect(report.summary.profile).toEqual(json.profile);
    const again = await runCli(['check', 'input', '--report', 'r.json'], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('OUTPUT_EXISTS');
  });

  it('reads the layout and classes options as convert does', async () => {
    const dir = await copyDataset('check-dataset', 'input');
    await cp(join(FIXTURES, 'check-dataset/input/classes.txt'), join(dir, 'other.txt'));
    const { json } = await checkJson(dir, ['--layout', 'split-folders', '--classes', 'other.txt']);
    expect(json.classes.source).toBe('other.txt');
    const wrong = await runCli(['check', 'input', '--layout', 'ultralytics'], { cwd: dir });
    expect(wrong.code).toBe(1);
  });
});

describe('yw check <dataset-root> readable report (golden)', () => {
  for (const fixture of ['check-dataset', 'convert-dirty-labels']) {
    it(fixture, async () => {
      const dir = await copyDataset(fixture, 'input');
      const run = await runCli(['check', 'input'], { cwd: dir });
      await expect(`exit ${run.code}\n--- stdout\n${run.stdout}--- stderr\n${run.stderr}`).toMatchFileSnapshot(join(FIXTURES, fixture, 'expected', 'check', 'console.txt'));
    });
  }
});
