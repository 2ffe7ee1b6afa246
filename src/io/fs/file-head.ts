import type { Stats } from 'node:fs';
import { rmdir, stat } from 'node:fs/promises';
import { YwError } from '../../errors.js';
import { osError } from './os-error.js';
import { openRegular } from './regular-file.js';

/** The first `bytes` bytes of a regular file (fewer if it is shorter), e.g. a .npy header. */
export async function readHead(path: string, bytes: number, what = 'file'): Promise<Uint8Array> {
  const handle = await openRegular(path, what);
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw osError(error, { path, what, verb: 'read' }) ??
      new YwError('READ_FAILED', `could not read ${path}: ${reason}`, { file: path, hint: 'check that the file is readable and run again', cause: error });
  } finally {
    await handle.close();
  }
}

/**
 * `stat`, or undefined when nothing is there (ENOENT, or ENOTDIR: a file where a folder is named).
 * Any other failure (EACCES, ELOOP, EIO) is thrown: "not found" would send the user the wrong way.
 */
export async function statIfExists(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

export async function isFile(path: string): Promise<boolean> {
  return (await statIfExists(path))?.isFile() ?? false;
}

export async function isDirectory(path: string): Promise<boolean> {
  return (await statIfExists(path))?.isDirectory() ?? false;
}

/**
 * Removes `path` if it is an empty folder (a writer that backs out removes the folder it made, so a
 * refusal leaves no trace); anything else, or a folder that is gone or not empty, is left as it is.
 */
export async function removeEmptyFolder(path: string): Promise<void> {
  await rmdir(path).catch(() => undefined);
}
