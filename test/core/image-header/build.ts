import { crc32 } from '../../../src/core/image-header/crc32.js';

/** Byte builders for hand-made headers: each test states exactly what the file holds. */

export const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

export const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** A TIFF structure: header then IFD0 at `ifdOffset` (default 8) with SHORT/LONG entries. */
export function tiffBlock(le: boolean, entries: Array<[tag: number, type: 3 | 4, value: number]>, ifdOffset = 8): Uint8Array {
  const bytes = new Uint8Array(ifdOffset + 2 + entries.length * 12 + 4);
  const v = new DataView(bytes.buffer);
  bytes.set(latin1(le ? 'II' : 'MM'));
  v.setUint16(2, 42, le);
  v.setUint32(4, ifdOffset, le);
  v.setUint16(ifdOffset, entries.length, le);
  entries.forEach(([tag, type, value], i) => {
    const at = ifdOffset + 2 + i * 12;
    v.setUint16(at, tag, le);
    v.setUint16(at + 2, type, le);
    v.setUint32(at + 4, 1, le);
    if (type === 3) v.setUint16(at + 8, value, le);
    else v.setUint32(at + 8, value, le);
  });
  return bytes;
}

/** A JPEG marker segment: FF, marker, 2-byte big-endian length, body. */
export function segment(marker: number, body: Uint8Array): Uint8Array {
  return concat(Uint8Array.of(0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff), body);
}

export const exifApp1 = (tiff: Uint8Array) => segment(0xe1, concat(latin1('Exif\0\0'), tiff));

/** Baseline frame header for a 3-component image of the given size. */
export const sof = (width: number, height: number, marker = 0xc0) =>
  segment(marker, Uint8Array.of(8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0));

const SOS = segment(0xda, Uint8Array.of(1, 1, 0, 0, 63, 0));

/** SOI, the given segments, a scan header, one byte of "scan data" and EOI. */
export const jpeg = (...segments: Uint8Array[]) => concat(Uint8Array.of(0xff, 0xd8), ...segments, SOS, Uint8Array.of(0, 0xff, 0xd9));

/** A PNG chunk with its CRC (`crc` to write a wrong one): libpng drops an ancillary chunk with a bad CRC. */
export function pngChunk(type: string, data: Uint8Array, crc?: number): Uint8Array {
  const head = new Uint8Array(8);
  new DataView(head.buffer).setUint32(0, data.length);
  head.set(latin1(type), 4);
  const tail = new Uint8Array(4);
  new DataView(tail.buffer).setUint32(0, crc ?? crc32(concat(head.subarray(4), data)));
  return concat(head, data, tail);
}

export function png(width: number, height: number, ...chunks: Uint8Array[]): Uint8Array {
  const ihdr = new Uint8Array(13);
  new DataView(ihdr.buffer).setUint32(0, width);
  new DataView(ihdr.buffer).setUint32(4, height);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return concat(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), pngChunk('IHDR', ihdr), ...chunks, pngChunk('IEND', new Uint8Array(0)));
}

export const ORIENTATION = 0x0112;
