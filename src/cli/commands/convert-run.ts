import { join, resolve } from 'node:path';
import { pickCommonOptions } from '../common-options.js';
import type { CommandHost } from '../host.js';
import { Output, strictExitCode, writeReport } from '../output.js';
import { displayPath, formatConvertSummary } from '../convert-report.js';
import { convertOptions, type ConvertCliOptions } from './convert.js';
import { dataYamlLists, findDataYaml, metaFiles, planConversion, type ConversionPlan } from '../../core/dataset/convert.js';
import { applySizes } from '../../core/dataset/convert-images.js';
import { summarizeConversion } from '../../core/dataset/convert-summary.js';
import type { Finding } from '../../core/findings.js';
import { assertWritable } from '../../io/atomic-write.js';
import { listFiles } from '../../io/list-files.js';
import { probeImages } from '../../io/image-probe.js';
import { readText } from '../../io/read-text.js';
import { readTexts } from '../../io/read-texts.js';
import { writeCocoSplits } from '../../io/write-coco-splits.js';

/** `yw convert`'s work (its options and help are in convert.ts). */
type ConvertOpts = ConvertCliOptions;

export async function runConvert(host: CommandHost, rootArg: string, raw: Record<string, unknown>): Promise<number> {
  const { ctx } = host;
  const common = pickCommonOptions(raw);
  const opts = convertOptions(raw);
  const out = new Output(ctx, common);
  const rootAbs = resolve(ctx.cwd, rootArg);
  const outDir = resolve(ctx.cwd, opts.out ?? join(rootArg, 'annotations'));
  const plan = await planFromDisk(ctx.cwd, rootArg, rootAbs, opts);
  // Refuse before any work: a long run must not end in OUTPUT_EXISTS.
  const refuse = { force: common.force, command: 'yw convert' };
  for (const split of plan.splits) await assertWritable(join(outDir, `${split.name}.json`), refuse);
  if (common.report) await assertWritable(resolve(ctx.cwd, common.report), refuse);

  const sized = await readSizes(plan, rootAbs, out);
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

/** Lists the tree, reads the small files the plan needs, and plans (cheap: no image is opened). */
async function planFromDisk(cwd: string, rootArg: string, rootAbs: string, opts: ConvertOpts): Promise<ConversionPlan> {
  const files = await listFiles(rootAbs);
  const texts = await readTexts(rootAbs, metaFiles(files));
  await readTexts(rootAbs, dataYamlLists(files, findDataYaml(texts, true)?.data, rootAbs), texts);
  const classesOverride = opts.classes
    ? { file: opts.classes, text: await readText(resolve(cwd, opts.classes), 'classes file') }
    : undefined;
  return planConversion({ root: rootArg, rootAbs, files, texts, ...(classesOverride ? { classesOverride } : {}) }, opts);
}

/** Image sizes from the headers of every planned image (each file once, even when in two splits). */
async function readSizes(plan: ConversionPlan, rootAbs: string, out: Output) {
  const paths = [...new Set(plan.splits.flatMap((s) => s.images.map((i) => i.path)))];
  const bar = out.progress(paths.length, 'reading image headers');
  let shown = 0;
  const probes = await probeImages(paths.map((p) => join(rootAbs, p)), {
    onProgress: (done) => {
      bar.increment(done - shown);
      shown = done;
    },
  });
  bar.stop();
  return applySizes(plan.splits, new Map(paths.map((p, i) => [p, probes[i]!])));
}

/** Findings name files as the user would type them: under the root as given on the command line. */
function underRoot(f: Finding, root: string): Finding {
  return f.file === undefined ? f : { ...f, file: join(root, f.file) };
}
