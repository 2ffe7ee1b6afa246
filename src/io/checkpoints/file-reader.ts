import { open, type FileHandle } from 'node:fs/promises';
import { YwError } from '../../errors.js';

/** Positional reads from one open file; every read is exact or a CHECKPOINT_INVALID "cut short". */
export class FileReader {
  /** `name`: the path as the user wrote it, for messages. */
  private constructor(readonly path: string, readonly name: string, private readonly handle: FileHandle, readonly size: number) {}

  static async open(path: string, name = path): Promise<FileReader> {
    let handle: FileHandle | undefined;
    try {
      handle = await open(path, 'r');
      const info = await handle.stat();
      if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      return new FileReader(path, name, handle, info.size);
    } catch (error) {
      await handle?.close();
      throw openError(name, error);
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

export function openError(path: string, error: unknown): YwError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return new YwError('FILE_NOT_FOUND', `checkpoint not found: ${path}`, { file: path, hint: 'check the path' });
  if (code === 'EISDIR') return new YwError('NOT_A_FILE', `${path} is a folder, expected a checkpoint file`, { file: path });
  const reason = error instanceof Error ? error.message : String(error);
  return new YwError('READ_FAILED', `could not read ${path}: ${reason}`, { file: path, cause: error });
}
