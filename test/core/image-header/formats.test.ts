import { describe, expect, it } from 'vitest';
import { parseImageHeader } from '../../../src/core/image-header/index.js';
import { ORIENTATION, concat, latin1, png, pngChunk, tiffBlock } from './build.js';

const u32le = (n: number) => Uint8Array.of(n & 255, (n >> 8) & 255, (n >> 16) & 255, (n >>> 24) & 255);
const riff = (...chunks: Uint8Array[]) => {
  const body = concat(latin1('WEBP'), ...chunks);
  return concat(latin1('RIFF'), u32le(body.length), body);
};
const chunk = (fourcc: string, data: Uint8Array) => concat(latin1(fourcc), u32le(data.length), data, data.length % 2 ? new Uint8Array(1) : new Uint8Array(0));

describe('PNG headers', () => {
  it('reads IHDR and applies an eXIf orientation that libpng keeps: not one with the "Exif\\0\\0" prefix', () => {
    expect(parseImageHeader(png(300, 200))).toMatchObject({ kind: 'ok', format: 'png', width: 300, height: 200, orientation: 1 });
    expect(parseImageHeader(png(300, 200))).not.toHaveProperty('undecodable');
    const exif = tiffBlock(false, [[ORIENTATION, 3, 6]]);
    expect(parseImageHeader(png(300, 200, pngChunk('eXIf', exif), pngChunk('IDAT', new Uint8Array(9))))).toMatchObject({ width: 200, height: 300, orientation: 6 });
    expect(parseImageHeader(png(300, 200, pngChunk('eXIf', concat(latin1('Exif\0\0'), exif))))).toMatchObject({ width: 300, orientation: 1 });
  });

  it('finds an eXIf after the image data in the file tail, as OpenCV 4.6 asks libpng for it there too', () => {
    const late = png(300, 200, pngChunk('IDAT', new Uint8Array(9)), pngChunk('eXIf', tiffBlock(true, [[ORIENTATION, 3, 6]])));
    expect(parseImageHeader(late)).toMatchObject({ width: 200, height: 300, orientation: 6 });
    const head = { segments: [{ offset: 0, bytes: late.subarray(0, 64) }] };
    expect(parseImageHeader(head)).toEqual({ kind: 'need-more', offset: 0, length: 0 }); // the size, to find the tail
  });

  it('calls a zero size or a missing IHDR corrupt', () => {
    expect(parseImageHeader(png(0, 200))).toEqual({ kind: 'corrupt', message: 'broken PNG file: PNG IHDR says 0x200 pixels' });
    expect(parseImageHeader(png(3, 2).subarray(0, 20))).toMatchObject({ kind: 'corrupt', message: expect.stringMatching(/^truncated PNG file/) });
    const noIhdr = png(3, 2);
    noIhdr.set(latin1('ABCD'), 12);
    expect(parseImageHeader(noIhdr)).toMatchObject({ kind: 'corrupt', message: 'broken PNG file: PNG does not start with an IHDR chunk' });
  });
});

describe('WebP headers', () => {
  it('reads VP8 (lossy), VP8L (lossless) and VP8X (extended canvas) sizes', () => {
    const vp8 = chunk('VP8 ', Uint8Array.of(0x50, 0x01, 0x00, 0x9d, 0x01, 0x2a, 0x80, 0x02, 0xe0, 0x01)); // 640x480
    expect(parseImageHeader(riff(vp8))).toMatchObject({ kind: 'ok', format: 'webp', width: 640, height: 480 });
    // VP8L: 14-bit width-1 and height-1 after the 0x2f signature: 100x50 -> 99, 49.
    const bits = 99 | (49 << 14);
    expect(parseImageHeader(riff(chunk('VP8L', concat(Uint8Array.of(0x2f), u32le(bits)))))).toMatchObject({ width: 100, height: 50 });
    const vp8x = chunk('VP8X', Uint8Array.of(0, 0, 0, 0, 0x9f, 0x0f, 0, 0x0f, 0x0a, 0)); // 4000x2576 canvas
    expect(parseImageHeader(riff(vp8x, vp8))).toMatchObject({ width: 4000, height: 2576 });
  });

  it('reports an EXIF orientation after the image data as ignored (OpenCV does not apply it to WebP)', () => {
    const vp8x = chunk('VP8X', Uint8Array.of(0x08, 0, 0, 0, 0x7f, 0x02, 0, 0xdf, 0x01, 0)); // 640x480, EXIF flag
    const vp8 = chunk('VP8 ', concat(Uint8Array.of(0x50, 0x01, 0x00, 0x9d, 0x01, 0x2a, 0x80, 0x02, 0xe0, 0x01), new Uint8Array(5001)));
    const file = riff(vp8x, vp8, chunk('EXIF', tiffBlock(false, [[ORIENTATION, 3, 8]])));
    expect(parseImageHeader(file)).toMatchObject({ width: 640, height: 480, orientation: 1, ignoredOrientation: 8 });
    const head = parseImageHeader({ segments: [{ offset: 0, bytes: file.subarray(0, 4096) }], fileSize: file.length });
    expect(head).toMatchObject({ kind: "need-more", offset: 12 + 18 + 8 + 5011 + 1 });
  });

  it('calls an unknown first chunk or a VP8 frame without start code corrupt', () => {
    expect(parseImageHeader(riff(chunk('ABCD', new Uint8Array(20))))).toMatchObject({ kind: 'corrupt', message: 'broken WebP file: WebP starts with an unknown chunk "ABCD"' });
    expect(parseImageHeader(riff(chunk('VP8 ', new Uint8Array(10))))).toMatchObject({ kind: 'corrupt', message: 'broken WebP file: WebP VP8 frame has no start code' });
  });
});

