import { numberOf } from './literals.js';

/** Keys of a validation line that has no metrics: the model made no predictions. */
const EMPTY_VALIDATION_KEYS = new Set(['step', 'time', 'data_time']);

/** A train line has one of LoggerHook's train keys; validation lines never do. */
export function isTrainObject(o: Record<string, unknown>): boolean {
  return 'iter' in o || 'loss' in o || 'lr' in o || 'epoch' in o;
}

export interface ValidationKeys {
  /** Numeric `prefix/name` keys (coco/..., lvis/..., any evaluator's prefix). */
  metrics: Record<string, number>;
  /** Whether there are keys that are neither metrics nor step/time/data_time. */
  unknown: boolean;
}

export function validationKeys(o: Record<string, unknown>): ValidationKeys {
  const metrics: Record<string, number> = {};
  let unknown = false;
  for (const key of Object.keys(o)) {
    const n = numberOf(o[key]);
    if (key.includes('/') && n !== undefined) metrics[key] = n;
    else if (!EMPTY_VALIDATION_KEYS.has(key)) unknown = true;
  }
  return { metrics, unknown };
}
