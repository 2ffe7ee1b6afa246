import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { convertFixture, FIXTURES } from '../helpers/convert-run.js';

/**
 * Golden outputs: every file a run produces (COCO JSON per split, the --report file), the console
 * output and exit code, and the sorted list of produced files. Regenerate with `npm run test:update`.
 */
const CASES: { fixture: string; case: string; args: string[] }[] = [
  { fixture: 'convert-split-folders', case: 'default', args: [] },
  { fixture: 'convert-ultralytics', case: 'default', args: [] },
  { fixture: 'convert-single', case: 'default', args: [] },
  { fixture: 'convert-side-by-side', case: 'default', args: [] },
  { fixture: 'convert-polygons', case: 'default', args: [] },
  { fixture: 'convert-polygons', case: 'box-polygons-id0', args: ['--box-polygons', '--category-id-start', '0'] },
  { fixture: 'convert-dirty-labels', case: 'default', args: [] },
  { fixture: 'convert-exif', case: 'default', args: [] },
  { fixture: 'convert-exif', case: 'val-fraction', args: ['--val-fraction', '0.25', '--seed', '7'] },
];

describe('yw convert golden outputs', () => {
  for (const c of CASES) {
    it(`${c.fixture} / ${c.case}`, async () => {
      const run = await convertFixture(c.fixture, ['--report', 'report.json', ...c.args]);
      const expected = join(FIXTURES, c.fixture, 'expected', c.case);
      await expect(`${run.produced.join('\n')}\n`).toMatchFileSnapshot(join(expected, 'files.txt'));
      await expect(`exit ${run.code}\n--- stdout\n${run.stdout}--- stderr\n${run.stderr}`).toMatchFileSnapshot(join(expected, 'console.txt'));
      for (const file of run.produced) await expect(await run.read(file)).toMatchFileSnapshot(join(expected, file));
    });
  }
});
