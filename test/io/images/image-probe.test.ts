import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { FIRST_READ_BYTES, probeImage, probeImageSync, probeImages, type ImageProbe } from '../../../src/io/images/image-probe.js';
import { ORIENTATION, concat, exifApp1, segment, tiffBlock } from '../../core/image-header/build.js';
import { tempDir } from '../../helpers/tmp.js';

type Img = ReturnType<typeof sharp>;
const dir = new URL('../../../fixtures/images/', import.meta.url).pathname;
const fixture = (name: string) => join(dir, name);
// crafted-* files test OpenCV's own rules against OpenCV itself (test/hostile/image-opencv.test.ts), not sharp.
const names = (await readdir(dir)).filter((n) => !/\.(md|txt|avif|json)$/.test(n) && !n.startsWith('corrupt-') && !n.startsWith('crafted-')).sort();

/** What mmcv gets from OpenCV, told by sharp as the independent decoder. */
async function oracle(path: string): Promise<{ format?: string; width: number; height: number; orientation: number; ignored?: number }> {
  const meta = await sharp(path).metadata();
  const tag = meta.orientation ?? 1;
  if (meta.format === 'webp') {
    // OpenCV never turns WebP by its tag (see docs/image-sizes.md): stored size, tag reported as ignored.
    return { format: meta.format, width: meta.width, height: meta.height, orientation: 1, ...(tag > 1 ? { ignored: tag } : {}) };
  }
  const { info } = await sharp(path).rotate().toBuffer({ resolveWithObject: true });
  return { format: meta.format, width: info.width, height: info.height, orientation: tag };
}

describe('probeImage on the fixture images', () => {
  it.each(names.filter((n) => !n.endsWith('.bmp')))('%s matches sharp after auto-orientation', async (name) => {
    const expected = await oracle(fixture(name));
    const probe = await probeImage(fixture(name));
    expect(probe).toMatchObject({ ok: true, format: expected.format, width: expected.width, height: expected.height, orientation: expected.orientation });
    expect(probe.ok ? probe.ignoredOrientation : 'failed').toBe(expected.ignored);
    expect(probeImageSync(fixture(name))).toEqual(probe);
  });

  it('reads BMP sizes (sharp cannot read BMP: the generator writes 48x32, which file(1) also reports)', async () => {
    for (const name of names.filter((n) => n.endsWith('.bmp'))) {
      expect(await probeImage(fixture(name))).toEqual({ ok: true, format: 'bmp', width: 48, height: 32, storedWidth: 48, storedHeight: 32, orientation: 1 });
    }
  });

  it('differs from sharp on purpose for WebP orientation tags, which OpenCV does not apply', async () => {
    for (const name of ['webp-exif-orient-6.webp']) {
      const { info } = await sharp(fixture(name)).rotate().toBuffer({ resolveWithObject: true });
      expect([info.width, info.height]).toEqual([32, 48]);
      expect(await probeImage(fixture(name))).toMatchObject({ width: 48, height: 32, ignoredOrientation: 6 });
    }
  });

  it('sorts bad files into corrupt, unsupported and unreadable with one-line messages', async () => {
    expect(await probeImage(fixture('corrupt-truncated.jpg'))).toEqual({ ok: false, reason: 'corrupt', message: 'truncated JPEG file: the header needs 833 bytes, the file has 832' });
    expect(await probeImage(fixture('notes.txt'))).toEqual({ ok: false, reason: 'unsupported', message: 'not an image: the file holds text' });
    expect(await probeImage(fixture('avif-unsupported.avif'))).toMatchObject({ ok: false, reason: 'unsupported', message: expect.stringContaining('AVIF') });
    expect(await probeImage(fixture('missing.jpg'))).toEqual({ ok: false, reason: 'unreadable', message: 'cannot read file: file not found' });
    expect(await probeImage(dir)).toEqual({ ok: false, reason: 'unreadable', message: 'cannot read file: is a directory' });
    expect(probeImageSync(dir)).toEqual({ ok: false, reason: 'unreadable', message: 'cannot read file: is a directory' });
    await expect(sharp(fixture('corrupt-truncated.jpg')).toBuffer()).rejects.toThrow(); // the oracle agrees it is broken
  });

  it('goes by content: a PNG named .jpg is a PNG', async () => {
    expect(await probeImage(fixture('png-named.jpg'))).toMatchObject({ ok: true, format: 'png', width: 48, height: 32 });
  });
});

describe('sizes at the edges of each header field', () => {
  const sizes: Array<[number, number]> = [[1, 1], [17, 3001], [16383, 2], [4000, 3000]];
  const encoders = {
    jpg: (img: Img) => img.jpeg(),
    png: (img: Img) => img.png({ compressionLevel: 1 }),
    'lossy.webp': (img: Img) => img.webp(),
    'lossless.webp': (img: Img) => img.webp({ lossless: true }),
    'alpha.webp': (img: Img) => img.ensureAlpha(0.5).webp(),
    gif: (img: Img) => img.gif(),
    tif: (img: Img) => img.tiff({ compression: 'lzw' }),
  };

  it.each(Object.keys(encoders))('%s: the probe agrees with sharp for 1x1 up to 16383 wide', async (ext) => {
    const root = await tempDir();
    for (const [width, height] of sizes) {
      const file = join(root, `${width}x${height}.${ext}`);
      const img = sharp({ create: { width, height, channels: 3, background: { r: 10, g: 200, b: 30 } } });
      await encoders[ext as keyof typeof encoders](img).toFile(file);
      const meta = await sharp(file).metadata();
      expect(await probeImage(file)).toMatchObject({ ok: true, width: meta.width, height: meta.height });
      expect([meta.width, meta.height]).toEqual([width, height]);
    }
  });
});

