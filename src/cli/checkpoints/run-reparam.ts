import { basename, dirname, join, resolve } from 'node:path';
import type { RunContext } from '../context.js';
import { computeReparam, planReparam, ReparamRefusal, type NeckMode } from '../../core/checkpoint/reparam.js';
import { mappingKeys } from '../../core/checkpoint/pickle-node.js';
import { replaceStateDict } from '../../core/checkpoint/rebuild.js';
import { shapesOf, stateDictOf } from '../../core/checkpoint/state-dict.js';
import { nextStorageKey } from '../../core/checkpoint/storage-plan.js';
import { storageRefs } from '../../core/checkpoint/storage.js';
import { describeYoloWorld, sizeFromStem } from '../../core/checkpoint/yolo-world.js';
import { npyMatrixFloat32 } from '../../core/npy-data.js';
import { parseNpyHeader } from '../../core/npy-header.js';
import { YwError } from '../../errors.js';
import { displayPath } from '../../io/fs/display-path.js';
import { readRegular } from '../../io/fs/regular-file.js';
import { withCheckpoint } from '../../io/checkpoints/open-checkpoint.js';
import { writeCheckpoint } from '../../io/checkpoints/write-checkpoint.js';

export interface ReparamOptions {
  weights: string;
  embeddings: string;
  neck: NeckMode;
  out?: string;
}

export interface ReparamResult {
  input: string;
  output: string;
  embeddings: string;
  inputBytes: number;
  outputBytes: number;
  classes: number;
  dims: number;
  neck: NeckMode;
  /** Attention blocks folded, with their head counts (none for an efficient neck). */
  neckBlocks: { block: string; heads: number }[];
  textKeysRemoved: number;
  /** Top-level entries kept as they were (meta, message_hub, optimizer, ema_state_dict, ...). */
  keptAsIs: string[];
  /** s/m/l/x/xl from the backbone stem, when recognisable. */
  size?: string;
}

/** `<stem>_rep_conv.pth` beside the input, as tools/reparameterize_yoloworld.py names it. */
export function defaultReparamOut(weights: string, neck: NeckMode): string {
  const name = basename(weights);
  const stem = name.endsWith('.pth') ? name.slice(0, -4) : name;
  return join(dirname(weights), `${stem}_rep_${neck}.pth`);
}

/** io -> core -> io for `yw reparam`: read the embeddings and the few tensors needed, fold, stream the rest across. */
export async function runReparam(ctx: RunContext, o: ReparamOptions, force: boolean): Promise<ReparamResult> {
  const show = (p: string) => displayPath(ctx.cwd, p);
  const weights = resolve(ctx.cwd, o.weights);
  const out = resolve(ctx.cwd, o.out ?? defaultReparamOut(o.weights, o.neck));
  if (out === weights) throw new YwError('OUTPUT_IS_INPUT', `--out ${o.out} is the input checkpoint`, { hint: 'write the reparameterized checkpoint to another file' });
  const { matrix, shape } = await readEmbeddings(resolve(ctx.cwd, o.embeddings), show(resolve(ctx.cwd, o.embeddings)));
  return withCheckpoint(weights, async (ckpt) => {
    const sd = stateDictOf(ckpt.root);
    if (!sd) throw new YwError('REPARAM_KEYS_MISSING', `${show(weights)} holds no state dict`, { file: show(weights), hint: 'pass a YOLO-World training checkpoint (.pth)' });
    const plan = guard(() => planReparam(sd, shape, show(weights)));
    const values = new Map<string, Float32Array>();
    for (const key of plan.reads) {
      const entry = sd.entries.find((e) => e.key === key);
      if (!entry?.tensor) throw new YwError('REPARAM_KEYS_MISSING', `${show(weights)}: ${key} is not a tensor`, { file: show(weights), hint: 'pass a YOLO-World v2 checkpoint' });
      values.set(key, await ckpt.readFloat32(entry.tensor));
    }
    const added = computeReparam(plan, values, matrix, [shape[0]!, shape[1]!], o.neck);
    // what the Python tool deletes: text-model keys, each head's logit_scale/bias, each block's guide_fc
    const removed = new Set([...plan.textKeys, ...plan.reads, ...added.map((t) => t.key)]);
    const rebuilt = replaceStateDict(ckpt.root, sd, (key) => !removed.has(key), added, nextStorageKey(storageRefs(ckpt.root).map((r) => r.key)));
    const outputBytes = await writeCheckpoint(out, rebuilt.root, ckpt, rebuilt.storages, { force, command: 'yw reparam', role: 'reparameterized checkpoint' });
    const state = describeYoloWorld(shapesOf(sd));
    const size = sizeFromStem(state.stemChannels);
    return {
      input: show(weights), output: show(out), embeddings: show(resolve(ctx.cwd, o.embeddings)),
      inputBytes: ckpt.size, outputBytes, classes: shape[0]!, dims: shape[1]!, neck: o.neck,
      neckBlocks: plan.neckBlocks, textKeysRemoved: plan.textKeys.length,
      keptAsIs: sd.nested ? mappingKeys(ckpt.root).filter((k) => k !== 'state_dict') : [],
      ...(size ? { size } : {}),
    };
  }, show(weights));
}

function guard<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ReparamRefusal) throw new YwError(error.code, error.message, { hint: error.hint });
    throw error;
  }
}

async function readEmbeddings(path: string, shown: string): Promise<{ matrix: Float32Array; shape: number[] }> {
  // embeddings are at most a few MB (N classes x 512 floats): read whole, through the regular-file gate
  const bytes = await readRegular(path, 'embeddings .npy').catch((error: unknown) => {
    throw error instanceof YwError && path !== shown ? new YwError(error.code, error.message.replaceAll(path, shown), { hint: error.hint, file: shown }) : error;
  });
  const header = parseNpyHeader(bytes, shown);
  return { matrix: npyMatrixFloat32(bytes, header, shown), shape: header.shape };
}
