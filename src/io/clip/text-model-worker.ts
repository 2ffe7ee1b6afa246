import { parentPort, workerData } from 'node:worker_threads';
import { createCompute } from '../../core/clip/compute.js';
import { TextModelPass } from '../../core/clip/text-model.js';
import type { WorkerJob } from './parallel-runner.js';
import { ABORTED, LOADED, WORKER_DONE } from './parallel-runner.js';

/**
 * Worker side of `parallelRunner`: its own group of texts through every layer, reading the weights the
 * main thread loads into the shared memory. It waits for "layer i loaded" and reports "layer i done",
 * so the main thread knows when a slot may be refilled.
 */
const job = workerData as WorkerJob;
const { ctrl } = job;

function waitFor(index: number, value: number): void {
  for (;;) {
    if (Atomics.load(ctrl, ABORTED) !== 0) throw new Error('aborted by the main thread');
    const now = Atomics.load(ctrl, index);
    if (now >= value) return;
    Atomics.wait(ctrl, index, now, 1000);
  }
}

try {
  const compute = createCompute(0, job.memory, true);
  waitFor(LOADED, 1);
  const pass = new TextModelPass(job.config, job.layout, job.tree, compute, job.scratchAt);
  for (let i = 0; i < job.config.layers; i++) {
    waitFor(LOADED, i + 2);
    pass.layer(i);
    Atomics.store(ctrl, WORKER_DONE, i + 1);
    Atomics.notify(ctrl, WORKER_DONE);
  }
  parentPort!.postMessage(pass.finish());
} catch (error) {
  Atomics.store(ctrl, ABORTED, 1);
  Atomics.notify(ctrl, WORKER_DONE);
  throw error;
}
