import type { FileHandle } from 'node:fs/promises';
import { YwError } from '../../errors.js';
import { openRegular } from '../fs/regular-file.js';

/** Positional reads from one open file; every read is exact or a CHECKPOINT_INVALID "cut short". */
export class FileReader {
  /** `name`: the path as the user wrote it, for messages. */
  private constructor(readonly path: string, readonly name: string, private readonly handle: FileHandle, readonly size: number) {}

  /** Regular files only (a FIFO, device or /proc file is refused before it is read: io/fs/regular-file.ts). */
  static async open(path: string, name = path): Promise<FileReader> {
    let handle: FileHandle | undefined;
    try {
      handle = await openRegular(path, 'checkpoint');
      return new FileReader(path, name, handle, (await handle.stat()).size);
    } catch (error) {
      await handle?.close();
      throw renamed(error, path, name);
    }
  }

  /** `length` bytes at `offset`; fewer only when the file ends first and `exact` is false. */
  async read(offset: number, length: number, exact = true): Promise<Uint8Array> {
    const want = exact ? length : Math.max(0, Math.min(length, this.size - offset));
    return this.readInto(Buffer.allocUnsafe(want), offset, want);
  }

  /**
   * Reads into `buffer` (its first `length` bytes) and returns that part. Copying a large file through
   * one reused buffer is ~5x faster than a fresh 8 MB buffer per chunk (allocation and page faults).
   */
  async readInto(buffer: Buffer, offset: number, length: number): Promise<Uint8Array> {
    if (offset < 0 || offset + length > this.size) throw this.cutShort(offset + length);
    let done = 0;
    while (done < length) {
      const { bytesRead } = await this.handle.read(buffer, done, length - done, offset + done);
      if (bytesRead === 0) throw this.cutShort(offset + length);
      done += bytesRead;
    }
    return new Uint8Array(buffer.buffer, buffer.byteOffset, length);
  }

  cutShort(needed: number): YwError {
    return new YwError('CHECKPOINT_INVALID', `${this.name} is cut short: it has ${this.size} bytes, its own index needs ${needed}`, {
      file: this.name,
      hint: 'the download or copy did not finish; fetch the file again',
    });
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}

/** The error with the path as the user wrote it (`name`) in place of the one opened. */
function renamed(error: unknown, path: string, name: string): unknown {
  if (!(error instanceof YwError) || path === name) return error;
  return new YwError(error.code, error.message.replaceAll(path, name), { hint: error.hint.replaceAll(path, name), file: name, cause: error });
}
