import { lstat, mkdir, open, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { YwError } from '../../errors.js';
import { osError } from './os-error.js';
import { assertWritable, publish, type WriteOptions } from './output-path.js';
import { forgetTemp, trackTemp } from './temp-files.js';

export { assertWritable, beginRun, type WriteOptions } from './output-path.js';

/*
 * Every file yw writes goes through here: it is written to a hidden temporary sibling (registered
 * in temp-files.ts, so an error or a signal removes it) and appears under its name only when
 * complete, by the rules of output-path.ts (regular files only, no replacing without --force, not
 * even by a second run that finished first).
 */

let counter = 0;

interface Temp {
  path: string;
  handle: FileHandle;
}

/** Creates the temporary sibling exclusively (never following a planted link) and registers it. */
async function createTemp(path: string): Promise<Temp> {
  await makeFolder(dirname(path));
  counter += 1;
  const temp = join(dirname(path), `.${basename(path).slice(0, 200)}.${process.pid}.${counter}.tmp`);
  const handle = await open(temp, 'wx');
  trackTemp(temp);
  return { path: temp, handle };
}

/**
 * mkdir -p. Node's recursive mkdir reports ENOENT where the real reason is EROFS or EACCES; the
 * plain mkdir of the first missing folder then says what it is.
 */
async function makeFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    let missing = dir;
    while (dirname(missing) !== missing && !(await lstat(dirname(missing)).then(() => true, () => false))) missing = dirname(missing);
    await mkdir(missing);
    throw error;
  }
}

async function discard(temp: Temp): Promise<void> {
  await temp.handle.close().catch(() => undefined);
  await unlink(temp.path).catch(() => undefined);
  forgetTemp(temp.path);
}

async function writeAll(handle: FileHandle, data: string | Uint8Array): Promise<void> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  for (let at = 0; at < bytes.length; ) {
    const { bytesWritten } = await handle.write(bytes, at, bytes.length - at);
    if (bytesWritten === 0) throw new Error('the file system accepted no bytes');
    at += bytesWritten;
  }
}

/** Writes the whole file to a temporary sibling, then publishes it (see output-path.ts). */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: WriteOptions): Promise<void> {
  await assertWritable(path, options);
  let temp: Temp | undefined;
  try {
    temp = await createTemp(path);
    await writeAll(temp.handle, data);
    await temp.handle.close();
    await publish(temp.path, path, options);
  } catch (error) {
    if (temp) await discard(temp);
    throw writeError(path, error);
  }
}

/**
 * A streamed file that appears at `path` only when `commit()` succeeds; `abort()` (or a failure)
 * leaves nothing behind, and after a commit that created the file, `abort()` removes it again (a
 * run that writes several files and fails on a later one does not leave half its outputs).
 */
export interface AtomicStream {
  write(chunk: string): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

export async function openAtomicStream(path: string, options: WriteOptions): Promise<AtomicStream> {
  await assertWritable(path, options);
  let temp: Temp;
  try {
    temp = await createTemp(path);
  } catch (error) {
    throw writeError(path, error);
  }
  const { ino } = await temp.handle.stat();
  // One write in flight while the caller builds the next chunk; a failure surfaces at the next call.
  let inFlight: Promise<void> = Promise.resolve();
  let failure: unknown;
  let created = false;
  const settle = async (): Promise<void> => {
    await inFlight;
    if (failure !== undefined) throw writeError(path, failure);
  };
  return {
    async write(chunk) {
      await settle();
      inFlight = writeAll(temp.handle, chunk).catch((error: unknown) => {
        failure = error;
      });
    },
    async commit() {
      try {
        await settle();
        await temp.handle.close();
        created = await publish(temp.path, path, options);
      } catch (error) {
        await discard(temp);
        throw writeError(path, error);
      }
    },
    async abort() {
      await inFlight;
      await discard(temp);
      // Only a file this run created, and only while it is still the one it wrote.
      if (created && (await lstat(path).catch(() => undefined))?.ino === ino) await unlink(path).catch(() => undefined);
    },
  };
}

/**
 * A file written by position (a zip whose local headers get their CRC once the data is through) that
 * appears at `path` only on `commit()`, by the same rules; `abort()` leaves nothing behind.
 * `symlinkIsOurs`: the output may replace a link (best.pth made by `yw best --link`).
 */
export interface AtomicFile {
  handle: FileHandle;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

export async function openAtomicFile(path: string, options: WriteOptions, symlinkIsOurs = false): Promise<AtomicFile> {
  await assertWritable(path, options, symlinkIsOurs);
  let temp: Temp;
  try {
    temp = await createTemp(path);
  } catch (error) {
    throw writeError(path, error);
  }
  return {
    handle: temp.handle,
    async commit() {
      try {
        await temp.handle.close();
        await publish(temp.path, path, options, symlinkIsOurs);
      } catch (error) {
        await discard(temp);
        throw writeError(path, error);
      }
    },
    abort: () => discard(temp),
  };
}

/** What a failed write of `path` tells the user: an OS error as such, anything else as WRITE_FAILED. */
export function writeError(path: string, cause: unknown): YwError {
  if (cause instanceof YwError) return cause;
  const mapped = osError(cause, { path, verb: 'write' });
  if (mapped) return mapped;
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new YwError('WRITE_FAILED', `could not write ${path}: ${reason}`, {
    file: path,
    hint: 'check that the folder is writable and the disk has room',
    cause,
  });
}
