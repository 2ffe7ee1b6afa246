import { exifOrientation } from './exif.js';
import { BadImage, type ByteReader } from './reader.js';
import type { RawHeader } from './types.js';

const VP8X_EXIF_FLAG = 0x08;
const VP8X_ANIMATION_FLAG = 0x02;
/** The EXIF chunk follows the image chunks; an animation with more frames than this is not walked. */
const MAX_CHUNKS = 64;

/**
 * RIFF container with one of three first chunks: `VP8 ` (lossy), `VP8L` (lossless) or `VP8X`
 * (extended: canvas size, flags, and optional EXIF chunk after the image data).
 */
export function parseWebp(r: ByteReader): RawHeader {
  const chunk = r.ascii(12, 4);
  if (chunk === 'VP8 ') return { format: 'webp', ...vp8(r) };
  if (chunk === 'VP8L') return { format: 'webp', ...vp8l(r) };
  if (chunk !== 'VP8X') throw new BadImage(`WebP starts with an unknown chunk "${printable(chunk)}"`);
  const width = 1 + r.u24le(24);
  const height = 1 + r.u24le(27);
  const flags = r.u8(20);
  const orientationTag = flags & VP8X_EXIF_FLAG ? findExifOrientation(r) : undefined;
  // OpenCV 4.6 decodes with WebPDecode, which refuses animations.
  const undecodable = flags & VP8X_ANIMATION_FLAG ? 'it is an animated WebP, and OpenCV decodes still WebP images only' : undefined;
  return { format: 'webp', width, height, ...(orientationTag === undefined ? {} : { orientationTag }), ...(undecodable ? { undecodable } : {}) };
}

function vp8(r: ByteReader): { width: number; height: number } {
  const start = r.bytes(23, 3);
  if (start[0] !== 0x9d || start[1] !== 0x01 || start[2] !== 0x2a) throw new BadImage('WebP VP8 frame has no start code');
  const width = r.u16(26, true) & 0x3fff;
  const height = r.u16(28, true) & 0x3fff;
  if (width === 0 || height === 0) throw new BadImage(`WebP VP8 frame says ${width}x${height} pixels`);
  return { width, height };
}

function vp8l(r: ByteReader): { width: number; height: number } {
  if (r.u8(20) !== 0x2f) throw new BadImage('WebP VP8L chunk has no signature byte');
  const bits = r.u32(21, true);
  return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >>> 14) & 0x3fff) };
}

/** Walks the chunks after VP8X to the EXIF chunk (usually after the image data, near the end). */
function findExifOrientation(r: ByteReader): number | undefined {
  let pos = 12 + 8 + 10;
  for (let n = 0; n < MAX_CHUNKS && r.fits(pos, 8); n++) {
    const isExif = r.ascii(pos, 4) === 'EXIF';
    const length = r.u32(pos + 4, true);
    if (isExif) {
      const base = length >= 6 && r.ascii(pos + 8, 6) === 'Exif\0\0' ? pos + 14 : pos + 8;
      return exifOrientation(r, base, pos + 8 + length);
    }
    pos += 8 + length + (length & 1); // chunks are padded to an even size
  }
  return undefined;
}

const printable = (s: string) => s.replace(/[^\x20-\x7e]/g, '?');
