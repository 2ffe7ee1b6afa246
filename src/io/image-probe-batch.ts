import { probeImageSync } from './image-probe.js';
import { packProbe } from './image-probe-pack.js';

/** State shared by the main thread and the probe workers (all in SharedArrayBuffers). */
export interface SharedProbeJob {
  paths: readonly string[];
  /** [0] next index to claim, [1] files done. */
  counters: Int32Array;
  values: Int32Array;
  firstReadBytes: number;
}

/** Files claimed at a time: small enough to share the tail evenly, large enough to keep Atomics rare. */
export const BATCH = 256;

/** Claims and probes one batch; false when nothing is left. Failure messages go into `messages`. */
export function probeBatch(job: SharedProbeJob, scratch: Uint8Array, messages: Record<number, string>): boolean {
  const start = Atomics.add(job.counters, 0, BATCH);
  if (start >= job.paths.length) return false;
  const end = Math.min(start + BATCH, job.paths.length);
  for (let i = start; i < end; i++) {
    const message = packProbe(job.values, i, probeImageSync(job.paths[i]!, scratch));
    if (message !== undefined) messages[i] = message;
  }
  Atomics.add(job.counters, 1, end - start);
  return true;
}
