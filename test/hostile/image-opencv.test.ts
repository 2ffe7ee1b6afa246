import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../src/core/image-header/crc32.js';
import { OPENCV_DECODES } from '../../src/core/image-header/index.js';
import { probeImage, probeImageSync } from '../../src/io/images/image-probe.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/tmp.js';

/**
 * Issue 11, point 8: images are sized as the trainer sizes them. mmcv loads with OpenCV's
 * imdecode(IMREAD_COLOR); fixtures/images/opencv-4.6-sizes.json holds what Debian's python3-opencv
 * 4.6 made of every fixture (scripts/make-opencv-sizes.js), crafted headers included. yw's header
 * reader must give the same size for what OpenCV decodes, and a warning for what it does not.
 */

type Decode = { width: number; height: number } | { decoded: false } | { error: string };
const dir = new URL('../../fixtures/images/', import.meta.url).pathname;
const reference = JSON.parse(await readFile(join(dir, 'opencv-4.6-sizes.json'), 'utf8')) as { opencv: string; files: Record<string, Decode> };
const imageFixtures = (await readdir(dir)).filter((name) => !/\.(md|json)$/.test(name)).sort();

/** The decode scripts/make-opencv-sizes.js commits, run again (same Python script, same files). */
function decodeWithOpenCv(): unknown {
  const script = new URL('../../scripts/opencv-sizes.py', import.meta.url).pathname;
  const run = spawnSync('/usr/bin/python3', [script, ...imageFixtures.map((n) => join(dir, n))], { encoding: 'utf8' });
  return JSON.parse(run.stdout);
}

/** Whether /usr/bin/python3 can import cv2 4.6 here (the decode is then re-run, not only read back). */
function liveOpenCv(): string | undefined {
  const run = spawnSync('/usr/bin/python3', ['-c', 'import cv2; print(cv2.__version__)'], { encoding: 'utf8' });
  const version = run.status === 0 ? run.stdout.trim() : undefined;
  return version?.startsWith('4.6.') ? version : undefined;
}
const live = liveOpenCv();
if (!live) console.warn('image-opencv.test.ts: no OpenCV 4.6 for /usr/bin/python3 (apt-get install python3-opencv); the live decode is skipped, the committed reference is still checked');

describe('yw sizes images as OpenCV 4.6 decodes them', () => {
  it('the reference covers every fixture image and was made by OpenCV 4.6', () => {
    expect(reference.opencv).toMatch(/^4\.6\./);
    expect(Object.keys(reference.files).sort()).toEqual(imageFixtures);
  });

  it.each(Object.entries(reference.files))('%s', async (name, decode) => {
    const probe = probeImageSync(join(dir, name));
    expect(await probeImage(join(dir, name))).toEqual(probe);
    if ('width' in decode) {
      expect(probe).toMatchObject({ ok: true, width: decode.width, height: decode.height });
      expect(probe).not.toHaveProperty('undecodable');
      return;
    }
    // OpenCV gives nothing (or raises): yw must not size it silently.
    if (!probe.ok) return expect(probe.reason).toMatch(/^(corrupt|unsupported)$/);
    const known = probe.undecodable !== undefined || !OPENCV_DECODES[probe.format];
    expect(known, `${name}: sized ${probe.width}x${probe.height} with no warning, but OpenCV gives ${JSON.stringify(decode)}`).toBe(true);
  });

  it.skipIf(!live)(`the live decode by OpenCV ${live ?? '(not installed)'} gives the committed reference`, () => {
    expect(decodeWithOpenCv()).toEqual(reference);
  });
});

