import { describe, expect, it } from 'vitest';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/tmp.js';

const images = fileURLToPath(new URL('../../fixtures/images', import.meta.url));

/** A darknet-style folder with real images that OpenCV reads differently from their headers. */
async function dataset(names: string[]): Promise<string> {
  const root = await tempDir();
  await mkdir(join(root, 'data'));
  await writeFile(join(root, 'data', 'obj.names'), 'part\n');
  for (const name of names) {
    await copyFile(join(images, name), join(root, 'data', name));
    await writeFile(join(root, 'data', name.replace(/\.[^.]+$/, '.txt')), '0 0.5 0.5 0.25 0.25\n');
  }
  return root;
}

describe('yw convert: images mmcv will not read as their headers say', () => {
  it('keeps them, with a warning each, and sizes them in the frame OpenCV decodes', async () => {
    const root = await dataset(['gif.gif', 'webp-exif-orient-6.webp', 'tiff-orient-6.tif', 'jpeg-orient-6.jpg']);
    const run = await runCli(['convert', root, '--json', '--report', join(root, 'report.json')]);
    expect(run.code).toBe(0);
    const report = JSON.parse(await readFile(join(root, 'report.json'), 'utf8')) as {
      findings: { code: string; file: string; message: string }[];
    };
    const notes = report.findings.filter((f) => f.code !== 'IMAGE_BACKGROUND' && f.code !== 'SPLIT_NO_VAL').map((f) => [f.code, f.file.split('/').pop()]);
    expect(notes).toEqual([
      ['IMAGE_NOT_DECODABLE', 'gif.gif'],
      ['EXIF_ORIENTATION_IGNORED', 'tiff-orient-6.tif'],
      ['EXIF_ORIENTATION_IGNORED', 'webp-exif-orient-6.webp'],
    ]);
    expect(JSON.parse(run.stdout)).toMatchObject({ images: 4, annotations: 4 });
    const coco = JSON.parse(await readFile(join(root, 'annotations', 'train.json'), 'utf8')) as {
      images: { file_name: string; width: number; height: number }[];
    };
    const size = (name: string) => coco.images.find((i) => i.file_name === name);
    expect(size('jpeg-orient-6.jpg')).toMatchObject({ width: 32, height: 48 }); // applied: swapped
    expect(size('webp-exif-orient-6.webp')).toMatchObject({ width: 48, height: 32 }); // ignored by OpenCV
  });
});
