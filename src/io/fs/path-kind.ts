import type { Stats } from 'node:fs';
import { rmdir, stat } from 'node:fs/promises';

// What is at a path, asked without opening it (and removing an empty folder a writer made).

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
