import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../../src/io/list-files.js';
import { tempDir } from '../helpers/tmp.js';

async function touch(root: string, rel: string): Promise<void> {
  await mkdir(join(root, rel, '..'), { recursive: true });
  await writeFile(join(root, rel), '');
}

describe('listFiles', () => {
  it('lists files sorted by code unit, skipping hidden files and folders', async () => {
    const root = await tempDir();
    for (const f of ['b/img.jpg', 'B/img.jpg', 'a b/é.png', 'a/labels/x.txt', '.git/HEAD', 'a/.DS_Store', 'a/.cache/y.txt', 'Z.txt']) await touch(root, f);
    expect(await listFiles(root)).toEqual(['B/img.jpg', 'Z.txt', 'a b/é.png', 'a/labels/x.txt', 'b/img.jpg']);
  });

  it('follows symbolic links to files and folders, skips broken ones, and enters a loop once', async () => {
    const root = await tempDir();
    await touch(root, 'real/images/a.jpg');
    await touch(root, 'classes.txt');
    await symlink(join(root, 'real', 'images'), join(root, 'linked'));
    await symlink(join(root, 'classes.txt'), join(root, 'real', 'names.txt'));
    await symlink(join(root, 'nowhere'), join(root, 'real', 'broken.jpg'));
    await symlink(root, join(root, 'real', 'images', 'up'));
    expect(await listFiles(root)).toEqual(['classes.txt', 'linked/a.jpg', 'real/images/a.jpg', 'real/names.txt']);
  });

  it('gives the same list as the fast-glob call it replaced, on the fixtures', async () => {
    for (const fixture of ['convert-split-folders', 'convert-ultralytics', 'convert-side-by-side', 'convert-exif']) {
      const root = join('fixtures', fixture);
      const before = (await fg('**/*', { cwd: root, onlyFiles: true, dot: false, followSymbolicLinks: true })).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      expect(await listFiles(root)).toEqual(before);
    }
  });

  it('names a missing root and a root that is a file', async () => {
    const root = await tempDir();
    await touch(root, 'f.txt');
    await expect(listFiles(join(root, 'missing'))).rejects.toMatchObject({ code: 'ROOT_NOT_FOUND' });
    await expect(listFiles(join(root, 'f.txt'))).rejects.toMatchObject({ code: 'ROOT_NOT_A_FOLDER' });
  });
});
