import { exifOrientation } from './exif.js';
import { BadImage, type ByteReader } from './reader.js';
import type { RawHeader } from './types.js';

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const APP1 = 0xe1;
/** SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range but are not frames. */
const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
/** Frame types libjpeg(-turbo 2.x, as built into OpenCV 4.6) decodes: baseline, extended, progressive, arithmetic. */
const DECODED_SOF = new Set([0xc0, 0xc1, 0xc2, 0xc9, 0xca]);
/** Markers without a length field: TEM and RST0-7. */
const isStandalone = (m: number) => m === 0x01 || (m >= 0xd0 && m <= 0xd7);
/** libjpeg's JPEG_MAX_DIMENSION. */
const MAX_SIDE = 65500;
/** The identifier OpenCV skips, unread, before the TIFF data of an APP1 ("Exif\0\0" in a real file). */
const APP1_ID_BYTES = 6;

/**
 * Walks the marker segments up to the scan (SOS), as libjpeg's header read does: the frame header
 * (SOF) gives the stored size. The orientation comes from the first APP1 whatever it holds, as
 * OpenCV 4.6 reads it (it skips 6 bytes and parses the rest as TIFF data, exif.ts): an XMP APP1
 * before the EXIF one hides the orientation from OpenCV, so it is hidden here too. Segment bodies are
 * skipped unread, so a 60 KB EXIF thumbnail costs one extra small read, not 60 KB.
 */
export function parseJpeg(r: ByteReader): RawHeader {
  let frame: { width: number; height: number; undecodable?: string } | undefined;
  let orientationTag: number | undefined;
  let app1Seen = false;
  let pos = 2;
  for (;;) {
    if (r.u8(pos) !== 0xff) throw new BadImage(`JPEG marker expected at byte ${pos}, found garbage`);
    let marker = r.u8(pos + 1);
    while (marker === 0xff) marker = r.u8(++pos + 1); // fill bytes before a marker are legal
    if (isStandalone(marker)) {
      pos += 2;
      continue;
    }
    if (marker === EOI || marker === SOI) throw new BadImage(`JPEG ends (marker 0x${hex(marker)}) before the scan`);
    if (marker === SOS) break;
    const length = r.u16(pos + 2, false);
    if (length < 2) throw new BadImage(`JPEG segment at byte ${pos} has an invalid length ${length}`);
    if (isSof(marker)) {
      if (frame) frame.undecodable ??= 'the JPEG has two frame headers (SOF); libjpeg stops at the second';
      else frame = readSof(r, pos, length, marker);
    } else if (marker === APP1 && !app1Seen) {
      app1Seen = true;
      if (length - 2 > APP1_ID_BYTES) orientationTag = exifOrientation(r, pos + 4 + APP1_ID_BYTES, pos + 2 + length);
    }
    pos += 2 + length;
  }
  if (!frame) throw new BadImage('JPEG has no frame header (SOF) before the scan data');
  const { width, height, undecodable } = frame;
  return { format: 'jpeg', width, height, ...(orientationTag === undefined ? {} : { orientationTag }), ...(undecodable ? { undecodable } : {}) };
}

function readSof(r: ByteReader, pos: number, length: number, marker: number): { width: number; height: number; undecodable?: string } {
  if (length < 8) throw new BadImage(`JPEG frame header at byte ${pos} is too short`);
  const precision = r.u8(pos + 4);
  const height = r.u16(pos + 5, false);
  const width = r.u16(pos + 7, false);
  if (width === 0 || height === 0) throw new BadImage(`JPEG frame header says ${width}x${height} pixels`);
  let undecodable: string | undefined;
  if (!DECODED_SOF.has(marker)) undecodable = `its frame type SOF${marker - 0xc0} (lossless or hierarchical JPEG) is not one libjpeg decodes`;
  else if (precision !== 8) undecodable = `its samples have ${precision} bits; OpenCV's libjpeg decodes 8-bit JPEGs only`;
  else if (width > MAX_SIDE || height > MAX_SIDE) undecodable = `${width}x${height} is over libjpeg's ${MAX_SIDE}-pixel side limit`;
  return { width, height, ...(undecodable ? { undecodable } : {}) };
}

const hex = (n: number) => n.toString(16).toUpperCase().padStart(2, '0');
