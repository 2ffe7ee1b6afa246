import { join, resolve } from 'node:path';
import { pickCommonOptions, type CommonOptions } from '../common-options.js';
import type { CommandHost } from '../host.js';
import { findingsExitCode, Output, writeReport } from '../output.js';
import { displayPath, formatConvertSummary } from '../convert-report.js';
import { underRoot } from '../under-root.js';
import { convertOptions, valFractionCommand } from './convert.js';
import type { RunContext } from '../context.js';
import { labelContext } from '../../core/dataset/convert.js';
import { summarizeConversion } from '../../core/dataset/convert-summary.js';
import { PlanError } from '../../core/dataset/plan-error.js';
import { YwError } from '../../errors.js';
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
  const plan = await planFromDisk(ctx.cwd, rootArg, rootAbs, { ...opts, valFractionCommand: valFractionCommand(rootArg, opts) })
    .catch((error: unknown) => reportFailure(ctx, common, out, rootArg, error));
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
    context: labelContext(plan, opts),
    force: common.force,
    onImage: () => bar.increment(),
  });
  bar.stop();

  const findings = [...plan.findings, ...sized.findings, ...written.findings].map((f) => underRoot(f, rootArg));
  const summary = summarizeConversion(
    { root: rootArg, layout: plan.layout, ...(plan.splitsFrom ? { splitsFrom: plan.splitsFrom } : {}), classes: plan.classes.length, classesSource: plan.classesSource },
    written.splits.map((s) => ({ ...s, file: displayPath(ctx.cwd, s.file) })),
    findings,
  );
  await writeReport(ctx, common, 'convert', summary, findings);
  out.findings(findings, common.report);
  out.result(formatConvertSummary(summary));
  out.json(summary);
  return findingsExitCode(findings, common.strict);
}

/**
 * A plan that fails still says why: the findings gathered so far (often the explanation, e.g. a
 * data.yaml entry that resolves to nothing) go to stderr before the error, and --report is written
 * with them and the error, unless the report file itself is the problem.
 */
export async function reportFailure(ctx: RunContext, common: CommonOptions, out: Output, rootArg: string, error: unknown, command = 'convert'): Promise<never> {
  if (!(error instanceof YwError)) throw error;
  const findings = (error instanceof PlanError ? error.findings : []).map((f) => underRoot(f, rootArg));
  out.findings(findings, common.report);
  const failed = { root: rootArg, error: { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) } };
  await writeReport(ctx, common, command, failed, findings).catch(() => undefined);
  throw error;
}
