import { join, resolve } from 'node:path';
import { pickCommonOptions } from '../common-options.js';
import type { CommandHost } from '../host.js';
import { Output, strictExitCode, writeReport } from '../output.js';
import { displayPath, formatConvertSummary } from '../convert-report.js';
import { underRoot } from '../under-root.js';
import { convertOptions } from './convert.js';
import { summarizeConversion } from '../../core/dataset/convert-summary.js';
import { assertWritable } from '../../io/fs/atomic-write.js';
import { planFromDisk, readSizes } from '../../io/dataset/load-dataset.js';
import { splitRole, writeCocoSplits } from '../../io/dataset/write-coco-splits.js';

/** `yw convert`'s work (its options and help are in convert.ts). */
export async function runConvert(host: CommandHost, rootArg: string, raw: Record<string, unknown>): Promise<number> {
  const { ctx } = host;
  const common = pickCommonOptions(raw);
  const opts = convertOptions(raw);
  const out = new Output(ctx, common);
  const rootAbs = resolve(ctx.cwd, rootArg);
  const outDir = resolve(ctx.cwd, opts.out ?? join(rootArg, 'annotations'));
  const plan = await planFromDisk(ctx.cwd, rootArg, rootAbs, opts);
  // Refuse before any work: a long run must not end in OUTPUT_EXISTS.
  // (--report was checked before the command started: main.ts.)
  for (const split of plan.splits) await assertWritable(join(outDir, `${split.name}.json`), { force: common.force, command: 'yw convert', role: splitRole(split.name) });

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
