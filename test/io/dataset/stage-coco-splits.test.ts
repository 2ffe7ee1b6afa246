import { describe, expect, it } from 'vitest';
import { cp, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { FIXTURES, listAll } from '../../helpers/convert-run.js';
import { tempDir } from '../../helpers/tmp.js';
import { labelContext } from '../../../src/core/dataset/convert.js';
import { planFromDisk, readSizes } from '../../../src/io/dataset/load-dataset.js';
import { stageCocoSplits, writeCocoSplits } from '../../../src/io/dataset/write-coco-splits.js';

const NO_BAR = () => ({ increment() {}, stop() {} });
const OPTIONS = { seed: '0', categoryIdStart: 1, boxPolygons: false, obbPolygons: false };

/** The split-folders fixture planned and sized, ready for the writer. */
async function planned() {
  const dir = await tempDir('yw-stage-');
  await cp(join(FIXTURES, 'convert-split-folders', 'input'), join(dir, 'input'), { recursive: true });
  const rootAbs = resolve(dir, 'input');
  const plan = await planFromDisk(dir, 'input', rootAbs, OPTIONS);
  const sized = await readSizes(plan, rootAbs, NO_BAR);
  const input = { rootAbs, outDir: join(rootAbs, 'annotations'), splits: sized.splits, categories: plan.categories, context: labelContext(plan, OPTIONS), force: false };
  return { dir, input };
}

describe('stageCocoSplits (yw prepare writes the COCO files last)', () => {
  it('puts nothing in place until commit; the tapped text is the committed file, byte for byte', async () => {
    const { dir, input } = await planned();
    const texts = new Map<string, string>();
    const staged = await stageCocoSplits({ ...input, onText: (split, text) => texts.set(split, (texts.get(split) ?? '') + text) });
    const staging = (await listAll(dir)).filter((f) => f.startsWith('input/annotations/'));
    expect(staging).toHaveLength(3);
    expect(staging.every((f) => /\/\.(train|val|test)\.json\.\d+\.\d+\.tmp$/.test(f)), staging.join(' ')).toBe(true);
    await staged.commit();
    expect([...texts.keys()]).toEqual(['train', 'val', 'test']);
    for (const [split, text] of texts) expect(await readFile(join(input.outDir, `${split}.json`), 'utf8'), split).toBe(text);
    expect((await listAll(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('abort leaves nothing behind, and the same input then writes the same files as writeCocoSplits', async () => {
    const { dir, input } = await planned();
    const before = await listAll(dir);
    const staged = await stageCocoSplits(input);
    await staged.abort();
    expect(await listAll(dir)).toEqual(before);
    const written = await writeCocoSplits(input);
    expect(written.splits.map((s) => [s.name, s.images, s.annotations])).toEqual(staged.splits.map((s) => [s.name, s.images, s.annotations]));
    expect(written.findings).toEqual(staged.findings);
  });
});
