// Writes the tiny real images of fixtures/images/ (run: node scripts/make-fixture-images.js).
// Deterministic: the same sharp version gives the same bytes. Stored size is 48x32 everywhere, so a
// swapped width/height shows. BMP is written by hand (sharp cannot write BMP).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { craftedImages } from './fixture-images-crafted.js';

const out = process.argv[2] ?? new URL('../fixtures/images/', import.meta.url).pathname;
const [W, H] = [48, 32];

/** RGB gradient with a red block in the stored top-left corner, so the orientation is visible. */
function pixels(channels) {
  const raw = Buffer.alloc(W * H * channels);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const at = (y * W + x) * channels;
      const corner = x < 12 && y < 8;
      raw[at] = corner ? 255 : x * 5;
      raw[at + 1] = corner ? 0 : y * 7;
      raw[at + 2] = corner ? 0 : 128;
      if (channels === 4) raw[at + 3] = Math.min(255, 40 + x * 4);
    }
  }
  return raw;
}
const image = (channels = 3) => sharp(pixels(channels), { raw: { width: W, height: H, channels } });

/** A JPEG APP1 EXIF segment in big-endian ('MM') order holding only IFD0 Orientation. */
function exifApp1BigEndian(orientation) {
  const tiff = Buffer.alloc(26);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4); // IFD0 right after the header
  tiff.writeUInt16BE(1, 8); // one entry
  tiff.writeUInt16BE(0x0112, 10); // Orientation
  tiff.writeUInt16BE(3, 12); // SHORT
  tiff.writeUInt32BE(1, 14); // count
  tiff.writeUInt16BE(orientation, 18); // value, left-justified in the 4-byte field
  tiff.writeUInt32BE(0, 22); // no next IFD
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const head = Buffer.from([0xff, 0xe1, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

/** Uncompressed 24-bit BMP, rows padded to 4 bytes; `core` writes the 12-byte OS/2 header. */
function bmp({ topDown = false, core = false } = {}) {
  const rgb = pixels(3);
  const stride = Math.ceil((W * 3) / 4) * 4;
  const dib = core ? 12 : 40;
  const file = Buffer.alloc(14 + dib + stride * H);
  file.write('BM', 0, 'latin1');
  file.writeUInt32LE(file.length, 2);
  file.writeUInt32LE(14 + dib, 10);
  file.writeUInt32LE(dib, 14);
  if (core) {
    file.writeUInt16LE(W, 18);
    file.writeUInt16LE(H, 20);
    file.writeUInt16LE(1, 22);
    file.writeUInt16LE(24, 24);
  } else {
    file.writeInt32LE(W, 18);
    file.writeInt32LE(topDown ? -H : H, 22);
    file.writeUInt16LE(1, 26);
    file.writeUInt16LE(24, 28);
    file.writeUInt32LE(stride * H, 34);
  }
  for (let row = 0; row < H; row++) {
    const y = topDown ? row : H - 1 - row; // bottom-up unless the height is negative
    for (let x = 0; x < W; x++) {
      const src = (y * W + x) * 3;
      const dst = 14 + dib + row * stride + x * 3;
      [file[dst], file[dst + 1], file[dst + 2]] = [rgb[src + 2], rgb[src + 1], rgb[src]]; // BGR
    }
  }
  return file;
}

/** The first `keep` bytes of a JPEG cut inside its frame header (SOF), so no size can be read. */
function cutBeforeSize(jpeg) {
  for (let i = 2; i < jpeg.length - 1; i++) {
    if (jpeg[i] === 0xff && (jpeg[i + 1] === 0xc0 || jpeg[i + 1] === 0xc2)) return jpeg.subarray(0, i + 4);
  }
  throw new Error('no SOF found');
}

const files = {};
for (const o of [1, 3, 5, 6, 7, 8]) files[`jpeg-orient-${o}.jpg`] = await image().jpeg({ quality: 80 }).withMetadata({ orientation: o }).toBuffer();
const plainJpeg = await image().jpeg({ quality: 80 }).toBuffer();
files['jpeg-no-exif.jpg'] = plainJpeg;
files['jpeg-orient-6-big-endian.jpg'] = Buffer.concat([plainJpeg.subarray(0, 2), exifApp1BigEndian(6), plainJpeg.subarray(2)]);
files['jpeg-progressive.jpg'] = await image().jpeg({ quality: 80, progressive: true }).withMetadata({ orientation: 8 }).toBuffer();
files['png.png'] = await image().png().toBuffer();
files['png-alpha.png'] = await image(4).png().toBuffer();
files['png-exif-orient-6.png'] = await image().png().withMetadata({ orientation: 6 }).toBuffer();
files['webp-lossy.webp'] = await image().webp({ quality: 80 }).toBuffer();
files['webp-lossless.webp'] = await image().webp({ lossless: true }).toBuffer();
files['webp-alpha.webp'] = await image(4).webp({ quality: 80 }).toBuffer();
files['webp-exif-orient-6.webp'] = await image().webp({ quality: 80 }).withMetadata({ orientation: 6 }).toBuffer();
files['bmp-24bit.bmp'] = bmp();
files['bmp-top-down.bmp'] = bmp({ topDown: true });
files['bmp-core-header.bmp'] = bmp({ core: true });
files['tiff.tif'] = await image().tiff({ compression: 'lzw' }).toBuffer();
files['tiff-orient-6.tif'] = await image().tiff().withMetadata({ orientation: 6 }).toBuffer();
files['gif.gif'] = await image().gif().toBuffer();
files['avif-unsupported.avif'] = await image().avif({ quality: 50 }).toBuffer();
files['corrupt-truncated.jpg'] = cutBeforeSize(files['jpeg-orient-6.jpg']);
files['png-named.jpg'] = files['png.png'];
files['notes.txt'] = Buffer.from('This is not an image.\n');
for (const o of [3, 8]) files[`tiff-orient-${o}.tif`] = await image().tiff().withMetadata({ orientation: o }).toBuffer();
Object.assign(files, craftedImages({ jpeg: plainJpeg, png: files['png.png'], tiff: files['tiff-orient-6.tif'], lossy: files['webp-lossy.webp'] }));

mkdirSync(out, { recursive: true });
for (const [name, bytes] of Object.entries(files)) writeFileSync(join(out, name), bytes);
console.log(`wrote ${Object.keys(files).length} files to ${out}`);
