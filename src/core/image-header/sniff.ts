import type { ImageFormat } from './types.js';

/** How many leading bytes `sniff` looks at. */
export const SNIFF_BYTES = 64;

export type Sniffed = { format: ImageFormat } | { other: string } | { text: true } | { unknown: string };

const startsWith = (b: Uint8Array, sig: ArrayLike<number>, at = 0) => {
  for (let i = 0; i < sig.length; i++) if (b[at + i] !== sig[i]) return false;
  return true;
};
const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

const RIFF = ascii('RIFF');
const WEBP = ascii('WEBP');
const FTYP = ascii('ftyp');

const IMAGES: ReadonlyArray<[ImageFormat, number[], number?]> = [
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['gif', ascii('GIF87a')],
  ['gif', ascii('GIF89a')],
  ['tiff', [0x49, 0x49, 0x2a, 0x00]],
  ['tiff', [0x4d, 0x4d, 0x00, 0x2a]],
];

/** 'BM' alone also starts text ("BMW ..."): a BMP needs a known DIB header size too. */
const BMP_DIB_SIZES = new Set([12, 16, 40, 52, 56, 64, 108, 124]);
const isBmp = (b: Uint8Array) =>
  b[0] === 0x42 && b[1] === 0x4d && b.length >= 18 && BMP_DIB_SIZES.has(b[14]! | (b[15]! << 8) | (b[16]! << 16) | (b[17]! << 24));

/** Other formats recognised only to name them in the message. */
const OTHERS: ReadonlyArray<[string, number[], number?]> = [
  ['BigTIFF', [0x49, 0x49, 0x2b, 0x00]],
  ['BigTIFF', [0x4d, 0x4d, 0x00, 0x2b]],
  ['JPEG 2000', [0, 0, 0, 0x0c, 0x6a, 0x50, 0x20, 0x20]],
  ['JPEG 2000', [0xff, 0x4f, 0xff, 0x51]],
  ['JPEG XL', [0xff, 0x0a]],
  ['JPEG XL', [0, 0, 0, 0x0c, 0x4a, 0x58, 0x4c, 0x20]],
  ['PDF', ascii('%PDF')],
  ['ZIP archive', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip archive', [0x1f, 0x8b]],
  ['Photoshop PSD', ascii('8BPS')],
  ['OpenEXR', [0x76, 0x2f, 0x31, 0x01]],
  ['Radiance HDR', ascii('#?RADIANCE')],
  ['ICO', [0, 0, 1, 0]],
];

/** Names the content from its first bytes. Content wins over the file extension. */
export function sniff(head: Uint8Array): Sniffed {
  if (startsWith(head, RIFF) && startsWith(head, WEBP, 8)) return { format: 'webp' };
  for (const [format, sig] of IMAGES) if (startsWith(head, sig)) return { format };
  if (isBmp(head)) return { format: 'bmp' };
  if (startsWith(head, FTYP, 4)) return { other: isoMedia(head) };
  for (const [name, sig] of OTHERS) if (startsWith(head, sig)) return { other: name };
  if (head[0] === 0x50 && head[1]! >= 0x31 && head[1]! <= 0x37 && isSpace(head[2])) return { other: 'PNM/PPM' };
  if (startsWith(head, RIFF)) return { other: 'RIFF (not WebP)' };
  const text = new TextDecoder('utf-8').decode(head);
  if (/^\uFEFF?\s*<(\?xml|svg|!DOCTYPE svg)/i.test(text) && /<svg/i.test(text)) return { other: 'SVG' };
  if (looksLikeText(head)) return { text: true };
  return { unknown: Array.from(head.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ') };
}

function isoMedia(head: Uint8Array): string {
  const brand = String.fromCharCode(...head.subarray(8, 12));
  if (/^(heic|heix|heim|heis|hevc|hevx|mif1|msf1)$/.test(brand)) return 'HEIC/HEIF';
  if (/^avi[fs]$/.test(brand)) return 'AVIF';
  return `ISO media (brand "${brand.replace(/[^\x20-\x7e]/g, '?')}")`;
}

const isSpace = (b: number | undefined) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/** Printable ASCII, whitespace or UTF-8 multi-byte sequences only. */
function looksLikeText(head: Uint8Array): boolean {
  if (head.length === 0) return false;
  for (const b of head) if (b < 0x20 && !isSpace(b) && b !== 0x0c) return false;
  return true;
}
