import { createCompute } from './compute.js';
import type { ClipTextConfig } from './config.js';
import { TextModelPass, scratchFloats } from './text-model.js';
import { buildTokenTree } from './token-tree.js';
import type { TensorRead, TowerPlan } from './tower.js';

/** Everything a run of the text model needs, whichever threads run it. */
export interface TextModelJob {
  config: ClipTextConfig;
  plan: TowerPlan;
  /** Token ids per text, start and end tokens included. */
  sequences: number[][];
  /** Fills one planned tensor into `f32`, the compute memory. */
  read(read: TensorRead, f32: Float32Array): Promise<void>;
}

export interface TextModelRun {
  /** texts x projectionDim, row-major, L2-normalised rows. */
  embeddings: Float32Array;
  /** Distinct positions computed (summed over threads). */
  computed: number;
  simd: boolean;
  threads: number;
}

export type TextModelRunner = (job: TextModelJob) => Promise<TextModelRun>;

/** Starts every read of `list` at once: each is a request to the I/O threads, which work while JavaScript computes. */
export function loadAll(job: TextModelJob, list: readonly TensorRead[], f32: Float32Array): Promise<void> {
  return Promise.all(list.map((r) => job.read(r, f32))).then(() => undefined);
}

/** The whole model in the calling thread; layer i + 1 is read while layer i computes. */
export const runInThisThread: TextModelRunner = async (job) => {
  const { config: c, plan } = job;
  const tree = buildTokenTree(job.sequences, c.eosTokenId);
  const compute = createCompute(plan.layout.end + scratchFloats(c, tree.tokens.length, tree.pooled.length));
  await loadAll(job, plan.reads, compute.f32);
  const pass = new TextModelPass(c, plan.layout, tree, compute);
  let loading = loadAll(job, plan.layerReads[0] ?? [], compute.f32);
  for (let i = 0; i < c.layers; i++) {
    await loading;
    loading = i + 1 < c.layers ? loadAll(job, plan.layerReads[i + 1]!, compute.f32) : Promise.resolve();
    loading.catch(() => undefined); // awaited next turn; never an unhandled rejection if this layer throws
    pass.layer(i);
  }
  return { embeddings: pass.finish(), computed: tree.tokens.length, simd: compute.simd, threads: 1 };
};
