import type { Stats } from 'node:fs';
import { link, lstat, open, realpath, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { YwError } from '../../errors.js';
import { osError } from './os-error.js';
import { forgetTemp, trackTemp } from './temp-files.js';

/**
 * The rules every output of yw follows (atomic-write.ts and link-file.ts apply them):
 * - Only a regular file is ever replaced, and only with --force. A symbolic link, folder, FIFO,
 *   device or socket at an output path is refused even with --force: replacing `/dev/null` (as root)
 *   or the link a user made is replacing something yw did not write.
 * - Without --force the final step cannot replace anything: the finished temporary file is
 *   hard-linked to the output name, which fails if that name appeared meanwhile (a second run).
 * - Two outputs of one run never share a file (`--report` naming the run's own train.json).
 */
export interface WriteOptions {
  /** Replace an existing regular file. Without it an existing file is a user error. */
  force: boolean;
  /** Shown in the "already exists" hint, e.g. "yw convert". */
  command?: string;
  /** What the file is to this run ("--report", "train split"); two different roles may not share a path. */
  role?: string;
}

/** Output paths of the current run by their real location, with the role each was claimed for. */
const claims = new Map<string, string>();

/** Forgets the previous run's outputs; `cli/main.ts` calls it when a run starts. */
export function beginRun(): void {
  claims.clear();
}

/**
 * Throws unless `path` may be written: free, or a regular file with `force`. Claims the path for
 * `options.role`. `symlinkIsOurs` lets an output that is itself a link (best.pth) replace a link.
 */
export async function assertWritable(path: string, options: WriteOptions, symlinkIsOurs = false): Promise<void> {
  const existing = await lstatOrUndefined(path);
  if (existing !== undefined) {
    if (!existing.isFile() && !(symlinkIsOurs && existing.isSymbolicLink())) throw notOurs(path, existing);
    if (!options.force) throw outputExists(path, options, false);
  }
  await claim(path, options.role ?? 'output');
}

async function claim(path: string, role: string): Promise<void> {
  const key = await canonical(path);
  const held = claims.get(key);
  if (held !== undefined && held !== role) {
    throw new YwError('OUTPUT_CLASH', `${path} would be both the ${held} and the ${role} of this run`, {
      file: path,
      hint: 'give each output its own path (e.g. another --report FILE)',
    });
  }
  claims.set(key, role);
}

/** `path` with its folder's symbolic links resolved, so two spellings of one file compare equal. */
async function canonical(path: string): Promise<string> {
  const parent = dirname(path);
  if (parent === path) return path;
  const real = await realpath(parent).catch(() => undefined);
  return join(real ?? (await canonical(parent)), basename(path));
}

async function lstatOrUndefined(path: string): Promise<Stats | undefined> {
  try {
    return await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw osError(error, { path, verb: 'write' }) ?? error;
  }
}

function notOurs(path: string, info: Stats): YwError {
  const kind = info.isSymbolicLink() ? 'a symbolic link' : info.isDirectory() ? 'a folder' : info.isFIFO() ? 'a FIFO (named pipe)'
    : info.isCharacterDevice() || info.isBlockDevice() ? 'a device' : info.isSocket() ? 'a socket' : 'not a regular file';
  return new YwError('OUTPUT_NOT_A_FILE', `${path} is ${kind}, not a file yw could have written; it is left as it is`, {
    file: path,
    hint: info.isSymbolicLink()
      ? 'name the file the link points to, or remove the link yourself (--force never replaces links, folders or devices)'
      : 'choose another output path (--force never replaces links, folders or devices)',
  });
}

export function outputExists(path: string, options: WriteOptions, raced: boolean): YwError {
  const again = options.command ? `run \`${options.command} ... --force\`` : 'add --force';
  const meanwhile = raced ? ' (another run wrote it while this one worked; nothing was replaced)' : '';
  return new YwError('OUTPUT_EXISTS', `${path} already exists${meanwhile}`, {
    file: path,
    hint: `${again} to overwrite it, or choose another output path`,
  });
}

/** Where hard links are impossible (FAT, some network and FUSE file systems). */
const LINKLESS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK']);

/**
 * Moves the finished `temp` to `path`; resolves to whether `path` was created (not replaced).
 * With `force`, a rename (replacing a regular file; anything else is refused again right before).
 * Without it, link(temp, path) then unlink(temp): the kernel refuses the link if `path` exists.
 * Where links are impossible, an exclusive create reserves the name first and the rename fills it.
 */
export async function publish(
  temp: string,
  path: string,
  options: WriteOptions,
  symlinkIsOurs = false,
  /** Replaceable so that tests can fail it as FAT or some FUSE file systems do (EPERM). */
  makeLink: (existing: string, created: string) => Promise<void> = link,
): Promise<boolean> {
  if (options.force) {
    const existing = await lstatOrUndefined(path);
    if (existing !== undefined && !existing.isFile() && !(symlinkIsOurs && existing.isSymbolicLink())) throw notOurs(path, existing);
    await rename(temp, path);
    forgetTemp(temp);
    return existing === undefined;
  }
  try {
    await makeLink(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') throw outputExists(path, options, true);
    if (!LINKLESS.has(code)) throw error;
    await reserveThenRename(temp, path, options);
    return true;
  }
  await unlink(temp);
  forgetTemp(temp);
  return true;
}

async function reserveThenRename(temp: string, path: string, options: WriteOptions): Promise<void> {
  try {
    await (await open(path, 'wx')).close();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw outputExists(path, options, true);
    throw error;
  }
  trackTemp(path); // an interrupted or failed run leaves no empty placeholder behind
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(path).catch(() => undefined);
    forgetTemp(path);
    throw error;
  }
  forgetTemp(temp);
  forgetTemp(path);
}
