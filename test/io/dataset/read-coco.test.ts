import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCocoSummary } from '../../../src/io/dataset/read-coco.js';
import { YwError } from '../../../src/errors.js';
import { tempDir } from '../../helpers/tmp.js';

async function failure(path: string): Promise<YwError> {
  const error = await readCocoSummary(path).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(YwError);
  return error as YwError;
}

describe('readCocoSummary (streams the file)', () => {
  it('reads a file of several chunks; the last of two "categories" keys wins, as in Python', async () => {
    const dir = await tempDir();
    const file = join(dir, 'train.json');
    const annotations = Array.from({ length: 30_000 }, (_, i) => ({ id: i + 1, image_id: 1 + (i % 500), category_id: 1 + (i % 2), bbox: [1, 2, 30, 40], area: 1200, iscrowd: 0, segmentation: [[1, 2, 31, 2, 31, 42, 1, 42]] }));
    const images = Array.from({ length: 500 }, (_, i) => ({ id: i + 1, file_name: `im${i}.jpg`, width: 64, height: 48 }));
    const text = `{"categories": [{"id": 1, "name": "stale"}], "images": ${JSON.stringify(images)}, "annotations": ${JSON.stringify(annotations)}, "categories": [{"id": 2, "name": "head"}, {"id": 1, "name": "helmet"}]}`;
    expect(text.length).toBeGreaterThan(3 << 20);
    await writeFile(file, text);
    const summary = await readCocoSummary(file);
    expect(summary.categories).toEqual([{ id: 2, name: 'head' }, { id: 1, name: 'helmet' }]);
    expect([summary.images, summary.annotations, summary.withPolygon]).toEqual([500, 30_000, 30_000]);
    expect(summary.perCategory).toEqual(new Map([[1, 15_000], [2, 15_000]]));
  });

  it('says an empty file is empty', async () => {
    const file = join(await tempDir(), 'train.json');
    await writeFile(file, '');
    const error = await failure(file);
    expect([error.code, error.message]).toEqual(['COCO_EMPTY', `${file} is empty (0 bytes)`]);
  });

  it('names line, column and byte of bad JSON, and says when the file was cut short', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'bad.json'), '{\n "images": [],\n "annotations": [}\n');
    const bad = await failure(join(dir, 'bad.json'));
    expect([bad.code, bad.line, bad.message]).toEqual(['INVALID_JSON', 3, `${join(dir, 'bad.json')} is not valid JSON: Expecting value: line 3 column 18 (byte 34)`]);
    await writeFile(join(dir, 'cut.json'), '{"images": [{"id": 1, "file_na');
    expect((await failure(join(dir, 'cut.json'))).message).toBe(
      `${join(dir, 'cut.json')} is not valid JSON: Unterminated string starting at: line 1 column 23 (byte 22), where the file ends: cut short (an interrupted download or copy?)`);
  });

  it('turns a missing file or a folder into a clear error', async () => {
    const dir = await tempDir();
    expect((await failure(join(dir, 'none.json'))).code).toBe('FILE_NOT_FOUND');
    await mkdir(join(dir, 'folder.json'));
    expect((await failure(join(dir, 'folder.json'))).code).toBe('NOT_A_FILE');
  });
});
