import { describe, expect, it } from 'vitest';
import { lstat, readFile, readdir, readlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { linkOrCopy } from '../../../src/io/fs/link-file.js';
import { tempDir } from '../../helpers/tmp.js';

describe('linkOrCopy', () => {
  it('makes a relative symlink', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'epoch_5.pth'), 'weights');
    expect(await linkOrCopy(join(dir, 'epoch_5.pth'), join(dir, 'best.pth'), { force: false, command: 'yw best' })).toBe('symlink');
    expect(await readlink(join(dir, 'best.pth'))).toBe('epoch_5.pth');
  });

  it('copies where symlinks fail, and leaves no temporary file', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'epoch_5.pth'), 'weights');
    const makeSymlink = async (): Promise<void> => {
      throw Object.assign(new Error('operation not permitted'), { code: 'EPERM' });
    };
    expect(await linkOrCopy(join(dir, 'epoch_5.pth'), join(dir, 'best.pth'), { force: false, command: 'yw best', makeSymlink })).toBe('copy');
    expect((await lstat(join(dir, 'best.pth'))).isSymbolicLink()).toBe(false);
    expect(await readFile(join(dir, 'best.pth'), 'utf8')).toBe('weights');
    expect((await readdir(dir)).sort()).toEqual(['best.pth', 'epoch_5.pth']);
    await expect(linkOrCopy(join(dir, 'epoch_5.pth'), join(dir, 'best.pth'), { force: false, command: 'yw best' })).rejects.toMatchObject({ code: 'OUTPUT_EXISTS' });
  });
});
