import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { Thumbnail } from '../../../src/core/html-report/model.js';
import { ORIENTATION_STEPS } from '../../../src/core/image-header/orientation.js';
import { makeThumbnail, makeThumbnails, THUMBNAIL_SIDE } from '../../../src/io/images/thumbnail.js';
import { tempDir } from '../../helpers/tmp.js';

const dir = new URL('../../../fixtures/images/', import.meta.url).pathname;
const fixture = (name: string) => join(dir, name);

async function pixels(input: Buffer | ReturnType<typeof sharp>) {
  const img = Buffer.isBuffer(input) ? sharp(input) : input;
  const { data, info } = await img.removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

function decoded(thumb: Thumbnail): Buffer {
  if (!('dataUri' in thumb)) throw new Error(`no thumbnail: ${thumb.missing}`);
  expect(thumb.dataUri).toMatch(/^data:image\/jpeg;base64,/);
  return Buffer.from(thumb.dataUri.slice(thumb.dataUri.indexOf(',') + 1), 'base64');
}

/** Mean absolute difference per channel value; 0 = the same pixels. */
function meanDiff(a: Buffer, b: Buffer): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
}

/** The oracle: sharp's own pipeline, auto-oriented (`.rotate()`) or not, encoded like a thumbnail. */
async function expected(path: string, autoOrient: boolean) {
  let img = sharp(path);
  if (autoOrient) img = img.rotate();
  const jpeg = await img.removeAlpha().resize({ width: THUMBNAIL_SIDE, height: THUMBNAIL_SIDE, fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 75 }).toBuffer();
  return pixels(jpeg);
}

describe('makeThumbnail: the frame mmcv decodes', () => {
  const oriented = ['jpeg-orient-1.jpg', 'jpeg-orient-3.jpg', 'jpeg-orient-5.jpg', 'jpeg-orient-6.jpg', 'jpeg-orient-6-big-endian.jpg', 'jpeg-orient-7.jpg', 'jpeg-orient-8.jpg', 'png-exif-orient-6.png'];
  it.each(oriented)('%s: EXIF orientation applied, pixel for pixel as sharp auto-orients it', async (name) => {
    const got = await pixels(decoded(await makeThumbnail(fixture(name))));
    const want = await expected(fixture(name), true);
    expect([got.width, got.height]).toEqual([want.width, want.height]);
    expect(meanDiff(got.data, want.data)).toBeLessThan(1);
  });

  it.each(['webp-exif-orient-6.webp', 'tiff-orient-6.tif'])('%s: the orientation tag is NOT applied (OpenCV ignores it), unlike sharp\'s auto-orientation', async (name) => {
    const got = await pixels(decoded(await makeThumbnail(fixture(name))));
    const stored = await expected(fixture(name), false);
    expect([got.width, got.height]).toEqual([48, 32]);
    expect(meanDiff(got.data, stored.data)).toBeLessThan(1);
    const turned = await expected(fixture(name), true);
    expect([turned.width, turned.height]).toEqual([32, 48]);
  });

  it('all eight orientations, as mirror-then-rotate steps, match sharp\'s auto-orientation exactly', async () => {
    const raw = Buffer.alloc(6 * 4 * 3, 0).map((_, i) => (i * 37) % 251);
    for (const [tag, steps] of Object.entries(ORIENTATION_STEPS)) {
      const png = await sharp(raw, { raw: { width: 6, height: 4, channels: 3 } }).png().withMetadata({ orientation: Number(tag) }).toBuffer();
      let mine = sharp(png);
      if (steps.mirror) mine = mine.flop();
      if (steps.rotate) mine = mine.rotate(steps.rotate);
      const [a, b] = await Promise.all([pixels(mine), pixels(sharp(png).rotate())]);
      expect([a.width, a.height, a.data.equals(b.data)], `orientation ${tag}`).toEqual([b.width, b.height, true]);
    }
  });

  it('drops alpha as OpenCV IMREAD_COLOR does, and shrinks a big image to THUMBNAIL_SIDE in the display frame', async () => {
    const alpha = await pixels(decoded(await makeThumbnail(fixture('png-alpha.png'))));
    expect(meanDiff(alpha.data, (await expected(fixture('png-alpha.png'), false)).data)).toBeLessThan(1);
    const big = join(await tempDir('yw-thumb-'), 'big.jpg');
    await sharp({ create: { width: 1000, height: 600, channels: 3, background: '#808080' } }).jpeg().withMetadata({ orientation: 6 }).toFile(big);
    const thumb = await pixels(decoded(await makeThumbnail(big)));
    expect([thumb.width, thumb.height]).toEqual([144, 240]);
  });

  it('gives a reason instead of a thumbnail for files it cannot draw, and never throws', async () => {
    expect(await makeThumbnail(fixture('bmp-24bit.bmp'))).toMatchObject({ missing: expect.stringMatching(/^BMP not decodable here/) });
    expect(await makeThumbnail(fixture('corrupt-truncated.jpg'))).toMatchObject({ missing: expect.stringContaining('header') });
    expect(await makeThumbnail(fixture('avif-unsupported.avif'))).toMatchObject({ missing: expect.stringContaining('AVIF') });
    expect(await makeThumbnail(fixture('does-not-exist.jpg'))).toHaveProperty('missing');
  });

  it('makeThumbnails keeps the order it was given', async () => {
    const paths = new Map([['b', fixture('gif.gif')], ['a', fixture('png.png')], ['c', fixture('bmp-24bit.bmp')]]);
    const thumbs = await makeThumbnails(paths);
    expect([...thumbs.keys()]).toEqual(['b', 'a', 'c']);
    expect('dataUri' in thumbs.get('b')!).toBe(true);
  });
});
