import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { parseImageHeader, type HeaderResult, type ImageFormat } from '../../core/image-header/index.js';

export type { ImageFormat } from '../../core/image-header/index.js';

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
      /** Orientation tag 2-8 present in the file but not applied by OpenCV for this format (WebP). */
      ignoredOrientation?: number;
      /** Why OpenCV 4.6 will not decode this header although its size is known (one line, no path). */
      undecodable?: string;
    }
  | { ok: false; reason: 'unsupported' | 'corrupt' | 'unreadable'; message: string };

/** First read: covers SOF of nearly every camera JPEG; see docs/image-sizes.md for the measurement. */
export const FIRST_READ_BYTES = 4096;
/** Later reads (a JPEG segment after a big EXIF block, a TIFF IFD at the end) are this size at least. */
const MORE_READ_BYTES = 4096;
/** Offsets only move forward, so this is a safety net against a parser bug, not a real limit. */
const MAX_ROUNDS = 10_000;

/** One I/O step the header walk asks for: fill `read` from file offset `position`, or report the file size. */
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
    if (result.length === 0) continue; // only the size was missing
    const chunk = new Uint8Array(Math.max(result.length, MORE_READ_BYTES));
    const got = yield { read: chunk, position: result.offset };
    segments.push({ offset: result.offset, bytes: chunk.subarray(0, got) });
  }
  return { ok: false, reason: 'corrupt', message: `broken image header: still incomplete after ${MAX_ROUNDS} reads` };
}

function toProbe(result: Exclude<HeaderResult, { kind: 'need-more' }>): ImageProbe {
  if (result.kind === 'ok') {
    const { format, width, height, storedWidth, storedHeight, orientation, ignoredOrientation, undecodable } = result;
    const probe: ImageProbe = { ok: true, format, width, height, orientation, storedWidth, storedHeight };
    if (ignoredOrientation !== undefined) probe.ignoredOrientation = ignoredOrientation;
    if (undecodable !== undefined) probe.undecodable = undecodable;
    return probe;
  }
  return { ok: false, reason: result.kind, message: result.message };
}

/** File-system errors become a result; anything else is a bug and propagates. */
function unreadable(error: unknown): ImageProbe {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string') throw error;
  const why = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : code;
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

export { probeImages, type ProbeImagesOptions } from './image-probe-bulk.js';
