import { describe, expect, it } from 'vitest';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { FIXTURES, listAll } from '../helpers/convert-run.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/tmp.js';

/** `fixtures/<fixture>/<sub>` copied to `<tmp>/input`; returns the tmp folder. */
async function dataset(fixture: string, sub = 'input'): Promise<string> {
  const dir = await tempDir('yw-check-html-');
  await cp(join(FIXTURES, fixture, sub), join(dir, 'input'), { recursive: true });
  return dir;
}

/** Every `href="#x"` and `id="x"` of a page. */
function anchors(html: string) {
  return {
    links: [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!),
    ids: new Set([...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!)),
  };
}

describe('yw check <dataset-root> --html', () => {
  it('writes one page beside the same text report, and nothing else', async () => {
    const dir = await dataset('check-dataset');
    const plain = await runCli(['check', 'input'], { cwd: dir });
    const before = await listAll(dir);
    const run = await runCli(['check', 'input', '--html', 'report.html'], { cwd: dir });
    expect(run.code).toBe(plain.code);
    expect(run.stdout).toBe(plain.stdout);
    expect(run.stderr).toBe(`html report: ${join(dir, 'report.html')}\n`);
    expect(await listAll(dir)).toEqual([...before, 'report.html'].sort());
    const html = await readFile(join(dir, 'report.html'), 'utf8');
    for (const name of ['car', 'person', 'bike', 'boat']) expect(html).toMatch(new RegExp(`<h3>.*\\d ${name} <small>`));
    expect(html).toContain('<p class="empty">no boxes of this class in any split</p>'); // boat
  });

  it('refuses to overwrite the page without --force (before scanning), replaces it with --force', async () => {
    const dir = await dataset('check-dataset');
    await writeFile(join(dir, 'report.html'), 'mine');
    const refused = await runCli(['check', 'input', '--html', 'report.html'], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('[OUTPUT_EXISTS]');
    expect(await readFile(join(dir, 'report.html'), 'utf8')).toBe('mine');
    const forced = await runCli(['check', 'input', '--html', 'report.html', '--force', '--quiet'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(await readFile(join(dir, 'report.html'), 'utf8')).toMatch(/^<!doctype html>/);
    expect((await listAll(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // Same input, same bytes.
    const first = await readFile(join(dir, 'report.html'));
    await runCli(['check', 'input', '--html', 'report.html', '--force', '--quiet'], { cwd: dir });
    expect((await readFile(join(dir, 'report.html'))).equals(first)).toBe(true);
  });

  it('links every finding on a label line to the card of its image, and the card lists it', async () => {
    const dir = await dataset('convert-dirty-labels');
    const run = await runCli(['check', 'input', '--html', 'r.html', '--json'], { cwd: dir });
    const json = JSON.parse(run.stdout) as { findings: { code: string; file?: string; line?: number }[] };
    const html = await readFile(join(dir, 'r.html'), 'utf8');
    const { links, ids } = anchors(html);
    for (const link of links) expect(ids.has(link), link).toBe(true);
    const onFiles = json.findings.filter((f) => f.file);
    expect(onFiles.length).toBeGreaterThan(10);
    for (const f of onFiles) {
      const where = `${f.file}${f.line ? `:${f.line}` : ''}`;
      expect(html, where).toMatch(new RegExp(`<a href="#img-\\d+">${where.replace(/[.]/g, '\\.')}</a>`));
    }
  });

  it('links a finding on an image it could not draw to the file, relative to the page', async () => {
    const dir = await dataset('check-dataset');
    await writeFile(join(dir, 'input/train/images/broken.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 2]));
    await mkdir(join(dir, 'out'));
    const run = await runCli(['check', 'input', '--html', 'out/r.html', '--quiet'], { cwd: dir });
    expect(run.code).toBe(1); // IMAGE_UNREADABLE is an error
    const html = await readFile(join(dir, 'out/r.html'), 'utf8');
    expect(html).toContain('<a href="../input/train/images/broken.jpg">input/train/images/broken.jpg</a>');
  });

  it('embeds each thumbnail in the display frame: its aspect is the card\'s (EXIF orientation applied as for sizes)', async () => {
    const dir = await dataset('convert-exif');
    await runCli(['check', 'input', '--html', 'r.html'], { cwd: dir });
    const html = await readFile(join(dir, 'r.html'), 'utf8');
    const frames = new Map([...html.matchAll(/class="thumb t-(img-\d+)"[^>]*><svg viewBox="0 0 (\d+) (\d+)"/g)].map((m) => [m[1]!, [Number(m[2]), Number(m[3])]]));
    const rules = [...html.matchAll(/\.t-(img-\d+)\{background-image:url\("data:image\/jpeg;base64,([^"]+)"\)\}/g)];
    expect(rules.length).toBeGreaterThanOrEqual(6);
    for (const [, id, data] of rules) {
      const meta = await sharp(Buffer.from(data!, 'base64')).metadata();
      const [w, h] = frames.get(id!)!;
      expect([meta.width, meta.height], id).toEqual([w, h]); // images under 240 px keep their size
    }
    // orient6.jpg is stored 48x32 and decoded by mmcv as 32x48.
    const card = (name: string) => html.split('</figure>').find((f) => f.includes(`<span class="path">images/${name}</span>`))!;
    expect(card('orient6.jpg')).toContain('<svg viewBox="0 0 32 48"');
    expect(card('orient1.jpg')).toContain('<svg viewBox="0 0 48 32"');
  });

  it('--html reports on a dataset root only', async () => {
    const run = await runCli(['check', '--config', 'x.py', '--html', 'r.html']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[HTML_NEEDS_DATASET]');
  });
});
