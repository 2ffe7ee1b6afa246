import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../../../src/core/config-reader/read-config.js';
import { encodeReferenceJson } from '../../../src/core/config-reader/reference-json.js';
import { readConfigText } from '../../../src/io/config/check-inputs.js';
import { hasMmengine, readConfigWithMmengine } from '../../../src/io/config/mmengine-config.js';
import { mkfifo } from '../../helpers/run-bin.js';
import { runCli } from '../../helpers/run-cli.js';
import { sharedReference, skipNote, yoloWorldConfigRoot } from '../../helpers/shared-reference.js';

/** The real mmengine, where it imports (pip, or scripts/mmengine-oracle.sh plus PYTHONPATH). */
const python = process.env.YW_TEST_PYTHON ?? 'python3';
const mmengine = await hasMmengine(python);
const reference = sharedReference();
if (!mmengine) console.warn(`SKIPPED the mmengine reader tests: ${python} cannot import mmengine (see scripts/mmengine-oracle.sh)`);
else if (!reference) skipNote('the mmengine reader tests');

const NAMES = [
  'finetune_coco/yolo_world_v2_xl_vlpan_bn_2e-4_80e_8gpus_mask-refine_finetune_coco',
  'prompt_tuning_coco/yolo_world_v2_l_vlpan_bn_sgd_1e-3_80e_8gpus_all_finetuning_coco',
  'segmentation/yolo_world_seg_l_dual_vlpan_2e-4_80e_8gpus_allmodules_finetune_lvis',
];

describe.skipIf(!mmengine || !reference)('the mmengine reader (real mmengine) and the built-in reader agree', () => {
  let root = '';
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'yw-mmengine-'));
    await yoloWorldConfigRoot(reference!, root);
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it.each(NAMES)('%s', async (name) => {
    const file = join(root, 'configs', `${name}.py`);
    const expected = await readFile(join(reference!, 'upstream-configs/resolved/configs', `${name}.json`), 'utf8');
    expect(encodeReferenceJson(await readConfigWithMmengine(python, file, root))).toBe(expected);
    expect(encodeReferenceJson((await readConfig(file, readConfigText)).value)).toBe(expected);
  });

  it('yw check --reader mmengine --dump-config - prints the same bytes as --reader builtin', async () => {
    const args = ['check', '-c', `configs/${NAMES[0]}.py`, '--python', python, '--dump-config', '-'];
    const real = await runCli([...args, '--reader', 'mmengine'], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
    const builtin = await runCli([...args, '--reader', 'builtin'], { cwd: root });
    expect(real.stderr).toContain('read with mmengine (exact)');
    expect(real.stdout).toBe(builtin.stdout);
    expect(real.stdout.length).toBeGreaterThan(1000);
  });
});

describe.skipIf(!mmengine)('the mmengine reader refuses a special _base_ before Python opens it', () => {
  it('a _base_ that is a FIFO: CONFIG_UNREADABLE at once, not a hang until the timeout', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'yw-mmengine-fifo-'));
    try {
      mkfifo(join(dir, 'base.py'));
      await writeFile(join(dir, 'config.py'), "_base_ = './base.py'\nmax_epochs = 2\n");
      const run = await runCli(['check', '-c', 'config.py', '--reader', 'mmengine', '--python', python], { cwd: dir });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('base.py is not a regular file (refused before opening it)');
      expect(run.stderr).toContain('[CONFIG_UNREADABLE]');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