describe('TIFF headers', () => {
  it('reads IFD0 width/length (SHORT or LONG) in both byte orders and turns by the orientation, as OpenCV 4.6 does', () => {
    for (const le of [true, false]) {
      const file = tiffBlock(le, [[0x0100, 4, 70000], [0x0101, 3, 300], [ORIENTATION, 3, 6]]);
      expect(parseImageHeader(file)).toMatchObject({ kind: 'ok', format: 'tiff', width: 300, height: 70000, storedWidth: 70000, orientation: 6 });
      expect(parseImageHeader(tiffBlock(le, [[0x0100, 4, 70000], [0x0101, 3, 300], [ORIENTATION, 3, 9]]))).toMatchObject({ width: 70000, orientation: 1 });
    }
  });

  it('asks for an IFD that sits after the pixel data, and calls a missing size corrupt', () => {
    const file = tiffBlock(true, [[0x0100, 3, 64], [0x0101, 3, 48]], 100_000);
    expect(parseImageHeader({ segments: [{ offset: 0, bytes: file.subarray(0, 4096) }] })).toEqual({ kind: 'need-more', offset: 100_000, length: 2 });
    expect(parseImageHeader(file)).toMatchObject({ width: 64, height: 48 });
    expect(parseImageHeader(tiffBlock(false, [[0x0100, 3, 64]]))).toMatchObject({ kind: 'corrupt', message: 'broken TIFF file: TIFF IFD0 has no image size (width 64, height missing)' });
  });
});

describe('BMP and GIF headers', () => {
  const bmp = (dib: number, width: number, height: number) => {
    const file = new Uint8Array(14 + dib);
    const v = new DataView(file.buffer);
    file.set(latin1('BM'));
    v.setUint32(14, dib, true);
    if (dib === 12) {
      v.setUint16(18, width, true);
      v.setUint16(20, height, true);
    } else {
      v.setInt32(18, width, true);
      v.setInt32(22, height, true);
    }
    return file;
  };

  it('reads the info header (negative height = top-down rows) and the OS/2 core header', () => {
    expect(parseImageHeader(bmp(40, 640, -480))).toMatchObject({ kind: 'ok', format: 'bmp', width: 640, height: 480 });
    expect(parseImageHeader(bmp(124, 640, 480))).toMatchObject({ width: 640, height: 480 });
    expect(parseImageHeader(bmp(12, 320, 200))).toMatchObject({ width: 320, height: 200 });
    expect(parseImageHeader(bmp(40, 0, 480))).toMatchObject({ kind: 'corrupt', message: 'broken BMP file: BMP header says 0x480 pixels' });
    expect(parseImageHeader(bmp(33, 1, 1))).toMatchObject({ kind: 'unsupported' }); // 'BM' + unknown header: not taken for a BMP
  });

  it('reads the GIF logical screen size', () => {
    expect(parseImageHeader(concat(latin1('GIF89a'), Uint8Array.of(0x80, 0x02, 0xe0, 0x01, 0, 0, 0)))).toMatchObject({ format: 'gif', width: 640, height: 480 });
    expect(parseImageHeader(concat(latin1('GIF87a'), Uint8Array.of(0x80)))).toMatchObject({ kind: 'corrupt', message: expect.stringMatching(/^truncated GIF/) });
  });
});
