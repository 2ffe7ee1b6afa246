import { readIfd0 } from './exif.js';
import { BadImage, type ByteReader } from './reader.js';
import type { RawHeader } from './types.js';

/** Chunks before the image data are few; more than this means a broken chunk chain. */
const MAX_CHUNKS = 1000;

/**
 * IHDR gives the size. An `eXIf` chunk before the image data gives the orientation (OpenCV >= 4.5.2
 * applies it for PNG, see docs/image-sizes.md); an eXIf after IDAT is not looked for, since reaching it
 * means reading the whole file.
 */
export function parsePng(r: ByteReader): RawHeader {
  if (r.u32(8, false) !== 13 || r.ascii(12, 4) !== 'IHDR') throw new BadImage('PNG does not start with an IHDR chunk');
  const width = r.u32(16, false);
  const height = r.u32(20, false);
  if (width === 0 || height === 0) throw new BadImage(`PNG IHDR says ${width}x${height} pixels`);
  const orientationTag = findExifOrientation(r);
  return { format: 'png', width, height, ...(orientationTag === undefined ? {} : { orientationTag }) };
}

function findExifOrientation(r: ByteReader): number | undefined {
  let pos = 8 + 8 + 13 + 4; // signature, IHDR
  for (let n = 0; n < MAX_CHUNKS; n++) {
    if (!r.fits(pos, 8)) return undefined;
    const length = r.u32(pos, false);
    const type = r.ascii(pos + 4, 4);
    if (type === 'IDAT' || type === 'IEND') return undefined;
    if (type === 'eXIf') {
      // Some writers prefix the TIFF data with the JPEG-style "Exif\0\0" identifier.
      const base = length >= 6 && r.ascii(pos + 8, 6) === 'Exif\0\0' ? pos + 14 : pos + 8;
      return readIfd0(r, base, pos + 8 + length)?.orientation;
    }
    pos += 12 + length;
  }
  return undefined;
}
