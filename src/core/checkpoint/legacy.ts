import { mappingGet, type PickleNode } from './pickle-node.js';
import { unpickle } from './pickle-read.js';
import { storageRefs, type DType } from './storage.js';

/**
 * The head of a legacy (torch < 1.6, or `_use_new_zipfile_serialization=False`) file: five pickles
 * back to back (magic number, protocol version, sys_info, the object, the storage keys), then each
 * storage as an int64 element count followed by its raw bytes, in key order.
 */
export interface LegacyHead {
  root: PickleNode;
  /** Storage keys in the order their data follows the pickles. */
  keys: string[];
  /** Element type of each key, from the persistent ids in `root`. */
  dtypes: Map<string, DType>;
  /** Offset of the first storage's element count. */
  dataStart: number;
  littleEndian: boolean;
}

export class LegacyFormatError extends Error {}

/** Throws PickleError with `truncated` when `bytes` ends before the pickles do (io then reads more). */
export function parseLegacyHead(bytes: Uint8Array): LegacyHead {
  const magic = unpickle(bytes, 0);
  const version = unpickle(bytes, magic.end);
  const sysInfo = unpickle(bytes, version.end);
  const object = unpickle(bytes, sysInfo.end);
  const keysPickle = unpickle(bytes, object.end);
  if (version.root.kind !== 'int' || version.root.value !== 1001) throw new LegacyFormatError('unknown legacy protocol version');
  const little = mappingGet(sysInfo.root, 'little_endian');
  const keyList = keysPickle.root;
  if (keyList.kind !== 'list' || keyList.items.some((k) => k.kind !== 'str')) throw new LegacyFormatError('the storage key list is not a list of strings');
  const keys = keyList.items.map((k) => (k.kind === 'str' ? k.value : ''));
  const dtypes = new Map<string, DType>();
  for (const ref of storageRefs(object.root)) dtypes.set(ref.key, ref.dtype);
  const missing = keys.find((k) => !dtypes.has(k));
  if (missing !== undefined) throw new LegacyFormatError(`storage ${missing} is listed but no tensor uses it`);
  return { root: object.root, keys, dtypes, dataStart: keysPickle.end, littleEndian: little?.kind !== 'bool' || little.value };
}
