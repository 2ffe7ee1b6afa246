import { mappingEntries, mappingGet, type PickleNode } from './pickle-node.js';
import { tensorLayout, type TensorLayout } from './tensors.js';

/** A checkpoint's model weights: `checkpoint['state_dict']` (mmengine), or the root itself (a bare state dict). */
export interface StateDict {
  node: PickleNode;
  /** True when it is the `state_dict` entry of a bigger checkpoint (meta, optimizer, ...). */
  nested: boolean;
  /** String keys in order; values that are not plain tensors have no layout. */
  entries: { key: string; keyNode: PickleNode; value: PickleNode; tensor: TensorLayout | undefined }[];
}

/** As mmengine's `_load_checkpoint_to_model` picks it: `state_dict` when present, else the whole object. */
export function stateDictOf(root: PickleNode): StateDict | undefined {
  const nested = mappingGet(root, 'state_dict');
  const node = nested ?? root;
  const entries = mappingEntries(node);
  if (!entries) return undefined;
  const out: StateDict['entries'] = [];
  for (const [k, value] of entries) {
    if (k.kind === 'str') out.push({ key: k.value, keyNode: k, value, tensor: tensorLayout(value) });
  }
  return { node, nested: nested !== undefined, entries: out };
}

/**
 * Key → shape of the tensors; with `asLoaded`, DataParallel's `module.` prefix removed as mmengine's
 * loader does (tools/reparameterize_yoloworld.py does not).
 */
export function shapesOf(sd: StateDict, asLoaded = true): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const e of sd.entries) if (e.tensor) out.set(asLoaded ? e.key.replace(/^module\./, '') : e.key, e.tensor.shape);
  return out;
}
