import { crc32 } from './crc32.js';
import { exifOrientation } from './exif.js';
import { BadImage, NeedSize, type ByteReader } from './reader.js';
import type { RawHeader } from './types.js';

/** Chunks before the image data are few; more than this means a broken chunk chain. */
const MAX_CHUNKS = 1000;
/** How much of the file's end is searched for an eXIf after the image data. */
export const PNG_TAIL_BYTES = 16 * 1024;
/** libpng's default user limit on width and height (PNG_USER_WIDTH_MAX/HEIGHT_MAX). */
const LIBPNG_MAX_SIDE = 1_000_000;
/** Bit depths libpng accepts per colour type (png_check_IHDR). */
const DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

/**
 * IHDR gives the size, checked as libpng checks it (CRC, limits, depth and colour type): a header
 * libpng refuses decodes to nothing in OpenCV, which is reported, not sized silently. The
 * orientation is that of the first eXIf chunk libpng keeps, before the image data or else after it
 * (OpenCV 4.6 asks libpng for both, before first); see exifChunk for what libpng keeps.
 */
export function parsePng(r: ByteReader): RawHeader {
  if (r.u32(8, false) !== 13 || r.ascii(12, 4) !== 'IHDR') throw new BadImage('PNG does not start with an IHDR chunk');
  const width = r.u32(16, false);
  const height = r.u32(20, false);
  if (width === 0 || height === 0) throw new BadImage(`PNG IHDR says ${width}x${height} pixels`);
  const undecodable = ihdrProblem(r, width, height);
  const orientationTag = findExifOrientation(r);
  return { format: 'png', width, height, ...(orientationTag === undefined ? {} : { orientationTag }), ...(undecodable ? { undecodable } : {}) };
}

function ihdrProblem(r: ByteReader, width: number, height: number): string | undefined {
  if (crc32(r.bytes(12, 17)) !== r.u32(29, false)) return 'its IHDR checksum is wrong, and libpng refuses a damaged IHDR';
  if (width > LIBPNG_MAX_SIDE || height > LIBPNG_MAX_SIDE) return `${width}x${height} is over libpng's ${LIBPNG_MAX_SIDE.toLocaleString('en')}-pixel side limit`;
  const [depth, colour, compression, filter, interlace] = r.bytes(24, 5);
  if (!DEPTHS[colour!]?.includes(depth!)) return `its IHDR has bit depth ${depth} with colour type ${colour}, which PNG does not allow`;
  if (compression !== 0 || filter !== 0 || interlace! > 1) return 'its IHDR names an unknown compression, filter or interlace method';
  return undefined;
}

/** Orientation of the first eXIf libpng keeps: before IDAT, else in the file's tail after IDAT. */
function findExifOrientation(r: ByteReader): number | undefined {
  let pos = 8 + 8 + 13 + 4; // signature, IHDR
  for (let n = 0; n < MAX_CHUNKS; n++) {
    if (!r.fits(pos, 8)) return undefined;
    const length = r.u32(pos, false);
    const type = r.ascii(pos + 4, 4);
    if (type === 'IDAT') return exifAfterImageData(r);
    if (type === 'IEND') return undefined;
    const exif = type === 'eXIf' ? exifChunk(r, pos, length) : undefined;
    if (exif) return exif.orientation; // a second eXIf is a "duplicate" to libpng
    pos += 12 + length;
  }
  return undefined;
}

/**
 * The eXIf chunk at `pos` if libpng keeps it: at least 2 bytes, a byte-order mark it accepts (byte 1
 * is 'M' or 'I', or equals byte 0: so "Exif\0\0..." is dropped) and a correct CRC (an ancillary
 * chunk with a bad CRC is dropped with a warning).
 */
function exifChunk(r: ByteReader, pos: number, length: number): { orientation: number | undefined } | undefined {
  if (length < 2 || !r.fits(pos, 12 + length)) return undefined;
  const [b0, b1] = r.bytes(pos + 8, 2);
  if (b1 !== 0x4d && b1 !== 0x49 && b0 !== b1) return undefined;
  if (crc32(r.bytes(pos + 4, 4 + length)) !== r.u32(pos + 8 + length, false)) return undefined;
  return { orientation: exifOrientation(r, pos + 8, pos + 8 + length) };
}

/**
 * An eXIf after the image data sits between the last IDAT and IEND. Walking there chunk by chunk
 * would read the whole file, so the last PNG_TAIL_BYTES are searched for an eXIf whose chunk chain
 * reaches IEND without an IDAT (a larger eXIf after the image data is not found). Searched as text:
 * most PNGs have no "eXIf" there, and one native indexOf says so.
 */
function exifAfterImageData(r: ByteReader): number | undefined {
  const size = r.fileSize;
  if (size === undefined) throw new NeedSize();
  const start = Math.max(0, size - PNG_TAIL_BYTES);
  const tail = LATIN1.decode(r.bytes(start, size - start)); // one character per byte
  const iend = tail.lastIndexOf('\0\0\0\0IEND');
  for (let at = tail.indexOf('eXIf', 4) - 4; at >= 0 && at < iend; at = tail.indexOf('eXIf', at + 5) - 4) {
    if (!chainsTo(r, start + at, start + iend)) continue;
    const exif = exifChunk(r, start + at, r.u32(start + at, false));
    if (exif) return exif.orientation;
  }
  return undefined;
}

const LATIN1 = new TextDecoder('latin1');

/** Whether the chunks from `pos` lead exactly to `end` with no IDAT among them. */
function chainsTo(r: ByteReader, pos: number, end: number): boolean {
  for (let at = pos; at <= end; ) {
    if (at === end) return true;
    if (!r.fits(at, 8) || r.ascii(at + 4, 4) === 'IDAT') return false;
    at += 12 + r.u32(at, false);
  }
  return false;
}
