import { copyFile, lstat, rename, rm, symlink } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { YwError } from '../../errors.js';

export type LinkKind = 'symlink' | 'copy';

/**
 * Makes `link` point at `target` with a relative symlink, or a copy where symlinks are not possible
 * (Windows without developer mode, some network/FAT file systems). Replaces an existing `link` only
 * with `force`; the swap goes through a temporary name so `link` is never half-made.
 */
export interface LinkOptions {
  force: boolean;
  command: string;
  /** Replaceable so that tests can make symlinks fail as they do on Windows without developer mode. */
  makeSymlink?: (target: string, path: string) => Promise<void>;
}

export async function linkOrCopy(target: string, link: string, options: LinkOptions): Promise<LinkKind> {
  const existing = await lstat(link).catch(() => undefined);
  if (existing !== undefined && !options.force) {
    throw new YwError('OUTPUT_EXISTS', `${link} already exists`, { file: link, hint: `run \`${options.command} ... --force\` to replace it` });
  }
  const temp = join(dirname(link), `.${basename(link)}.${process.pid}.tmp`);
  await rm(temp, { force: true });
  let kind: LinkKind = 'symlink';
  try {
    await (options.makeSymlink ?? symlink)(relative(dirname(link), target), temp);
  } catch {
    kind = 'copy';
    await copyFile(target, temp).catch((error: unknown) => {
      throw new YwError('WRITE_FAILED', `could not link or copy ${target} to ${link}: ${String(error)}`, { file: link, cause: error });
    });
  }
  await rename(temp, link);
  return kind;
}
