// Hand-built variants of real images (made by sharp in make-fixture-images.js) for the rules by which
// OpenCV 4.6's imdecode (mmcv's loader) sizes and turns an image, each byte placed on purpose.
// Every file is decoded by Debian's python3-opencv 4.6 in scripts/make-opencv-sizes.js; what that
// decode gave is committed in fixtures/images/opencv-4.6-sizes.json.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A TIFF structure: header, then IFD0 at 8 with `entries` [tag, type, count, value bytes(4)], then `tail`. */
function tiffBlock(le, entries, { count = entries.length, tail = Buffer.alloc(0) } = {}) {
  const head = Buffer.alloc(8 + 2 + entries.length * 12 + 4);
  head.write(le ? 'II' : 'MM', 0, 'latin1');
  const u16 = (v, at) => (le ? head.writeUInt16LE(v, at) : head.writeUInt16BE(v, at));
  const u32 = (v, at) => (le ? head.writeUInt32LE(v, at) : head.writeUInt32BE(v, at));
  u16(42, 2);
  u32(8, 4);
  u16(count, 8);
  entries.forEach(([tag, type, n, value], i) => {
    const at = 10 + i * 12;
    u16(tag, at);
    u16(type, at + 2);
    u32(n, at + 4);
    if (type === 3) u16(value, at + 8); // SHORT: left-justified in the 4-byte field
    else u32(value, at + 8);
  });
  return Buffer.concat([head, tail]);
}

const SHORT = 3;
const LONG = 4;
const RATIONAL = 5;
const ASCII = 2;
const ORIENTATION = 0x0112;

function app1(body) {
  const head = Buffer.from([0xff, 0xe1, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}
const exifApp1 = (tiff, id = 'Exif\0\0') => app1(Buffer.concat([Buffer.from(id, 'latin1'), tiff]));
/** `jpeg` with `segments` inserted right after SOI. */
const afterSoi = (jpeg, ...segments) => Buffer.concat([jpeg.subarray(0, 2), ...segments, jpeg.subarray(2)]);

/** Offset of the first marker `marker` (FF xx) in the segment chain of a JPEG. */
function markerAt(jpeg, marker) {
  for (let pos = 2; pos < jpeg.length - 3; ) {
    if (jpeg[pos + 1] === marker) return pos;
    pos += 2 + jpeg.readUInt16BE(pos + 2);
  }
  throw new Error(`no marker ${marker.toString(16)}`);
}

/** A copy of `jpeg` with its baseline SOF changed by `edit(copy, sofOffset)`. */
function editSof(jpeg, edit) {
  const copy = Buffer.from(jpeg);
  edit(copy, markerAt(copy, 0xc0));
  return copy;
}

/** PNG chunks of `png` as [type, data] pairs, and back. */
function pngChunks(png) {
  const chunks = [];
  for (let pos = 8; pos < png.length; ) {
    const length = png.readUInt32BE(pos);
    chunks.push([png.toString('latin1', pos + 4, pos + 8), png.subarray(pos + 8, pos + 8 + length)]);
    pos += 12 + length;
  }
  return chunks;
}

function pngChunk(type, data, crc) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc ?? crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, tail]);
}

const pngFile = (chunks) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ...chunks]);

/** `png` without its eXIf chunks, with `extra` chunks placed before IDAT and `late` ones after it. */
function withExif(png, { before = [], after = [], ihdr } = {}) {
  const out = [];
  for (const [type, data] of pngChunks(png)) {
    if (type === 'eXIf') continue;
    if (type === 'IHDR') out.push(ihdr ? ihdr(data) : pngChunk(type, data));
    else if (type === 'IDAT') out.push(...before, pngChunk(type, data));
    else if (type === 'IEND') out.push(...after, pngChunk(type, data));
    else out.push(pngChunk(type, data));
  }
  return pngFile(out);
}

/** IHDR data with width/height (and optionally bit depth) replaced; `badCrc` writes a wrong CRC. */
const ihdrWith = ({ width, height, depth, badCrc = false }) => (data) => {
  const d = Buffer.from(data);
  if (width !== undefined) d.writeUInt32BE(width, 0);
  if (height !== undefined) d.writeUInt32BE(height, 4);
  if (depth !== undefined) d[8] = depth;
  const good = pngChunk('IHDR', d);
  if (badCrc) good.writeUInt32BE((good.readUInt32BE(good.length - 4) ^ 1) >>> 0, good.length - 4);
  return good;
};

