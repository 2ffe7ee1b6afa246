import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { convertFixture, FIXTURES } from '../helpers/convert-run.js';

/**
 * File names as a Windows zip stores them, unpacked byte for byte: "café" in Latin-1 (cp1252) and
 * "图片" in GBK are not valid UTF-8. Git and fs.cp cannot carry such names, so they are made here.
 */
async function nonUtf8Names(dir: string): Promise<void> {
  const path = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => Buffer.from(p as string)));
  const images = `${dir}/input/images/`;
  copyFileSync(join(images, 'plain.jpg'), path(images, [0x63, 0x61, 0x66, 0xe9], '.jpg')); // caf\xe9.jpg (Latin-1)
  copyFileSync(join(dir, 'input/labels/plain.txt'), path(`${dir}/input/labels/`, [0x63, 0x61, 0x66, 0xe9], '.txt'));
  mkdirSync(path(images, [0xd6, 0xd0, 0xce, 0xc4])); // 中文/ (GBK)
  copyFileSync(join(images, 'plain.jpg'), path(images, [0xd6, 0xd0, 0xce, 0xc4], '/x.jpg'));
}

/**
 * Golden outputs: every file a run produces (COCO JSON per split, the --report file), the console
 * output and exit code, and the sorted list of produced files. Regenerate with `npm run test:update`.
 */
const CASES: { fixture: string; case: string; args: string[]; prepare?: (dir: string) => Promise<void> }[] = [
  { fixture: 'convert-split-folders', case: 'default', args: [] },
  { fixture: 'convert-ultralytics', case: 'default', args: [] },
  { fixture: 'convert-single', case: 'default', args: [] },
  { fixture: 'convert-side-by-side', case: 'default', args: [] },
  { fixture: 'convert-polygons', case: 'default', args: [] },
  { fixture: 'convert-polygons', case: 'box-polygons-id0', args: ['--box-polygons', '--category-id-start', '0'] },
  { fixture: 'convert-dirty-labels', case: 'default', args: [] },
  { fixture: 'convert-exif', case: 'default', args: [] },
  { fixture: 'convert-exif', case: 'val-fraction', args: ['--val-fraction', '0.25', '--seed', '7'] },
  // Datasets as each exporter writes them (issue 9), then one fixture per convert behaviour.
  { fixture: 'export-roboflow', case: 'default', args: [] },
  { fixture: 'export-roboflow-obb', case: 'default', args: [] },
  { fixture: 'export-roboflow-obb', case: 'obb-polygons', args: ['--obb-polygons'] },
  { fixture: 'export-cvat-yolo11', case: 'default', args: [] },
  { fixture: 'export-cvat-ultralytics', case: 'default', args: [] },
  { fixture: 'export-ultralytics', case: 'default', args: [] },
  { fixture: 'export-ultralytics-pose', case: 'default', args: [] },
  { fixture: 'export-ultralytics-obb', case: 'default', args: [] },
  { fixture: 'export-ultralytics-predict', case: 'default', args: [] },
  { fixture: 'export-label-studio', case: 'default', args: [] },
  { fixture: 'export-fiftyone', case: 'default', args: [] },
  { fixture: 'export-darknet', case: 'default', args: [] },
  { fixture: 'export-supervision', case: 'default', args: [] },
  { fixture: 'export-labelimg', case: 'default', args: [] },
  { fixture: 'convert-images-subfolders', case: 'default', args: [] },
  { fixture: 'convert-yaml-splits', case: 'ambiguous', args: [] },
  { fixture: 'convert-yaml-splits', case: 'data-yaml', args: ['--data-yaml', 'input/custom.yaml'] },
  { fixture: 'convert-labels-elsewhere', case: 'default', args: [] },
  { fixture: 'convert-yaml-unresolved', case: 'default', args: [] },
  { fixture: 'convert-line-ends-case', case: 'default', args: [] },
  { fixture: 'convert-non-utf8-names', case: 'default', args: [], prepare: nonUtf8Names },
  { fixture: 'convert-yaml-big-ids', case: 'default', args: [] },
  { fixture: 'convert-classes-yaml', case: 'classes-yaml', args: ['--classes', 'input/meta/names.yaml'] },
];

describe('yw convert golden outputs', () => {
  for (const c of CASES) {
    it(`${c.fixture} / ${c.case}`, async () => {
      const run = await convertFixture(c.fixture, ['--report', 'report.json', ...c.args], c.prepare);
      const expected = join(FIXTURES, c.fixture, 'expected', c.case);
      await expect(`${run.produced.join('\n')}\n`).toMatchFileSnapshot(join(expected, 'files.txt'));
      await expect(`exit ${run.code}\n--- stdout\n${run.stdout}--- stderr\n${run.stderr}`).toMatchFileSnapshot(join(expected, 'console.txt'));
      for (const file of run.produced) await expect(await run.read(file)).toMatchFileSnapshot(join(expected, file));
    });
  }
});
