import type { FileHandle } from 'node:fs/promises';
import { YwError } from '../../errors.js';
import { osError } from '../fs/os-error.js';
import { openRegular } from '../fs/regular-file.js';
import type { WeightSource } from '../../core/tensors.js';
import {
  decodeFloats,
  parseSafetensorsHeader,
  readsAsFloat32,
  SAFETENSORS_PREFIX_BYTES,
  safetensorsHeaderLength,
  tensorRanges,
  type SafetensorsEntry,
} from '../../core/safetensors.js';

export interface ClosableWeightSource extends WeightSource {
  close(): Promise<void>;
}

/**
 * A model.safetensors opened for random access: the header is read once, then each tensor (or each
 * needed row of one) by position. The vision tower and unused token rows are never read.
 */
export async function openSafetensors(path: string, display: string): Promise<ClosableWeightSource> {
  // The regular-file gate: a FIFO or device named as the weights is refused, not opened.
  const handle = await openRegular(path, 'weights file');
  try {
    const size = (await handle.stat()).size;
    const prefix = await readExactly(handle, new Uint8Array(Math.min(SAFETENSORS_PREFIX_BYTES, size)), 0, display);
    const length = safetensorsHeaderLength(prefix, size, display);
    const header = await readExactly(handle, new Uint8Array(length), SAFETENSORS_PREFIX_BYTES, display);
    return source(handle, parseSafetensorsHeader(header, size, display), display);
  } catch (error) {
    await handle.close();
    throw error;
  }
}

function source(handle: FileHandle, entries: Map<string, SafetensorsEntry>, file: string): ClosableWeightSource {
  return {
    file,
    info: (name) => entries.get(name),
    async read(name, dest, rows) {
      const entry = entries.get(name);
      if (!entry) throw new Error(`${name} is not in ${file}`);
      for (const range of tensorRanges(entry, rows)) {
        const target = dest.subarray(range.dest, range.dest + range.count);
        if (readsAsFloat32(entry.dtype)) {
          await readExactly(handle, new Uint8Array(target.buffer, target.byteOffset, range.length), range.position, file);
        } else {
          decodeFloats(entry.dtype, await readExactly(handle, new Uint8Array(range.length), range.position, file), target);
        }
      }
    },
    close: () => handle.close(),
  };
}

/** Fills `into` from `position`; a file shorter than its header says is an error, not zeros. */
async function readExactly(handle: FileHandle, into: Uint8Array, position: number, file: string): Promise<Uint8Array> {
  let done = 0;
  while (done < into.length) {
    const { bytesRead } = await handle.read(into, done, into.length - done, position + done).catch((error: unknown) => {
      throw readFailed(file, error);
    });
    if (bytesRead === 0) {
      throw new YwError('SAFETENSORS_INVALID', `${file} ends at byte ${position + done}, before the data its header describes (truncated download?)`, {
        file,
        hint: 'download the model again: the weights file is incomplete',
      });
    }
    done += bytesRead;
  }
  return into;
}

function readFailed(file: string, error: unknown): YwError {
  const reason = error instanceof Error ? error.message : String(error);
  return osError(error, { path: file, what: 'weights file', verb: 'read' }) ??
    new YwError('READ_FAILED', `could not read ${file}: ${reason}`, { file, hint: 'check that the file is readable and run again', cause: error });
}
