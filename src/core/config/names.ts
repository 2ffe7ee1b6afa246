import type { ConfigSpec, Head, Mode, Neck } from './options.js';
import { SIZE_FACTS, type Size } from './sizes.js';

/** The YOLO-World commit to run (facts §0.1: later commits cannot import or train). */
export const YOLO_WORLD_COMMIT = 'b1b09f2f0340ca7dede69e10b7e909c469677fd9';
export const PRETRAINED_DIR = 'pretrained_models';
export const HF_BASE = 'https://huggingface.co/wondervictor/YOLO-World/resolve/main';

/** `2e-4`, `1e-3`, `1.5e-3`: how the official file names write learning rates. */
export function lrTag(lr: number): string {
  return lr.toExponential().replace('e+', 'e').replace(/e0$/, '');
}

export function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '') || 'dataset';
}

/** Official-style file name, e.g. `yolo_world_v2_l_vlpan_bn_2e-4_80e_8gpus_mask-refine_finetune_helmet`. */
export function configName(spec: Pick<ConfigSpec, 'mode' | 'size' | 'neck' | 'head' | 'optimizer' | 'lr' | 'epochs' | 'gpus' | 'maskRefine'>, dataset: string): string {
  const version = spec.head === 'l2' ? 'yolo_world' : 'yolo_world_v2';
  const neck = neckTag(spec.mode, spec.neck);
  const opt = spec.optimizer === 'sgd' ? '_sgd' : '';
  const mr = spec.maskRefine ? 'mask-refine_' : '';
  const task = spec.mode === 'prompt' ? 'prompt_tuning' : spec.mode === 'prompt-all' ? 'all_finetuning' : 'finetune';
  return `${version}_${spec.size}_${neck}${opt}_${lrTag(spec.lr)}_${spec.epochs}e_${spec.gpus}gpus_${mr}${task}_${safeName(dataset)}`;
}

function neckTag(mode: Mode, neck: Neck): string {
  const tag = neck === 'vlpan' ? 'vlpan_bn' : neck === 'efficient' ? 'efficient_neck' : 'dual_vlpan';
  return mode === 'reparam' ? `rep_${tag}` : tag;
}

/**
 * The published checkpoint a config should load (facts §1.6, §3.5): v2 weights for the BN head,
 * v1 (dual-vlpan, L2 head) weights for the L2 head. undefined: none was published.
 */
export function publishedWeights(size: Size, head: Head): string | undefined {
  return head === 'l2' ? SIZE_FACTS[size].v1Weights : SIZE_FACTS[size].v2Weights;
}

/** Default class-text JSON, as `yw texts <dataset root>` names it (relative to the cwd). */
export function defaultTextsPath(datasetName: string): string {
  return `data/texts/${datasetName}_class_texts.json`;
}

/** Default prompt embeddings file (relative to the YOLO-World root). */
export function defaultEmbeddingsPath(datasetName: string, classes: number): string {
  return `embeddings/${safeName(datasetName)}_${classes}_clip_vit_b32_embeddings.npy`;
}
