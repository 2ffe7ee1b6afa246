import { int, str, type PickleNode } from './pickle-node.js';
import { DTYPES, children, storageRef, type DType } from './storage.js';

/** One `data/<key>` record to write: bytes taken from the source file's storage `from`, or given. */
export interface StorageRecord {
  key: string;
  dtype: DType;
  byteLength: number;
  from: { key: string; byteOffset: number } | { bytes: Uint8Array };
}

/**
 * The storage records a graph needs, in torch's order (keys sorted as strings), each read once however
 * many tensors share it. Persistent ids are rewritten to the zip form in place where they are not in it
 * already: legacy files add a sixth item (a view, or None), which torch's zip loader cannot unpack.
 * `added` holds the bytes of storages made in memory (new tensors); the others come from the source.
 */
export function planStorages(root: PickleNode, added: ReadonlyMap<string, Uint8Array>, sourceNumel: (key: string) => number | undefined): StorageRecord[] {
  const records = new Map<string, StorageRecord>();
  for (const node of persids(root)) {
    const ref = storageRef(node);
    if (!ref || node.kind !== 'persid' || node.pid.kind !== 'tuple') continue;
    const size = DTYPES[ref.dtype].size;
    const key = ref.viewOffset === undefined ? ref.key : `${ref.key}_view${ref.viewOffset}`;
    const numel = ref.numel ?? sourceNumel(ref.key);
    if (numel === undefined) throw new Error(`storage ${ref.key} has no size`);
    if (node.pid.items.length !== 5 || ref.numel === undefined) {
      const [tag, type, , location] = node.pid.items;
      node.pid.items = [tag!, type!, str(key), location ?? str('cpu'), int(numel)];
    }
    if (records.has(key)) continue;
    const bytes = added.get(key);
    const from = bytes ? { bytes } : { key: ref.key, byteOffset: (ref.viewOffset ?? 0) * size };
    records.set(key, { key, dtype: ref.dtype, byteLength: numel * size, from });
  }
  return [...records.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function persids(root: PickleNode): PickleNode[] {
  const seen = new Set<PickleNode>();
  const out: PickleNode[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    if (node.kind === 'persid') out.push(node);
    for (const child of children(node)) stack.push(child);
  }
  return out;
}

/** A key not used in the graph yet, for a new storage: one past the largest numeric key. */
export function nextStorageKey(used: Iterable<string>): (() => string) {
  let next = 0;
  for (const key of used) if (/^\d+$/.test(key)) next = Math.max(next, Number(key) + 1);
  return () => String(next++);
}
