import { mappingEntries, str, type PickleNode } from './pickle-node.js';
import type { NewTensor } from './reparam.js';
import type { StateDict } from './state-dict.js';
import { tensorNode, withEntries } from './graph-edit.js';
import { float32Bytes } from './tensor-data.js';

export interface Rebuilt {
  root: PickleNode;
  /** Storage key -> bytes of the storages made in memory. */
  storages: Map<string, Uint8Array>;
}

/**
 * The checkpoint with its state dict changed: keys for which `keep` is false removed, `add` appended
 * in order (float32, each its own storage under a key from `newKey`). Every other entry of the
 * checkpoint (meta, message_hub, optimizer, EMA) is the same node and is written back unchanged.
 */
export function replaceStateDict(root: PickleNode, sd: StateDict, keep: (key: string) => boolean, add: readonly NewTensor[], newKey: () => string): Rebuilt {
  const storages = new Map<string, Uint8Array>();
  const entries: [PickleNode, PickleNode][] = sd.entries.filter((e) => keep(e.key)).map((e) => [e.keyNode, e.value]);
  for (const t of add) {
    const key = newKey();
    storages.set(key, float32Bytes(t.values));
    entries.push([str(t.key), tensorNode(key, 'float32', t.shape)]);
  }
  const node = withEntries(sd.node, entries);
  if (!sd.nested) return { root: node, storages };
  const top = mappingEntries(root)!.map(([k, v]): [PickleNode, PickleNode] => [k, v === sd.node ? node : v]);
  return { root: withEntries(root, top), storages };
}

/** What `yw slim` keeps: the weights, and mmengine's meta (epoch, dataset classes, config) for tools that read it. */
export const SLIM_KEYS = ['meta', 'state_dict'] as const;

/** The checkpoint without optimizer, EMA copy, message_hub and anything else but SLIM_KEYS; undefined if it has no state_dict. */
export function slimRoot(root: PickleNode): { root: PickleNode; kept: string[]; dropped: string[] } | undefined {
  const entries = mappingEntries(root);
  if (!entries || !entries.some(([k]) => k.kind === 'str' && k.value === 'state_dict')) return undefined;
  const kept = entries.filter(([k]) => k.kind === 'str' && (SLIM_KEYS as readonly string[]).includes(k.value));
  const name = ([k]: [PickleNode, PickleNode]) => (k.kind === 'str' ? k.value : `<${k.kind} key>`);
  const dropped = entries.filter((e) => !kept.includes(e)).map(name);
  return { root: withEntries(root, kept), kept: kept.map(name), dropped };
}
