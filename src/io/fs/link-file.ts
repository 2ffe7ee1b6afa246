import { constants } from 'node:fs';
import { copyFile, symlink, unlink } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { YwError } from '../../errors.js';
import { osError } from './os-error.js';
import { assertWritable, outputExists, publish, type WriteOptions } from './output-path.js';
import { forgetTemp, trackTemp } from './temp-files.js';

export type LinkKind = 'symlink' | 'copy';

/**
 * Makes `link` point at `target` with a relative symlink, or a copy where symlinks are not possible
 * (Windows without developer mode, some network/FAT file systems). The rules of output-path.ts
 * hold, except that a symbolic link at `link` counts as ours (it is what this function makes), so
 * --force replaces a link or a file there, never a folder or device. Without --force the link is
 * made under its final name (the kernel refuses if the name exists); with it, a temporary link is
 * renamed over the old one, so `link` is never missing or half-made.
 */
export interface LinkOptions {
  force: boolean;
  command: string;
  role?: string;
  /** Replaceable so that tests can make symlinks fail as they do on Windows without developer mode. */
  makeSymlink?: (target: string, path: string) => Promise<void>;
}

export async function linkOrCopy(target: string, link: string, options: LinkOptions): Promise<LinkKind> {
  const write: WriteOptions = { force: options.force, command: options.command, role: options.role ?? 'link' };
  await assertWritable(link, write, true);
  const makeSymlink = options.makeSymlink ?? symlink;
  const relativeTarget = relative(dirname(link), target);
  if (!options.force && (await tryDirect(() => makeSymlink(relativeTarget, link), link, write))) return 'symlink';
  const temp = join(dirname(link), `.${basename(link)}.${process.pid}.tmp`);
  await unlink(temp).catch(() => undefined);
  trackTemp(temp);
  try {
    // Without --force a symlink was tried above already; here it is the copy.
    const linked = options.force && (await makeSymlink(relativeTarget, temp).then(() => true, () => false));
    if (!linked) await copyFile(target, temp, constants.COPYFILE_EXCL);
    const kind: LinkKind = linked ? 'symlink' : 'copy';
    await publish(temp, link, write, true);
    return kind;
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    forgetTemp(temp);
    if (error instanceof YwError) throw error;
    throw osError(error, { path: link, verb: 'link or copy to' }) ?? new YwError('WRITE_FAILED', `could not link or copy ${target} to ${link}: ${String(error)}`, {
      file: link,
      hint: 'check that the work dir is writable and the disk has room',
      cause: error,
    });
  }
}

/** A symlink made under its final name: true when made, false when symlinks fail here (copy instead). */
async function tryDirect(make: () => Promise<void>, link: string, write: WriteOptions): Promise<boolean> {
  try {
    await make();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw outputExists(link, write, true);
    return false;
  }
}
