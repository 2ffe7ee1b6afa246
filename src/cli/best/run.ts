import { dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import type { RunContext } from '../context.js';
import type { BestCliOptions } from '../commands/best.js';
import { YwError } from '../../errors.js';
import { findBest, type BestResult } from '../../core/training-log/best.js';
import { formatBestEpochTxt } from '../../core/training-log/best-epoch-txt.js';
import { mergeRuns, type MergedLog, type RunLog } from '../../core/training-log/merge.js';
import { metricKeys } from '../../core/training-log/select.js';
import { renderPlotSvg } from '../../core/training-log/svg-plot.js';
import { writeFileAtomic } from '../../io/fs/atomic-write.js';
import { linkOrCopy, type LinkKind } from '../../io/fs/link-file.js';
import { listCheckpoints, locateRuns, readScalars } from '../../io/logs/training-runs.js';
import { slimCheckpoint, type SlimResult } from '../checkpoints/run-slim.js';

export const PLOT_FORMATS = ['.svg', '.png'] as const;

export interface BestRun extends BestResult {
  log: MergedLog;
  /** Paths as shown to the user (relative to the working folder). */
  workDir: string;
  checkpointPath?: string;
  written: { bestEpochTxt?: string; link?: string; linkKind?: LinkKind | 'slim'; plot?: string; slim?: SlimResult };
}

/** io → core → io for `yw best`: read the runs, decide, then write what was asked for. */
export async function runBest(ctx: RunContext, path: string, options: BestCliOptions, force: boolean): Promise<BestRun> {
  const show = (p: string): string => displayPath(ctx.cwd, p);
  const source = await locateRuns(resolve(ctx.cwd, path), options.run);
  const runs: RunLog[] = [];
  for (const run of source.runs) runs.push({ name: run.name, log: await readScalars(run.scalars, show(run.scalars)) });
  const log = mergeRuns(runs);
  const checkpoints = await listCheckpoints(source.workDir);
  const result = findBest(log, { metric: options.metric, rule: options.rule, top: options.top, checkpoints, source: path });
  const file = result.checkpoint.file;
  const run: BestRun = {
    ...result,
    log,
    workDir: show(source.workDir),
    checkpointPath: file === undefined ? undefined : show(join(source.workDir, file)),
    written: {},
  };
  const command = 'yw best';
  if (options.write) {
    const target = resolve(ctx.cwd, dirname(result.best.validation.file), 'best_epoch.txt');
    await writeFileAtomic(target, formatBestEpochTxt(result.best.validation.raw), { force, command, role: 'best_epoch.txt' });
    run.written.bestEpochTxt = show(target);
  }
  if (options.slim && !options.link) {
    throw new YwError('SLIM_NEEDS_LINK', '--slim changes what --link writes; it needs --link', { hint: 'yw best DIR --link --slim, or yw slim IN OUT for any checkpoint' });
  }
  if (options.link) {
    if (file === undefined) {
      throw new YwError('NO_CHECKPOINT', `no checkpoint to link in ${run.workDir}`, { hint: 'the work dir has no epoch_*.pth; --link needs one' });
    }
    const link = join(source.workDir, 'best.pth');
    if (options.slim) {
      run.written.slim = await slimCheckpoint(join(source.workDir, file), link, { force, command, show, replacesLink: true });
      run.written.linkKind = 'slim';
    } else {
      run.written.linkKind = await linkOrCopy(join(source.workDir, file), link, { force, command, role: 'best.pth link' });
    }
    run.written.link = show(link);
  }
  if (options.plot !== undefined) run.written.plot = show(await writePlot(ctx, run, options, force));
  return run;
}

async function writePlot(ctx: RunContext, run: BestRun, options: BestCliOptions, force: boolean): Promise<string> {
  const target = resolve(ctx.cwd, options.plot ?? '');
  const ext = extname(target).toLowerCase();
  if (!(PLOT_FORMATS as readonly string[]).includes(ext)) {
    throw new YwError('PLOT_FORMAT', `--plot ${options.plot}: the file must end in ${PLOT_FORMATS.join(' or ')}`, { hint: 'e.g. --plot best.png' });
  }
  const svg = renderPlotSvg({
    title: `${run.metric} per epoch (${run.rule} is better)`,
    metrics: plotMetrics(run, options.plotMetrics).map((name) => ({
      name,
      points: run.log.validations.flatMap((v) => (v.metrics[name] === undefined ? [] : [{ epoch: v.epoch, value: v.metrics[name] ?? 0 }])),
    })),
    loss: run.log.trainLoss,
    best: { epoch: run.best.epoch, value: run.best.value },
    checkpoint: run.checkpoint.exact || run.checkpoint.epoch === undefined
      ? undefined
      : { epoch: run.checkpoint.epoch, label: `using ${run.checkpoint.file ?? ''} (best epoch not saved)` },
  });
  // sharp loads only when a PNG is asked for: it is the slowest module to import.
  const data = ext === '.png' ? await (await import('../../io/images/svg-to-png.js')).svgToPng(svg) : svg;
  await writeFileAtomic(target, data, { force, command: 'yw best', role: '--plot image' });
  return target;
}

/** Relative to the working folder when that is inside it, else absolute. */
function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

function plotMetrics(run: BestRun, extra: string | undefined): string[] {
  const names = [run.metric, ...(extra ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '')];
  const known = metricKeys(run.log.validations);
  for (const name of names) {
    if (!known.includes(name)) {
      throw new YwError('METRIC_NOT_FOUND', `--plot-metrics ${name} is not in the log; it has: ${known.join(', ')}`, { hint: 'pass keys from that list' });
    }
  }
  return [...new Set(names)];
}
