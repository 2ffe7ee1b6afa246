import { finding, type Finding } from '../findings.js';
import type { Ranked } from './select.js';
import type { Rule } from './types.js';

export interface CheckpointChoice {
  /** File name in the work dir, or undefined when there is no checkpoint at all. */
  file?: string;
  epoch?: number;
  /** True when `file` holds the best epoch's own weights. */
  exact: boolean;
  findings: Finding[];
}

const EPOCH_FILE = /^epoch_(\d+)\.pth$/;
const BEST_FILE = /^best_.+_epoch_(\d+)\.pth$/;

/** mmengine's save_best file name for `metric` at `epoch` (`/` → `_`). */
export function bestFileName(metric: string, epoch: number): string {
  return `best_${metric.replace(/\//g, '_')}_epoch_${epoch}.pth`;
}

/** Saved epochs → file: `epoch_N.pth`, or a `best_*_epoch_N.pth` when that epoch has no regular file. */
export function savedEpochs(files: readonly string[]): Map<number, string> {
  const saved = new Map<number, string>();
  for (const f of [...files].sort()) {
    const m = BEST_FILE.exec(f);
    if (m?.[1] !== undefined && !saved.has(Number(m[1]))) saved.set(Number(m[1]), f);
  }
  for (const f of files) {
    const m = EPOCH_FILE.exec(f);
    if (m?.[1] !== undefined) saved.set(Number(m[1]), f);
  }
  return saved;
}

/**
 * Picks the checkpoint for the best epoch from the file names present (never one that is absent):
 * `epoch_N.pth`, else `best_<metric>_epoch_N.pth` (or another metric's best_ file of epoch N); else the saved epoch whose own validation is best,
 * else the saved epoch nearest to the best one (earlier on a tie); with a warning when not exact.
 */
export function chooseCheckpoint(ranked: readonly Ranked[], files: readonly string[], metric: string, rule: Rule): CheckpointChoice {
  const best = ranked[0];
  if (best === undefined) return { exact: false, findings: [] };
  const saved = savedEpochs(files);
  // a best_ file of another metric for the same epoch holds the same weights: still exact
  const own = [`epoch_${best.epoch}.pth`, bestFileName(metric, best.epoch)].find((f) => files.includes(f)) ?? saved.get(best.epoch);
  if (own !== undefined) return { file: own, epoch: best.epoch, exact: true, findings: [] };
  if (saved.size === 0) {
    return { exact: false, findings: [finding('NO_CHECKPOINTS', 'warning', 'no checkpoint (epoch_*.pth) in the work dir', {
      hint: 'point yw best at the work dir (work_dirs/<config>/) that holds the .pth files',
    })] };
  }
  const validated = ranked.find((r) => saved.has(r.epoch));
  const epoch = validated?.epoch ?? nearest([...saved.keys()], best.epoch);
  const file = saved.get(epoch) ?? '';
  const theirs = validated ? `${metric} ${validated.value}` : 'not validated';
  const message = `best epoch ${best.epoch} (${metric} ${best.value}) was not saved; using ${file} (epoch ${epoch}, ${theirs})`;
  const warning = finding('CHECKPOINT_NOT_EXACT', 'warning', message, {
    hint: `set default_hooks.checkpoint save_best='${metric}', rule='${rule}' to keep the best epoch next time`,
    data: { bestEpoch: best.epoch, bestValue: best.value, epoch, value: validated?.value ?? null, file },
  });
  return { file, epoch, exact: false, findings: [warning] };
}

function nearest(epochs: number[], target: number): number {
  return epochs.sort((a, b) => Math.abs(a - target) - Math.abs(b - target) || a - b)[0] ?? target;
}
