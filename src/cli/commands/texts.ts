import type { Command } from 'commander';
import { resolve } from 'node:path';
import { z } from 'zod';
import { addCommonOptions, pickCommonOptions } from '../common-options.js';
import { action, type CommandHost } from '../host.js';
import { Output, findingsExitCode, writeReport } from '../output.js';
import { terminalSafe } from '../terminal-safe.js';
import { YwError } from '../../errors.js';
import type { Finding } from '../../core/findings.js';
import { checkClassTexts } from '../../core/texts/check.js';
import { formatClassTexts } from '../../core/texts/format.js';
import { ROOT_CLASS_SOURCES } from '../../core/texts/root-source.js';
import { writeFileAtomic } from '../../io/fs/atomic-write.js';
import { displayPath } from '../../io/fs/display-path.js';
import { readJson } from '../../io/fs/read-text.js';
import { buildTexts, defaultTextsTarget, DEFAULT_TEXTS_DIR, TEXTS_ROLE } from '../texts/build.js';

const optionsSchema = z.object({
  out: z.string().min(1).optional(),
  synonyms: z.string().min(1).optional(),
  check: z.string().min(1).optional(),
});

const EXAMPLES = `
Examples:
  yw texts datasets/helmet                      order from annotations/*.json (or the classes file)
  yw texts datasets/helmet/classes.txt -o data/texts/helmet.json
  yw texts data.yaml --synonyms synonyms.txt    synonyms: lines "helmet: hard hat, safety helmet"
  yw texts annotations/train.json --check data/texts/helmet_class_texts.json

A dataset folder's classes come from ${ROOT_CLASS_SOURCES}.
Default output: ${DEFAULT_TEXTS_DIR}/<dataset-name>_class_texts.json (see docs/texts.md).`;

export function register(program: Command, host: CommandHost): void {
  const command = program
    .command('texts')
    .description('write (or --check) the class-text JSON YOLO-World trains with, in label order')
    .argument('<source>', 'classes file (classes.txt, obj.names), data.yaml, COCO JSON, or dataset folder')
    .option('-o, --out <file>', `output file (default ${DEFAULT_TEXTS_DIR}/<dataset-name>_class_texts.json)`)
    .option('--synonyms <file>', 'extra names per class: JSON {"name": ["syn"]} or lines "name: syn1, syn2"')
    .option('--check <file>', 'compare an existing class-text JSON with the source instead of writing');
  addCommonOptions(command)
    .addHelpText('after', EXAMPLES)
    .action(action(host, (source: string, raw: Record<string, unknown>) => runTexts(host, source, raw)));
}

async function runTexts(host: CommandHost, source: string, raw: Record<string, unknown>): Promise<number> {
  const { ctx } = host;
  const common = pickCommonOptions(raw);
  const opts = optionsSchema.parse(raw);
  if (opts.check && opts.out) {
    throw new YwError('TEXTS_OPTIONS', '--check compares and writes nothing; drop --out', { hint: 'use either --check FILE or -o FILE' });
  }
  const out = new Output(ctx, common);
  const { src, texts, findings, base } = await buildTexts(ctx.cwd, source, opts.synonyms);
  out.info(`order from ${src.orderFrom} (${src.orderNote})`);
  if (opts.check) return checkMode(out, common, opts.check, base, findings);
  const target = opts.out ? resolve(ctx.cwd, opts.out) : defaultTextsTarget(ctx.cwd, src.datasetName);
  await writeFileAtomic(target, formatClassTexts(texts), { force: common.force, command: 'yw texts', role: TEXTS_ROLE });
  const summary = { ...base, out: displayPath(ctx.cwd, target) };
  const report = await writeReport(ctx, common, 'texts', summary, findings);
  out.result(`wrote ${summary.out} (${texts.length} classes)`);
  out.json({ ...summary, findings });
  out.findings(findings, report);
  return findingsExitCode(findings, common.strict);
}

async function checkMode(
  out: Output,
  common: ReturnType<typeof pickCommonOptions>,
  checkPath: string,
  base: { source: string; order_from: string; classes: string[][] },
  sourceFindings: Finding[],
): Promise<number> {
  const { ctx } = out;
  const file = displayPath(ctx.cwd, resolve(ctx.cwd, checkPath));
  const result = checkClassTexts(base.classes, await readJson(resolve(ctx.cwd, checkPath), 'class-text JSON'), file);
  const findings = [...sourceFindings, ...result.findings];
  const summary = { ...base, check: file, ok: result.ok };
  const report = await writeReport(ctx, common, 'texts', summary, findings);
  out.json({ ...summary, findings });
  const errors = result.findings.filter((f) => f.severity === 'error');
  if (!result.ok) {
    out.problem(`${file} does not match ${base.order_from} (${errors.length} problem${errors.length === 1 ? '' : 's'}):`);
    for (const f of errors) out.problem(`  ${terminalSafe(f.message, false)}`);
    out.problem(`  hint: regenerate it with \`yw texts ${base.source} -o ${file} --force\`, or fix the entries by hand`);
  } else out.result(`OK ${file} matches ${base.order_from} (${base.classes.length} classes)`);
  out.findings(findings.filter((f) => f.severity !== 'error'), report);
  return result.ok ? findingsExitCode(findings, common.strict) : 1;
}
