import { readIfd0 } from './exif.js';
import { BadImage, type ByteReader } from './reader.js';
import type { RawHeader } from './types.js';

/** IFD0 of the file (the first page: what OpenCV reads). The IFD may sit after the pixel data. */
export function parseTiff(r: ByteReader): RawHeader {
  const ifd = readIfd0(r, 0, r.fileSize ?? Number.MAX_SAFE_INTEGER);
  if (!ifd) throw new BadImage('TIFF has no valid first image directory (IFD0)');
  const { width, height, orientation } = ifd;
  if (!width || !height) throw new BadImage(`TIFF IFD0 has no image size (width ${width ?? 'missing'}, height ${height ?? 'missing'})`);
  return { format: 'tiff', width, height, ...(orientation === undefined ? {} : { orientationTag: orientation }) };
}
