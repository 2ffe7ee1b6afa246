import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../../../src/io/fs/list-files.js';
import { tempDir } from '../../helpers/tmp.js';

async function touch(root: string, rel: string): Promise<void> {
  await mkdir(join(root, rel, '..'), { recursive: true });
  await writeFile(join(root, rel), '');
}

describe('listFiles', () => {
  it('leaves out names that are not UTF-8 and gives them, escaped, to badNames: two such names never collide', async () => {
    const root = await tempDir();
    const at = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => Buffer.from(p as string)));
    await touch(root, 'images/ok.jpg');
    await touch(root, 'images/real\uFFFDchar.jpg'); // a valid UTF-8 name holding U+FFFD is a name like any other
    writeFileSync(at(root, '/images/', [0x63, 0x61, 0x66, 0xe9], '.jpg'), ''); // café in Latin-1
    writeFileSync(at(root, '/images/', [0x63, 0x61, 0x66, 0xe8], '.jpg'), ''); // cafè: decodes to the same string
    mkdirSync(at(root, '/', [0xd6, 0xd0, 0xce, 0xc4])); // 中文 in GBK
    writeFileSync(at(root, '/', [0xd6, 0xd0, 0xce, 0xc4], '/x.jpg'), '');
    const bad: string[] = [];
    expect(await listFiles(root, bad)).toEqual(['images/ok.jpg', 'images/real\uFFFDchar.jpg']);
    expect(bad.sort()).toEqual(['\\xd6\\xd0\\xce\\xc4/', 'images/caf\\xe8.jpg', 'images/caf\\xe9.jpg']);
    expect(await listFiles(root)).toHaveLength(2);
  });

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

  it("gives the same list as node's recursive readdir without hidden paths, on the fixtures", async () => {
    for (const fixture of ['convert-split-folders', 'convert-ultralytics', 'convert-side-by-side', 'convert-exif', 'texts-converted']) {
      const root = join('fixtures', fixture);
      const entries = await readdir(root, { recursive: true, withFileTypes: true });
      const plain = entries
        .filter((e) => e.isFile())
        .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
        .filter((rel) => !rel.split('/').some((part) => part.startsWith('.')))
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      expect(plain.length).toBeGreaterThan(3);
      expect(await listFiles(root)).toEqual(plain);
    }
  });

  it('names a missing root and a root that is a file', async () => {
    const root = await tempDir();
    await touch(root, 'f.txt');
    await expect(listFiles(join(root, 'missing'))).rejects.toMatchObject({ code: 'ROOT_NOT_FOUND' });
    await expect(listFiles(join(root, 'f.txt'))).rejects.toMatchObject({ code: 'ROOT_NOT_A_FOLDER' });
  });
});
