import { resolve } from 'node:path';
import { pickCommonOptions, type CommonOptions } from '../common-options.js';
import type { CommandHost } from '../host.js';
import { Output } from '../output.js';
import type { RunContext } from '../context.js';
import { reportFailure } from '../commands/convert-run.js';
import { checkConfigFile } from '../check-config.js';
import { planConfig, writeConfig, CONFIG_ROLE, type ConfigPlan } from '../config/run.js';
import type { DatasetScan } from '../dataset-scan.js';
import { HTML_ROLE, writeHtmlReport } from '../html-report.js';
import { buildTexts, defaultTextsTarget, TEXTS_ROLE, type BuiltTexts } from '../texts/build.js';
import { claimSplitFiles, planDataset, scanDataset, splitFile, stageCoco, type DatasetPlan, type StagedCoco } from './dataset.js';
import { prepareOptions, stepCommands, type GivenArgs, type PrepareOptions } from './options.js';
import { finishPrepare } from './finish.js';
import { defaultTextsPath } from '../../core/config/names.js';
import { formatClassTexts } from '../../core/texts/format.js';
import { YwError } from '../../errors.js';
import { assertWritable, writeFileAtomic } from '../../io/fs/atomic-write.js';
import { displayPath } from '../../io/fs/display-path.js';
import { isDirectory } from '../../io/fs/path-kind.js';

/** Everything planned before the first file is put in place. */
export interface Prepared {
  o: PrepareOptions;
  common: CommonOptions;
  d: DatasetPlan;
  scan: DatasetScan;
  coco: StagedCoco;
  texts: BuiltTexts & { target: string; text: string };
  config: ConfigPlan;
  /** The config as shown (relative to the cwd when inside it). */
  configShown: string;
  commands: ReturnType<typeof stepCommands>;
  html?: string;
}

/**
 * `yw prepare`: yw convert → yw check <dataset> → yw texts → yw config → yw check --config, through
 * the functions those commands run. Every refusal of theirs comes before the first file is in place:
 * the plan, the outputs claimed, the COCO files written aside and read back, texts and config planned.
 */
export async function runPrepare(host: CommandHost, dataset: string, raw: Record<string, unknown>, given: GivenArgs): Promise<number> {
  const { ctx } = host;
  const common = pickCommonOptions(raw);
  const out = new Output(ctx, common);
  const o = prepareOptions(raw, dataset);
  // A refusal is reported as yw convert reports one: its findings on stderr, and --report with the error.
  const { prepared, root } = await planAll(ctx, out, dataset, o, common, given).catch((error: unknown) => reportFailure(ctx, common, out, dataset, error, 'prepare'));
  await writeAll(out, prepared);
  const check = await checkConfigFile(ctx, { config: prepared.configShown, yoloWorld: o.config.yoloWorld, reader: o.reader, python: o.python });
  return finishPrepare(ctx, out, prepared, check, root);
}

/** Every step planned, every output claimed, the COCO files staged: everything but putting files in place. */
async function planAll(ctx: RunContext, out: Output, dataset: string, o: PrepareOptions, common: CommonOptions, given: GivenArgs): Promise<{ prepared: Prepared; root: string }> {
  const root = await yoloWorldRoot(ctx.cwd, o.config.yoloWorld);
  const d = await planDataset(ctx, dataset, o);
  const texts = await planTexts(ctx.cwd, dataset, d, o, root);
  await claimSplitFiles(d, common.force);
  await assertWritable(texts.target, { force: common.force, command: 'yw prepare', role: TEXTS_ROLE });
  const html = o.html === undefined ? undefined : resolve(ctx.cwd, o.html);
  if (html) await assertWritable(html, { force: common.force, command: 'yw prepare', role: HTML_ROLE });
  const scan = await scanDataset(out, dataset, d, o);
  const coco = await stageCoco(out, scan, o, common.force);
  const textsOut = texts.target === resolve(ctx.cwd, defaultTextsPath(texts.src.datasetName)) ? undefined : displayPath(ctx.cwd, texts.target);
  const steps = (config: string) => stepCommands({ dataset, given, ...(d.heldOut ? { heldOut: d.heldOut } : {}), ...(textsOut ? { textsOut } : {}), config, ...(o.html ? { html: o.html } : {}), force: common.force });
  let config: ConfigPlan;
  try {
    const options = textsOut === undefined ? o.config : { ...o.config, texts: textsOut };
    config = await planConfig(ctx.cwd, options, steps('').config, { coco: coco.summaries, texts: { path: texts.target, json: JSON.parse(texts.text) } });
    await assertWritable(config.target, { force: common.force, command: 'yw prepare', role: CONFIG_ROLE });
  } catch (error) {
    await coco.staged.abort();
    throw error;
  }
  const configShown = displayPath(ctx.cwd, config.target);
  return { prepared: { o, common, d, scan, coco, texts, config, configShown, commands: steps(configShown), ...(html ? { html } : {}) }, root };
}

/** --yolo-world must name a folder: yw prepare writes the class texts and the config below it. */
async function yoloWorldRoot(cwd: string, given: string): Promise<string> {
  const root = resolve(cwd, given);
  if (!(await isDirectory(root))) {
    throw new YwError('YOLO_WORLD_NOT_FOUND', `YOLO-World root not found: ${root} is not a folder`, {
      file: root,
      hint: 'run yw prepare from your YOLO-World checkout, or pass it with --yolo-world DIR',
    });
  }
  return root;
}

/** yw texts <dataset> as it reads the dataset once its COCO files are written, into <yolo-world>/data/texts/. */
async function planTexts(cwd: string, dataset: string, d: DatasetPlan, o: PrepareOptions, root: string): Promise<Prepared['texts']> {
  const categories = d.plan.categories;
  const planned = new Map(d.plan.splits.map((s) => [splitFile(d.rootAbs, s.name), categories]));
  const built = await buildTexts(cwd, dataset, o.synonyms, planned);
  return { ...built, target: defaultTextsTarget(root, built.src.datasetName), text: formatClassTexts(built.texts) };
}

/** Puts every output in place: the COCO files, the class texts, the config, the --html page. */
async function writeAll(out: Output, p: Prepared): Promise<void> {
  const force = p.common.force;
  await p.coco.staged.commit();
  await writeFileAtomic(p.texts.target, p.texts.text, { force, command: 'yw prepare', role: TEXTS_ROLE });
  for (const note of p.config.notes) if (note.warn && !note.alsoFinding) out.warn(note.text);
  await writeConfig(p.config, force);
  if (p.html) await writeHtmlReport(out, p.scan, { path: p.html, force, command: 'yw prepare' });
}
