import { FALSE, global, int, str, tuple, type PickleNode, type PickleObject } from './pickle-node.js';
import { storageClass, type DType } from './storage.js';

/**
 * A new tensor as torch.save pickles one: `_rebuild_tensor_v2(storage, 0, shape, contiguous stride,
 * False, OrderedDict())` with the storage's persistent id `('storage', torch.FloatStorage, key, 'cpu', numel)`.
 */
export function tensorNode(key: string, dtype: DType, shape: readonly number[]): PickleObject {
  const numel = shape.reduce((a, b) => a * b, 1);
  const stride: number[] = [];
  let step = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    stride[d] = step;
    step *= shape[d]!;
  }
  const pid = tuple(str('storage'), global('torch', storageClass(dtype)), str(key), str('cpu'), int(numel));
  const hooks: PickleObject = { kind: 'object', how: 'reduce', callable: global('collections', 'OrderedDict'), args: tuple(), ops: [] };
  return {
    kind: 'object',
    how: 'reduce',
    callable: global('torch._utils', '_rebuild_tensor_v2'),
    args: tuple({ kind: 'persid', pid }, int(0), tuple(...shape.map(int)), tuple(...stride.map(int)), FALSE, hooks),
    ops: [],
  };
}

/**
 * A copy of a dict-like node (plain dict, or an OrderedDict made by REDUCE + SETITEMS + BUILD) with
 * other entries: same type, same BUILD state (an OrderedDict's `_metadata`), untouched values shared.
 */
export function withEntries(node: PickleNode, entries: [PickleNode, PickleNode][]): PickleNode {
  if (node.kind === 'dict') return { kind: 'dict', entries };
  if (node.kind !== 'object') throw new Error(`not a dict: ${node.kind}`);
  let placed = false;
  const ops: PickleObject['ops'] = [];
  for (const op of node.ops) {
    if (op.op !== 'setitems') ops.push(op);
    else if (!placed) {
      ops.push({ op: 'setitems', entries });
      placed = true;
    }
  }
  if (!placed) ops.unshift({ op: 'setitems', entries });
  return { ...node, ops };
}
