import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { warmupOf, type WarmupRun } from '../../../src/core/check/warmup.js';

/**
 * Live oracle: mmyolo 0.6.0's YOLOv5ParamSchedulerHook of the train harness (../shared/train-harness,
 * built into $SA, default /tmp/yw-train) driven over a real torch DataLoader. Skipped, with a line on
 * stderr, where the harness is not built.
 */
const SA = process.env.SA ?? '/tmp/yw-train';
const SITE = join(SA, 'site');
const HOOK = join(SA, 'yw-root/third_party/mmyolo/mmyolo/engine/hooks/yolov5_param_scheduler_hook.py');
const available = existsSync(HOOK) && existsSync(join(SITE, 'mmengine')) && existsSync('/usr/bin/python3');
if (!available) process.stderr.write(`warmup-oracle: skipped, no train harness at ${SA} (mmyolo 0.6.0 + torch)\n`);

const ORACLE = fileURLToPath(new URL('../../helpers/warmup_oracle.py', import.meta.url));
/** What the oracle said, committed: checked everywhere; rewritten with YW_UPDATE_WARMUP_REFERENCE=1 where the harness is. */
const REFERENCE = fileURLToPath(new URL('../../../fixtures/warmup-hook/reference.json', import.meta.url));

interface Said { run: WarmupRun; itersPerEpoch: number; totalIters: number; warmupIters: number; reachesBase: boolean }

interface Traced { iters_per_epoch: number; lrs: number[]; targets: number[] }

function oracle(runs: WarmupRun[]): Traced[] {
  const jobs = runs.map((r) => ({
    images: r.images, batch: r.batchSize, drop_last: r.dropLast, epochs: r.maxEpochs,
    warmup_epochs: r.warmupEpochs, warmup_mim_iter: r.warmupMinIters, base_lr: 2e-4,
  }));
  const env = { ...process.env, PYTHONPATH: `${SITE}:${join(SA, 'yw-root/third_party/mmyolo')}`, OMP_NUM_THREADS: '1' };
  const run = spawnSync('/usr/bin/python3', [ORACLE], { input: JSON.stringify(jobs), encoding: 'utf8', env, maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(`warmup_oracle.py failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Traced[];
}

const run = (images: number, batchSize: number, maxEpochs: number, warmupEpochs = 3, warmupMinIters = 1000, dropLast = false): WarmupRun =>
  ({ images, batchSize, maxEpochs, warmupEpochs, warmupMinIters, dropLast });

const RUNS = [
  run(100, 16, 80), // the brief's example: 560 iterations, all warm-up
  run(12, 2, 2), // data/shapes in the harness
  run(12, 2, 2, 0, 1), // the fix: lr reaches base at iteration 1
  run(25, 10, 4, 2.5, 1), // round(7.5) = 8
  run(50, 10, 4, 2.5, 1), // round(12.5) = 12: Python rounds halves to even
  run(100, 16, 3, 3, 1, true), // drop_last: 6 iterations/epoch; 18 iterations, warm-up 18: never reached
  run(100, 16, 4, 3, 1, true), // one epoch more: reached
  run(118287, 16, 4), // COCO train2017: 7393 iterations/epoch, warm-up 22179
];

describe('warm-up arithmetic against what the real YOLOv5ParamSchedulerHook did (committed reference)', () => {
  it('matches every case', () => {
    const said = JSON.parse(readFileSync(REFERENCE, 'utf8')) as Said[];
    expect(said.map((s) => s.run)).toEqual(RUNS);
    for (const s of said) {
      const w = warmupOf(s.run)!;
      expect({ ...s, itersPerEpoch: w.itersPerEpoch, totalIters: w.totalIters, warmupIters: w.warmupIters, reachesBase: w.reachesBase }, JSON.stringify(s.run)).toEqual(s);
    }
  });
});

describe.skipIf(!available)('warm-up arithmetic against the live YOLOv5ParamSchedulerHook', () => {
  it('iterations per epoch, warm-up length (Python round, the floor) and whether lr reaches its target', { timeout: 300_000 }, () => {
    const said: Said[] = oracle(RUNS).map((t, i) => ({
      run: RUNS[i]!,
      itersPerEpoch: t.iters_per_epoch,
      totalIters: t.lrs.length,
      // Iteration 1 of epoch 0 is in warm-up: lr = target / warm-up length (1 when it is already the target).
      warmupIters: Math.round(t.targets[1]! / t.lrs[1]!),
      reachesBase: t.lrs.some((lr, k) => Math.abs(lr - t.targets[k]!) <= 1e-12 * t.targets[k]!),
    }));
    if (process.env.YW_UPDATE_WARMUP_REFERENCE === '1') writeFileSync(REFERENCE, `${JSON.stringify(said, null, 1)}\n`);
    expect(said).toEqual(JSON.parse(readFileSync(REFERENCE, 'utf8')));
    for (const s of said) {
      const w = warmupOf(s.run)!;
      expect([w.itersPerEpoch, w.totalIters, w.warmupIters, w.reachesBase], JSON.stringify(s.run)).toEqual([s.itersPerEpoch, s.totalIters, s.warmupIters, s.reachesBase]);
    }
  });
});
