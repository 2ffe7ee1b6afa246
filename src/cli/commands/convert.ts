import { InvalidArgumentError, Option, type Command } from 'commander';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { addCommonOptions, pickCommonOptions } from '../common-options.js';
import { action, type CommandHost } from '../host.js';
import { Output, strictExitCode, writeReport } from '../output.js';
import { displayPath, formatConvertSummary } from '../convert-report.js';
import { underRoot } from '../under-root.js';
import { summarizeConversion } from '../../core/dataset/convert-summary.js';
import { LAYOUT_DESCRIPTIONS, LAYOUTS } from '../../core/dataset/layout.js';
import { assertWritable } from '../../io/atomic-write.js';
import { planFromDisk, readSizes } from '../../io/load-dataset.js';
import { writeCocoSplits } from '../../io/write-coco-splits.js';

const CATEGORY_ID_STARTS = ['0', '1'] as const;

const optionsSchema = z.object({
  layout: z.enum(LAYOUTS).optional(),
  classes: z.string().optional(),
  out: z.string().optional(),
  valFraction: z.number().gt(0).lt(1).optional(),
  seed: z.string(),
  categoryIdStart: z.enum(CATEGORY_ID_STARTS).transform(Number),
  boxPolygons: z.boolean(),
});

function fraction(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !(n > 0 && n < 1)) throw new InvalidArgumentError('expected a number between 0 and 1, e.g. 0.2');
  return n;
}

const EXAMPLES = `
Examples:
  yw convert datasets/helmet                       split folders -> datasets/helmet/annotations/{train,val}.json
  yw convert datasets/coco8 --out build/coco8      Ultralytics layout (data.yaml), outputs elsewhere
  yw convert datasets/parts --val-fraction 0.2     one split: 80 % train, 20 % val, the same files every run
  yw convert datasets/shapes --box-polygons --category-id-start 0
  yw convert datasets/helmet --force --report convert-report.json --strict

Layouts (auto-detected in this order; --layout forces one):
${LAYOUTS.map((kind) => `  ${kind.padEnd(13)}  ${LAYOUT_DESCRIPTIONS[kind]}`).join('\n')}

Classes come from classes.txt / obj.names (one name per line, or one comma-separated line) or
data.yaml names; --classes FILE overrides them. See docs/convert.md.`;

export function register(program: Command, host: CommandHost): void {
  const command = program
    .command('convert')
    .description('convert YOLO label folders to COCO JSON, one file per split')
    .argument('<root>', 'dataset root folder')
    .addOption(new Option('--layout <layout>', 'force a layout instead of detecting it').choices(LAYOUTS))
    .addOption(new Option('--classes <file>', 'class names file (overrides classes.txt / data.yaml)'))
    .addOption(new Option('--out <dir>', 'output folder (default: <root>/annotations)'))
    .addOption(new Option('--val-fraction <f>', 'divide a single split: this fraction goes to val').argParser(fraction))
    .addOption(new Option('--seed <seed>', 'vary which images --val-fraction picks').default('0'))
    .addOption(new Option('--category-id-start <n>', 'id of the first category').choices(CATEGORY_ID_STARTS).default('1'))
    .addOption(new Option('--box-polygons', 'write boxes as rectangle polygons in segmentation (mmyolo style)').default(false));
  addCommonOptions(command).addHelpText('after', EXAMPLES).action(
    action(host, async (rootArg: string, raw: Record<string, unknown>) => runConvert(host, rootArg, raw)),
  );
}

async function runConvert(host: CommandHost, rootArg: string, raw: Record<string, unknown>): Promise<number> {
  const { ctx } = host;
  const common = pickCommonOptions(raw);
  const opts = optionsSchema.parse(raw);
  const out = new Output(ctx, common);
  const rootAbs = resolve(ctx.cwd, rootArg);
  const outDir = resolve(ctx.cwd, opts.out ?? join(rootArg, 'annotations'));
  const plan = await planFromDisk(ctx.cwd, rootArg, rootAbs, opts);
  // Refuse before any work: a long run must not end in OUTPUT_EXISTS.
  const refuse = { force: common.force, command: 'yw convert' };
  for (const split of plan.splits) await assertWritable(join(outDir, `${split.name}.json`), refuse);
  if (common.report) await assertWritable(resolve(ctx.cwd, common.report), refuse);

  const sized = await readSizes(plan, rootAbs, (total, label) => out.progress(total, label));
  const bar = out.progress(sized.splits.reduce((n, s) => n + s.images.length, 0), 'writing COCO');
  const written = await writeCocoSplits({
    rootAbs,
    outDir,
    splits: sized.splits,
    categories: plan.categories,
    context: { classIds: new Set(plan.classes.map((c) => c.id)), categoryIdStart: opts.categoryIdStart, boxPolygons: opts.boxPolygons },
    force: common.force,
    onImage: () => bar.increment(),
  });
  bar.stop();

  const findings = [...plan.findings, ...sized.findings, ...written.findings].map((f) => underRoot(f, rootArg));
  const summary = summarizeConversion(
    { root: rootArg, layout: plan.layout, classes: plan.classes.length, classesSource: plan.classesSource },
    written.splits.map((s) => ({ ...s, file: displayPath(ctx.cwd, s.file) })),
    findings,
  );
  await writeReport(ctx, common, 'convert', summary, findings);
  out.findings(findings, common.report);
  out.result(formatConvertSummary(summary));
  out.json(summary);
  return strictExitCode(findings, common.strict);
}
