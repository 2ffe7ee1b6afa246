import { activate } from './activations.js';
import { addInto, layerNorm, normalizeRows } from './row-ops.js';
import type { ClipTextConfig } from './config.js';
import { align4, type LayerLayout, type TowerLayout } from './tower.js';
import { roundRows, type Compute } from './compute.js';
import { attentionChains, type TokenTree } from './token-tree.js';

/** Scratch buffers of one forward pass (offsets in floats, after the weights). */
interface Scratch {
  rows: number;
  hidden: number;
  normed: number;
  qkv: number;
  attended: number;
  mlp: number;
  sum: number;
  pooled: number;
  projected: number;
  end: number;
}

/** Floats a forward pass over `nodes` tree nodes and `texts` texts needs after the weights. */
export function scratchFloats(c: ClipTextConfig, nodes: number, texts: number): number {
  return planScratch(c, 0, nodes, texts).end;
}

function planScratch(c: ClipTextConfig, start: number, nodes: number, texts: number): Scratch {
  const rows = roundRows(nodes);
  const h = c.hiddenSize;
  let end = start;
  const take = (floats: number) => ((end += align4(floats)), end - align4(floats));
  const plan = {
    rows, hidden: take(rows * h), normed: take(rows * h), qkv: take(rows * 3 * h), attended: take(rows * h),
    mlp: take(rows * c.intermediateSize), sum: take(rows * h),
    pooled: take(roundRows(texts) * h), projected: take(roundRows(texts) * c.projectionDim),
  };
  return { ...plan, end };
}

/**
 * `CLIPTextModelWithProjection(...).text_embeds / norm` for the texts of `tree`, one layer at a time:
 * token + position embedding (constructor), pre-norm transformer layers with causal attention and the
 * activation MLP (`layer(i)`, from slot i % 2 of the layout), then the final layer norm at each pooled
 * node, the projection without bias and L2 normalisation (`finish()`: texts x projectionDim, row-major).
 * Its buffers start at `scratchAt`, so two passes (two threads) can share one memory and its weights.
 */
export class TextModelPass {
  private readonly s: Scratch;
  private readonly chains: number[][];

  constructor(
    private readonly c: ClipTextConfig,
    private readonly layout: TowerLayout,
    private readonly tree: TokenTree,
    private readonly compute: Compute,
    scratchAt = layout.end,
  ) {
    this.s = planScratch(c, scratchAt, tree.tokens.length, tree.pooled.length);
    this.chains = attentionChains(tree);
    embed(c, layout, tree, compute.f32, this.s.hidden);
  }

  layer(index: number): void {
    runLayer(this.c, this.layout.slots[index % 2]!, this.tree.tokens.length, this.chains, this.compute, this.s);
  }

  finish(): Float32Array {
    const { c, layout, tree, s } = this;
    const f = this.compute.f32;
    const h = c.hiddenSize;
    tree.pooled.forEach((node, t) => f.copyWithin(s.pooled + t * h, s.hidden + node * h, s.hidden + (node + 1) * h));
    layerNorm(f, s.pooled, s.pooled, tree.pooled.length, h, layout.finalNormWeight, layout.finalNormBias, c.layerNormEps);
    this.compute.linear(s.pooled, layout.projection, layout.zeros, s.projected, tree.pooled.length, c.projectionDim, h);
    const out = f.slice(s.projected, s.projected + tree.pooled.length * c.projectionDim);
    normalizeRows(out, c.projectionDim);
    return out;
  }
}

function embed(c: ClipTextConfig, layout: TowerLayout, tree: TokenTree, f: Float32Array, hidden: number): void {
  const h = c.hiddenSize;
  const rowOf = new Map(layout.tokenIds.map((id, row) => [id, row]));
  tree.tokens.forEach((id, node) => {
    const token = layout.token + rowOf.get(id)! * h;
    const position = layout.position + tree.positions[node]! * h;
    for (let i = 0; i < h; i++) f[hidden + node * h + i] = f[token + i]! + f[position + i]!;
  });
}

function runLayer(c: ClipTextConfig, l: LayerLayout, nodes: number, chains: number[][], compute: Compute, s: Scratch): void {
  const f = compute.f32;
  const h = c.hiddenSize;
  layerNorm(f, s.hidden, s.normed, nodes, h, l.norm1Weight, l.norm1Bias, c.layerNormEps);
  compute.linear(s.normed, l.qkvWeight, l.qkvBias, s.qkv, nodes, 3 * h, h);
  attend(f, s.qkv, s.attended, chains, h, c.heads);
  compute.linear(s.attended, l.outWeight, l.outBias, s.sum, nodes, h, h);
  addInto(f, s.hidden, s.sum, nodes * h);
  layerNorm(f, s.hidden, s.normed, nodes, h, l.norm2Weight, l.norm2Bias, c.layerNormEps);
  compute.linear(s.normed, l.fc1Weight, l.fc1Bias, s.mlp, nodes, c.intermediateSize, h);
  activate(c.hiddenAct, f, s.mlp, s.mlp + nodes * c.intermediateSize);
  compute.linear(s.mlp, l.fc2Weight, l.fc2Bias, s.sum, nodes, h, c.intermediateSize);
  addInto(f, s.hidden, s.sum, nodes * h);
}

/** Causal self-attention along each node's chain of ancestors; q is scaled by head_dim^-0.5 as in torch. */
function attend(f: Float32Array, qkv: number, out: number, chains: number[][], h: number, heads: number): void {
  const d = h / heads;
  const scale = d ** -0.5;
  const weights = new Float64Array(chains.reduce((m, chain) => Math.max(m, chain.length), 0));
  chains.forEach((chain, node) => {
    for (let head = 0; head < heads; head++) {
      const q = qkv + node * 3 * h + head * d;
      let max = -Infinity;
      chain.forEach((key, j) => {
        const k = qkv + key * 3 * h + h + head * d;
        let dot = 0;
        for (let i = 0; i < d; i++) dot += Math.fround(f[q + i]! * scale) * f[k + i]!;
        weights[j] = dot;
        if (dot > max) max = dot;
      });
      let total = 0;
      for (let j = 0; j < chain.length; j++) total += weights[j] = Math.exp(weights[j]! - max);
      const o = out + node * h + head * d;
      for (let i = 0; i < d; i++) {
        let sum = 0;
        for (let j = 0; j < chain.length; j++) sum += weights[j]! * f[qkv + chain[j]! * 3 * h + 2 * h + head * d + i]!;
        f[o + i] = sum / total;
      }
    }
  });
}
