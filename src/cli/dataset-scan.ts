import { resolve } from 'node:path';
import type { RunContext } from './context.js';
import type { DatasetCheckSummary } from './dataset-report.js';
import type { Output } from './output.js';
import { labelContext, type ConversionPlan, type ConvertOptions } from '../core/dataset/convert.js';
import type { SizedSplit } from '../core/dataset/convert-images.js';
import { valFractionCommand } from './commands/convert.js';
import type { LayoutKind } from '../core/dataset/layout-kinds.js';
import { profileFindings } from '../core/dataset/profile-findings.js';
import { summarizeProfile } from '../core/dataset/profile-summary.js';
import type { Finding } from '../core/findings.js';
import { namedFiles, ReportCollector, type CollectedReport, type ImageVisit } from '../core/html-report/collect.js';
import { planFromDisk, readSizes } from '../io/dataset/load-dataset.js';
import { profileSplits } from '../io/dataset/profile-splits.js';

export interface ScanOptions {
  layout?: LayoutKind;
  classes?: string;
  dataYaml?: string;
  /** Profile the splits `yw convert --val-fraction F --seed S` would write. */
  valFraction?: number;
  seed?: string;
  /** As yw convert --box-polygons / --obb-polygons: they change what the label findings and the polygon counts say. */
  boxPolygons?: boolean;
  obbPolygons?: boolean;
  /** Also gather what the HTML report draws (samples, images findings name). */
  collect: boolean;
}

export interface DatasetScan {
  rootAbs: string;
  plan: ConversionPlan;
  /** The planned splits with their image sizes (unreadable images left out). */
  sized: SizedSplit[];
  /** The findings of reading the image headers (unreadable images, decode notes): yw convert reports them too. */
  sizeFindings: Finding[];
  summary: DatasetCheckSummary;
  /** Every finding, files relative to the dataset root (`underRoot` makes them as typed). */
  findings: Finding[];
  collected?: CollectedReport;
}

/** How labels are read while scanning: convert's options (category ids do not change a shape). */
export type ScanLabelOptions = Pick<ConvertOptions, 'boxPolygons' | 'obbPolygons'>;

/** The plan options convert uses by default. */
const DEFAULTS = { seed: '0', categoryIdStart: 1, boxPolygons: false, obbPolygons: false };

/**
 * The read side of `yw check <dataset-root>` (and of anything that wants its profile and findings):
 * convert's plan, header reading and label parsing, fed to the profile instead of the COCO writer.
 * Writes nothing.
 */
export async function scanDataset(ctx: RunContext, out: Output, rootArg: string, opts: ScanOptions): Promise<DatasetScan> {
  const rootAbs = resolve(ctx.cwd, rootArg);
  const given = {
    ...(opts.layout ? { layout: opts.layout } : {}), ...(opts.classes ? { classes: opts.classes } : {}), ...(opts.dataYaml ? { dataYaml: opts.dataYaml } : {}),
    ...(opts.valFraction === undefined ? {} : { valFraction: opts.valFraction }),
  };
  const labels = { boxPolygons: opts.boxPolygons === true, obbPolygons: opts.obbPolygons === true };
  const options = { ...DEFAULTS, ...given, ...labels, seed: opts.seed ?? DEFAULTS.seed };
  const plan = await planFromDisk(ctx.cwd, rootArg, rootAbs, { ...options, valFractionCommand: valFractionCommand(rootArg, options) });
  return scanPlan(out, rootArg, rootAbs, plan, { ...labels, collect: opts.collect });
}

/**
 * Image headers and labels of a plan made already (`yw prepare` plans once for every step): sizes,
 * the profile, its findings, and with `collect` what the HTML report draws. `onImage` sees every image.
 */
export async function scanPlan(
  out: Output, rootArg: string, rootAbs: string, plan: ConversionPlan,
  opts: ScanLabelOptions & { collect: boolean; onImage?: (visit: ImageVisit) => void },
): Promise<DatasetScan> {
  const sized = await readSizes(plan, rootAbs, (total, label) => out.progress(total, label));
  const collector = opts.collect ? new ReportCollector(sized.splits.map((s) => s.name), namedFiles([...plan.findings, ...sized.findings])) : undefined;
  const bar = out.progress(sized.splits.reduce((n, s) => n + s.images.length, 0), 'reading labels');
  const scanned = await profileSplits({
    rootAbs, splits: sized.splits, classes: plan.classes, context: labelContext(plan, { ...opts, categoryIdStart: 1 }),
    onImage: (visit) => {
      collector?.add(visit);
      opts.onImage?.(visit);
      bar.increment();
    },
  });
  bar.stop();
  const profile = summarizeProfile(scanned.builder);
  const summary: DatasetCheckSummary = {
    root: rootArg,
    layout: plan.layout,
    classes: { source: plan.classesSource, names: [...plan.classes].sort((a, b) => a.id - b.id).map((c) => c.name) },
    splits: sized.splits.map((s) => ({ name: s.name, dataPrefix: s.dataPrefix, images: s.images.length })),
    profile,
  };
  const findings = [...plan.findings, ...sized.findings, ...scanned.findings, ...profileFindings(profile)];
  return { rootAbs, plan, sized: sized.splits, sizeFindings: sized.findings, summary, findings, ...(collector ? { collected: collector.result() } : {}) };
}
