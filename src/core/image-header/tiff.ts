import { BadImage, type ByteReader } from './reader.js';
import type { RawHeader } from './types.js';

const TAG_WIDTH = 0x0100;
const TAG_HEIGHT = 0x0101;
const TAG_ORIENTATION = 0x0112;
const TYPE_BYTE = 1;
const TYPE_SHORT = 3;
const TYPE_LONG = 4;
/** libtiff's sanity check: a classic IFD with more entries than this is not an IFD (TIFFFetchDirectory). */
const MAX_ENTRIES = 4096;

/**
 * IFD0 of the file (the first page: what OpenCV reads through libtiff). The IFD may sit after the
 * pixel data. The Orientation tag is read as libtiff reads it (one value of an integer type, 1-8;
 * anything else is ignored with a warning), and OpenCV 4.6's TIFF decoder turns the pixels by it
 * itself (grfmt_tiff.cpp fixOrientation), so 5-8 swap width and height as for JPEG.
 */
export function parseTiff(r: ByteReader): RawHeader {
  const le = r.u16(0, false) === 0x4949;
  const ifd = r.u32(4, le);
  const count = ifd >= 8 && r.fits(ifd, 2) ? r.u16(ifd, le) : 0;
  if (count === 0 || count > MAX_ENTRIES) throw new BadImage('TIFF has no valid first image directory (IFD0)');
  let width: number | undefined;
  let height: number | undefined;
  let orientationTag: number | undefined;
  for (let entry = ifd + 2, end = ifd + 2 + count * 12; entry + 12 <= end; entry += 12) {
    if (!r.fits(entry, 12)) break;
    const tag = r.u16(entry, le);
    if (tag === TAG_WIDTH) width = value(r, entry, le);
    else if (tag === TAG_HEIGHT) height = value(r, entry, le);
    else if (tag === TAG_ORIENTATION) orientationTag = value(r, entry, le);
  }
  if (!width || !height) throw new BadImage(`TIFF IFD0 has no image size (width ${width ?? 'missing'}, height ${height ?? 'missing'})`);
  const orientation = orientationTag !== undefined && orientationTag >= 1 && orientationTag <= 8 ? orientationTag : undefined;
  return { format: 'tiff', width, height, ...(orientation === undefined ? {} : { orientationTag: orientation }) };
}

/** The one value of a BYTE, SHORT or LONG entry (stored inline); undefined for another type or count. */
function value(r: ByteReader, entry: number, le: boolean): number | undefined {
  const type = r.u16(entry + 2, le);
  if (r.u32(entry + 4, le) !== 1) return undefined;
  if (type === TYPE_BYTE) return r.u8(entry + 8);
  if (type === TYPE_SHORT) return r.u16(entry + 8, le);
  if (type === TYPE_LONG) return r.u32(entry + 8, le);
  return undefined;
}
