import { isDict, PyTuple, type PyDict } from '../config-reader/values.js';
import { get, int, str } from './walk.js';

/** When the first validation runs, in the words a finding uses. */
export interface FirstValidation {
  /** The epoch after which it runs; undefined when no epoch up to max_epochs validates. */
  epoch: number | undefined;
  maxEpochs: number;
  /** The keys it follows from, e.g. `train_cfg.val_interval=5`. */
  from: string;
}

/**
 * mmengine 0.10.3's EpochBasedTrainLoop: after epoch e it validates when e >= val_begin and
 * e % interval == 0, the interval being the one of the last dynamic_intervals milestone <= e + 1.
 * Undefined when the config does not say (another loop, values that are not plain integers).
 */
export function firstValidation(config: PyDict): FirstValidation | undefined {
  const cfg = config.get('train_cfg');
  if (!isDict(cfg)) return undefined;
  const type = str(cfg.get('type'));
  if (type !== undefined && type !== 'EpochBasedTrainLoop') return undefined;
  const maxEpochs = int(cfg.get('max_epochs'));
  const interval = cfg.has('val_interval') ? int(cfg.get('val_interval')) : 1;
  const begin = cfg.has('val_begin') ? int(cfg.get('val_begin')) : 1;
  const dynamic = milestones(cfg);
  if (maxEpochs === undefined || interval === undefined || interval < 1 || begin === undefined || dynamic === undefined) return undefined;
  const steps = [[0, interval] as const, ...dynamic];
  for (let epoch = 1; epoch <= maxEpochs; epoch += 1) {
    const step = steps.filter(([milestone]) => milestone <= epoch + 1).length - 1;
    const current = steps[step]![1];
    const from = step === 0 ? `train_cfg.val_interval=${interval}` : `train_cfg.dynamic_intervals (${steps[step]![0]}, ${current})`;
    if (epoch >= begin && epoch % current === 0) return { epoch, maxEpochs, from };
  }
  return { epoch: undefined, maxEpochs, from: `train_cfg.val_interval=${interval}` };
}

/** `dynamic_intervals` as (milestone, interval) pairs; undefined when they are not readable integers. */
function milestones(cfg: PyDict): (readonly [number, number])[] | undefined {
  const value = get(cfg, 'dynamic_intervals');
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return undefined;
  const out: [number, number][] = [];
  for (const entry of value) {
    const items = entry instanceof PyTuple ? entry.items : undefined;
    const [milestone, interval] = [int(items?.[0]), int(items?.[1])];
    if (items?.length !== 2 || milestone === undefined || interval === undefined || interval < 1) return undefined;
    out.push([milestone, interval]);
  }
  return out;
}

/** "the first validation (after epoch 5: train_cfg.val_interval=5)", or as much as is known. */
export function describeFirstValidation(config: PyDict): string {
  const first = firstValidation(config);
  if (!first) return 'the first validation';
  if (first.epoch === undefined) return `validation (none runs within train_cfg.max_epochs=${first.maxEpochs}; tools/test.py still does)`;
  return `the first validation (after epoch ${first.epoch} of ${first.maxEpochs}: ${first.from})`;
}
