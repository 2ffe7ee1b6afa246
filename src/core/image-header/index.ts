import { parseBmp } from './bmp.js';
import { parseGif } from './gif.js';
import { parseJpeg } from './jpeg.js';
import { parsePng } from './png.js';
import { BadImage, ByteReader, NeedBytes, NeedSize, Truncated } from './reader.js';
import { SNIFF_BYTES, sniff } from './sniff.js';
import { parseTiff } from './tiff.js';
import type { ByteWindow, HeaderResult, ImageFormat, RawHeader } from './types.js';
import { parseWebp } from './webp.js';

export { IMAGE_FORMATS, type ByteWindow, type HeaderResult, type ImageFormat, type RawHeader } from './types.js';

const PARSERS: Record<ImageFormat, (r: ByteReader) => RawHeader> = {
  jpeg: parseJpeg,
  png: parsePng,
  webp: parseWebp,
  bmp: parseBmp,
  tiff: parseTiff,
  gif: parseGif,
};

/**
 * Whether OpenCV 4.6's `imdecode(IMREAD_COLOR)` (mmcv's loader) turns the image by its orientation
 * tag. JPEG: the first APP1. PNG: the eXIf libpng keeps (OpenCV >= 4.5.2). TIFF: the TIFF decoder
 * flips and transposes by the Orientation tag itself. WebP: never reads EXIF.
 */
export const APPLIES_ORIENTATION: Record<ImageFormat, boolean> = {
  jpeg: true,
  png: true,
  webp: false,
  bmp: false,
  gif: false,
  tiff: true,
};

/**
 * OpenCV's own limits (loadsave.cpp validateInputImageSize, the OPENCV_IO_MAX_IMAGE_* defaults):
 * a larger header makes imdecode raise an error, whatever the format.
 */
export const OPENCV_MAX_SIDE = 1 << 20;
export const OPENCV_MAX_PIXELS = 1 << 30;

/**
 * Whether a stock OpenCV build (opencv-python, what mmcv uses) decodes the format at all. GIF: OpenCV
 * had no GIF reader before 4.11, and 4.11+ builds it only with WITH_IMGCODEC_GIF=ON (off by default),
 * so `mmcv.imread` returns None for GIFs; callers should warn.
 */
export const OPENCV_DECODES: Record<ImageFormat, boolean> = {
  jpeg: true,
  png: true,
  webp: true,
  bmp: true,
  tiff: true,
  gif: false,
};

export const FORMAT_NAMES: Record<ImageFormat, string> = {
  jpeg: 'JPEG',
  png: 'PNG',
  webp: 'WebP',
  bmp: 'BMP',
  tiff: 'TIFF',
  gif: 'GIF',
};

const SUPPORTED = 'yw reads JPEG, PNG, WebP, BMP, TIFF and GIF';

/**
 * Image size from the header bytes alone. Give it the whole file, or a window of what was read so
 * far: when bytes are missing it answers `need-more` with the range to read next.
 */
export function parseImageHeader(input: Uint8Array | ByteWindow): HeaderResult {
  const window: ByteWindow = input instanceof Uint8Array ? { segments: [{ offset: 0, bytes: input }], fileSize: input.length } : input;
  if (window.fileSize === 0) return { kind: 'corrupt', message: 'empty file (0 bytes)' };
  const head = window.segments.find((s) => s.offset === 0)?.bytes;
  const wanted = Math.min(SNIFF_BYTES, window.fileSize ?? SNIFF_BYTES);
  if (!head || head.length < wanted) return { kind: 'need-more', offset: 0, length: SNIFF_BYTES };
  const sniffed = sniff(head.subarray(0, SNIFF_BYTES));
  if ('other' in sniffed) return { kind: 'unsupported', message: `unsupported image format: ${sniffed.other} (${SUPPORTED})` };
  if ('text' in sniffed) return { kind: 'unsupported', message: 'not an image: the file holds text' };
  if ('unknown' in sniffed) return { kind: 'unsupported', message: `not an image: unknown content (first bytes ${sniffed.unknown})` };
  const name = FORMAT_NAMES[sniffed.format];
  try {
    return oriented(PARSERS[sniffed.format](new ByteReader(window)));
  } catch (error) {
    if (error instanceof NeedBytes) return { kind: 'need-more', offset: error.offset, length: error.length };
    if (error instanceof NeedSize) return { kind: 'need-more', offset: 0, length: 0 };
    if (error instanceof Truncated) {
      return { kind: 'corrupt', message: `truncated ${name} file: the header needs ${error.end} bytes, the file has ${error.fileSize}` };
    }
    if (error instanceof BadImage) return { kind: 'corrupt', message: `broken ${name} file: ${error.message}` };
    throw error;
  }
}

/** Applies the orientation the way OpenCV does for this format; tags outside 1-8 count as 1. */
function oriented(raw: RawHeader): HeaderResult {
  const tag = raw.orientationTag;
  const valid = tag !== undefined && tag >= 1 && tag <= 8 ? tag : 1;
  const orientation = APPLIES_ORIENTATION[raw.format] ? valid : 1;
  const swap = orientation >= 5;
  const undecodable = raw.undecodable ?? (OPENCV_DECODES[raw.format] ? overOpenCvLimits(raw) : undefined);
  return {
    kind: 'ok',
    format: raw.format,
    width: swap ? raw.height : raw.width,
    height: swap ? raw.width : raw.height,
    storedWidth: raw.width,
    storedHeight: raw.height,
    orientation,
    ...(orientation === 1 && valid > 1 ? { ignoredOrientation: valid } : {}),
    ...(undecodable ? { undecodable } : {}),
  };
}

function overOpenCvLimits({ width, height }: RawHeader): string | undefined {
  if (width > OPENCV_MAX_SIDE || height > OPENCV_MAX_SIDE) return `${width}x${height} is over OpenCV's side limit of 2^20 pixels`;
  if (width * height > OPENCV_MAX_PIXELS) return `${width}x${height} is ${width * height} pixels, over OpenCV's limit of 2^30`;
  return undefined;
}
