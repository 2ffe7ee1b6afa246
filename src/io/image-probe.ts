import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { parseImageHeader, type HeaderResult, type ImageFormat } from '../core/image-header/index.js';

import { probeBatch, type SharedProbeJob } from './image-probe-batch.js';
import { SLOTS, unpackProbe } from './image-probe-pack.js';

export type { ImageFormat } from '../core/image-header/index.js';

/**
 * Size of an image as mmcv/mmdet see it: the display frame that OpenCV's `imdecode(IMREAD_COLOR)`
 * returns (orientations 5-8 swap width and height where OpenCV applies them; see docs/image-sizes.md).
 * Read from the file header only: pixels are never decoded.
 */
export type ImageProbe =
  | {
      ok: true;
      format: ImageFormat;
      width: number;
      height: number;
      orientation: number;
      storedWidth: number;
      storedHeight: number;
      /** Orientation tag 2-8 present in the file but not applied by OpenCV for this format (WebP, TIFF). */
      ignoredOrientation?: number;
    }
  | { ok: false; reason: 'unsupported' | 'corrupt' | 'unreadable'; message: string };

/** First read: covers SOF of nearly every camera JPEG; see docs/image-sizes.md for the measurement. */
export const FIRST_READ_BYTES = 4096;
/** Later reads (a JPEG segment after a big EXIF block, a TIFF IFD at the end) are this size at least. */
const MORE_READ_BYTES = 4096;
/** A header that needs more rounds than this is a loop in a broken file. */
const MAX_ROUNDS = 64;

/** One I/O step the header walk asks for: read into `buffer` at `position`, or report the file size. */
type Step = { read: Uint8Array; position: number } | { size: true };

/**
 * The read loop, written once for the sync and async drivers: first chunk, then whatever ranges the
 * pure parser asks for. Yields I/O steps and receives bytes read (or the file size).
 */
function* probeSteps(first: Uint8Array): Generator<Step, ImageProbe, number> {
  const n = yield { read: first, position: 0 };
  const segments: { offset: number; bytes: Uint8Array }[] = [{ offset: 0, bytes: first.subarray(0, n) }];
  let fileSize = n < first.length ? n : undefined;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const result = parseImageHeader({ segments, ...(fileSize === undefined ? {} : { fileSize }) });
    if (result.kind !== 'need-more') return toProbe(result);
    fileSize ??= yield { size: true };
    const chunk = new Uint8Array(Math.max(result.length, MORE_READ_BYTES));
    const got = yield { read: chunk, position: result.offset };
    segments.push({ offset: result.offset, bytes: chunk.subarray(0, got) });
  }
  return { ok: false, reason: 'corrupt', message: 'broken image header: the parser asked for more bytes 64 times' };
}

function toProbe(result: Exclude<HeaderResult, { kind: 'need-more' }>): ImageProbe {
  if (result.kind === 'ok') {
    const { format, width, height, storedWidth, storedHeight, orientation, ignoredOrientation } = result;
    const probe: ImageProbe = { ok: true, format, width, height, orientation, storedWidth, storedHeight };
    if (ignoredOrientation !== undefined) probe.ignoredOrientation = ignoredOrientation;
    return probe;
  }
  return { ok: false, reason: result.kind, message: result.message };
}

function unreadable(error: unknown): ImageProbe {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const why = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : String(code ?? error);
  return { ok: false, reason: 'unreadable', message: `cannot read file: ${why}` };
}

/** Probes one file with blocking reads into `scratch` (reused across files by the bulk helper). */
export function probeImageSync(path: string, scratch: Uint8Array = new Uint8Array(FIRST_READ_BYTES)): ImageProbe {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    return unreadable(error);
  }
  try {
    const steps = probeSteps(scratch);
    let next = steps.next();
    while (!next.done) {
      const step = next.value;
      next = steps.next('size' in step ? fstatSync(fd).size : readSync(fd, step.read, 0, step.read.length, step.position));
    }
    return next.value;
  } catch (error) {
    return unreadable(error);
  } finally {
    closeSync(fd);
  }
}

/** Probes one file without blocking the event loop. */
export async function probeImage(path: string): Promise<ImageProbe> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    return unreadable(error);
  }
  try {
    const steps = probeSteps(new Uint8Array(FIRST_READ_BYTES));
    let next = steps.next();
    while (!next.done) {
      const step = next.value;
      const value = 'size' in step ? (await handle.stat()).size : (await handle.read(step.read, 0, step.read.length, step.position)).bytesRead;
      next = steps.next(value);
    }
    return next.value;
  } catch (error) {
    return unreadable(error);
  } finally {
    await handle.close();
  }
}

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
  const firstReadBytes = options.firstReadBytes ?? FIRST_READ_BYTES;
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
