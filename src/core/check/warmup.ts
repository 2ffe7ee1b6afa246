/**
 * mmyolo 0.6.0's YOLOv5ParamSchedulerHook warms the lr up linearly from 0 over
 * `max(round(warmup_epochs * len(train_dataloader)), warmup_mim_iter)` iterations (defaults 3 and 1000).
 * The 1000-iteration floor is sized for COCO; a small dataset can spend its whole run in it.
 */

/** mmyolo's defaults when the hook's config does not set them. */
export const WARMUP_DEFAULTS = { epochs: 3, minIters: 1000 } as const;
/**
 * Above this share of the run the warning fires. The official configs warm up for 3 of 80 epochs (3.75 %);
 * 30 % is eight times that, so only runs the floor really distorts are named (docs/check.md).
 */
export const WARMUP_SHARE_LIMIT = 0.3;
/** The share the suggested fix aims at: close to the official 3.75 %. */
export const WARMUP_TARGET_SHARE = 0.05;

export interface WarmupRun {
  /** Train images as the annotation files list them (before filter_cfg). */
  images: number;
  batchSize: number;
  maxEpochs: number;
  warmupEpochs: number;
  warmupMinIters: number;
  /** train_dataloader.drop_last: a last partial batch is then not run. */
  dropLast: boolean;
}

export interface Warmup {
  itersPerEpoch: number;
  totalIters: number;
  warmupIters: number;
  /** Share of the run's iterations spent in warm-up (at most 1). */
  share: number;
  /** False when every iteration is still in warm-up: lr never reaches base_lr. */
  reachesBase: boolean;
  /** `warmup_mim_iter` for the fix (with `warmup_epochs=0`): WARMUP_TARGET_SHARE of the run, at least 1. */
  suggestedIters: number;
}

/** The hook's arithmetic on one GPU; undefined for a run with no iteration. */
export function warmupOf(run: WarmupRun): Warmup | undefined {
  const per = run.images / run.batchSize;
  const itersPerEpoch = run.dropLast ? Math.floor(per) : Math.ceil(per);
  const totalIters = itersPerEpoch * run.maxEpochs;
  if (totalIters <= 0) return undefined;
  const warmupIters = Math.max(pyRound(run.warmupEpochs * itersPerEpoch), run.warmupMinIters);
  return {
    itersPerEpoch,
    totalIters,
    warmupIters,
    share: Math.min(warmupIters, totalIters) / totalIters,
    // runner.iter runs 0..total-1 and lr = base * iter / warmup: base is reached at iter == warmup
    reachesBase: totalIters - 1 >= warmupIters,
    suggestedIters: Math.max(1, Math.round(totalIters * WARMUP_TARGET_SHARE)),
  };
}

export function warmupTooLong(w: Warmup): boolean {
  return w.share > WARMUP_SHARE_LIMIT;
}

/** What is wrong and the fix, for `yw check --config` and `yw config`. `baseLr` when known. */
export function describeWarmup(run: WarmupRun, w: Warmup, baseLr: number | undefined): { message: string; hint: string } {
  const lr = baseLr === undefined ? 'base_lr' : `base_lr ${fmt(baseLr)}`;
  const from = `max(round(warmup_epochs=${run.warmupEpochs} x ${w.itersPerEpoch}), warmup_mim_iter=${run.warmupMinIters})`;
  const run1 = `${run.images} train images at batch_size=${run.batchSize} on 1 GPU = ${w.itersPerEpoch} iterations/epoch x max_epochs=${run.maxEpochs}`;
  const peak = baseLr === undefined ? '' : ` (at most ${fmt((baseLr * (w.totalIters - 1)) / w.warmupIters)})`;
  const effect = w.reachesBase
    ? `lr is below ${lr} for the first ${pct(w.share)} of training`
    : `the whole run is warm-up: lr never reaches ${lr}${peak}`;
  const message = `lr warm-up lasts ${w.warmupIters} iterations (${from}) of the run's ${w.totalIters} (${run1}): ${effect}; more GPUs make warm-up an even larger share`;
  const n = w.suggestedIters;
  // A standalone config assigns default_hooks once: a second `default_hooks = dict(...)` would replace it.
  const hint = `add warmup_epochs=0, warmup_mim_iter=${n} to default_hooks' param_scheduler=dict(...) `
    + `(over a _base_, default_hooks = dict(param_scheduler=dict(warmup_epochs=0, warmup_mim_iter=${n})) merges), or pass `
    + `--cfg-options default_hooks.param_scheduler.warmup_epochs=0 default_hooks.param_scheduler.warmup_mim_iter=${n}: `
    + `warm-up then takes ${n} of ${w.totalIters} iterations (about ${pct(WARMUP_TARGET_SHARE)}, near the official 3 of 80 epochs)`;
  return { message, hint };
}

/** Python 3's round(): halves go to the even neighbour. */
function pyRound(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d !== 0.5) return d < 0.5 ? f : f + 1;
  return f % 2 === 0 ? f : f + 1;
}

const pct = (share: number) => `${Math.round(share * 100)} %`;
/** 3 significant digits; small values as 2.2e-6, as mmengine logs them, not 0.0000022. */
const fmt = (x: number) => (x !== 0 && Math.abs(x) < 1e-3 ? x.toExponential(2).replace(/\.?0+e/, 'e') : Number(x.toPrecision(3)).toString());
