import { numel } from './tensors.js';
import type { StateDict } from './state-dict.js';
import { HEAD_BRANCHES, NECK_ATTN_BLOCKS, TEXT_MODEL_MARK, describeYoloWorld } from './yolo-world.js';
import { shapesOf } from './state-dict.js';

export const NECK_MODES = ['conv', 'linear'] as const;
const FLOATS: readonly string[] = ['float32', 'float16', 'bfloat16', 'float64'];
export type NeckMode = (typeof NECK_MODES)[number];

/** Why a checkpoint or embeddings file cannot be reparameterized; `code` is the YwError code. */
export class ReparamRefusal extends Error {
  constructor(readonly code: string, message: string, readonly hint: string) {
    super(message);
  }
}

export interface ReparamPlan {
  /** State dict keys whose values the computation reads (a few small tensors). */
  reads: string[];
  /** Attention blocks of the neck, with their head counts; empty for a neck without them (efficient neck). */
  neckBlocks: { block: string; heads: number }[];
  /** Keys removed because they contain `text_model`. */
  textKeys: string[];
}

/**
 * Checks a state dict and embeddings (N classes x D dims) the way tools/reparameterize_yoloworld.py
 * would use them, refusing with the reason where the Python tool would crash with a KeyError or
 * write a checkpoint that cannot load (issue #622: reparameterizing twice).
 */
export function planReparam(sd: StateDict, embeddingShape: readonly number[], file: string): ReparamPlan {
  const shapes = shapesOf(sd, false);
  const state = describeYoloWorld(shapes);
  if (state.head === 'reparameterized') {
    throw new ReparamRefusal('ALREADY_REPARAMETERIZED', `${file} is reparameterized already: ${HEAD_BRANCHES[0]}.conv.weight holds ${state.repClasses} classes and logit_scale is gone`,
      'reparameterize the original (non-_rep) checkpoint with the new embeddings instead (YOLO-World issue #622)');
  }
  if (state.head === 'v1-l2') {
    throw new ReparamRefusal('REPARAM_UNSUPPORTED', `${file} has a v1 head (L2-normalised ContrastiveHead, no BatchNorm); the reparameterized head (RepBNContrastiveHead) needs a v2 BN head`,
      'use a YOLO-World v2 checkpoint (yolo_world_v2_*)');
  }
  const missing = HEAD_BRANCHES.flatMap((b) => [`${b}.logit_scale`, `${b}.bias`].filter((k) => !shapes.has(k)));
  if (missing.length > 0) {
    throw new ReparamRefusal('REPARAM_KEYS_MISSING', `${file} is not a YOLO-World detector checkpoint: no ${missing.slice(0, 2).join(', ')}${missing.length > 2 ? ` (${missing.length} keys missing)` : ''}`,
      'pass a checkpoint trained with YOLOWorldDetector (v2, BN head), e.g. a published yolo_world_v2_*.pth or an epoch_N.pth of yours');
  }
  const reads = HEAD_BRANCHES.flatMap((b) => [`${b}.logit_scale`, `${b}.bias`]);
  for (const key of reads) {
    if (numel(shapes.get(key)!) !== 1) throw new ReparamRefusal('REPARAM_KEYS_MISSING', `${file}: ${key} has shape [${shapes.get(key)}], expected a scalar`, 'the head is not a YOLO-World BNContrastiveHead');
  }
  checkEmbeddings(embeddingShape, state.embedDim, `the head (${HEAD_BRANCHES[0]}.norm.weight)`, file);
  const neckBlocks = planNeck(shapes, embeddingShape, file);
  for (const { block } of neckBlocks) reads.push(`${block}.guide_fc.weight`, `${block}.guide_fc.bias`);
  checkFloats(sd, reads, file);
  return { reads, neckBlocks, textKeys: sd.entries.map((e) => e.key).filter((k) => k.includes(TEXT_MODEL_MARK)) };
}

/** The tensors the folding reads must be plain floating-point tensors (anything else: not a YOLO-World checkpoint). */
function checkFloats(sd: StateDict, keys: readonly string[], file: string): void {
  for (const key of keys) {
    const dtype = sd.entries.find((e) => e.key === key)?.tensor?.dtype;
    if (!dtype || !FLOATS.includes(dtype)) {
      throw new ReparamRefusal('REPARAM_KEYS_MISSING', `${file}: ${key} is ${dtype ?? 'not a plain tensor'}, expected floating point`, 'the checkpoint is not a YOLO-World training checkpoint');
    }
  }
}

