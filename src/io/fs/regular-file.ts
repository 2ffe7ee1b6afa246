import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { YwError } from '../../errors.js';

export type RegularFileRead =
  | { kind: 'bytes'; bytes: Buffer }
  | { kind: 'missing' }
  /** A directory, a FIFO, a device...: never opened for reading, so `/dev/zero` or a pipe cannot hang a read. */
  | { kind: 'not-regular'; what: string }
  | { kind: 'too-large'; size: number };

/**
 * Reads a file only when it is a regular file of at most `maxBytes`: the type and size are checked
 * with stat before opening, and again on the open handle (opened non-blocking, so a FIFO swapped in
 * meanwhile cannot block). Other OS errors (EACCES, ELOOP...) become a READ_FAILED YwError.
 */
export async function readRegularFile(path: string, maxBytes: number): Promise<RegularFileRead> {
  let handle;
  try {
    const before = await stat(path);
    if (!before.isFile()) return { kind: 'not-regular', what: describe(before) };
    if (before.size > maxBytes) return { kind: 'too-large', size: before.size };
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = await handle.stat();
    if (!info.isFile()) return { kind: 'not-regular', what: describe(info) };
    if (info.size > maxBytes) return { kind: 'too-large', size: info.size };
    const bytes = await handle.readFile();
    return bytes.length > maxBytes ? { kind: 'too-large', size: bytes.length } : { kind: 'bytes', bytes };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    const reason = error instanceof Error ? error.message : String(error);
    throw new YwError('READ_FAILED', `could not read ${path}: ${reason}`, { file: path, cause: error });
  } finally {
    await handle?.close();
  }
}

function describe(info: Awaited<ReturnType<typeof stat>>): string {
  if (info.isDirectory()) return 'a directory';
  if (info.isFIFO()) return 'a FIFO';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}
