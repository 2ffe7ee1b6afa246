import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { CommonOptions } from '../common-options.js';
import type { CommandHost } from '../host.js';
import { underRoot } from '../under-root.js';
import { formatDatasetReport } from '../dataset-report.js';
import { scanDataset } from '../dataset-scan.js';
import { HTML_ROLE, writeHtmlReport } from '../html-report.js';
import { findingsExitCode, Output, writeReport } from '../output.js';
import { LAYOUTS } from '../../core/dataset/layout.js';
import { fraction } from './convert.js';
import { assertWritable } from '../../io/fs/atomic-write.js';

const optionsSchema = z.object({
  layout: z.enum(LAYOUTS).optional(),
  classes: z.string().min(1).optional(),
  dataYaml: z.string().min(1).optional(),
  html: z.string().min(1).optional(),
  valFraction: z.number().optional(),
  seed: z.string().min(1).optional(),
  boxPolygons: z.boolean().optional(),
  obbPolygons: z.boolean().optional(),
});

/** The options `yw check <dataset-root>` shares with `yw convert` (same meaning, same choices), and --html. */
export function addDatasetOptions(command: Command): Command {
  return command
    .addOption(new Option('--layout <layout>', 'dataset root: force a layout instead of detecting it').choices(LAYOUTS))
    .addOption(new Option('--classes <file>', 'dataset root: class names file or dataset YAML (overrides classes.txt / data.yaml)'))
    .addOption(new Option('--data-yaml <file>', 'dataset root: the dataset YAML to read (default: data.yaml or the only *.yaml at the root)'))
    .addOption(new Option('--val-fraction <f>', 'dataset root: profile the splits `yw convert --val-fraction` writes (one split divided into train and val)').argParser(fraction))
    .addOption(new Option('--seed <seed>', 'dataset root: with --val-fraction, as yw convert --seed'))
    .addOption(new Option('--box-polygons', 'dataset root: as yw convert --box-polygons (boxes counted as the rectangle polygons convert writes)'))
    .addOption(new Option('--obb-polygons', 'dataset root: as yw convert --obb-polygons (oriented boxes kept as polygons)'))
    .addOption(new Option('--html <file>', 'dataset root: also write a self-contained HTML report (charts, sample images with their boxes, findings)'));
}

/**
 * `yw check <dataset-root>`: convert's plan, header reading and label parsing, fed to the profile
 * instead of the COCO writer. Writes nothing but the --report and --html files.
 */
export async function checkDataset(host: CommandHost, common: CommonOptions, rootArg: string, raw: Record<string, unknown>): Promise<number> {
  const { ctx } = host;
  const opts = optionsSchema.parse(raw);
  const out = new Output(ctx, common);
  const html = opts.html === undefined ? undefined : resolve(ctx.cwd, opts.html);
  // Refuse before the scan, not after minutes of it (--report was checked before the command started: main.ts).
  if (html) await assertWritable(html, { force: common.force, command: 'yw check', role: HTML_ROLE });
  const scan = await scanDataset(ctx, out, rootArg, {
    ...(opts.layout ? { layout: opts.layout } : {}),
    ...(opts.classes ? { classes: opts.classes } : {}),
    ...(opts.dataYaml ? { dataYaml: opts.dataYaml } : {}),
    ...(opts.valFraction === undefined ? {} : { valFraction: opts.valFraction }),
    ...(opts.seed === undefined ? {} : { seed: opts.seed }),
    ...(opts.boxPolygons ? { boxPolygons: true } : {}),
    ...(opts.obbPolygons ? { obbPolygons: true } : {}),
    collect: html !== undefined,
  });
  const findings = scan.findings.map((f) => underRoot(f, rootArg));
  const reportPath = await writeReport(ctx, common, 'check', scan.summary, findings);
  if (html) await writeHtmlReport(out, scan, { path: html, force: common.force, command: 'yw check' });
  out.result(formatDatasetReport(scan.summary, findings));
  out.json({ ...scan.summary, findings });
  if (reportPath) out.info(`report: ${reportPath}`);
  if (html) out.info(`html report: ${html}`);
  return findingsExitCode(findings, common.strict);
}
