import { intValue, isGlobal, mappingEntries, type PickleNode, type PickleObject } from './pickle-node.js';
import { storageRef, type DType, type StorageRef } from './storage.js';

/** A tensor found in a checkpoint's object graph: where it sits and what it is, not its data. */
export interface TensorInfo {
  /** Keys from the root joined by '.', e.g. `state_dict.neck.top_down_layers.0.attn_block.bias`. */
  name: string;
  path: string[];
  dtype: DType;
  shape: number[];
  /** In elements, as torch records it (tensors written by a reparameterization can be views). */
  stride: number[];
  /** Storage offset in elements. */
  offset: number;
  storage: StorageRef;
  /** The `_rebuild_tensor_v2(...)` node (inside `_rebuild_parameter` for a Parameter). */
  node: PickleObject;
}

export type TensorLayout = Omit<TensorInfo, 'name' | 'path'>;

/**
 * `torch._utils._rebuild_tensor_v2(storage, offset, size, stride, requires_grad, hooks[, metadata])`
 * (or the older `_rebuild_tensor` with 4 arguments), or a Parameter wrapping one. Quantized, sparse and
 * other tensors are not recognised: they stay opaque and are copied as they are.
 */
export function tensorLayout(node: PickleNode | undefined): TensorLayout | undefined {
  if (node?.kind !== 'object' || node.how !== 'reduce' || node.args.kind !== 'tuple') return undefined;
  const args = node.args.items;
  if (isGlobal(node.callable, 'torch._utils', '_rebuild_parameter') || isGlobal(node.callable, 'torch._utils', '_rebuild_parameter_with_state')) {
    return tensorLayout(args[0]);
  }
  if (!isGlobal(node.callable, 'torch._utils', '_rebuild_tensor_v2') && !isGlobal(node.callable, 'torch._utils', '_rebuild_tensor')) return undefined;
  const [storageNode, offsetNode, sizeNode, strideNode] = args;
  const storage = storageRef(storageNode);
  const offset = intValue(offsetNode);
  const shape = intTuple(sizeNode);
  const stride = intTuple(strideNode);
  if (!storage || offset === undefined || !shape || !stride || shape.length !== stride.length) return undefined;
  return { dtype: storage.dtype, shape, stride, offset, storage, node };
}

function intTuple(node: PickleNode | undefined): number[] | undefined {
  if (node?.kind !== 'tuple') return undefined;
  const out: number[] = [];
  for (const item of node.items) {
    const v = intValue(item);
    if (v === undefined || v < 0) return undefined;
    out.push(v);
  }
  return out;
}

/** Every tensor reachable through dicts (OrderedDicts included), lists and tuples, in pickle order. */
export function findTensors(root: PickleNode): TensorInfo[] {
  const out: TensorInfo[] = [];
  const seen = new Set<PickleNode>();
  const stack: { node: PickleNode; path: string[] }[] = [{ node: root, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    // a tensor shared by two containers is listed under both names; containers are walked once (cycles)
    const layout = tensorLayout(node);
    if (layout) {
      out.push({ name: path.join('.'), path, ...layout });
      continue;
    }
    if (seen.has(node)) continue;
    seen.add(node);
    const next = childrenByKey(node);
    // pushed in reverse so that the walk visits them in order
    for (let i = next.length - 1; i >= 0; i--) stack.push({ node: next[i]![1], path: [...path, next[i]![0]] });
  }
  return out;
}

function childrenByKey(node: PickleNode): [string, PickleNode][] {
  if (node.kind === 'list' || node.kind === 'tuple') return node.items.map((item, i) => [String(i), item]);
  const entries = mappingEntries(node);
  if (!entries) return [];
  return entries.flatMap(([k, v]): [string, PickleNode][] => {
    if (k.kind === 'str') return [[k.value, v]];
    if (k.kind === 'int') return [[String(k.value), v]];
    return [];
  });
}

/** Elements the tensor reaches in its storage, from `offset`: 1 + sum((size - 1) * stride), 0 when empty. */
export function storageExtent(t: Pick<TensorLayout, 'shape' | 'stride'>): number {
  if (t.shape.some((n) => n === 0)) return 0;
  return 1 + t.shape.reduce((sum, n, i) => sum + (n - 1) * t.stride[i]!, 0);
}

export function numel(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}
