import { intValue, strValue, type PickleNode } from './pickle-node.js';

/** Tensor element types as torch names them, with the storage class torch.save pickles for each. */
export const DTYPES = {
  float32: { storage: 'FloatStorage', size: 4 },
  float64: { storage: 'DoubleStorage', size: 8 },
  float16: { storage: 'HalfStorage', size: 2 },
  bfloat16: { storage: 'BFloat16Storage', size: 2 },
  int64: { storage: 'LongStorage', size: 8 },
  int32: { storage: 'IntStorage', size: 4 },
  int16: { storage: 'ShortStorage', size: 2 },
  int8: { storage: 'CharStorage', size: 1 },
  uint8: { storage: 'ByteStorage', size: 1 },
  bool: { storage: 'BoolStorage', size: 1 },
  complex64: { storage: 'ComplexFloatStorage', size: 8 },
  complex128: { storage: 'ComplexDoubleStorage', size: 16 },
} as const;
export type DType = keyof typeof DTYPES;

const BY_STORAGE = new Map<string, DType>(Object.entries(DTYPES).map(([dtype, d]) => [d.storage, dtype as DType]));

/** A storage a tensor points at: record `data/<key>` of a zip checkpoint, or a key of a legacy file. */
export interface StorageRef {
  key: string;
  dtype: DType;
  /** Elements, or undefined in pickles that do not record it (legacy files record it per storage). */
  numel: number | undefined;
  location: string;
  /** Legacy files only (torch < 1.6 could save storage views): the view starts this many elements into `key`'s data. */
  viewOffset?: number;
}

/**
 * Reads torch's persistent id for a storage: `('storage', torch.FloatStorage, '0', 'cpu', numel)` in
 * zip files, with a sixth item (a view, or None) in legacy files. Anything else is undefined.
 */
export function storageRef(node: PickleNode | undefined): StorageRef | undefined {
  if (node?.kind !== 'persid' || node.pid.kind !== 'tuple') return undefined;
  const [tag, type, key, location, numel, view] = node.pid.items;
  if (strValue(tag) !== 'storage' || type?.kind !== 'global' || type.module !== 'torch') return undefined;
  const dtype = BY_STORAGE.get(type.name);
  const k = strValue(key);
  if (dtype === undefined || k === undefined) return undefined;
  const ref: StorageRef = { key: k, dtype, numel: intValue(numel), location: strValue(location) ?? 'cpu' };
  if (view?.kind === 'tuple') {
    const [, offset, size] = view.items;
    const off = intValue(offset);
    if (off !== undefined) return { ...ref, numel: intValue(size), viewOffset: off };
  }
  return ref;
}

/** The storage class torch pickles for `dtype` (`torch.FloatStorage`, ...). */
export function storageClass(dtype: DType): string {
  return DTYPES[dtype].storage;
}

/** Every child of a node, for walks over the whole graph. */
export function children(node: PickleNode): PickleNode[] {
  switch (node.kind) {
    case 'tuple':
    case 'list':
    case 'set':
      return node.items;
    case 'dict':
      return node.entries.flat();
    case 'persid':
      return [node.pid];
    case 'object': {
      const out = [node.callable, node.args, ...(node.kwargs ? [node.kwargs] : [])];
      for (const op of node.ops) {
        if (op.op === 'build') out.push(op.state);
        else if (op.op === 'appends') for (const item of op.items) out.push(item);
        else for (const [k, v] of op.entries) out.push(k, v);
      }
      return out;
    }
    default:
      return [];
  }
}

/** Every storage persistent id in the graph (iterative: graphs can be deep and cyclic). */
export function storageRefs(root: PickleNode): StorageRef[] {
  const seen = new Set<PickleNode>();
  const out: StorageRef[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    const ref = storageRef(node);
    if (ref) out.push(ref);
    for (const child of children(node)) stack.push(child);
  }
  return out;
}
