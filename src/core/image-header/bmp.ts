import { BadImage, type ByteReader } from './reader.js';
import type { RawHeader } from './types.js';

const CORE_HEADER = 12;
/** OS/2 2.x (16, 64) and BITMAPINFOHEADER and later (40, 52, 56, 108, 124) share the 32-bit layout. */
const INFO_HEADERS = new Set([16, 40, 52, 56, 64, 108, 124]); // keep in step with sniff.ts

/** 'BM' file header, then a DIB header whose size tells its layout; negative height = top-down rows. */
export function parseBmp(r: ByteReader): RawHeader {
  const dibSize = r.u32(14, true);
  if (dibSize === CORE_HEADER) return checked(r.u16(18, true), r.u16(20, true));
  if (!INFO_HEADERS.has(dibSize)) throw new BadImage(`BMP has an unknown DIB header size ${dibSize}`);
  return checked(r.i32le(18), Math.abs(r.i32le(22)));
}

function checked(width: number, height: number): RawHeader {
  if (width <= 0 || height <= 0) throw new BadImage(`BMP header says ${width}x${height} pixels`);
  return { format: 'bmp', width, height };
}
