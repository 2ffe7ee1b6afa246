import { describe, expect, it } from 'vitest';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Finding } from '../../src/core/findings.js';
import { runCli } from '../helpers/run-cli.js';
import { cocoWithImages } from '../helpers/coco-images.js';
import { tempDir } from '../helpers/tmp.js';
import { sharedReference, skipNote, yoloWorldConfigRoot } from '../helpers/shared-reference.js';

const OUT = 'configs/custom/w.py';

/** A YOLO-World root with datasets/d: `train` images in train.json (one box each), 4 in val.json. */
async function tree(train: number): Promise<string> {
  const root = await tempDir();
  await mkdir(join(root, 'datasets/d/annotations'), { recursive: true });
  await writeFile(join(root, 'datasets/d/annotations/train.json'), JSON.stringify(cocoWithImages(train)));
  await writeFile(join(root, 'datasets/d/annotations/val.json'), JSON.stringify(cocoWithImages(4, 'val')));
  return root;
}

/** `yw config` (standalone, so no mmyolo checkout is needed), then `yw check --config` on what it wrote. */
async function configThenCheck(root: string, ...flags: string[]): Promise<{ notes: string; warmup: Finding[] }> {
  const config = await runCli(['config', '--data', 'datasets/d', '--style', 'standalone', '--out', OUT, ...flags], { cwd: root });
  expect(config.code, config.stderr).toBe(0);
  return { notes: config.stderr, warmup: await warmupFindings(root) };
}

async function warmupFindings(root: string): Promise<Finding[]> {
  const check = await runCli(['check', '--config', OUT, '--reader', 'builtin', '--json'], { cwd: root });
  return (JSON.parse(check.stdout) as { findings: Finding[] }).findings.filter((f) => f.code === 'WARMUP_LONG');
}

const FIX_28 = "add warmup_epochs=0, warmup_mim_iter=28 to default_hooks' param_scheduler=dict(...) (over a _base_, default_hooks = "
  + 'dict(param_scheduler=dict(warmup_epochs=0, warmup_mim_iter=28)) merges), or pass --cfg-options default_hooks.param_scheduler.warmup_epochs=0 '
  + 'default_hooks.param_scheduler.warmup_mim_iter=28: warm-up then takes 28 of 560 iterations (about 5 %, near the official 3 of 80 epochs)';

