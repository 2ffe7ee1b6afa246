import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmod, cp, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../helpers/run-cli.js';
import { CAN_DROP_PRIVILEGES, IS_ROOT, NOBODY, runBin, skipBecause } from '../helpers/run-bin.js';
import { tempDir } from '../helpers/tmp.js';
import { main } from '../../src/cli/main.js';
import { osError } from '../../src/io/fs/os-error.js';

// Issue 11, class 3: an OS error on a path the user gave or the dataset holds is an input problem:
// exit 1, the path, a fix (io/fs/os-error.ts, applied once in cli/main.ts). Exit 2 stays for bugs.

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** A copy of a small split-folders dataset at `<tmp>/ds`, readable by everyone (for the nobody cases). */
async function dataset(): Promise<string> {
  const dir = await tempDir();
  await cp(join(FIXTURES, 'convert-split-folders', 'input'), join(dir, 'ds'), { recursive: true });
  await chmod(dir, 0o755);
  return dir;
}

function expectUserError(run: { code?: number; status?: number; stderr: string }, code: string, path: string): void {
  expect(run.code ?? run.status, run.stderr).toBe(1);
  expect(run.stderr).toContain(path);
  expect(run.stderr).toContain(`[${code}]`);
  expect(run.stderr).toMatch(/\n {2}hint: \S/);
  expect(run.stderr).not.toContain('internal error');
  expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
}

describe('the errno table', () => {
  it('gives every listed errno its own code, the path and a fix', () => {
    for (const code of ['EACCES', 'EPERM', 'ENOENT', 'EROFS', 'ELOOP', 'EISDIR', 'ENOTDIR', 'EEXIST', 'ENOSPC', 'EDQUOT', 'EIO', 'EMFILE', 'ENAMETOOLONG']) {
      const error = Object.assign(new Error(`${code}: x`), { code, syscall: 'open', path: '/data/x.json' });
      const mapped = osError(error);
      expect(mapped?.code).toBe(`FS_${code}`);
      expect(mapped?.message).toContain('/data/x.json');
      expect(mapped?.hint.length).toBeGreaterThan(10);
    }
    expect(osError(new TypeError('a bug'))).toBeUndefined();
    expect(osError(Object.assign(new Error('odd'), { code: 'ERR_SOMETHING', syscall: 'open' }))).toBeUndefined();
  });

  it('anything else that escapes a command is still a bug: exit 2', async () => {
    let stderr = '';
    const code = await main(['texts', '--help'], {
      stdout: { write: () => { throw new TypeError('boom'); } },
      stderr: { write: (s: string) => (stderr += s) },
      cwd: process.cwd(), env: { NO_COLOR: '1' }, isTTY: false,
    });
    expect(code).toBe(2);
    expect(stderr).toContain('internal error: boom');
  });
});

describe('file-system errors on the user\'s paths exit 1 with the path and a fix', () => {
  it('a read-only dataset (EROFS): convert names the output it could not write', async (context) => {
    if (!IS_ROOT) return skipBecause(context, 'a read-only bind mount needs root');
    const dir = await dataset();
    const ro = join(dir, 'ro');
    await mkdir(ro);
    if (spawnSync('mount', ['--bind', join(dir, 'ds'), ro]).status !== 0) return skipBecause(context, 'mount --bind is not allowed here');
    try {
      spawnSync('mount', ['-o', 'remount,bind,ro', ro]);
      const run = await runCli(['convert', 'ro'], { cwd: dir });
      expectUserError(run, 'FS_EROFS', join(ro, 'annotations', 'train.json'));
      expect(run.stderr).toContain('read-only file system');
    } finally {
      spawnSync('umount', [ro]);
    }
  });

  it('an unwritable dataset root, an unreadable sub-folder and classes file, as a normal user (EACCES)', async (context) => {
    if (!CAN_DROP_PRIVILEGES) return skipBecause(context, 'needs root and setpriv to run as nobody');
    const dir = await dataset();
    await chmod(join(dir, 'ds'), 0o555);
    expectUserError(await runBin(['convert', 'ds'], { cwd: dir, user: NOBODY }), 'FS_EACCES', join(dir, 'ds', 'annotations', 'train.json'));
    await chmod(join(dir, 'ds'), 0o755);
    await mkdir(join(dir, 'ds', 'train', 'private'), { mode: 0o700 });
    const check = await runBin(['check', 'ds'], { cwd: dir, user: NOBODY });
    expectUserError(check, 'FS_EACCES', join(dir, 'ds', 'train', 'private'));
    expect(check.stderr).toContain('could not list');
    await writeFile(join(dir, 'secret.txt'), 'cat\n', { mode: 0o600 });
    expectUserError(await runBin(['texts', 'secret.txt', '-o', '/tmp/never.json'], { cwd: dir, user: NOBODY }), 'FS_EACCES', 'secret.txt');
  });

  it('a symlink loop in the dataset (ELOOP)', async () => {
    const dir = await dataset();
    await symlink('loop', join(dir, 'ds', 'train', 'loop'));
    expectUserError(await runCli(['check', 'ds'], { cwd: dir }), 'FS_ELOOP', join(dir, 'ds', 'train', 'loop'));
  });

  it('a link to a folder on /proc in the dataset, or /proc as the root, is refused, not walked', async () => {
    const dir = await dataset();
    await symlink('/proc/self', join(dir, 'ds', 'train', 'proc'));
    expectUserError(await runCli(['check', 'ds'], { cwd: dir }), 'KERNEL_FS_FOLDER', join(dir, 'ds', 'train', 'proc'));
    expectUserError(await runCli(['texts', '/proc'], { cwd: dir }), 'KERNEL_FS_FOLDER', '/proc');
  });

  it('--out naming a file, and an output under a file (ENOTDIR)', async () => {
    const dir = await dataset();
    await writeFile(join(dir, 'taken'), 'a file');
    expectUserError(await runCli(['convert', 'ds', '--out', 'taken'], { cwd: dir }), 'FS_ENOTDIR', join(dir, 'taken', 'train.json'));
    await writeFile(join(dir, 'classes.txt'), 'cat\n');
    expectUserError(await runCli(['texts', 'classes.txt', '-o', 'taken/x.json'], { cwd: dir }), 'FS_ENOTDIR', join(dir, 'taken', 'x.json'));
    expect(await readFile(join(dir, 'taken'), 'utf8')).toBe('a file');
  });
});
