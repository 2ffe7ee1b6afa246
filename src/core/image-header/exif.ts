import type { ByteReader } from './reader.js';

/**
 * The Orientation value OpenCV 4.6 applies from an EXIF block (JPEG APP1, PNG eXIf): a port of the
 * reading rules of its ExifReader (modules/imgcodecs/src/exif.cpp), not of the EXIF standard.
 * - Byte order: little-endian only for "II"; anything else reads big-endian. Bytes 2-3 must read 42.
 * - IFD0 is wherever the offset at byte 4 points (no sanity check), its entry count is believed
 *   (0xFFFF included), and the entries are read in order until a read falls outside the block.
 * - That fault ends the walk but keeps what was read before it: an Orientation entry before the
 *   fault counts, one after it does not. Entries OpenCV decodes (strings, rationals) fault when their
 *   value lies outside the block, so a broken Make before Orientation hides the Orientation.
 * - Orientation is the 16-bit value in the entry's value field, whatever its type and count (a LONG 6
 *   is 6 little-endian but 0 big-endian); the first Orientation entry wins.
 * Returns undefined when there is no Orientation entry before a fault.
 */
export function exifOrientation(r: ByteReader, base: number, limit: number): number | undefined {
  const walk = new ExifWalk(r, base, limit - base);
  try {
    walk.run();
  } catch (error) {
    if (error !== FAULT) throw error; // NeedBytes: the block is not all read yet
  }
  return walk.orientation;
}

/** OpenCV's ExifParsingError: a read outside the block. */
const FAULT = Symbol('exif fault');

const ORIENTATION = 0x0112;
/** Tags OpenCV decodes as strings (ImageDescription, Make, Model, Software, DateTime, Copyright). */
const STRINGS = new Set([0x010e, 0x010f, 0x0110, 0x0131, 0x0132, 0x8298]);
/** Tags OpenCV decodes as unsigned rationals, with how many (XResolution ... ReferenceBlackWhite). */
const RATIONALS = new Map([[0x011a, 1], [0x011b, 1], [0x013e, 2], [0x013f, 6], [0x0211, 3], [0x0214, 6]]);
/** Tags OpenCV decodes as one SHORT besides Orientation (ResolutionUnit, YCbCrPositioning). */
const SHORTS = new Set([0x0128, 0x0213]);

class ExifWalk {
  orientation: number | undefined;
  private readonly le: boolean;

  constructor(
    private readonly r: ByteReader,
    private readonly base: number,
    private readonly size: number,
  ) {
    this.le = size > 1 && r.u8(base) === 0x49 && r.u8(base + 1) === 0x49;
  }

  run(): void {
    if (this.size <= 0 || this.u16(2) !== 42) return;
    let offset = this.u32(4);
    const entries = this.u16(offset);
    offset = (offset + 2) >>> 0; // OpenCV keeps the offset in a uint32_t
    for (let i = 0; i < entries; i++) {
      this.entry(offset);
      offset = (offset + 12) >>> 0;
    }
  }

  private entry(at: number): void {
    const tag = this.u16(at);
    if (tag === ORIENTATION) {
      const value = this.u16(at + 8);
      this.orientation ??= value;
    } else if (STRINGS.has(tag)) {
      const length = this.u32(at + 4);
      const start = length > 4 ? this.u32(at + 8) : 8; // (sic) OpenCV's inline strings start at byte 8 of the block
      if (start > this.size || start + length > this.size) throw FAULT;
    } else if (SHORTS.has(tag)) {
      this.u16(at + 8);
    } else {
      const count = RATIONALS.get(tag);
      if (count !== undefined) this.rationals(this.u32(at + 8), count);
    }
  }

  private rationals(start: number, count: number): void {
    for (let i = 0, at = start; i < count; i++, at = (at + 8) >>> 0) {
      this.u32(at);
      this.u32(at + 4);
    }
  }

  private u16(offset: number): number {
    if (offset + 1 >= this.size) throw FAULT;
    return this.r.u16(this.base + offset, this.le);
  }

  private u32(offset: number): number {
    if (offset + 3 >= this.size) throw FAULT;
    return this.r.u32(this.base + offset, this.le);
  }
}