describe('WARMUP_LONG on configs as yw config writes them', () => {
  it('100 images at batch 16 for 80 epochs: the whole run is warm-up, said by yw config and yw check', async () => {
    const root = await tree(100);
    const { notes, warmup } = await configThenCheck(root);
    const message = "default_hooks.param_scheduler: lr warm-up lasts 1000 iterations (max(round(warmup_epochs=3 x 7), warmup_mim_iter=1000)) of the run's 560 "
      + '(100 train images at batch_size=16 on 1 GPU = 7 iterations/epoch x max_epochs=80): the whole run is warm-up: lr never reaches base_lr 2e-4 '
      + '(at most 1.12e-4); more GPUs make warm-up an even larger share';
    expect(warmup).toEqual([{
      code: 'WARMUP_LONG', severity: 'warning', message, file: OUT, hint: FIX_28,
      data: { key: 'default_hooks.param_scheduler', warmupIters: 1000, totalIters: 560, itersPerEpoch: 7, reachesBase: false, suggestedIters: 28 },
    }]);
    expect(notes).toContain(`${message.replace('default_hooks.param_scheduler: ', '')} (WARMUP_LONG); fix: ${FIX_28}`);
  });

  it('the hint\'s fix, written into the config, silences it', async () => {
    const root = await tree(100);
    await configThenCheck(root);
    const path = join(root, OUT);
    const text = await readFile(path, 'utf8');
    const fixed = text.replace(/(type='YOLOv5ParamSchedulerHook',\n)/, '$1        warmup_epochs=0,\n        warmup_mim_iter=28,\n');
    expect(fixed).not.toBe(text);
    await writeFile(path, fixed);
    expect(await warmupFindings(root)).toEqual([]);
  });

  it('500 images: warm-up reaches base_lr but takes 39 % of the run', async () => {
    const { notes, warmup } = await configThenCheck(await tree(500));
    expect(warmup).toHaveLength(1);
    expect(warmup[0]!.message).toContain("lasts 1000 iterations (max(round(warmup_epochs=3 x 32), warmup_mim_iter=1000)) of the run's 2560");
    expect(warmup[0]!.message).toContain('lr is below base_lr 2e-4 for the first 39 % of training');
    expect(warmup[0]!.hint).toContain('warmup_mim_iter=128: warm-up then takes 128 of 2560 iterations');
    expect(notes).toContain('(WARMUP_LONG)');
  });

  it('2000 images: 1000 of 10000 iterations (10 %) is below the 30 % threshold, nothing said', async () => {
    const { notes, warmup } = await configThenCheck(await tree(2000));
    expect(warmup).toEqual([]);
    expect(notes).not.toContain('WARMUP_LONG');
  });

  it('follows --batch and --epochs, and gives no finding for another scheduler hook type', async () => {
    const root = await tree(12);
    const { warmup } = await configThenCheck(root, '--batch', '2', '--epochs', '2', '--close-mosaic', '1');
    expect(warmup[0]!.message).toContain("of the run's 12 (12 train images at batch_size=2 on 1 GPU = 6 iterations/epoch x max_epochs=2)");
    expect(warmup[0]!.message).toContain('lr never reaches base_lr 2e-4 (at most 2.2e-6)');
    expect(warmup[0]!.data?.suggestedIters).toBe(1);
    const path = join(root, OUT);
    await writeFile(path, (await readFile(path, 'utf8')).replace("type='YOLOv5ParamSchedulerHook'", "type='ParamSchedulerHook'"));
    expect(await warmupFindings(root)).toEqual([]);
  });
});

const reference = sharedReference();
if (!reference) skipNote('WARMUP_LONG on an official config');

describe.skipIf(!reference)('WARMUP_LONG on an official config, read by the built-in reader', () => {
  const OFFICIAL = 'configs/finetune_coco/yolo_world_v2_s_vlpan_bn_2e-4_80e_8gpus_mask-refine_finetune_coco.py';
  const run = async (root: string) => {
    const check = await runCli(['check', '--config', OFFICIAL, '--reader', 'builtin', '--json'], { cwd: root });
    return (JSON.parse(check.stdout) as { findings: Finding[] }).findings.filter((f) => f.code === 'WARMUP_LONG');
  };

  it('is silent with COCO train2017 (118,287 images: 22,179 of 591,440 iterations, 3.75 %), warns with 100 images', async () => {
    const root = await yoloWorldConfigRoot(reference!);
    const ann = join(root, 'data/coco/annotations');
    await mkdir(ann, { recursive: true });
    const coco80 = Array.from({ length: 80 }, (_, i) => ({ id: i + 1, name: `c${i}` }));
    await writeFile(join(ann, 'instances_val2017.json'), JSON.stringify(cocoWithImages(1, 'val', coco80)));
    await writeFile(join(ann, 'instances_train2017.json'), JSON.stringify(cocoWithImages(118287, 'train', coco80)));
    expect(await run(root)).toEqual([]);
    await writeFile(join(ann, 'instances_train2017.json'), JSON.stringify(cocoWithImages(100, 'train', coco80)));
    const [f] = await run(root);
    expect(f?.message).toContain("lasts 1000 iterations (max(round(warmup_epochs=3 x 7), warmup_mim_iter=1000)) of the run's 560 "
      + '(100 train images at batch_size=16 on 1 GPU = 7 iterations/epoch x max_epochs=80): the whole run is warm-up');
  });
});
