import type { ByteReader } from './reader.js';

/** The IFD0 tags a size probe needs. */
export interface Ifd0 {
  width?: number;
  height?: number;
  orientation?: number;
}

const TAG_WIDTH = 0x0100;
const TAG_HEIGHT = 0x0101;
const TAG_ORIENTATION = 0x0112;
const TYPE_SHORT = 3;
const TYPE_LONG = 4;
/** More entries than this in IFD0 means garbage, not a real directory. */
const MAX_ENTRIES = 4096;

/** Byte order of a TIFF header at `base` ('II' little-endian, 'MM' big-endian), or undefined. */
export function tiffByteOrder(r: ByteReader, base: number): boolean | undefined {
  const order = r.u16(base, false);
  const le = order === 0x4949 ? true : order === 0x4d4d ? false : undefined;
  if (le === undefined || r.u16(base + 2, le) !== 42) return undefined;
  return le;
}

/**
 * Reads ImageWidth, ImageLength and Orientation from IFD0 of the TIFF structure at `base` (a TIFF file,
 * or the EXIF block of a JPEG/PNG/WebP). Offsets are relative to `base`; nothing past `limit` is read,
 * so a broken EXIF block yields undefined instead of wandering through the file.
 */
export function readIfd0(r: ByteReader, base: number, limit: number): Ifd0 | undefined {
  if (base + 8 > limit) return undefined;
  const le = tiffByteOrder(r, base);
  if (le === undefined) return undefined;
  const ifd = base + r.u32(base + 4, le);
  if (ifd < base + 8 || ifd + 2 > limit) return undefined;
  const count = r.u16(ifd, le);
  if (count > MAX_ENTRIES) return undefined;
  const out: Ifd0 = {};
  const end = Math.min(ifd + 2 + count * 12, limit);
  for (let entry = ifd + 2; entry + 12 <= end; entry += 12) {
    const tag = r.u16(entry, le);
    if (tag !== TAG_WIDTH && tag !== TAG_HEIGHT && tag !== TAG_ORIENTATION) continue;
    const value = readScalar(r, entry, le);
    if (value === undefined) continue;
    if (tag === TAG_WIDTH) out.width = value;
    else if (tag === TAG_HEIGHT) out.height = value;
    else out.orientation = value;
  }
  return out;
}

/** The first value of a SHORT or LONG entry (stored inline in the entry's last 4 bytes). */
function readScalar(r: ByteReader, entry: number, le: boolean): number | undefined {
  const type = r.u16(entry + 2, le);
  if (r.u32(entry + 4, le) < 1) return undefined;
  if (type === TYPE_SHORT) return r.u16(entry + 8, le);
  if (type === TYPE_LONG) return r.u32(entry + 8, le);
  return undefined;
}
