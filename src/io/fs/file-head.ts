import { open, stat } from 'node:fs/promises';
import { YwError } from '../../errors.js';

/** The first `bytes` bytes of a file (fewer if it is shorter), e.g. a .npy header. */
export async function readHead(path: string, bytes: number): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(path, 'r');
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new YwError('READ_FAILED', `could not read ${path}: ${reason}`, { file: path, cause: error });
  } finally {
    await handle?.close();
  }
}

export async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

export async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}
