import { join, resolve } from 'node:path';
import type { RunContext } from '../context.js';
import type { Output } from '../output.js';
import { scanPlan, type DatasetScan } from '../dataset-scan.js';
import { valFractionCommand } from '../commands/convert.js';
import { DEFAULT_VAL_FRACTION, type PrepareOptions } from './options.js';
import { labelContext, type ConversionPlan } from '../../core/dataset/convert.js';
import { cocoSummaryReader, type CocoSummary, type CocoSummaryReader } from '../../core/dataset/coco-summary.js';
import { planFromInput, readPlanInput } from '../../io/dataset/load-dataset.js';
import { splitRole, stageCocoSplits, type StagedSplits } from '../../io/dataset/write-coco-splits.js';
import { assertWritable } from '../../io/fs/atomic-write.js';
import { isDirectory, removeEmptyFolder } from '../../io/fs/path-kind.js';

export interface DatasetPlan {
  rootAbs: string;
  plan: ConversionPlan;
  /** The val split held out of train (a dataset without one), as `yw convert --val-fraction F --seed S`. */
  heldOut?: { fraction: number; seed: string };
}

/**
 * yw convert's plan, read once: with --val-fraction as given (yw convert's refusals included); without
 * it, a dataset whose only split is train is planned again with the default held-out fraction.
 */
export async function planDataset(ctx: RunContext, dataset: string, o: PrepareOptions): Promise<DatasetPlan> {
  const rootAbs = resolve(ctx.cwd, dataset);
  const read = await readPlanInput(ctx.cwd, dataset, rootAbs, o.convert);
  const plan = (fraction?: number) => {
    const opts = { ...o.convert, ...(fraction === undefined ? {} : { valFraction: fraction }) };
    return planFromInput(read, { ...opts, valFractionCommand: valFractionCommand(dataset, opts) });
  };
  if (o.valFraction !== undefined) return { rootAbs, plan: plan(o.valFraction), heldOut: { fraction: o.valFraction, seed: o.convert.seed } };
  const first = plan();
  const trainOnly = first.splits.length === 1 && first.splits[0]!.name === 'train';
  if (!trainOnly) return { rootAbs, plan: first };
  return { rootAbs, plan: plan(DEFAULT_VAL_FRACTION), heldOut: { fraction: DEFAULT_VAL_FRACTION, seed: o.convert.seed } };
}

/** Where yw convert writes the split files: `<dataset>/annotations/<split>.json`. */
export function splitFile(rootAbs: string, split: string): string {
  return join(rootAbs, 'annotations', `${split}.json`);
}

/** Claims every split file (refusing one that exists without --force) before any image is read. */
export async function claimSplitFiles(d: DatasetPlan, force: boolean): Promise<void> {
  for (const split of d.plan.splits) await assertWritable(splitFile(d.rootAbs, split.name), { force, command: 'yw prepare', role: splitRole(split.name) });
}

/** yw check <dataset>'s scan of the plan (sizes, profile, findings; with --html what the page draws). */
export function scanDataset(out: Output, dataset: string, d: DatasetPlan, o: PrepareOptions): Promise<DatasetScan> {
  return scanPlan(out, dataset, d.rootAbs, d.plan, { boxPolygons: o.convert.boxPolygons, obbPolygons: o.convert.obbPolygons, collect: o.html !== undefined });
}

export interface StagedCoco {
  staged: StagedSplits;
  /** What yw config reads back from each file, by absolute path. */
  summaries: Map<string, CocoSummary>;
}

/**
 * yw convert's writer, up to putting the files in place: the split files are written to their
 * temporary siblings and read as yw config reads them, by its streaming reader fed the very text
 * written (memory stays flat, as when yw config reads the files).
 */
export async function stageCoco(out: Output, scan: DatasetScan, o: PrepareOptions, force: boolean): Promise<StagedCoco> {
  const outDir = join(scan.rootAbs, 'annotations');
  const made = !(await isDirectory(outDir));
  const readers = new Map<string, CocoSummaryReader>();
  const encoder = new TextEncoder();
  const bar = out.progress(scan.sized.reduce((n, s) => n + s.images.length, 0), 'writing COCO');
  const staged = await stageCocoSplits({
    rootAbs: scan.rootAbs, outDir, splits: scan.sized, categories: scan.plan.categories,
    context: labelContext(scan.plan, o.convert), force, command: 'yw prepare',
    onImage: () => bar.increment(),
    onText: (split, text) => {
      let reader = readers.get(split);
      if (reader === undefined) readers.set(split, (reader = cocoSummaryReader(splitFile(scan.rootAbs, split))));
      reader.parser.push(encoder.encode(text));
    },
  }).catch(async (error: unknown) => {
    if (made) await removeEmptyFolder(outDir);
    throw error;
  });
  bar.stop();
  // A refusal after staging (the config's) leaves no empty annotations/ behind either.
  const abort = async () => {
    await staged.abort();
    if (made) await removeEmptyFolder(outDir);
  };
  try {
    const summaries = new Map<string, CocoSummary>();
    for (const split of staged.splits) summaries.set(split.file, readers.get(split.name)!.finish());
    return { staged: { ...staged, abort }, summaries };
  } catch (error) {
    await abort();
    throw error;
  }
}
