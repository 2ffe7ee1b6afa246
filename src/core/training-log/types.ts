import type { Finding } from '../findings.js';

/** One validation (`step` = completed epochs) as mmengine's LocalVisBackend logged it. */
export interface Validation {
  epoch: number;
  /** `prefix/name` keys (coco/bbox_mAP, lvis/bbox_AP, ...); NaN where the log had NaN or null. */
  metrics: Record<string, number>;
  /** The line as written, kept so that `best_epoch.txt` can repeat Python's own number spelling. */
  raw: string;
  file: string;
  line: number;
}

/** Train lines of one epoch, reduced while parsing (a log can have millions of them). */
export interface TrainEpoch {
  epoch: number;
  lossSum: number;
  lossCount: number;
  lines: number;
}

/** What one scalars.json holds, reduced. */
export interface ParsedLog {
  file: string;
  /** In file order; a re-validated epoch keeps only its last line (with a finding). */
  validations: Validation[];
  /** Train lines per epoch, ascending by epoch. */
  train: TrainEpoch[];
  trainLines: number;
  /** Train lines without an `epoch` key (cannot be attributed to an epoch). */
  trainLinesWithoutEpoch: number;
  lines: number;
  findings: Finding[];
}

export type Rule = 'greater' | 'less';
export const RULES: readonly Rule[] = ['greater', 'less'];
