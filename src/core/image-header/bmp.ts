import { BadImage, type ByteReader } from './reader.js';
import type { RawHeader } from './types.js';

const CORE_HEADER = 12;
/** OS/2 2.x (16, 64) and BITMAPINFOHEADER and later (40, 52, 56, 108, 124) share the 32-bit layout. */
const INFO_HEADERS = new Set([16, 40, 52, 56, 64, 108, 124]); // keep in step with sniff.ts
/** OpenCV 4.6's BmpDecoder reads the 32-bit layout only from headers this long. */
const OPENCV_MIN_INFO = 36;
const PLAIN_BITS = [1, 4, 8, 24, 32];
const RGB = 0;
const RLE8 = 1;
const RLE4 = 2;
const BITFIELDS = 3;

/** 'BM' file header, then a DIB header whose size tells its layout; negative height = top-down rows. */
export function parseBmp(r: ByteReader): RawHeader {
  const dibSize = r.u32(14, true);
  if (dibSize === CORE_HEADER) {
    const bits = r.u16(24, true);
    return checked(r.u16(18, true), r.u16(20, true), PLAIN_BITS.includes(bits) ? undefined : `it has ${bits} bits per pixel`);
  }
  if (!INFO_HEADERS.has(dibSize)) throw new BadImage(`BMP has an unknown DIB header size ${dibSize}`);
  return checked(r.i32le(18), Math.abs(r.i32le(22)), infoProblem(r, dibSize));
}

function checked(width: number, height: number, problem: string | undefined): RawHeader {
  if (width <= 0 || height <= 0) throw new BadImage(`BMP header says ${width}x${height} pixels`);
  return { format: 'bmp', width, height, ...(problem ? { undecodable: `OpenCV's BMP reader refuses it: ${problem}` } : {}) };
}

/** The bit count and compression pairs OpenCV 4.6's BmpDecoder::readHeader accepts, and nothing else. */
function infoProblem(r: ByteReader, dibSize: number): string | undefined {
  if (dibSize < OPENCV_MIN_INFO) return `its ${dibSize}-byte header is neither the 12-byte core header nor 36 bytes or more`;
  const bits = r.u16(28, true);
  const compression = r.u32(30, true);
  const accepted =
    (PLAIN_BITS.includes(bits) && compression === RGB) ||
    ((bits === 16 || bits === 32) && (compression === RGB || compression === BITFIELDS)) ||
    (bits === 4 && compression === RLE4) ||
    (bits === 8 && compression === RLE8);
  if (!accepted) return `${bits} bits per pixel with compression ${compression}`;
  if (bits !== 16 || compression !== BITFIELDS) return undefined;
  // Masks are read right after the header, as OpenCV reads them (even for V4/V5 headers that hold them).
  const [red, green, blue] = [r.u32(14 + dibSize, true), r.u32(18 + dibSize, true), r.u32(22 + dibSize, true)];
  const is555 = blue === 0x1f && green === 0x3e0 && red === 0x7c00;
  const is565 = blue === 0x1f && green === 0x7e0 && red === 0xf800;
  return is555 || is565 ? undefined : '16-bit colour masks other than 5-5-5 or 5-6-5';
}
