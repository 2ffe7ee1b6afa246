import { YwError } from '../../errors.js';
import { finding, type Finding } from '../findings.js';
import type { Rule } from './types.js';

/** mmengine CheckpointHook's lists (v0.10.3), compared lower-cased: exact match first, then substring. */
export const GREATER_KEYS = ['acc', 'top', 'AR@', 'auc', 'precision', 'mAP', 'mDice', 'mIoU', 'mAcc', 'aAcc'];
export const LESS_KEYS = ['loss'];
/** Keys mmengine cannot infer but that are plainly "higher is better" (LVIS: lvis/bbox_AP, APr, AP50...). */
const AP_LIKE = /(^|[/_])(AP|AR)/;

export interface InferredRule {
  rule: Rule;
  findings: Finding[];
}

/** The rule `save_best` would use for `metric`, as mmengine infers it; `given` (--rule) overrides. */
export function inferRule(metric: string, given?: Rule): InferredRule {
  if (given !== undefined) return { rule: given, findings: [] };
  const key = metric.toLowerCase();
  const greater = GREATER_KEYS.map((k) => k.toLowerCase());
  const less = LESS_KEYS.map((k) => k.toLowerCase());
  if (greater.includes(key)) return { rule: 'greater', findings: [] };
  if (less.includes(key)) return { rule: 'less', findings: [] };
  if (greater.some((k) => key.includes(k))) return { rule: 'greater', findings: [] };
  if (less.some((k) => key.includes(k))) return { rule: 'less', findings: [] };
  if (AP_LIKE.test(metric)) {
    const note = finding('RULE_ASSUMED', 'warning', `mmengine cannot infer the rule for ${metric}; assuming "greater" (an AP/AR metric)`, {
      hint: 'pass --rule greater (or less) to state it; save_best needs rule=\'greater\' for this key too',
      data: { metric, rule: 'greater' },
    });
    return { rule: 'greater', findings: [note] };
  }
  throw new YwError('RULE_UNKNOWN', `cannot infer whether a higher or lower ${metric} is better`, {
    hint: 'pass --rule greater or --rule less (mmengine raises "Cannot infer the rule" for this key too)',
  });
}