/** A TIFF (little-endian, IFD0 found from its header) with IFD0 entry `tag` rewritten by `edit(buf, at, le)`. */
function editTiffEntry(tiff, tag, edit) {
  const copy = Buffer.from(tiff);
  const ifd = copy.readUInt32LE(4);
  const n = copy.readUInt16LE(ifd);
  for (let i = 0; i < n; i++) {
    const at = ifd + 2 + i * 12;
    if (copy.readUInt16LE(at) === tag) {
      edit(copy, at);
      return copy;
    }
  }
  throw new Error(`no tag ${tag}`);
}

/** RIFF/WEBP around the VP8 chunk of a lossy WebP, as a 2-frame animation (VP8X with the animation flag). */
function animatedWebp(lossy, width, height) {
  const vp8 = lossy.subarray(12); // 'VP8 ' chunk with its header
  const u24 = (v) => Buffer.from([v & 255, (v >> 8) & 255, (v >> 16) & 255]);
  const chunk = (fourcc, data) => {
    const head = Buffer.alloc(8);
    head.write(fourcc, 0, 'latin1');
    head.writeUInt32LE(data.length, 4);
    return Buffer.concat([head, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
  };
  const vp8x = chunk('VP8X', Buffer.concat([Buffer.from([0x02, 0, 0, 0]), u24(width - 1), u24(height - 1)]));
  const anim = chunk('ANIM', Buffer.from([0, 0, 0, 0, 0, 0]));
  const frame = (x) => chunk('ANMF', Buffer.concat([u24(x), u24(0), u24(width - 1), u24(height - 1), u24(100), Buffer.from([0]), vp8]));
  const body = Buffer.concat([Buffer.from('WEBP', 'latin1'), vp8x, anim, frame(0), frame(0)]);
  const riff = Buffer.alloc(8);
  riff.write('RIFF', 0, 'latin1');
  riff.writeUInt32LE(body.length, 4);
  return Buffer.concat([riff, body]);
}

/** A 16-bit BITFIELDS BMP header (no pixels needed: OpenCV refuses in readHeader) with the given masks. */
function bmp16(masks, bpp = 16, compression = 3) {
  const file = Buffer.alloc(14 + 40 + 12 + 48 * 32 * 2);
  file.write('BM', 0, 'latin1');
  file.writeUInt32LE(file.length, 2);
  file.writeUInt32LE(14 + 40 + 12, 10);
  file.writeUInt32LE(40, 14);
  file.writeInt32LE(48, 18);
  file.writeInt32LE(32, 22);
  file.writeUInt16LE(1, 26);
  file.writeUInt16LE(bpp, 28);
  file.writeUInt32LE(compression, 30);
  masks.forEach((m, i) => file.writeUInt32LE(m, 54 + i * 4));
  return file;
}

/**
 * The crafted files, from real images: `jpeg` (48x32 JPEG without EXIF), `png` (48x32 PNG),
 * `tiff` (48x32 TIFF with orientation 6), `lossy` (48x32 lossy WebP).
 */
export function craftedImages({ jpeg, png, tiff, lossy }) {
  const orient6 = [ORIENTATION, SHORT, 1, 6];
  const files = {};
  // JPEG: OpenCV parses the first APP1 whatever it holds, entry by entry, keeping what it read before a fault.
  files['crafted-jpeg-exif-count-ffff.jpg'] = afterSoi(jpeg, exifApp1(tiffBlock(true, [orient6], { count: 0xffff })));
  files['crafted-jpeg-xmp-app1-first.jpg'] = afterSoi(jpeg, app1(Buffer.from('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x="adobe:ns:meta/"/>', 'latin1')), exifApp1(tiffBlock(true, [orient6])));
  files['crafted-jpeg-exif-id-not-exif.jpg'] = afterSoi(jpeg, exifApp1(tiffBlock(true, [orient6]), 'Photo\0'));
  files['crafted-jpeg-exif-make-outside.jpg'] = afterSoi(jpeg, exifApp1(tiffBlock(true, [[0x010f, ASCII, 20, 5000], orient6])));
  files['crafted-jpeg-exif-rational-outside-first.jpg'] = afterSoi(jpeg, exifApp1(tiffBlock(true, [[0x011a, RATIONAL, 1, 9999], orient6])));
  files['crafted-jpeg-exif-orient-6-then-1.jpg'] = afterSoi(jpeg, exifApp1(tiffBlock(true, [orient6, [ORIENTATION, SHORT, 1, 1]])));
  files['crafted-jpeg-exif-orient-long-be.jpg'] = afterSoi(jpeg, exifApp1(tiffBlock(false, [[ORIENTATION, LONG, 1, 6]])));
  files['crafted-jpeg-exif-orient-long-le.jpg'] = afterSoi(jpeg, exifApp1(tiffBlock(true, [[ORIENTATION, LONG, 1, 6]])));
  files['crafted-jpeg-exif-orient-count-0.jpg'] = afterSoi(jpeg, exifApp1(tiffBlock(true, [[ORIENTATION, SHORT, 0, 6]])));
  files['crafted-jpeg-exif-orient-9.jpg'] = afterSoi(jpeg, exifApp1(tiffBlock(true, [[ORIENTATION, SHORT, 1, 9]])));
  files['crafted-jpeg-12-bit.jpg'] = editSof(jpeg, (b, at) => (b[at + 4] = 12));
  files['crafted-jpeg-sof3.jpg'] = editSof(jpeg, (b, at) => (b[at + 1] = 0xc3));
  files['crafted-jpeg-two-sof.jpg'] = (() => {
    const at = markerAt(jpeg, 0xc0);
    const sof = jpeg.subarray(at, at + 2 + jpeg.readUInt16BE(at + 2));
    return Buffer.concat([jpeg.subarray(0, at), sof, sof, jpeg.subarray(at + sof.length)]);
  })();
  files['crafted-jpeg-65535x16.jpg'] = editSof(jpeg, (b, at) => {
    b.writeUInt16BE(16, at + 5);
    b.writeUInt16BE(65535, at + 7);
  });
  files['crafted-jpeg-60000x20000.jpg'] = editSof(jpeg, (b, at) => {
    b.writeUInt16BE(20000, at + 5);
    b.writeUInt16BE(60000, at + 7);
  });
  // PNG: libpng keeps an eXIf that starts with a byte order mark and has a good CRC; OpenCV reads it before or after IDAT.
  const exif6 = tiffBlock(false, [orient6]);
  files['crafted-png-exif-prefix-orient-6.png'] = withExif(png, { before: [pngChunk('eXIf', Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exif6]))] });
  files['crafted-png-exif-after-idat-orient-6.png'] = withExif(png, { after: [pngChunk('eXIf', exif6)] });
  files['crafted-png-exif-bad-crc-orient-6.png'] = withExif(png, { before: [pngChunk('eXIf', exif6, 0x12345678)] });
  files['crafted-png-exif-6-then-1.png'] = withExif(png, { before: [pngChunk('eXIf', exif6), pngChunk('eXIf', tiffBlock(false, [[ORIENTATION, SHORT, 1, 1]]))] });
  files['crafted-png-exif-1-before-6-after.png'] = withExif(png, { before: [pngChunk('eXIf', tiffBlock(false, [[ORIENTATION, SHORT, 1, 1]]))], after: [pngChunk('eXIf', exif6)] });
  files['crafted-png-ihdr-bad-crc.png'] = withExif(png, { ihdr: ihdrWith({ badCrc: true }) });
  files['crafted-png-1000001x32.png'] = withExif(png, { ihdr: ihdrWith({ width: 1_000_001 }) });
  files['crafted-png-40000x40000.png'] = withExif(png, { ihdr: ihdrWith({ width: 40_000, height: 40_000 }) });
  files['crafted-png-bit-depth-3.png'] = withExif(png, { ihdr: ihdrWith({ depth: 3 }) });
  // TIFF: libtiff reads Orientation (count 1, SHORT or LONG, 1-8) and OpenCV turns the pixels itself.
  files['crafted-tiff-orient-6-long.tif'] = editTiffEntry(tiff, ORIENTATION, (b, at) => {
    b.writeUInt16LE(LONG, at + 2);
    b.writeUInt32LE(6, at + 8);
  });
  files['crafted-tiff-orient-9.tif'] = editTiffEntry(tiff, ORIENTATION, (b, at) => b.writeUInt16LE(9, at + 8));
  files['crafted-tiff-orient-count-2.tif'] = editTiffEntry(tiff, ORIENTATION, (b, at) => b.writeUInt32LE(2, at + 4));
  // WebP: an animation (VP8X flag) does not decode with WebPDecode.
  files['crafted-webp-animated.webp'] = animatedWebp(lossy, 48, 32);
  // BMP: OpenCV takes 16-bit BITFIELDS only with 5-5-5 or 5-6-5 masks, and a known bit count.
  files['crafted-bmp-16-bit-odd-masks.bmp'] = bmp16([0xf000, 0x0f00, 0x00f0]);
  files['crafted-bmp-16-bit-565.bmp'] = bmp16([0xf800, 0x07e0, 0x001f]);
  files['crafted-bmp-7-bit.bmp'] = bmp16([0, 0, 0], 7, 0);
  return files;
}
