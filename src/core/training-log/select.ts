import { YwError } from '../../errors.js';
import type { RunValidation } from './merge.js';
import type { Rule } from './types.js';

export const DEFAULT_METRIC = 'coco/bbox_mAP';
/** Used when the default metric is absent: the key save_best='auto' picks for LVISMetric. */
export const LVIS_METRIC = 'lvis/bbox_AP';

/** Every metric key seen, in first-seen order (the order mmengine logged them). */
export function metricKeys(validations: readonly RunValidation[]): string[] {
  const keys = new Set<string>();
  for (const v of validations) for (const k of Object.keys(v.metrics)) keys.add(k);
  return [...keys];
}

/** The metric to rank by: `--metric` as given (must exist), else coco/bbox_mAP, else lvis/bbox_AP. */
export function selectMetric(validations: readonly RunValidation[], given: string | undefined, source: string): string {
  const keys = metricKeys(validations);
  if (keys.length === 0) {
    const empty = validations.length;
    throw new YwError('NO_METRICS', `no validation metrics in ${source}${empty ? ` (${empty} validation(s) logged no metrics)` : ''}`, {
      hint: empty ? 'the model made no predictions: check metainfo classes and the class texts' : 'training has not reached its first validation (val_interval) yet',
    });
  }
  if (given !== undefined) {
    if (keys.includes(given)) return given;
    throw new YwError('METRIC_NOT_FOUND', `metric ${given} is not in ${source}; it has: ${keys.join(', ')}`, {
      hint: `pass one of them with --metric, e.g. --metric ${keys[0]}`,
    });
  }
  if (keys.includes(DEFAULT_METRIC)) return DEFAULT_METRIC;
  if (keys.includes(LVIS_METRIC)) return LVIS_METRIC;
  throw new YwError('METRIC_NOT_FOUND', `the default metric ${DEFAULT_METRIC} is not in ${source}; it has: ${keys.join(', ')}`, {
    hint: `choose one with --metric, e.g. --metric ${keys[0]}`,
  });
}

export interface Ranked {
  epoch: number;
  value: number;
  validation: RunValidation;
}

/**
 * Validated epochs with a comparable value, best first; ties go to the earlier epoch (mmengine only
 * replaces its best on a strict improvement). NaN values never rank.
 */
export function rankEpochs(validations: readonly RunValidation[], metric: string, rule: Rule): Ranked[] {
  const ranked: Ranked[] = [];
  for (const v of validations) {
    const value = v.metrics[metric];
    if (value !== undefined && !Number.isNaN(value)) ranked.push({ epoch: v.epoch, value, validation: v });
  }
  const sign = rule === 'greater' ? -1 : 1;
  return ranked.sort((a, b) => sign * (a.value - b.value) || a.epoch - b.epoch);
}