function checkEmbeddings(shape: readonly number[], dim: number | undefined, what: string, file: string): void {
  if (shape.length !== 2 || shape[0] === 0) {
    throw new ReparamRefusal('EMBEDDINGS_SHAPE', `the embeddings have shape (${shape.join(', ')}); expected (classes, dims) with at least one class`,
      'make them with tools/generate_text_prompts.py (one L2-normalised row per class, in class-text order)');
  }
  if (dim !== undefined && shape[1] !== dim) {
    throw new ReparamRefusal('EMBEDDINGS_SHAPE', `the embeddings have ${shape[1]} dims per class but ${what} of ${file} expects ${dim}`,
      `embed the class texts with the text model this checkpoint was trained with (CLIP ViT-B/32: 512 dims, ViT-L/14: 768)`);
  }
}

/** Python runs the neck step only when the first block has `.bias`; then every block must have guide_fc. */
function planNeck(shapes: ReadonlyMap<string, number[]>, embeddingShape: readonly number[], file: string): ReparamPlan['neckBlocks'] {
  if (!shapes.has(`${NECK_ATTN_BLOCKS[0]}.bias`)) return [];
  return NECK_ATTN_BLOCKS.map((block) => {
    const weight = shapes.get(`${block}.guide_fc.weight`);
    const bias = shapes.get(`${block}.guide_fc.bias`);
    const heads = shapes.get(`${block}.bias`)?.[0];
    if (!weight || !bias || heads === undefined || weight.length !== 2) {
      throw new ReparamRefusal('REPARAM_KEYS_MISSING', `${file}: ${block} has no guide_fc.weight/guide_fc.bias/bias (a neck reparameterized already, or not YOLO-World's)`,
        'reparameterize the original checkpoint');
    }
    if (bias.length !== 1 || bias[0] !== weight[0]) {
      throw new ReparamRefusal('REPARAM_KEYS_MISSING', `${file}: ${block}.guide_fc.bias has shape [${bias}] but guide_fc.weight has ${weight[0]} rows`, 'the checkpoint is damaged or not YOLO-World\'s');
    }
    if (weight[0]! % heads !== 0) throw new ReparamRefusal('REPARAM_KEYS_MISSING', `${file}: ${block} has ${weight[0]} channels, not a multiple of its ${heads} heads`, 'the neck is not YOLO-World\'s MaxSigmoidAttnBlock');
    checkEmbeddings(embeddingShape, weight[1], `the neck (${block}.guide_fc.weight)`, file);
    return { block, heads };
  });
}

export interface NewTensor {
  key: string;
  shape: number[];
  values: Float32Array;
}

/**
 * The new head and neck tensors, in the order the Python tool adds them: per head branch conv.weight
 * = embed * exp(logit_scale) as (N, D, 1, 1) and conv.bias = bias repeated N times; per neck block
 * guide = embed @ guide_fc.weight.T + guide_fc.bias, split into `heads` (N, E/heads, 1, 1) convs or
 * viewed as one (N, E/heads, heads) guide_weight. Sums run in float64 and round once to float32.
 */
export function computeReparam(plan: ReparamPlan, values: ReadonlyMap<string, Float32Array>, embed: Float32Array, [n, d]: [number, number], neck: NeckMode): NewTensor[] {
  const out: NewTensor[] = [];
  for (const b of HEAD_BRANCHES) {
    const scale = Math.fround(Math.exp(values.get(`${b}.logit_scale`)![0]!));
    const weight = new Float32Array(n * d);
    for (let i = 0; i < weight.length; i++) weight[i] = embed[i]! * scale;
    out.push({ key: `${b}.conv.weight`, shape: [n, d, 1, 1], values: weight });
    out.push({ key: `${b}.conv.bias`, shape: [n], values: new Float32Array(n).fill(values.get(`${b}.bias`)![0]!) });
  }
  for (const { block, heads } of plan.neckBlocks) {
    const w = values.get(`${block}.guide_fc.weight`)!;
    const bias = values.get(`${block}.guide_fc.bias`)!;
    const e = bias.length;
    const guide = new Float32Array(n * e);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < e; j++) {
        let sum = 0;
        for (let k = 0; k < d; k++) sum += embed[i * d + k]! * w[j * d + k]!;
        guide[i * e + j] = sum + bias[j]!;
      }
    }
    const c = e / heads;
    if (neck === 'linear') out.push({ key: `${block}.guide_weight`, shape: [n, c, heads], values: guide });
    else for (let h = 0; h < heads; h++) out.push({ key: `${block}.guide_convs.${h}.weight`, shape: [n, c, 1, 1], values: columns(guide, n, e, h * c, c) });
  }
  return out;
}

function columns(m: Float32Array, rows: number, width: number, from: number, count: number): Float32Array {
  const out = new Float32Array(rows * count);
  for (let i = 0; i < rows; i++) out.set(m.subarray(i * width + from, i * width + from + count), i * count);
  return out;
}
