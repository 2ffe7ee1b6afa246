import { describe, expect, it } from 'vitest';
import { mmyoloBase } from '../../../src/core/config/mmyolo-base.js';
import { toTagged } from '../../../src/core/config/py-value.js';
import { baseFileName, type BaseSize } from '../../../src/core/config/sizes.js';
import { runPyconfig } from '../../helpers/python.js';

const REF = new URL('../../../fixtures/config-reference/mmyolo/', import.meta.url).pathname;
const CASES = (['s', 'm', 'l', 'x'] as BaseSize[]).flatMap((size) => [false, true].map((mr) => ({ size, mr })));

describe('mmyoloBase', () => {
  const refs = runPyconfig<{ ok: boolean; value: Record<string, unknown> }>(
    CASES.map(({ size, mr }) => ({ kind: 'ref', file: `${REF}${baseFileName(size, mr).replace(/\.py$/, '.json')}` })),
  );
  it.each(CASES.map((c, i) => [c.size, c.mr, i] as const))('equals the resolved mmyolo base %s (mask-refine %s) on every key it defines', (_s, _mr, i) => {
    const { size, mr } = CASES[i]!;
    const ours = toTagged(mmyoloBase(size, mr)) as Record<string, unknown>;
    const ref = refs[i]!.value;
    const picked = Object.fromEntries(Object.keys(ours).map((k) => [k, ref[k]]));
    expect(ours).toEqual(picked);
    // the helpers an s base lacks stay absent
    expect('mixup_prob' in ours).toBe('mixup_prob' in ref);
    expect('copypaste_prob' in ours).toBe('copypaste_prob' in ref);
  });
});
