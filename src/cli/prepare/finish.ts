import type { RunContext } from '../context.js';
import type { ConfigCheck } from '../check-config.js';
import { findingsExitCode, writeReport, type Output } from '../output.js';
import { underRoot } from '../under-root.js';
import { formatPrepareSummary, maskRefineWhy, pendingFindings, type PrepareSummary } from './format.js';
import type { Prepared } from './run.js';
import { summarizeConversion } from '../../core/dataset/convert-summary.js';
import { shellCommand } from '../../core/config/shell-quote.js';
import { mergeFindings, type Finding } from '../../core/findings.js';
import { displayPath } from '../../io/fs/display-path.js';

/**
 * The end of `yw prepare`, once every file is in place and the config is checked: the findings of
 * every step (each once), --report, the one summary (or --json) and the exit code every command uses.
 */
export async function finishPrepare(ctx: RunContext, out: Output, p: Prepared, check: ConfigCheck, root: string): Promise<number> {
  const dataset = p.scan.summary.root;
  const converted = [...p.d.plan.findings, ...p.scan.sizeFindings, ...p.coco.staged.findings].map((f) => underRoot(f, dataset));
  const findings = mergeFindings(converted, p.scan.findings.map((f) => underRoot(f, dataset)), p.texts.findings, check.findings);
  const summary = prepareSummary(ctx, p, check, converted, root);
  const reportPath = await writeReport(ctx, p.common, 'prepare', summary, findings);
  out.findings(findings, reportPath);
  out.result(formatPrepareSummary(summary, findings, reportPath && displayPath(ctx.cwd, reportPath)));
  out.json({ ...summary, findings });
  return findingsExitCode(findings, p.common.strict);
}

function prepareSummary(ctx: RunContext, p: Prepared, check: ConfigCheck, converted: readonly Finding[], root: string): PrepareSummary {
  const show = (path: string) => displayPath(ctx.cwd, path);
  const c = p.d.plan;
  const splits = p.coco.staged.splits.map((s) => ({ ...s, file: show(s.file) }));
  const convert = summarizeConversion({ root: p.scan.summary.root, layout: c.layout, ...(c.splitsFrom ? { splitsFrom: c.splitsFrom } : {}), classes: c.classes.length, classesSource: c.classesSource }, splits, converted);
  const count = (name: string) => splits.find((s) => s.name === name)?.images ?? 0;
  const train = p.coco.summaries.get(p.coco.staged.splits.find((s) => s.name === 'train')!.file)!;
  const steps = p.config.steps;
  const html = p.html === undefined ? null : show(p.html);
  return {
    dataset: p.scan.summary.root,
    yolo_world: show(root),
    held_out: p.d.heldOut ? { ...p.d.heldOut, train: count('train'), val: count('val') } : null,
    commands: Object.values(p.commands).map((argv) => shellCommand(['yw', ...argv])),
    convert,
    profile: p.scan.summary,
    texts: { ...p.texts.base, out: show(p.texts.target) },
    config: p.config.result,
    config_file: p.configShown,
    check: check.summary,
    html,
    mask_refine: { on: p.config.spec.maskRefine, why: maskRefineWhy(p.config.spec.maskRefine, p.o.config.maskRefine, train) },
    written: [...splits.map((s) => s.file), show(p.texts.target), p.configShown, ...(html === null ? [] : [html])],
    next_steps: steps,
    pending: pendingFindings(check.findings, steps),
  };
}
