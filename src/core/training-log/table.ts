import type { Ranked } from './select.js';
import { sparkline } from './sparkline.js';
import type { RunValidation } from './merge.js';
import type { Rule } from './types.js';

/** A metric value as the log spells it (-1.0 for an empty area range, nan for NaN). */
export function formatValue(value: number | undefined): string {
  if (value === undefined) return '-';
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  return Number.isInteger(value) ? value.toFixed(1) : String(value);
}

/** The common `prefix/` of all keys (e.g. `coco/`), so that the table shows short column names. */
function commonPrefix(keys: readonly string[]): string {
  const prefixes = new Set(keys.map((k) => k.slice(0, k.indexOf('/') + 1)));
  const only = [...prefixes][0];
  return prefixes.size === 1 && only !== undefined ? only : '';
}

/** The top-K table: one row per ranked epoch with every metric, `*` on the best row. */
export function formatTable(top: readonly Ranked[], keys: readonly string[], showRun: boolean): string {
  const prefix = commonPrefix(keys);
  const header = ['', 'epoch', ...keys.map((k) => k.slice(prefix.length)), ...(showRun ? ['run'] : [])];
  const rows = top.map((r, i) => [
    i === 0 ? '*' : '',
    String(r.epoch),
    ...keys.map((k) => formatValue(r.validation.metrics[k])),
    ...(showRun ? [r.validation.run] : []),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => (row[c] ?? '').length)));
  const line = (cells: string[]): string =>
    cells.map((cell, c) => (c === cells.length - 1 && showRun ? cell : cell.padStart(widths[c] ?? 0))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** `coco/bbox_mAP  5→80  ▁▂▃▅▆▇█  best 0.412 @ 72` over every validated epoch, in epoch order. */
export function formatSparkline(validations: readonly RunValidation[], metric: string, best: Ranked, rule: Rule): string {
  const points = validations.filter((v) => v.metrics[metric] !== undefined);
  const values = points.map((v) => v.metrics[metric] ?? Number.NaN);
  const first = points[0]?.epoch ?? 0;
  const last = points[points.length - 1]?.epoch ?? 0;
  const word = rule === 'greater' ? 'max' : 'min';
  return `${metric} over ${points.length} validations (epochs ${first}-${last}): ${sparkline(values)}  ${word} ${formatValue(best.value)} at epoch ${best.epoch}`;
}
