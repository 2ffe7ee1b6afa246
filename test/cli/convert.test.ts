import { describe, expect, it } from 'vitest';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { convertFixture, FIXTURES, listAll } from '../helpers/convert-run.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/tmp.js';
import { LAYOUT_DESCRIPTIONS } from '../../src/core/dataset/layout.js';
import { summarizeCocoText } from '../../src/core/dataset/coco-summary.js';

describe('yw convert (CLI)', () => {
  it('refuses to overwrite existing outputs without --force, before doing any work', async () => {
    const first = await convertFixture('convert-single');
    expect(first.code).toBe(0);
    const before = await first.read('input/annotations/train.json');
    const again = await runCli(['convert', 'input', '--report', 'report.json'], { cwd: first.dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('[OUTPUT_EXISTS]');
    expect(again.stderr).toContain('input/annotations/train.json already exists');
    expect(again.stderr).toContain('--force');
    // Nothing else was written: no report, no temporary files.
    expect(await listAll(join(first.dir, 'input/annotations'))).toEqual(['train.json', 'val.json']);
    expect(await listAll(first.dir)).not.toContain('report.json');
    const forced = await runCli(['convert', 'input', '--force'], { cwd: first.dir });
    expect(forced.code).toBe(0);
    expect(await first.read('input/annotations/train.json')).toBe(before);
  });

  it('lists every layout it looked for when nothing matches', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'stuff'));
    await writeFile(join(dir, 'stuff', 'notes.md'), 'no images here\n');
    const run = await runCli(['convert', 'stuff'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[NO_LAYOUT]');
    for (const description of Object.values(LAYOUT_DESCRIPTIONS)) expect(run.stderr).toContain(description);
    expect(run.stderr).toContain('hint: ');
  });

  it('says when the root does not exist', async () => {
    const run = await runCli(['convert', 'nowhere'], { cwd: await tempDir() });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[ROOT_NOT_FOUND]');
  });

  it('exits 1 after writing when a finding is an error, on warnings only with --strict, 0 on a clean dataset', async () => {
    const dirty = await convertFixture('convert-dirty-labels');
    expect(dirty.code).toBe(1); // dropped label lines are errors, as in yw check
    expect(dirty.produced).toContain('input/annotations/train.json');
    const warned = await convertFixture('convert-polygons', ['--out', 'out', '--val-fraction', '0.5']);
    expect([warned.code, warned.stderr]).toEqual([0, expect.stringContaining('LABEL_CLIPPED')]); // one clipped polygon
    const strict = await convertFixture('convert-polygons', ['--strict', '--out', 'out', '--val-fraction', '0.5']);
    expect(strict.code).toBe(1);
    expect(strict.produced).toContain('out/train.json');
    const exif = await convertFixture('convert-exif', ['--strict', '--val-fraction', '0.25']);
    expect(exif.code).toBe(0);
    expect(exif.stderr).toBe('');
  });

  it('prints the summary as JSON with --json', async () => {
    const run = await convertFixture('convert-split-folders', ['--json']);
    expect(run.code).toBe(1); // broken.jpg cannot be read: an error finding
    const summary = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({
      root: 'input',
      layout: 'split-folders',
      classes: 3,
      images: 6,
      annotations: 6,
      excludedImages: { DUPLICATE_STEM: 1, IMAGE_UNSUPPORTED: 1 },
      findings: { error: 1, warning: 3, info: 1 },
    });
    expect((summary.splits as { name: string; file: string }[]).map((s) => [s.name, s.file])).toEqual([
      ['train', 'input/annotations/train.json'],
      ['val', 'input/annotations/val.json'],
      ['test', 'input/annotations/test.json'],
    ]);
  });

  it('writes every finding with file and line to --report, and prints nothing with --quiet', async () => {
    const run = await convertFixture('convert-dirty-labels', ['--report', 'r.json', '--quiet', '--val-fraction', '0.5']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('');
    const report = JSON.parse(await run.read('r.json')) as { findings: { code: string; file: string; line?: number }[]; counts: Record<string, number> };
    expect(report.findings).toHaveLength(17);
    expect(report.counts).toEqual({ error: 13, warning: 4, info: 0 });
    for (const f of report.findings) expect(f.file).toBe('input/labels/d1.txt');
    // Line 12 twice: clipped to the border, and then under 1 px wide (LABEL_TINY); the 6-value line 4
    // is kept, with one note for the file (no line) saying what its 6th value was taken for.
    expect(report.findings.map((f) => f.line ?? 0)).toEqual([0, 3, 5, 6, 7, 8, 9, 10, 11, 12, 12, 13, 14, 15, 16, 17, 18]);
  });

  it('writes to --out, with --classes overriding the dataset classes', async () => {
    const run = await convertFixture('convert-single', ['--out', 'coco', '--classes', 'names.txt'], (dir) =>
      writeFile(join(dir, 'names.txt'), 'kitten\npuppy\n'),
    );
    expect(run.code).toBe(0);
    expect(run.produced).toEqual(['coco/train.json', 'coco/val.json']);
    const coco = JSON.parse(await run.read('coco/train.json')) as { categories: unknown; info: unknown };
    expect(coco.categories).toEqual([{ id: 1, name: 'kitten' }, { id: 2, name: 'puppy' }]);
    expect(coco.info).toMatchObject({ yw: { split: 'train', data_prefix: 'images/' } });
  });

  it('rejects --val-fraction on a dataset that already has several splits', async () => {
    const run = await convertFixture('convert-split-folders', ['--val-fraction', '0.2']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[VAL_FRACTION_NEEDS_ONE_SPLIT]');
    expect(run.produced).toEqual([]);
    const bad = await convertFixture('convert-exif', ['--val-fraction', '1.5']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('between 0 and 1');
  });

  it('honours a forced --layout, and says when it finds no images for it', async () => {
    const run = await convertFixture('convert-single', ['--layout', 'split-folders']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[NO_IMAGES]');
    const bogus = await convertFixture('convert-single', ['--layout', 'darknet']);
    expect(bogus.code).toBe(1);
    expect(bogus.stderr).toContain('Allowed choices are split-folders, ultralytics, single, side-by-side');
  });

  it('writes the same bytes on every run', async () => {
    const a = await convertFixture('convert-ultralytics');
    const b = await convertFixture('convert-ultralytics');
    for (const file of a.produced) expect(await b.read(file)).toBe(await a.read(file));
  });

  it('produces COCO files that parse, with info, licenses and ids from 1, unique per file', async () => {
    const fixtures = ['convert-split-folders', 'convert-ultralytics', 'convert-single', 'convert-side-by-side', 'convert-polygons', 'convert-dirty-labels', 'convert-exif'];
    for (const fixture of fixtures) {
      const run = await convertFixture(fixture);
      const files = run.produced.filter((f) => f.endsWith('.json'));
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        const text = await run.read(file);
        const coco = JSON.parse(text) as {
          info: unknown; licenses: unknown;
          images: { id: number }[]; annotations: { id: number; image_id: number; bbox: number[]; area: number; iscrowd: number }[];
          categories: { id: number }[];
        };
        expect(coco.info, file).toBeTypeOf('object');
        expect(coco.licenses).toEqual([]);
        expect(summarizeCocoText(text, file).yw?.split).toBe(file.replace(/^.*\/(\w+)\.json$/, '$1'));
        expect(coco.images.map((i) => i.id)).toEqual(coco.images.map((_, i) => i + 1));
        expect(coco.annotations.map((a) => a.id)).toEqual(coco.annotations.map((_, i) => i + 1));
        expect(coco.categories[0]?.id).toBe(1);
        const imageIds = new Set(coco.images.map((i) => i.id));
        for (const a of coco.annotations) {
          expect(imageIds.has(a.image_id)).toBe(true);
          expect(a.iscrowd).toBe(0);
          expect(a.bbox[2]! * a.bbox[3]!).toBeGreaterThan(0);
          expect(a.area).toBeGreaterThan(0);
        }
      }
    }
  });

  it('converts the demo dataset: comma-separated classes.txt per split, names with spaces kept whole', async () => {
    const dir = await tempDir();
    await cp(join(FIXTURES, 'sample-helmet'), join(dir, 'helmet'), { recursive: true });
    const run = await runCli(['convert', 'helmet', '--strict'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('helmet: split-folders layout, 3 classes from train/classes.txt');
    const train = JSON.parse(await readFile(join(dir, 'helmet/annotations/train.json'), 'utf8')) as { categories: unknown; info: unknown };
    expect(train.categories).toEqual([{ id: 1, name: 'helmet' }, { id: 2, name: 'head' }, { id: 3, name: 'safety vest' }]);
    expect(train.info).toMatchObject({ yw: { split: 'train', data_prefix: 'train/images/' } });
  });

  it('writes display-frame sizes for EXIF-rotated JPEGs (orientations 5-8 swap width and height)', async () => {
    const run = await convertFixture('convert-exif');
    const coco = JSON.parse(await run.read('input/annotations/train.json')) as {
      images: { id: number; file_name: string; width: number; height: number }[];
      annotations: { image_id: number; bbox: number[] }[];
    };
    const sizes = Object.fromEntries(coco.images.map((i) => [i.file_name, [i.width, i.height]]));
    expect(sizes).toEqual({
      'orient1.jpg': [48, 32], 'orient3.jpg': [48, 32], 'orient5.jpg': [32, 48], 'orient6.jpg': [32, 48],
      'orient7.jpg': [32, 48], 'orient8.jpg': [32, 48], 'flat.png': [40, 24], 'tall.webp': [24, 40],
    });
    // The same normalised box (0.25 0.25 0.3 0.2) lands in the display frame of each image.
    const orient6 = coco.images.find((i) => i.file_name === 'orient6.jpg')!;
    expect(coco.annotations.find((a) => a.image_id === orient6.id)?.bbox).toEqual([3.2, 7.2, 9.6, 9.6]);
  });

  it('shows examples and the layout choices in --help', async () => {
    const run = await runCli(['convert', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Examples:');
    expect(run.stdout).toContain('--val-fraction');
    for (const layout of Object.keys(LAYOUT_DESCRIPTIONS)) expect(run.stdout).toContain(layout);
  });
});
