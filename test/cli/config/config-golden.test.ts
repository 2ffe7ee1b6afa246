import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli } from '../../helpers/run-cli.js';
import { copyFixture } from '../../helpers/tmp.js';

const HELMET = new URL('../../../fixtures/config-helmet', import.meta.url).pathname;

/** Reviewed emitted files: regenerate with `npm run test:update` and read the diff like code. */
const CASES: [string, string[]][] = [
  ['finetune-l-inherit', []],
  ['finetune-l-standalone', ['--style', 'standalone']],
  ['prompt-s-inherit', ['--mode', 'prompt', '--size', 's', '--embeddings', 'embeddings_1x512.npy', '--gpus', '4']],
  ['reparam-s-inherit', ['--mode', 'reparam', '--size', 's', '--no-mask-refine', '--weights', 'pretrained_models/rep/w_rep_conv.pth']],
];

describe('yw config golden files', () => {
  it.each(CASES)('%s', async (name, args) => {
    const cwd = await copyFixture(HELMET);
    const run = await runCli(['config', '--data', 'datasets/helmet', '--out', `configs/custom/${name}.py`, '--quiet', ...args], { cwd });
    expect(run.code).toBe(0);
    const text = await readFile(join(cwd, `configs/custom/${name}.py`), 'utf8');
    await expect(text).toMatchFileSnapshot(`./golden/${name}.py`);
  });
});
