import { LegacyFormatError, parseLegacyHead, type LegacyHead } from '../../core/checkpoint/legacy.js';
import { PickleError } from '../../core/checkpoint/pickle-read.js';
import { DTYPES } from '../../core/checkpoint/storage.js';
import type { FileReader } from './file-reader.js';
import { notACheckpoint, type OpenedFormat, type StorageLocation } from './open-checkpoint.js';

/**
 * Legacy files have no index: the pickles are read with a growing prefix of the file, then the
 * storages are found by walking their element counts (8 bytes read per storage, data skipped).
 */
export async function openLegacy(file: FileReader): Promise<OpenedFormat> {
  const head = await readHead(file);
  if (!head.littleEndian) throw notACheckpoint(file.name, 'it was saved on a big-endian machine, which yw does not read');
  const located = new Map<string, StorageLocation>();
  let at = head.dataStart;
  for (const key of head.keys) {
    const raw = await file.read(at, 8);
    const count = new DataView(raw.buffer, raw.byteOffset, 8).getBigInt64(0, true);
    const length = Number(count) * DTYPES[head.dtypes.get(key)!].size;
    if (count < 0n || !Number.isSafeInteger(length)) throw notACheckpoint(file.name, `storage ${key} has a bad size`);
    located.set(key, { offset: at + 8, length });
    at += 8 + length;
    if (at > file.size) throw file.cutShort(at);
  }
  return {
    root: head.root,
    extraRecords: [],
    async locate(key) {
      const where = located.get(key);
      if (!where) throw notACheckpoint(file.name, `storage ${key} is used by a tensor but not stored in the file`);
      return where;
    },
  };
}

async function readHead(file: FileReader): Promise<LegacyHead> {
  for (let length = 1 << 20; ; length *= 4) {
    const bytes = await file.read(0, Math.min(length, file.size));
    try {
      return parseLegacyHead(bytes);
    } catch (error) {
      if (error instanceof PickleError && error.truncated && bytes.length < file.size) continue;
      if (error instanceof PickleError && error.truncated) throw file.cutShort(file.size + 1);
      if (error instanceof PickleError || error instanceof LegacyFormatError) throw notACheckpoint(file.name, `legacy format: ${error.message}`);
      throw error;
    }
  }
}
