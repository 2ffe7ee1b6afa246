import { BadImage, type ByteReader } from './reader.js';
import type { RawHeader } from './types.js';

/** The logical screen size after the 'GIF87a'/'GIF89a' signature (what decoders allocate). */
export function parseGif(r: ByteReader): RawHeader {
  const width = r.u16(6, true);
  const height = r.u16(8, true);
  if (width === 0 || height === 0) throw new BadImage(`GIF screen descriptor says ${width}x${height} pixels`);
  return { format: 'gif', width, height };
}
