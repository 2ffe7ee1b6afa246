import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { runCli } from '../../helpers/run-cli.js';
import { runPyconfig } from '../../helpers/python.js';
import { HEADS, MODES, NECKS, OPTIMIZERS, STYLES } from '../../../src/core/config/options.js';
import { SIZES } from '../../../src/core/config/sizes.js';
import { RUNNER_KEYS } from './table.js';

const FIXTURES = new URL('../../../fixtures/', import.meta.url).pathname;
type Cfg = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
interface Combo { mode: string; size: string; mr: boolean; neck: string; head: string; optimizer: string }

const ALL: Combo[] = MODES.flatMap((mode) => SIZES.flatMap((size) => [true, false].flatMap((mr) =>
  NECKS.flatMap((neck) => HEADS.flatMap((head) => OPTIMIZERS.map((optimizer) => ({ mode, size, mr, neck, head, optimizer })))))));
const invalid = (c: Combo) => (c.mode.startsWith('prompt') && c.neck !== 'vlpan') || (c.mode === 'reparam' && c.neck === 'dual-vlpan') ||
  (c.neck === 'dual-vlpan' && c.head === 'bn') || (c.mode !== 'finetune' && c.head === 'l2') || (c.head === 'l2' && c.size === 'xl');
const VALID = ALL.filter((c) => !invalid(c));
const id = (c: Combo) => `${c.mode}-${c.size}-${c.mr ? 'mr' : 'nomr'}-${c.neck}-${c.head}-${c.optimizer}`;

let dir = '';
const evaluated = new Map<string, { standalone: { ok: boolean; value: Cfg; error?: string }; inherit: { ok: boolean; value: Cfg; error?: string } }>();
const failures: string[] = [];

function argsFor(c: Combo, style: string): string[] {
  const extra = c.mode === 'finetune' ? [] : ['--embeddings', 'embeddings_1x512.npy'];
  if (c.mode === 'reparam') extra.push('--weights', 'pretrained_models/rep/s_rep_conv.pth');
  return ['config', '--data', 'datasets/helmet', '--mode', c.mode, '--size', c.size, c.mr ? '--mask-refine' : '--no-mask-refine',
    '--neck', c.neck, '--head', c.head, '--optimizer', c.optimizer, '--style', style, '--out', `configs/m/${id(c)}.${style}.py`, '--quiet', ...extra];
}

/** Every valid mode × size × mask-refine × neck × optimizer, both styles; one python3 process evaluates all files. */
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'yw-config-matrix-'));
  await cp(join(FIXTURES, 'config-helmet'), dir, { recursive: true });
  const jobs: unknown[] = [];
  for (const c of VALID) {
    for (const style of STYLES) {
      const run = await runCli(argsFor(c, style), { cwd: dir });
      if (run.code !== 0 || run.stdout !== '' || run.stderr !== '') failures.push(`${id(c)} ${style}: ${run.code} ${run.stderr}`);
    }
    const inherit = join(dir, `configs/m/${id(c)}.inherit.py`);
    const base = /^_base_ = '(.*)'$/m.exec(await readFile(inherit, 'utf8'))?.[1] ?? '';
    jobs.push({ kind: 'eval', file: join(dir, `configs/m/${id(c)}.standalone.py`), base: null });
    jobs.push({ kind: 'eval', file: inherit, base: join(FIXTURES, 'config-reference/mmyolo', basename(base).replace(/\.py$/, '.json')) });
  }
  const out = runPyconfig<{ ok: boolean; value: Cfg; error?: string }>(jobs);
  VALID.forEach((c, i) => evaluated.set(id(c), { standalone: out[2 * i]!, inherit: out[2 * i + 1]! }));
}, 240_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const runner = (cfg: Cfg) => Object.fromEntries(RUNNER_KEYS.filter((k) => k in cfg).map((k) => [k, cfg[k]]));
const T = (...items: unknown[]) => ({ __tuple__: items });
const F = (repr: string) => ({ __float__: repr });

describe('every combination', () => {
  it(`writes ${VALID.length} × 2 configs with exit 0 and nothing printed under --quiet`, () => {
    expect(failures).toEqual([]);
    expect(VALID.length).toBe(168);
  });

  it.each(VALID.map((c) => [id(c), c] as const))('%s: both styles evaluate to the same config, with one class everywhere', (key, c) => {
    const { standalone, inherit } = evaluated.get(key)!;
    expect(standalone.error).toBeUndefined();
    expect(inherit.error).toBeUndefined();
    const cfg = runner(standalone.value);
    expect(runner(inherit.value)).toEqual(cfg);
    checkInvariants(cfg, c);
  });
});

function checkInvariants(cfg: Cfg, c: Combo): void {
  const inner = (loader: string) => (cfg[loader].dataset.type === 'MultiModalDataset' ? cfg[loader].dataset.dataset : cfg[loader].dataset);
  for (const loader of ['train_dataloader', 'val_dataloader', 'test_dataloader']) expect(inner(loader).metainfo).toEqual({ classes: T('head') });
  expect(inner('test_dataloader').ann_file).toBe('annotations/test.json');
  expect(cfg.val_evaluator.ann_file).toBe('datasets/helmet/annotations/val.json');
  expect(cfg.test_evaluator.ann_file).toBe('datasets/helmet/annotations/test.json');
  const m = cfg.model;
  expect([m.num_train_classes, m.num_test_classes, m.bbox_head.head_module.num_classes, m.train_cfg.assigner.num_classes]).toEqual([1, 1, 1, 1]);
  if (c.mode.startsWith('prompt')) expect(m.num_prompts).toBe(1);
  if (c.mode === 'reparam') expect(m.bbox_head.head_module.num_guide).toBe(1);
  if (c.mode === 'reparam' && c.neck === 'vlpan') expect([m.neck.guide_channels, m.neck.block_cfg.guide_channels]).toEqual([1, 1]);
  const train: Cfg[] = cfg.train_dataloader.dataset.pipeline;
  const text = train.find((t) => t.type === 'RandomLoadText');
  if (c.mode === 'finetune') expect([text?.num_neg_samples, text?.max_num_samples]).toEqual([T(1, 1), 1]);
  expect(train.some((t) => t.type === 'YOLOv5CopyPaste')).toBe(c.mr);
  expect(train[1]!.with_mask === true).toBe(c.mr);
  expect(cfg.train_cfg.dynamic_intervals).toEqual([T(70, 1)]);
  expect(cfg.default_hooks.checkpoint).toMatchObject({ save_best: 'coco/bbox_mAP', rule: 'greater' });
  if (c.mode !== 'reparam') expect(m.bbox_head.head_module.use_bn_head).toBe(c.head === 'bn' ? true : undefined);
  expect(cfg.optim_wrapper.optimizer.type).toBe(c.optimizer === 'sgd' ? 'SGD' : 'AdamW');
  if (c.size === 'xl') {
    expect([m.backbone.image_model.widen_factor, m.neck.widen_factor, m.bbox_head.head_module.widen_factor]).toEqual([F('1.5'), F('1.5'), F('1.5')]);
  }
  const mixup = train.find((t) => /MixUp/.test(t.type));
  if (c.size === 's' && !(c.mode.startsWith('prompt') && !c.mr)) expect(mixup?.prob).toEqual(F('0.15'));
}