describe('files whose header is past the first read', () => {
  it('reads a JPEG whose APP segments before the frame header are larger than the first read', async () => {
    const original = await readFile(fixture('jpeg-orient-6.jpg'));
    const big = segment(0xe2, new Uint8Array(65_533).fill(7));
    const file = join(await tempDir(), 'big-app.jpg');
    await writeFile(file, concat(original.subarray(0, 2), big, big, original.subarray(2)));
    expect(big.length * 2).toBeGreaterThan(FIRST_READ_BYTES);
    const expected = await oracle(file);
    expect(expected).toMatchObject({ width: 32, height: 48 });
    for (const probe of [await probeImage(file), probeImageSync(file), (await probeImages([file]))[0]]) {
      expect(probe).toMatchObject({ ok: true, width: expected.width, height: expected.height, orientation: 6 });
    }
  });

  it('follows an EXIF IFD0 placed deep inside a large APP1 segment', async () => {
    const original = await readFile(fixture('jpeg-no-exif.jpg'));
    const far = exifApp1(tiffBlock(false, [[ORIENTATION, 3, 8]], 40_000));
    const file = join(await tempDir(), 'far-ifd.jpg');
    await writeFile(file, concat(original.subarray(0, 2), far, original.subarray(2)));
    expect(await oracle(file)).toMatchObject({ width: 32, height: 48, orientation: 8 });
    expect(await probeImage(file)).toMatchObject({ ok: true, width: 32, height: 48, orientation: 8 });
  });

  it('reads a TIFF whose directory comes after 100 KB of pixel data', async () => {
    const strip = 100_000;
    const header = tiffBlock(true, [[0x0100, 3, 200], [0x0101, 3, 500]], 8 + strip);
    const file = join(await tempDir(), 'late-ifd.tif');
    await writeFile(file, concat(header.subarray(0, 8), new Uint8Array(strip), header.subarray(8 + strip)));
    expect(probeImageSync(file)).toMatchObject({ ok: true, format: 'tiff', width: 200, height: 500 });
    expect(await probeImage(file)).toMatchObject({ ok: true, width: 200, height: 500 });
  });

  it('calls a JPEG cut inside a large APP segment corrupt, not "need more"', async () => {
    const original = await readFile(fixture('jpeg-orient-1.jpg'));
    const file = join(await tempDir(), 'cut.jpg');
    await writeFile(file, concat(original.subarray(0, 2), segment(0xe2, new Uint8Array(20_000)).subarray(0, 9_000)));
    expect(probeImageSync(file)).toEqual({ ok: false, reason: 'corrupt', message: 'truncated JPEG file: the header needs 20007 bytes, the file has 9002' });
  });
});

describe('probeImages', () => {
  it('returns results in input order, duplicates and failures included, and reports progress to the end', async () => {
    const order = ['png.png', 'missing.jpg', 'jpeg-orient-6.jpg', 'notes.txt', 'png.png', 'gif.gif', 'jpeg-orient-3.jpg'].map(fixture);
    const progress: Array<[number, number]> = [];
    const results = await probeImages(order, { onProgress: (done, total) => progress.push([done, total]) });
    const one = await Promise.all(order.map((p) => probeImage(p)));
    expect(results).toEqual(one);
    expect(results.map((r) => (r.ok ? `${r.format} ${r.width}x${r.height}` : r.reason))).toEqual([
      'png 48x32', 'unreadable', 'jpeg 32x48', 'unsupported', 'png 48x32', 'gif 48x32', 'jpeg 48x32',
    ]);
    expect(progress.at(-1)).toEqual([7, 7]);
    expect(await probeImages([])).toEqual([]);
  });

  it('gives the same results when the first read is only 64 bytes (every format then reads on demand)', async () => {
    const all = (await readdir(dir)).sort().map(fixture);
    expect(await probeImages(all, { firstReadBytes: 64 })).toEqual(await probeImages(all));
  });

  it('gives the same results with worker threads (built module) for a set large enough to start them', async () => {
    const { probeImages: built } = await import('../../../dist/io/images/image-probe.js' as string) as { probeImages: typeof probeImages };
    const root = await tempDir();
    await mkdir(join(root, 'many'));
    const sources = ['jpeg-orient-6.jpg', 'png.png', 'webp-lossy.webp', 'notes.txt', 'crafted-png-ihdr-bad-crc.png'];
    const bytes = await Promise.all(sources.map((s) => readFile(fixture(s))));
    const paths = Array.from({ length: 4500 }, (_, i) => join(root, 'many', `f${i}.${['jpg', 'png', 'webp', 'txt', 'png'][i % 5]}`));
    await Promise.all(paths.map((p, i) => writeFile(p, bytes[i % 5]!)));
    const results: ImageProbe[] = await built(paths, { concurrency: 2 });
    expect(results).toHaveLength(paths.length);
    const expected = await Promise.all(sources.map((s) => probeImage(fixture(s))));
    expect(expected[4]).toMatchObject({ ok: true, undecodable: expect.stringContaining('IHDR checksum') });
    results.forEach((r, i) => expect(r).toEqual(expected[i % 5]));
  });
});
