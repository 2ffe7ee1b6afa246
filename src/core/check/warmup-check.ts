import type { Finding } from '../findings.js';
import { isDict, type PyDict, type PyValue } from '../config-reader/values.js';
import { isUnreadable, type CheckInput } from './input.js';
import { issue } from './issue.js';
import { get, getDict, int, joinRoot, str } from './walk.js';
import { describeWarmup, warmupOf, warmupTooLong, WARMUP_DEFAULTS, type WarmupRun } from './warmup.js';

const KEY = 'default_hooks.param_scheduler';

/** WARMUP_LONG: YOLOv5ParamSchedulerHook's warm-up takes over a large share of the run (warmup.ts). */
export function checkWarmup(input: CheckInput): Finding[] {
  const run = warmupRun(input);
  const w = run && warmupOf(run);
  if (!run || !w || !warmupTooLong(w)) return [];
  const lr = get(input.config, 'optim_wrapper.optimizer.lr');
  const { message, hint } = describeWarmup(run, w, num(lr));
  return [issue(input.configFile, 'WARMUP_LONG', 'warning', KEY, message, hint, {
    warmupIters: w.warmupIters, totalIters: w.totalIters, itersPerEpoch: w.itersPerEpoch, reachesBase: w.reachesBase, suggestedIters: w.suggestedIters,
  })];
}

/** The numbers the hook works from; undefined when any is missing or not a plain number (no guess). */
function warmupRun(input: CheckInput): WarmupRun | undefined {
  const { config } = input;
  const hook = getDict(config, KEY);
  if (!hook || (str(hook.get('type')) ?? '').replace(/^mmyolo\./, '') !== 'YOLOv5ParamSchedulerHook') return undefined;
  const loop = getDict(config, 'train_cfg');
  const loopType = str(loop?.get('type'));
  if (loopType !== undefined && loopType !== 'EpochBasedTrainLoop') return undefined;
  const loader = getDict(config, 'train_dataloader');
  const dataset = getDict(loader, 'dataset');
  const images = dataset && trainImages(dataset, input);
  const batchSize = int(loader?.get('batch_size'));
  const maxEpochs = int(loop?.get('max_epochs'));
  const warmupEpochs = hook.has('warmup_epochs') ? num(hook.get('warmup_epochs')) : WARMUP_DEFAULTS.epochs;
  const warmupMinIters = hook.has('warmup_mim_iter') ? num(hook.get('warmup_mim_iter')) : WARMUP_DEFAULTS.minIters;
  const dropLast = loader?.get('drop_last') === true;
  if (images === undefined || batchSize === undefined || batchSize < 1 || maxEpochs === undefined || warmupEpochs === undefined || warmupMinIters === undefined) {
    return undefined;
  }
  return { images, batchSize, maxEpochs, warmupEpochs, warmupMinIters, dropLast };
}

/**
 * Images per epoch through the dataset wrappers: ConcatDataset sums, RepeatDataset multiplies,
 * MultiModalDataset and the like pass through; anything else (ClassBalancedDataset, a dataset
 * that is not COCO, an annotation file not read) leaves it unknown.
 */
function trainImages(cfg: PyDict, input: CheckInput): number | undefined {
  const type = (str(cfg.get('type')) ?? '').replace(/^mm\w+\./, '');
  const inner = cfg.get('dataset');
  if (isDict(inner)) {
    const n = trainImages(inner, input);
    if (n === undefined || type === 'ClassBalancedDataset') return undefined;
    if (type !== 'RepeatDataset') return n;
    const times = int(cfg.get('times'));
    return times === undefined ? undefined : n * times;
  }
  const many = cfg.get('datasets');
  if (Array.isArray(many)) {
    const counts = many.map((d) => (isDict(d) ? trainImages(d, input) : undefined));
    return counts.some((c) => c === undefined) ? undefined : counts.reduce<number>((a, c) => a + c!, 0);
  }
  const ann = str(cfg.get('ann_file'));
  if (!/Coco/.test(type) || !ann) return undefined;
  const coco = input.coco.get(joinRoot(str(cfg.get('data_root')), ann));
  return coco && !isUnreadable(coco) ? coco.summary.images : undefined;
}

function num(v: PyValue | undefined): number | undefined {
  return typeof v === 'bigint' ? Number(v) : typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