describe('the rules that used to disagree with OpenCV (each checked against the reference above)', () => {
  const size = (name: string) => {
    const d = reference.files[name]!;
    return 'width' in d ? `${d.width}x${d.height}` : 'none';
  };

  it('TIFF: OpenCV 4.6 turns by the Orientation tag (read as libtiff reads it)', () => {
    expect(['tiff-orient-6.tif', 'tiff-orient-8.tif', 'tiff-orient-3.tif', 'crafted-tiff-orient-6-long.tif', 'crafted-tiff-orient-9.tif', 'crafted-tiff-orient-count-2.tif'].map(size))
      .toEqual(['32x48', '32x48', '48x32', '32x48', '48x32', '48x32']);
  });

  it('PNG: an eXIf with the "Exif\\0\\0" prefix or a bad CRC is dropped by libpng; one after IDAT counts', () => {
    expect(['crafted-png-exif-prefix-orient-6.png', 'crafted-png-exif-bad-crc-orient-6.png', 'crafted-png-exif-after-idat-orient-6.png', 'crafted-png-exif-6-then-1.png', 'crafted-png-exif-1-before-6-after.png'].map(size))
      .toEqual(['48x32', '48x32', '32x48', '32x48', '48x32']);
  });

  it('EXIF: a 0xFFFF entry count is believed, entries count until the first read outside the block', () => {
    expect(['crafted-jpeg-exif-count-ffff.jpg', 'crafted-jpeg-exif-make-outside.jpg', 'crafted-jpeg-exif-rational-outside-first.jpg', 'crafted-jpeg-exif-orient-6-then-1.jpg'].map(size))
      .toEqual(['32x48', '48x32', '48x32', '32x48']);
    expect(['crafted-jpeg-exif-orient-long-le.jpg', 'crafted-jpeg-exif-orient-long-be.jpg', 'crafted-jpeg-exif-orient-count-0.jpg', 'crafted-jpeg-xmp-app1-first.jpg', 'crafted-jpeg-exif-id-not-exif.jpg'].map(size))
      .toEqual(['32x48', '48x32', '32x48', '48x32', '32x48']);
  });

  it('crc32 is the PNG/zlib CRC (the constant every IEND chunk carries)', () => {
    expect(crc32(Uint8Array.from('IEND', (c) => c.charCodeAt(0)))).toBe(0xae426082);
  });
});

describe('headers that OpenCV will not decode are a warning in yw convert, and the image is kept', () => {
  it('IMAGE_NOT_DECODABLE names the reason for each; decodable crafted images give no warning', async () => {
    const root = await tempDir();
    await mkdir(join(root, 'images'));
    await mkdir(join(root, 'labels'));
    await writeFile(join(root, 'classes.txt'), 'thing\n');
    const picked = ['crafted-png-ihdr-bad-crc.png', 'crafted-jpeg-12-bit.jpg', 'crafted-webp-animated.webp', 'crafted-png-40000x40000.png', 'crafted-bmp-7-bit.bmp', 'crafted-jpeg-exif-count-ffff.jpg'];
    for (const name of picked) await copyFile(join(dir, name), join(root, 'images', name));
    // One labelled image, so the split is not SPLIT_NO_LABELS (an error): warnings alone exit 0.
    await writeFile(join(root, 'labels', 'crafted-jpeg-exif-count-ffff.txt'), '0 0.5 0.5 0.5 0.5\n');
    const run = await runCli(['convert', '.', '--json'], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ images: picked.length });
    const warnings = run.stderr.split('\n').filter((l) => l.includes('IMAGE_NOT_DECODABLE'));
    expect(warnings).toEqual([
      "warning IMAGE_NOT_DECODABLE images/crafted-bmp-7-bit.bmp: BMP header: OpenCV's BMP reader refuses it: 7 bits per pixel with compression 0; OpenCV (mmcv's loader) will not decode it, so training fails when it loads this file (re-save it as an 8-bit JPEG or PNG with a common tool, or remove it)",
      "warning IMAGE_NOT_DECODABLE images/crafted-jpeg-12-bit.jpg: JPEG header: its samples have 12 bits; OpenCV's libjpeg decodes 8-bit JPEGs only; OpenCV (mmcv's loader) will not decode it, so training fails when it loads this file (re-save it as an 8-bit JPEG or PNG with a common tool, or remove it)",
      "warning IMAGE_NOT_DECODABLE images/crafted-png-40000x40000.png: PNG header: 40000x40000 is 1600000000 pixels, over OpenCV's limit of 2^30; OpenCV (mmcv's loader) will not decode it, so training fails when it loads this file (re-save it as an 8-bit JPEG or PNG with a common tool, or remove it)",
      "warning IMAGE_NOT_DECODABLE images/crafted-png-ihdr-bad-crc.png: PNG header: its IHDR checksum is wrong, and libpng refuses a damaged IHDR; OpenCV (mmcv's loader) will not decode it, so training fails when it loads this file (re-save it as an 8-bit JPEG or PNG with a common tool, or remove it)",
      "warning IMAGE_NOT_DECODABLE images/crafted-webp-animated.webp: WEBP header: it is an animated WebP, and OpenCV decodes still WebP images only; OpenCV (mmcv's loader) will not decode it, so training fails when it loads this file (re-save it as an 8-bit JPEG or PNG with a common tool, or remove it)",
    ]);
    const coco = JSON.parse(await readFile(join(root, 'annotations', 'train.json'), 'utf8')) as { images: { file_name: string; width: number; height: number }[] };
    expect(coco.images.find((i) => i.file_name === 'crafted-jpeg-exif-count-ffff.jpg')).toMatchObject({ width: 32, height: 48 });
  });
});
