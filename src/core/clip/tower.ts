import type { ClipTextConfig } from './config.js';
import { LAYER_PARTS, TENSOR, type LayerPart } from './weights.js';

/**
 * Where each weight lives in the one float32 memory the kernels work on (offsets in floats, 16-byte
 * aligned). Plain numbers, so a worker thread sharing the memory can rebuild the views.
 *
 * The layers stream through two slots: layer i is read into slot i % 2 while layer i - 1 computes
 * from the other. Touching fresh memory is what costs (measured: reading 150 MB of weights into new
 * pages took ~0.6 s of CPU in page faults, then ~0.35 s more on first use; reading into pages already
 * touched, 20-30 ms), so two layers' worth of pages reused twelve times beats 150 MB touched once.
 */
export interface TowerLayout {
  /** The token ids whose embedding rows were loaded, ascending; row i of `token` is tokenIds[i]. */
  tokenIds: number[];
  token: number;
  position: number;
  slots: [LayerLayout, LayerLayout];
  finalNormWeight: number;
  finalNormBias: number;
  projection: number;
  /** `maxWidth` zeros: the bias of the projection, which has none. */
  zeros: number;
  /** Floats used by the weights; activations go after. */
  end: number;
}

export interface LayerLayout {
  norm1Weight: number; norm1Bias: number;
  /** q, k and v weights stacked ([3h, h]) so one pass computes all three; biases likewise. */
  qkvWeight: number; qkvBias: number;
  outWeight: number; outBias: number;
  norm2Weight: number; norm2Bias: number;
  fc1Weight: number; fc1Bias: number;
  fc2Weight: number; fc2Bias: number;
}

/** One read of the load plan: tensor `name` (or its `rows`) into floats [offset, offset + length). */
export interface TensorRead {
  name: string;
  offset: number;
  length: number;
  rows?: number[];
}

export const align4 = (n: number): number => (n + 3) & ~3;

const LAYER_TARGET: Record<LayerPart, [keyof LayerLayout, number]> = {
  'layer_norm1.weight': ['norm1Weight', 0], 'layer_norm1.bias': ['norm1Bias', 0],
  'self_attn.q_proj.weight': ['qkvWeight', 0], 'self_attn.q_proj.bias': ['qkvBias', 0],
  'self_attn.k_proj.weight': ['qkvWeight', 1], 'self_attn.k_proj.bias': ['qkvBias', 1],
  'self_attn.v_proj.weight': ['qkvWeight', 2], 'self_attn.v_proj.bias': ['qkvBias', 2],
  'self_attn.out_proj.weight': ['outWeight', 0], 'self_attn.out_proj.bias': ['outBias', 0],
  'layer_norm2.weight': ['norm2Weight', 0], 'layer_norm2.bias': ['norm2Bias', 0],
  'mlp.fc1.weight': ['fc1Weight', 0], 'mlp.fc1.bias': ['fc1Bias', 0],
  'mlp.fc2.weight': ['fc2Weight', 0], 'mlp.fc2.bias': ['fc2Bias', 0],
};

export interface TowerPlan {
  layout: TowerLayout;
  /** Reads of everything but the layers, and of each layer (into its slot). */
  reads: TensorRead[];
  layerReads: TensorRead[][];
}

/** Lays the weights out from float 0 and lists the reads that fill them. */
export function planTower(c: ClipTextConfig, tokenIds: readonly number[]): TowerPlan {
  const h = c.hiddenSize;
  const ids = [...new Set(tokenIds)].sort((a, b) => a - b);
  let end = 0;
  const take = (floats: number) => {
    const at = end;
    end += align4(floats);
    return at;
  };
  const reads: TensorRead[] = [];
  const tensor = (name: string, floats: number, rows?: number[]) => {
    const offset = take(floats);
    reads.push({ name, offset, length: floats, ...(rows ? { rows } : {}) });
    return offset;
  };
  const token = tensor(TENSOR.token, ids.length * h, ids);
  const position = tensor(TENSOR.position, c.maxPositions * h);
  const finalNormWeight = tensor(TENSOR.finalNormWeight, h);
  const finalNormBias = tensor(TENSOR.finalNormBias, h);
  const projection = tensor(TENSOR.projection, c.projectionDim * h);
  const zeros = take(Math.max(3 * h, c.intermediateSize, c.projectionDim));
  const slots: [LayerLayout, LayerLayout] = [planSlot(c, take), planSlot(c, take)];
  const layerReads = Array.from({ length: c.layers }, (_, i) => layerReadsOf(c, i, slots[i % 2]!));
  return { layout: { tokenIds: ids, token, position, slots, finalNormWeight, finalNormBias, projection, zeros, end }, reads, layerReads };
}

function layerSizes(c: ClipTextConfig): Record<keyof LayerLayout, number> {
  const h = c.hiddenSize;
  const i = c.intermediateSize;
  return {
    norm1Weight: h, norm1Bias: h, qkvWeight: 3 * h * h, qkvBias: 3 * h, outWeight: h * h, outBias: h,
    norm2Weight: h, norm2Bias: h, fc1Weight: i * h, fc1Bias: i, fc2Weight: h * i, fc2Bias: h,
  };
}

function planSlot(c: ClipTextConfig, take: (floats: number) => number): LayerLayout {
  return Object.fromEntries(Object.entries(layerSizes(c)).map(([key, floats]) => [key, take(floats)])) as unknown as LayerLayout;
}

function layerReadsOf(c: ClipTextConfig, index: number, slot: LayerLayout): TensorRead[] {
  const sizes = layerSizes(c);
  return LAYER_PARTS.map((part) => {
    const [key, third] = LAYER_TARGET[part];
    const length = key.startsWith('qkv') ? sizes[key] / 3 : sizes[key];
    return { name: TENSOR.layer(index, part), offset: slot[key] + third * length, length };
  });
}
