import { readIfd0 } from './exif.js';
import { BadImage, type ByteReader } from './reader.js';
import type { RawHeader } from './types.js';

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const APP1 = 0xe1;
/** SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range but are not frames. */
const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
/** Markers without a length field: TEM and RST0-7. */
const isStandalone = (m: number) => m === 0x01 || (m >= 0xd0 && m <= 0xd7);
const EXIF_ID = [0x45, 0x78, 0x69, 0x66, 0, 0]; // "Exif\0\0"

/**
 * Walks the marker segments up to the scan (SOS), as libjpeg's header read does: the frame header
 * (SOF) gives the stored size, the first EXIF APP1 the orientation. Segment bodies are skipped unread,
 * so a 60 KB EXIF thumbnail costs one extra small read, not 60 KB.
 */
export function parseJpeg(r: ByteReader): RawHeader {
  let size: { width: number; height: number } | undefined;
  let orientationTag: number | undefined;
  let exifSeen = false;
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
    if (isSof(marker)) size ??= readSof(r, pos, length);
    else if (marker === APP1 && !exifSeen && length >= 8 + EXIF_ID.length && r.matches(pos + 4, EXIF_ID)) {
      exifSeen = true;
      orientationTag = readIfd0(r, pos + 10, pos + 2 + length)?.orientation;
    }
    pos += 2 + length;
  }
  if (!size) throw new BadImage('JPEG has no frame header (SOF) before the scan data');
  return { format: 'jpeg', ...size, ...(orientationTag === undefined ? {} : { orientationTag }) };
}

function readSof(r: ByteReader, pos: number, length: number): { width: number; height: number } {
  if (length < 8) throw new BadImage(`JPEG frame header at byte ${pos} is too short`);
  const height = r.u16(pos + 5, false);
  const width = r.u16(pos + 7, false);
  if (width === 0 || height === 0) throw new BadImage(`JPEG frame header says ${width}x${height} pixels`);
  return { width, height };
}

const hex = (n: number) => n.toString(16).toUpperCase().padStart(2, '0');
