import { probeImageSync, type ImageProbe } from './image-probe.js';

/** State shared by the main thread and the probe workers (all in SharedArrayBuffers). */
export interface SharedProbeJob {
  paths: readonly string[];
  /** [0] next index to claim, [1] files done. */
  counters: Int32Array;
  /** Where workers pack their results (see image-probe-pack.ts); the main thread keeps objects. */
  values: Int32Array;
  firstReadBytes: number;
}

/** Files claimed at a time: small enough to share the tail evenly, large enough to keep Atomics rare. */
export const BATCH = 256;

/** Claims and probes one batch, handing each result to `store`; false when nothing is left. */
export function probeBatch(job: SharedProbeJob, scratch: Uint8Array, store: (i: number, probe: ImageProbe) => void): boolean {
  const start = Atomics.add(job.counters, 0, BATCH);
  if (start >= job.paths.length) return false;
  const end = Math.min(start + BATCH, job.paths.length);
  for (let i = start; i < end; i++) store(i, probeImageSync(job.paths[i]!, scratch));
  Atomics.add(job.counters, 1, end - start);
  return true;
}
