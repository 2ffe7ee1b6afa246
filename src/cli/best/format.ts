import { countBySeverity } from '../../core/findings.js';
import { formatSparkline, formatTable, formatValue } from '../../core/training-log/table.js';
import type { BestRun } from './run.js';
import { formatBytes } from '../checkpoints/format.js';

/** The human-readable result: headline, top-K table, sparkline, checkpoint line, files written. */
export function formatBestText(r: BestRun): string {
  const runs = r.log.runs.length === 1 ? `run ${r.log.runs[0]}` : `${r.log.runs.length} runs merged (${r.log.runs.join(', ')})`;
  const lines = [
    `best epoch ${r.best.epoch}: ${r.metric} = ${formatValue(r.best.value)} (${r.rule} is better; ${runs})`,
    '',
    formatTable(r.top, r.columns, r.log.runs.length > 1),
    '',
    formatSparkline(r.log.validations, r.metric, r.best, r.rule),
    checkpointLine(r),
  ];
  if (r.written.bestEpochTxt) lines.push(`wrote ${r.written.bestEpochTxt}`);
  const slim = r.written.slim;
  if (slim) lines.push(`wrote ${r.written.link}: slim copy of ${r.checkpoint.file}, ${formatBytes(slim.inputBytes)} -> ${formatBytes(slim.outputBytes)} (${slim.dropped.length ? `dropped ${slim.dropped.join(', ')}` : 'nothing to drop'})`);
  else if (r.written.link) lines.push(`${r.written.linkKind === 'copy' ? 'copied' : 'linked'} ${r.written.link} -> ${r.checkpoint.file}`);
  if (r.written.plot) lines.push(`wrote ${r.written.plot}`);
  return `${lines.join('\n')}\n`;
}

function checkpointLine(r: BestRun): string {
  const c = r.checkpoint;
  if (r.checkpointPath === undefined) return `checkpoint: none (no epoch_*.pth in ${r.workDir})`;
  if (c.exact) return `checkpoint: ${r.checkpointPath}`;
  return `checkpoint: ${r.checkpointPath} (epoch ${c.epoch}, NOT the best epoch ${r.best.epoch}: it was not saved)`;
}

/** The --json object (and the --report summary). */
export function bestJson(r: BestRun): Record<string, unknown> {
  return {
    metric: r.metric,
    rule: r.rule,
    epoch: r.best.epoch,
    value: r.best.value,
    checkpoint: r.checkpointPath ?? null,
    checkpoint_epoch: r.checkpoint.epoch ?? null,
    exact: r.checkpoint.exact,
    top: r.top.map((t) => ({ epoch: t.epoch, value: t.value, run: t.validation.run, metrics: t.validation.metrics })),
    runs: r.log.runs,
    validations: r.log.validations.length,
    train_lines: r.log.trainLines,
    lines: r.log.lines,
    written: r.written,
    findings: countBySeverity(r.findings),
  };
}
