import { execFileSync } from 'node:child_process';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { listTree } from '../../src/io/fs/list-files.js';
import { TextReader } from '../../src/io/fs/read-in-order.js';
import { forEachLabel } from '../../src/io/dataset/split-labels.js';
import type { Finding } from '../../src/core/findings.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/tmp.js';

/**
 * Issue 11, point 10: a label path that is a broken link, a folder, a FIFO (or a link to one) is an
 * error finding, not a background image, and nothing ever blocks on the FIFO.
 */

const mkfifo = (path: string) => execFileSync('mkfifo', [path]);

/** images/{a..f}.jpg (real JPEGs) with labels/a.txt a real label and b..f.txt the hostile kinds. */
async function hostileLabels(): Promise<string> {
  const root = await tempDir();
  await mkdir(join(root, 'images'));
  await mkdir(join(root, 'labels'));
  await writeFile(join(root, 'classes.txt'), 'helmet\n');
  const jpeg = await sharp({ create: { width: 16, height: 12, channels: 3, background: '#806040' } }).jpeg().toBuffer();
  for (const stem of 'abcdefg') await writeFile(join(root, 'images', `${stem}.jpg`), jpeg);
  await writeFile(join(root, 'labels', 'a.txt'), '0 0.5 0.5 0.25 0.25\n');
  mkfifo(join(root, 'labels', 'b.txt'));
  await mkdir(join(root, 'labels', 'c.txt'));
  await symlink(join(root, 'nowhere.txt'), join(root, 'labels', 'd.txt'));
  await symlink('b.txt', join(root, 'labels', 'f.txt')); // a link to the FIFO
  await symlink(join(root, 'gone.jpg'), join(root, 'images', 'h.jpg'));
  return root;
}

const EXPECTED = [
  'error LABEL_NOT_A_FILE labels/b.txt: label file is a FIFO, not a regular file; image kept without boxes',
  'error LABEL_NOT_A_FILE labels/c.txt: label file is a folder, not a regular file; image kept without boxes',
  'error LABEL_NOT_A_FILE labels/d.txt: label file is a broken symbolic link, not a regular file; image kept without boxes',
  'error LABEL_NOT_A_FILE labels/f.txt: label file is a symbolic link to a FIFO, not a regular file; image kept without boxes',
];

describe('label paths that are not regular files', () => {
  it('yw convert reports each kind as LABEL_NOT_A_FILE, never opens the FIFO, and converts the rest', async () => {
    const root = await hostileLabels();
    const run = await runCli(['convert', '.', '--report', 'report.json'], { cwd: root });
    expect(run.code).toBe(1); // the outputs are written; the error findings make it exit 1
    for (const line of EXPECTED) expect(run.stderr).toContain(line);
    expect(run.stderr).toContain('error IMAGE_UNREADABLE images/h.jpg: a broken symbolic link, not an image file; image excluded (put the image file there, or remove the entry)');
    expect(run.stderr).not.toContain('IMAGE_WITHOUT_LABEL labels/b.txt');
    expect(run.stdout).toContain('train  7 images (6 without boxes), 1 annotation');
    const report = JSON.parse(await readFile(join(root, 'report.json'), 'utf8')) as { findings: Finding[] };
    expect(report.findings.filter((f) => f.code === 'LABEL_NOT_A_FILE').map((f) => f.hint)).toEqual(Array(4).fill('put the YOLO label text file there, or remove this entry if the image has no objects'));
    expect((await runCli(['convert', '.', '--force', '--strict'], { cwd: root })).code).toBe(1);
  });

  it('yw check <root> reports the same and exits 1', async () => {
    const root = await hostileLabels();
    const run = await runCli(['check', '.'], { cwd: root });
    expect(run.code).toBe(1);
    for (const path of ['b', 'c', 'd', 'f']) expect(run.stdout).toContain(`LABEL_NOT_A_FILE  labels/${path}.txt`);
  });

  it('listTree names what each non-file is; listFiles still lists only files', async () => {
    const root = await hostileLabels();
    const tree = await listTree(root);
    expect(tree.files).toEqual(['classes.txt', ...'abcdefg'.split('').map((s) => `images/${s}.jpg`), 'labels/a.txt']);
    expect(Object.fromEntries(tree.notFiles)).toEqual({
      images: 'a folder',
      'images/h.jpg': 'a broken symbolic link',
      labels: 'a folder',
      'labels/b.txt': 'a FIFO',
      'labels/c.txt': 'a folder',
      'labels/d.txt': 'a broken symbolic link',
      'labels/f.txt': 'a symbolic link to a FIFO',
    });
  });

  it('a label link that loops is the OS error ELOOP for the whole run (as any looping link in the dataset)', async () => {
    const root = await hostileLabels();
    await symlink('e.txt', join(root, 'labels', 'e.txt'));
    const run = await runCli(['convert', '.'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(join(root, 'labels', 'e.txt'));
    expect(run.stderr).toContain('[FS_ELOOP]');
  });

  it('the label reader opens without blocking: a FIFO that appears after the listing is a finding, not a hang', async () => {
    const root = await tempDir();
    mkfifo(join(root, 'late.txt'));
    expect(() => new TextReader().read(join(root, 'late.txt'))).toThrow(expect.objectContaining({ code: 'NOT_A_FILE' }));
    const findings: Finding[] = [];
    const texts: Array<string | undefined> = [];
    const image = { path: 'x.jpg', fileName: 'x.jpg', width: 4, height: 4, labelPath: 'late.txt' };
    await forEachLabel(root, { name: 'train', dataPrefix: '', images: [image] }, findings, (_image, text) => void texts.push(text));
    expect(texts).toEqual([undefined]);
    expect(findings).toEqual([expect.objectContaining({ code: 'LABEL_NOT_A_FILE', severity: 'error', file: 'late.txt', message: 'label file is not a regular file; image kept without boxes' })]);
  });

  it('a list file naming the broken image link: the list says what it is, not "not an image of the dataset"', async () => {
    const root = await hostileLabels();
    await writeFile(join(root, 'train.txt'), 'images/a.jpg\nimages/h.jpg\n');
    await writeFile(join(root, 'val.txt'), 'images/b.jpg\n');
    const run = await runCli(['convert', '.'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error IMAGE_UNREADABLE images/h.jpg: a broken symbolic link, not an image file; image excluded');
    expect(run.stderr).toContain('warning LIST_ENTRY_MISSING train.txt:2: "images/h.jpg" is a broken symbolic link, not an image file; not used');
    expect(run.stderr).not.toContain('is not an image of the dataset');
  });

  it('an empty label file is still an image without boxes, with no finding', async () => {
    const root = await tempDir();
    await writeFile(join(root, 'empty.txt'), '');
    expect(new TextReader().read(join(root, 'empty.txt'))).toBe('');
  });
});
