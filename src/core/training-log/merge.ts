import { finding, type Finding } from '../findings.js';
import type { ParsedLog, Validation } from './types.js';

export interface RunLog {
  /** The run folder name (`20240618_101010`), or the file name for a bare scalars.json. */
  name: string;
  log: ParsedLog;
}

export interface RunValidation extends Validation {
  run: string;
}

export interface MergedLog {
  /** One per validated epoch, ascending; a later run's validation of an epoch replaces an earlier one. */
  validations: RunValidation[];
  /** Mean train loss per epoch (mean of the logged window means), ascending; later runs win too. */
  trainLoss: { epoch: number; loss: number }[];
  runs: string[];
  trainLines: number;
  lines: number;
  findings: Finding[];
}

/**
 * Merges runs given in time order (a resumed training writes a new timestamped run folder that
 * repeats the epochs after its checkpoint): for each epoch the latest run's numbers win.
 */
export function mergeRuns(runs: readonly RunLog[]): MergedLog {
  const validations = new Map<number, RunValidation>();
  const loss = new Map<number, number>();
  const findings: Finding[] = [];
  let trainLines = 0;
  let lines = 0;
  for (const { name, log } of runs) {
    for (const f of log.findings) findings.push(f); // not push(...): no limit on how many a caller passes
    trainLines += log.trainLines;
    lines += log.lines;
    const replaced: number[] = [];
    for (const v of log.validations) {
      const earlier = validations.get(v.epoch);
      if (earlier !== undefined && earlier.run !== name) replaced.push(v.epoch);
      validations.set(v.epoch, { ...v, run: name });
    }
    for (const t of log.train) if (t.lossCount > 0) loss.set(t.epoch, t.lossSum / t.lossCount);
    if (replaced.length > 0) findings.push(replacedFinding(name, log.file, replaced));
  }
  return {
    validations: [...validations.values()].sort((a, b) => a.epoch - b.epoch),
    trainLoss: [...loss.entries()].sort(([a], [b]) => a - b).map(([epoch, l]) => ({ epoch, loss: l })),
    runs: runs.map((r) => r.name),
    trainLines,
    lines,
    findings,
  };
}

function replacedFinding(run: string, file: string, epochs: number[]): Finding {
  const list = epochs.length > 8 ? `${epochs.slice(0, 8).join(', ')}, ...` : epochs.join(', ');
  return finding('RUN_OVERLAP', 'info', `run ${run} validated epoch(s) ${list} again; its values replace the earlier run's`, {
    file,
    data: { run, epochs },
  });
}
