import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { CommonOptions } from '../common-options.js';
import type { CommandHost } from '../host.js';
import { underRoot } from '../under-root.js';
import { formatDatasetReport, type DatasetCheckSummary } from '../dataset-report.js';
import { findingsExitCode, Output, writeReport } from '../output.js';
import { valFractionCommand } from './convert.js';
import { labelContext } from '../../core/dataset/convert.js';
import { LAYOUTS } from '../../core/dataset/layout.js';
import { profileFindings } from '../../core/dataset/profile-findings.js';
import { summarizeProfile } from '../../core/dataset/profile-summary.js';
import type { Finding } from '../../core/findings.js';
import { assertWritable } from '../../io/fs/atomic-write.js';
import { planFromDisk, readSizes } from '../../io/dataset/load-dataset.js';
import { profileSplits } from '../../io/dataset/profile-splits.js';

const optionsSchema = z.object({
  layout: z.enum(LAYOUTS).optional(),
  classes: z.string().min(1).optional(),
  dataYaml: z.string().min(1).optional(),
});

/** The options `yw check <dataset-root>` shares with `yw convert` (same meaning, same choices). */
export function addDatasetOptions(command: Command): Command {
  return command
    .addOption(new Option('--layout <layout>', 'dataset root: force a layout instead of detecting it').choices(LAYOUTS))
    .addOption(new Option('--classes <file>', 'dataset root: class names file or dataset YAML (overrides classes.txt / data.yaml)'))
    .addOption(new Option('--data-yaml <file>', 'dataset root: the dataset YAML to read (default: data.yaml or the only *.yaml at the root)'));
}

/**
 * `yw check <dataset-root>`: convert's plan, header reading and label parsing, fed to the profile
 * instead of the COCO writer. Writes nothing but the --report file.
 */
export async function checkDataset(host: CommandHost, common: CommonOptions, rootArg: string, raw: Record<string, unknown>): Promise<number> {
  const { ctx } = host;
  const opts = optionsSchema.parse(raw);
  const out = new Output(ctx, common);
  if (common.report) await assertWritable(resolve(ctx.cwd, common.report), { force: common.force, command: 'yw check' });
  const rootAbs = resolve(ctx.cwd, rootArg);
  // The plan options convert uses by default; none of them changes a finding or the profile.
  const defaults = { seed: '0', categoryIdStart: 1, boxPolygons: false, obbPolygons: false };
  const plan = await planFromDisk(ctx.cwd, rootArg, rootAbs, { ...opts, ...defaults, valFractionCommand: valFractionCommand(rootArg, { ...opts, ...defaults }) });
  const sized = await readSizes(plan, rootAbs, (total, label) => out.progress(total, label));
  const bar = out.progress(sized.splits.reduce((n, s) => n + s.images.length, 0), 'reading labels');
  const scanned = await profileSplits({ rootAbs, splits: sized.splits, classes: plan.classes, context: labelContext(plan, defaults), onImage: () => bar.increment() });
  bar.stop();
  const profile = summarizeProfile(scanned.builder);
  const findings: Finding[] = [...plan.findings, ...sized.findings, ...scanned.findings, ...profileFindings(profile)].map((f) => underRoot(f, rootArg));
  const summary: DatasetCheckSummary = {
    root: rootArg,
    layout: plan.layout,
    classes: { source: plan.classesSource, names: [...plan.classes].sort((a, b) => a.id - b.id).map((c) => c.name) },
    splits: sized.splits.map((s) => ({ name: s.name, dataPrefix: s.dataPrefix, images: s.images.length })),
    profile,
  };
  const reportPath = await writeReport(ctx, common, 'check', summary, findings);
  out.result(formatDatasetReport(summary, findings));
  out.json({ ...summary, findings });
  if (reportPath) out.info(`report: ${reportPath}`);
  return findingsExitCode(findings, common.strict);
}
