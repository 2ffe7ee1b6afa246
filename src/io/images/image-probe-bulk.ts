import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { probeBatch, type SharedProbeJob } from './image-probe-batch.js';
import { FIRST_READ_BYTES, type ImageProbe } from './image-probe.js';
import { SLOTS, unpackProbe } from './image-probe-pack.js';

export interface ProbeImagesOptions {
  /**
   * Threads reading headers, the main one included. Default 1: on the 2-core reference machine extra
   * worker threads made 10,000-40,000 files slower, not faster (docs/image-sizes.md); raise it to try.
   */
  concurrency?: number;
  /** Called after every batch with the number of files done so far. */
  onProgress?: (done: number, total: number) => void;
  /** Size of the first read per file (default FIRST_READ_BYTES); for benchmarks. */
  firstReadBytes?: number;
}

/** Below this many files a worker's start-up (90-180 ms with its modules, measured) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 4000;

/**
 * Probes many files, results in input order. The main thread probes batches with blocking reads into
 * one reused buffer (the fastest way measured: fs.promises was 3-5x slower), yielding to the event loop
 * between batches; with `concurrency` > 1 and a large set, worker threads join in once started,
 * claiming batches from a shared counter.
 */
export async function probeImages(paths: readonly string[], options: ProbeImagesOptions = {}): Promise<ImageProbe[]> {
  const threads = Math.min(options.concurrency ?? 1, availableParallelism());
  const firstReadBytes = Math.max(64, options.firstReadBytes ?? FIRST_READ_BYTES); // the format sniff needs 64
  const workerCount = paths.length >= MIN_FILES_FOR_WORKERS ? Math.max(0, threads - 1) : 0;
  const job: SharedProbeJob = {
    paths,
    counters: new Int32Array(new SharedArrayBuffer(8)),
    values: new Int32Array(new SharedArrayBuffer(workerCount > 0 ? paths.length * SLOTS * 4 : 4)),
    firstReadBytes,
  };
  const workers = Array.from({ length: workerCount }, () => runWorker(job));
  const mine: Array<ImageProbe | undefined> = new Array(paths.length);
  const scratch = new Uint8Array(firstReadBytes);
  while (probeBatch(job, scratch, (i, probe) => (mine[i] = probe))) {
    options.onProgress?.(Atomics.load(job.counters, 1), paths.length);
    await new Promise((resolve) => setImmediate(resolve)); // let other work, worker messages and the progress bar through
  }
  const messages: Record<number, string> = Object.assign({}, ...(await Promise.all(workers)));
  options.onProgress?.(paths.length, paths.length);
  return paths.map((_, i) => mine[i] ?? unpackProbe(job.values, i, messages[i]));
}

function runWorker(job: SharedProbeJob): Promise<Record<number, string>> {
  return new Promise((resolve, reject) => {
    // execArgv: [] so flags of the parent (e.g. --input-type) do not break the worker's start.
    const worker = new Worker(new URL('./image-probe-worker.js', import.meta.url), { workerData: job, execArgv: [] });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`image probe worker exited with code ${code}`)));
  });
}
