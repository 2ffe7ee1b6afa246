import { probeImage, type ImageProbe } from './image-probe.js';

export interface ProbeOptions {
  /** Files read at once. Header reads are I/O bound; the libuv pool runs 4 at a time by default. */
  concurrency?: number;
  onProgress?: (done: number) => void;
}

/**
 * Probes many images with bounded concurrency; results in input order. The one place to swap in a
 * batch reader (`probeImages` from image-probe.ts) once it exists.
 */
export async function probeAll(paths: readonly string[], options: ProbeOptions = {}): Promise<ImageProbe[]> {
  const results = new Array<ImageProbe>(paths.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < paths.length) {
      const i = next++;
      results[i] = await probeImage(paths[i]!);
      options.onProgress?.(++done);
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? 16, paths.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}
