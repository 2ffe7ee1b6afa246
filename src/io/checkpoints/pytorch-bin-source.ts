import { stateDictOf } from '../../core/checkpoint/state-dict.js';
import type { DType } from '../../core/checkpoint/storage.js';
import type { TensorLayout } from '../../core/checkpoint/tensors.js';
import type { TensorInfo } from '../../core/tensors.js';
import { notACheckpoint, openCheckpoint } from './open-checkpoint.js';
import type { ClosableWeightSource } from './safetensors-source.js';

/** torch dtypes in safetensors' spelling (what WeightSource speaks). */
const SAFETENSORS_DTYPE: Record<DType, string> = {
  float32: 'F32', float64: 'F64', float16: 'F16', bfloat16: 'BF16', int64: 'I64', int32: 'I32', int16: 'I16',
  int8: 'I8', uint8: 'U8', bool: 'BOOL', complex64: 'C64', complex128: 'C128',
};

/**
 * A `pytorch_model.bin` (torch.save of a state dict, zip or legacy) as a WeightSource: the pickle is
 * read once, then each tensor, or only the rows asked for, by position. Like model.safetensors, the
 * vision tower and unused token rows are never read.
 */
export async function openPytorchBin(path: string, display: string): Promise<ClosableWeightSource> {
  const ckpt = await openCheckpoint(path, display);
  const sd = stateDictOf(ckpt.root);
  if (!sd) {
    await ckpt.close();
    throw notACheckpoint(display, 'it holds no state dict (a dict of tensors)');
  }
  const tensors = new Map<string, TensorLayout>(sd.entries.flatMap((e) => (e.tensor ? [[e.key, e.tensor] as const] : [])));
  return {
    file: display,
    info: (name): TensorInfo | undefined => {
      const t = tensors.get(name);
      return t && { dtype: SAFETENSORS_DTYPE[t.dtype], shape: t.shape };
    },
    async read(name, dest, rows) {
      const t = tensors.get(name);
      if (!t) throw new Error(`${name} is not in ${display}`);
      dest.set(await ckpt.readFloat32(t, rows));
    },
    close: () => ckpt.close(),
  };
}
