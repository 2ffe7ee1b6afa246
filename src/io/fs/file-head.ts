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
