import { describe, expect, it } from 'vitest';
import { parseImageHeader } from '../../../src/core/image-header/index.js';
import { ORIENTATION, concat, exifApp1, jpeg, latin1, segment, sof, tiffBlock } from './build.js';

describe('JPEG headers', () => {
  it('reads the frame size and applies EXIF orientation 6 in little- and big-endian EXIF', () => {
    for (const le of [true, false]) {
      const file = jpeg(exifApp1(tiffBlock(le, [[ORIENTATION, 3, 6]])), sof(640, 480));
      expect(parseImageHeader(file)).toMatchObject({ kind: 'ok', width: 480, height: 640, storedWidth: 640, storedHeight: 480, orientation: 6 });
    }
  });

  it('swaps for 5-8 only, and treats tags outside 1-8 as 1', () => {
    const sizes = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 65535].map((o) => {
      const r = parseImageHeader(jpeg(exifApp1(tiffBlock(true, [[ORIENTATION, 3, o]])), sof(60, 40)));
      return r.kind === 'ok' ? `${o}:${r.width}x${r.height}/${r.orientation}` : r.kind;
    });
    expect(sizes).toEqual(['0:60x40/1', '1:60x40/1', '2:60x40/2', '3:60x40/3', '4:60x40/4', '5:40x60/5', '6:40x60/6', '7:40x60/7', '8:40x60/8', '9:60x40/1', '65535:60x40/1']);
  });

  it('accepts every SOFn, and does not take DHT/JPG/DAC (C4, C8, CC) for a frame header', () => {
    for (const marker of [0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]) {
      expect(parseImageHeader(jpeg(sof(30, 20, marker)))).toMatchObject({ kind: 'ok', width: 30, height: 20 });
    }
    // A DHT segment laid out like a frame header must be skipped; the real SOF follows.
    expect(parseImageHeader(jpeg(sof(999, 999, 0xc4), sof(30, 20)))).toMatchObject({ width: 30, height: 20 });
    expect(parseImageHeader(jpeg(sof(999, 999, 0xcc)))).toEqual({ kind: 'corrupt', message: 'broken JPEG file: JPEG has no frame header (SOF) before the scan data' });
  });

  it('skips other APPn segments and fill bytes; reads only the first APP1, as OpenCV does (an XMP APP1 first hides the EXIF)', () => {
    const xmp = segment(0xe1, latin1('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>'));
    const exif = exifApp1(tiffBlock(false, [[ORIENTATION, 3, 8]]));
    const file = jpeg(segment(0xe0, latin1('JFIF\0\x01\x01')), exif, xmp, segment(0xe2, new Uint8Array(300)), sof(33, 22));
    const withFill = concat(file.subarray(0, 2), Uint8Array.of(0xff, 0xff), file.subarray(2)); // FF FF FF E0: fill bytes
    expect(parseImageHeader(withFill)).toMatchObject({ kind: 'ok', width: 22, height: 33, orientation: 8 });
    expect(parseImageHeader(jpeg(xmp, exif, sof(33, 22)))).toMatchObject({ kind: 'ok', width: 33, height: 22, orientation: 1 });
  });

  it('ignores a broken EXIF block (bad byte order, IFD offset past the segment) instead of failing', () => {
    const badOrder = exifApp1(concat(latin1('XX'), new Uint8Array(20)));
    const farIfd = exifApp1(tiffBlock(true, [[ORIENTATION, 3, 6]], 8).map((b, i) => (i === 4 ? 0xf0 : b)));
    expect(parseImageHeader(jpeg(badOrder, sof(60, 40)))).toMatchObject({ kind: 'ok', width: 60, orientation: 1 });
    expect(parseImageHeader(jpeg(farIfd, sof(60, 40)))).toMatchObject({ kind: 'ok', width: 60, orientation: 1 });
  });

  it('asks for the bytes after a large APP segment instead of reading the segment', () => {
    const file = jpeg(segment(0xe2, new Uint8Array(60_000)), sof(641, 479));
    const first = parseImageHeader({ segments: [{ offset: 0, bytes: file.subarray(0, 4096) }] });
    expect(first).toEqual({ kind: 'need-more', offset: 60_006, length: 1 });
    const more = { offset: 60_006, bytes: file.subarray(60_006, 60_006 + 4096) };
    expect(parseImageHeader({ segments: [{ offset: 0, bytes: file.subarray(0, 4096) }, more] })).toMatchObject({ kind: 'ok', width: 641, height: 479 });
  });

  it('calls a file corrupt when it is truncated, has no SOF, a zero size or garbage between segments', () => {
    const good = jpeg(sof(60, 40));
    expect(parseImageHeader(good.subarray(0, 10))).toEqual({ kind: 'corrupt', message: 'truncated JPEG file: the header needs 11 bytes, the file has 10' });
    expect(parseImageHeader(jpeg())).toMatchObject({ kind: 'corrupt', message: expect.stringContaining('no frame header (SOF)') });
    expect(parseImageHeader(jpeg(sof(60, 0)))).toMatchObject({ kind: 'corrupt', message: 'broken JPEG file: JPEG frame header says 60x0 pixels' });
    expect(parseImageHeader(concat(Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, 4, 1, 2, 0x12, 0x34), sof(1, 1)))).toMatchObject({
      kind: 'corrupt',
      message: 'broken JPEG file: JPEG marker expected at byte 8, found garbage',
    });
    expect(parseImageHeader(Uint8Array.of(0xff, 0xd8, 0xff, 0xd9))).toMatchObject({ kind: 'corrupt', message: expect.stringContaining('before the scan') });
  });
});
