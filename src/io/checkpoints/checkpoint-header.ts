import type { CheckpointHeader } from '../../core/check/load-from.js';
import { shapesOf, stateDictOf } from '../../core/checkpoint/state-dict.js';
import { YwError } from '../../errors.js';
import { withCheckpoint } from './open-checkpoint.js';

/**
 * The state dict's key names and shapes (the pickle only: no tensor data is read). Throws
 * CHECKPOINT_INVALID when the file is not a torch checkpoint or holds no state dict.
 */
export async function readCheckpointHeader(path: string, shown: string): Promise<CheckpointHeader> {
  return withCheckpoint(path, async (c) => {
    const sd = stateDictOf(c.root);
    if (!sd) throw new YwError('CHECKPOINT_INVALID', `${shown} is a torch file but holds no state dict (neither a state_dict entry nor a dict of tensors)`, {
      file: shown,
      hint: 'load_from needs a model checkpoint (torch.save of a state dict, or an mmengine checkpoint)',
    });
    return { format: c.format, shapes: [...shapesOf(sd)] };
  }, shown);
}
