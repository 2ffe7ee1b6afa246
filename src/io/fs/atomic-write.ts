import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { YwError } from '../../errors.js';

export interface WriteOptions {
  /** Replace an existing file. Without it an existing file is a user error. */
  force: boolean;
  /** Shown in the "already exists" hint, e.g. "yw convert". */
  command?: string;
}

/** Throws OUTPUT_EXISTS unless the path is free or `force` is set. */
export async function assertWritable(path: string, options: WriteOptions): Promise<void> {
  if (options.force) return;
  const existing = await stat(path).catch(() => undefined);
  if (existing === undefined) return;
  const again = options.command ? `run \`${options.command} ... --force\`` : 'add --force';
  throw new YwError('OUTPUT_EXISTS', `${path} already exists`, {
    file: path,
    hint: `${again} to overwrite it, or choose another output path`,
  });
}

function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
}

/** Writes the whole file to a temporary sibling, then renames it into place. */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: WriteOptions): Promise<void> {
  await assertWritable(path, options);
  await mkdir(dirname(path), { recursive: true });
  const temp = tempPathFor(path);
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw writeError(path, error);
  }
}

/**
 * A streamed file that appears at `path` only when `commit()` succeeds; `abort()` (or a failure)
 * leaves nothing behind. For outputs too large to build as one string.
 */
export interface AtomicStream {
  write(chunk: string): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

export async function openAtomicStream(path: string, options: WriteOptions): Promise<AtomicStream> {
  await assertWritable(path, options);
  await mkdir(dirname(path), { recursive: true });
  const temp = tempPathFor(path);
  const stream: WriteStream = createWriteStream(temp, { encoding: 'utf8', highWaterMark: 1 << 20 });
  let failure: unknown;
  stream.on('error', (error) => {
    failure = error;
  });
  const write = (chunk: string): Promise<void> =>
    new Promise((resolve, reject) => {
      if (failure) return reject(writeError(path, failure));
      if (stream.write(chunk)) return resolve();
      stream.once('drain', resolve);
    });
  const close = (): Promise<void> =>
    new Promise((resolve, reject) => {
      stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
    });
  return {
    write,
    async commit() {
      try {
        await close();
        if (failure) throw failure;
        await rename(temp, path);
      } catch (error) {
        await rm(temp, { force: true });
        throw writeError(path, error);
      }
    },
    async abort() {
      stream.destroy();
      await rm(temp, { force: true });
    },
  };
}

function writeError(path: string, cause: unknown): YwError {
  if (cause instanceof YwError) return cause;
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new YwError('WRITE_FAILED', `could not write ${path}: ${reason}`, {
    file: path,
    hint: 'check that the folder is writable and the disk has room',
    cause,
  });
}
