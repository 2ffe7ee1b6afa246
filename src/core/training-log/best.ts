import { YwError } from '../../errors.js';
import type { Finding } from '../findings.js';
import { chooseCheckpoint, type CheckpointChoice } from './checkpoint.js';
import type { MergedLog } from './merge.js';
import { inferRule } from './rule.js';
import { metricKeys, rankEpochs, selectMetric, type Ranked } from './select.js';
import type { Rule } from './types.js';

export interface BestOptions {
  metric?: string;
  rule?: Rule;
  top: number;
  /** Checkpoint file names present in the work dir. */
  checkpoints: readonly string[];
  /** Names the log in messages (the path the user gave). */
  source: string;
}

export interface BestResult {
  metric: string;
  rule: Rule;
  best: Ranked;
  top: Ranked[];
  /** Metric columns for the table: keys with the same prefix as the metric (coco/..., lvis/...). */
  columns: string[];
  checkpoint: CheckpointChoice;
  findings: Finding[];
}

/** The best epoch of a merged log by `metric` and its checkpoint: the whole decision, no I/O. */
export function findBest(log: MergedLog, options: BestOptions): BestResult {
  const metric = selectMetric(log.validations, options.metric, options.source);
  const { rule, findings: ruleFindings } = inferRule(metric, options.rule);
  const ranked = rankEpochs(log.validations, metric, rule);
  const best = ranked[0];
  if (best === undefined) {
    throw new YwError('METRIC_ALL_NAN', `every logged value of ${metric} in ${options.source} is NaN`, {
      hint: 'choose another metric with --metric',
    });
  }
  const prefix = metric.includes('/') ? metric.slice(0, metric.indexOf('/') + 1) : '';
  const columns = metricKeys(log.validations).filter((k) => k.startsWith(prefix));
  const checkpoint = chooseCheckpoint(ranked, options.checkpoints, metric, rule);
  return {
    metric,
    rule,
    best,
    top: ranked.slice(0, Math.max(1, options.top)),
    columns,
    checkpoint,
    findings: [...log.findings, ...ruleFindings, ...checkpoint.findings],
  };
}
