import { Worker } from 'node:worker_threads';
import { createCompute, type Compute } from '../../core/clip/compute.js';
import type { ClipTextConfig } from '../../core/clip/config.js';
import { loadAll, runInThisThread, type TextModelJob, type TextModelRunner } from '../../core/clip/run-model.js';
import { scratchFloats, TextModelPass } from '../../core/clip/text-model.js';
import { buildTokenTree, splitTexts, type TokenTree } from '../../core/clip/token-tree.js';
import type { TowerLayout } from '../../core/clip/tower.js';

/** Slots of the control array shared with the worker. */
export const LOADED = 0; // 1 once the fixed weights are in, then 2 + i once layer i is
export const WORKER_DONE = 1; // layers the worker has finished
export const ABORTED = 2; // set by either side on failure

export interface WorkerJob {
  memory: WebAssembly.Memory;
  config: ClipTextConfig;
  layout: TowerLayout;
  tree: TokenTree;
  scratchAt: number;
  ctrl: Int32Array;
}

/**
 * Runs the text model on two threads: the texts are split in two groups (`splitTexts`), the main
 * thread runs one and a worker the other, both on one shared WebAssembly memory holding the weights.
 * The main thread reads layer i + 1 into the free slot once the worker is done with layer i - 1,
 * while both compute layer i. The rows are the same bytes as on one thread.
 *
 * Not the default: on the 2-core reference machine (loaded by other jobs) it was slower than one
 * thread in every measurement (docs/embed.md): the worker's start-up (its own V8 isolate, code
 * warming up again) sits on the critical path, the threads meet at every layer, and the I/O threads
 * reading the next layer then compete with two computing threads instead of one.
 */
export function parallelRunner(): TextModelRunner {
  return async (job) => {
    const c = job.config;
    const groups = splitTexts(buildTokenTree(job.sequences, c.eosTokenId), 2);
    if (groups.length < 2) return runInThisThread(job);
    const [mine, theirs] = groups.map((texts) => ({ texts, tree: buildTokenTree(texts.map((t) => job.sequences[t]!), c.eosTokenId) }));
    const scratchMine = scratchFloats(c, mine!.tree.tokens.length, mine!.texts.length);
    const compute = createCompute(job.plan.layout.end + scratchMine + scratchFloats(c, theirs!.tree.tokens.length, theirs!.texts.length), undefined, true);
    const ctrl = new Int32Array(new SharedArrayBuffer(12));
    const worker = startWorker({ memory: compute.memory, config: c, layout: job.plan.layout, tree: theirs!.tree, scratchAt: job.plan.layout.end + scratchMine, ctrl });
    try {
      const ours = await runMainSide(job, mine!.tree, compute, ctrl, worker.failed);
      const rows = await worker.result;
      const d = c.projectionDim;
      const embeddings = new Float32Array(job.sequences.length * d);
      mine!.texts.forEach((t, i) => embeddings.set(ours.subarray(i * d, (i + 1) * d), t * d));
      theirs!.texts.forEach((t, i) => embeddings.set(rows.subarray(i * d, (i + 1) * d), t * d));
      return { embeddings, computed: mine!.tree.tokens.length + theirs!.tree.tokens.length, simd: compute.simd, threads: 2 };
    } finally {
      Atomics.store(ctrl, ABORTED, 1);
      Atomics.notify(ctrl, LOADED);
      await worker.stop();
    }
  };
}

/** The main thread's group, and the loading of every weight for both threads. */
async function runMainSide(job: TextModelJob, tree: TokenTree, compute: Compute, ctrl: Int32Array, failed: Promise<never>): Promise<Float32Array> {
  const { config: c, plan } = job;
  const publish = (value: number) => (Atomics.store(ctrl, LOADED, value), Atomics.notify(ctrl, LOADED));
  await loadAll(job, plan.reads, compute.f32);
  publish(1);
  const pass = new TextModelPass(c, plan.layout, tree, compute);
  let loading = loadAll(job, plan.layerReads[0] ?? [], compute.f32).then(() => publish(2));
  for (let i = 0; i < c.layers; i++) {
    await loading;
    if (i + 1 < c.layers) {
      // Slot (i + 1) % 2 held layer i - 1. When the worker is past it, the reads go out now, before
      // this layer computes, and the I/O threads read while both threads compute; else once it is.
      const refill = () => loadAll(job, plan.layerReads[i + 1]!, compute.f32);
      const free = Atomics.load(ctrl, WORKER_DONE) >= i;
      loading = (free ? refill() : workerDone(ctrl, i, failed).then(refill)).then(() => publish(i + 3));
      loading.catch(() => undefined); // awaited next turn; never an unhandled rejection if this layer throws
    }
    pass.layer(i);
  }
  return pass.finish();
}

interface RunningWorker {
  result: Promise<Float32Array>;
  failed: Promise<never>;
  stop(): Promise<void>;
}

function startWorker(job: WorkerJob): RunningWorker {
  // execArgv: [] so flags of the parent (e.g. --input-type) do not break the worker's start.
  const worker = new Worker(new URL('./text-model-worker.js', import.meta.url), { workerData: job, execArgv: [] });
  let exited = false;
  const result = new Promise<Float32Array>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => {
      exited = true;
      reject(new Error(`text model worker exited with code ${code} before its result`));
    });
  });
  result.catch(() => undefined); // observed through `failed` or awaited later
  const failed = result.then(() => new Promise<never>(() => undefined));
  return { result, failed, stop: async () => void (exited ? undefined : await worker.terminate()) };
}

type WaitAsync = (array: Int32Array, index: number, value: number, timeout?: number) => { async: boolean; value: Promise<string> | string };

/** Resolves once the worker has finished `layers` layers; rejects if it fails first. */
async function workerDone(ctrl: Int32Array, layers: number, failed: Promise<never>): Promise<void> {
  const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;
  for (;;) {
    const now = Atomics.load(ctrl, WORKER_DONE);
    if (now >= layers) return;
    if (Atomics.load(ctrl, ABORTED) !== 0) await failed;
    const wait = waitAsync(ctrl, WORKER_DONE, now, 1000);
    if (wait.async) await Promise.race([wait.value, failed]);
  }
}
