import { YwError } from '../../errors.js';
import { type PickleNode } from '../../core/checkpoint/pickle-node.js';
import { SNIFF_BYTES, sniffCheckpoint } from '../../core/checkpoint/sniff.js';
import { DTYPES } from '../../core/checkpoint/storage.js';
import { toFloat32 } from '../../core/checkpoint/tensor-data.js';
import { findTensors, storageExtent, type TensorInfo, type TensorLayout } from '../../core/checkpoint/tensors.js';
import { FileReader } from './file-reader.js';
import { openLegacy } from './legacy-file.js';
import { openZip } from './zip-file.js';

/** Where a storage's bytes are in the file. */
export interface StorageLocation {
  offset: number;
  length: number;
  /** From the zip's central directory (legacy files have none). */
  crc32?: number;
}

/** A zip record besides data.pkl and the storages (`version`, `byteorder`, ...): kept when writing back. */
export interface ExtraRecord {
  name: string;
  data: Uint8Array;
}

/** What the format-specific openers hand back. */
export interface OpenedFormat {
  root: PickleNode;
  locate(key: string): Promise<StorageLocation>;
  extraRecords: ExtraRecord[];
}

/**
 * An open torch checkpoint: its object graph and tensor list are read (the pickle only), tensor data
 * is read on demand, one tensor or one chunk at a time. Close it when done.
 */
export interface Checkpoint {
  /** The path as given (`name` when one was), for messages. */
  path: string;
  format: 'zip' | 'legacy';
  /** File size in bytes. */
  size: number;
  root: PickleNode;
  /** Every tensor reachable through dicts, lists and tuples (state dicts, EMA, optimizer state), in file order. */
  tensors: TensorInfo[];
  /** Zip records other than data.pkl and data/* (none for legacy files). */
  extraRecords: ExtraRecord[];
  locate(key: string): Promise<StorageLocation>;
  /** Raw bytes of the file into `buffer` (for copying storages in chunks through one buffer). */
  readInto(buffer: Buffer, offset: number, length: number): Promise<Uint8Array>;
  /**
   * One tensor's values as float32 in C order (any stored dtype but complex): all of it, or only `rows`
   * of its first axis, in that order (a few token rows of a 49,408-row embedding).
   */
  readFloat32(tensor: TensorLayout, rows?: readonly number[]): Promise<Float32Array>;
  close(): Promise<void>;
}

/** `name`: how messages name the file (the path as the user wrote it); default `path`. */
export async function openCheckpoint(path: string, name = path): Promise<Checkpoint> {
  const file = await FileReader.open(path, name);
  try {
    const sniffed = sniffCheckpoint(await file.read(0, SNIFF_BYTES, false), file.size);
    if (sniffed.format === 'none') throw notACheckpoint(name, sniffed.why);
    const opened = sniffed.format === 'zip' ? await openZip(file) : await openLegacy(file);
    return checkpoint(file, sniffed.format, opened);
  } catch (error) {
    await file.close();
    throw error;
  }
}

/** Opens, runs `use`, and closes even when `use` throws. */
export async function withCheckpoint<T>(path: string, use: (c: Checkpoint) => Promise<T>, name = path): Promise<T> {
  const c = await openCheckpoint(path, name);
  try {
    return await use(c);
  } finally {
    await c.close();
  }
}

export function notACheckpoint(path: string, why: string): YwError {
  return new YwError('CHECKPOINT_INVALID', `${path} is not a PyTorch checkpoint: ${why}`, {
    file: path,
    hint: 'download it again (torch.load would stop with "invalid load key" or a zip error)',
  });
}

function checkpoint(file: FileReader, format: 'zip' | 'legacy', opened: OpenedFormat): Checkpoint {
  const tensors = findTensors(opened.root);
  return {
    path: file.name,
    format,
    size: file.size,
    root: opened.root,
    tensors,
    extraRecords: opened.extraRecords,
    locate: opened.locate,
    readInto: (buffer, offset, length) => file.readInto(buffer, offset, length),
    async readFloat32(tensor, rows) {
      const where = await opened.locate(tensor.storage.key);
      const read = async (t: Pick<TensorLayout, 'dtype' | 'shape' | 'stride' | 'offset' | 'storage'>): Promise<Float32Array> => {
        const size = DTYPES[t.dtype].size;
        const start = ((t.storage.viewOffset ?? 0) + t.offset) * size;
        const length = storageExtent(t) * size;
        if (start + length > where.length) throw notACheckpoint(file.name, `a tensor reaches past the end of storage ${t.storage.key}`);
        return toFloat32(await file.read(where.offset + start, length), t);
      };
      if (!rows) return read(tensor);
      const [first = 0, ...rest] = tensor.shape;
      const perRow = rest.reduce((a, b) => a * b, 1);
      const out = new Float32Array(rows.length * perRow);
      for (const [i, r] of rows.entries()) {
        if (!Number.isInteger(r) || r < 0 || r >= first) throw new Error(`row ${r} is outside the tensor's ${first} rows`);
        out.set(await read({ ...tensor, shape: rest, stride: tensor.stride.slice(1), offset: tensor.offset + r * tensor.stride[0]! }), i * perRow);
      }
      return out;
    },
    close: () => file.close(),
  };
}
