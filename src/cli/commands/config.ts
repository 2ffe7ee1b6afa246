import type { Command } from 'commander';
import { dirname, join, resolve } from 'node:path';
import { addCommonOptions, pickCommonOptions } from '../common-options.js';
import { action, type CommandHost } from '../host.js';
import { Output } from '../output.js';
import { dataNotes } from '../config-notes.js';
import { addConfigOptions, configOptionsSchema, type ConfigCliOptions } from './config-options.js';
import { buildSpec } from '../../core/config/spec.js';
import { buildRecipe } from '../../core/config/recipe.js';
import { renderInheritBody, renderStandaloneBody } from '../../core/config/render.js';
import { renderHeader } from '../../core/config/header.js';
import { nextSteps, stepLines } from '../../core/config/next-steps.js';
import { checkEmbeddingsHeader, checkTextsAgainstClasses } from '../../core/config/inputs-check.js';
import { configName, defaultEmbeddingsPath, defaultTextsPath, PRETRAINED_DIR } from '../../core/config/names.js';
import { baseFileName } from '../../core/config/sizes.js';
import { parseNpyHeader, NPY_HEADER_BYTES } from '../../core/npy-header.js';
import { datasetName, readSplits, rel } from '../../io/config/config-inputs.js';
import { isDirectory, readHead } from '../../io/fs/file-head.js';
import { regularFileExists } from '../../io/fs/regular-file.js';
import { readJson } from '../../io/fs/read-text.js';
import { writeFileAtomic } from '../../io/fs/atomic-write.js';
import { displayPath } from '../../io/fs/display-path.js';

const EXAMPLES = `
Examples:
  yw config --data datasets/helmet                       finetune, size l, mask-refine if every box has a polygon
  yw config --data datasets/helmet --size s --neck efficient --epochs 40 --gpus 2
  yw config --data datasets/helmet --mode prompt --embeddings embeddings/helmet.npy
  yw config --data datasets/helmet --mode reparam --size s --weights pretrained_models/rep/s_rep_conv.pth
  yw config --data datasets/helmet --style standalone --out configs/custom/helmet.py --force

Run it from the YOLO-World root (or pass --yolo-world DIR); see docs/config.md.`;

export function register(program: Command, host: CommandHost): void {
  const cmd = program.command('config').description('write a YOLO-World fine-tuning config for a dataset');
  addCommonOptions(addConfigOptions(cmd)).addHelpText('after', EXAMPLES).action(
    action(host, async (raw: Record<string, unknown>, command: Command) => {
      const common = pickCommonOptions(raw);
      const out = new Output(host.ctx, common);
      const opts = configOptionsSchema.parse(raw);
      const argv = [...((command.parent as unknown as { rawArgs?: string[] } | null)?.rawArgs ?? [])];
      const result = await runConfig(host, opts, common.force, argv, out);
      out.json(result);
      return 0;
    }),
  );
}

async function runConfig(host: CommandHost, o: ConfigCliOptions, force: boolean, argv: string[], out: Output) {
  const x = await readInputs(host.ctx.cwd, o);
  const { spec, root } = x;
  const embeddingsExists = spec.mode !== 'finetune' && (await regularFileExists(x.embeddingsAbs, 'embeddings file'));
  if (embeddingsExists) checkEmbeddingsHeader(parseNpyHeader(await readHead(x.embeddingsAbs, NPY_HEADER_BYTES, 'embeddings file'), x.embeddingsAbs), spec.classes.length, x.embeddingsAbs);
  // finetune reads the texts at train time; the other modes only to make the embeddings
  const textsNeeded = spec.mode === 'finetune' || !embeddingsExists;
  const textsExists = await regularFileExists(x.textsAbs, 'class-text JSON');
  if (textsExists) checkTextsAgainstClasses(await readJson(x.textsAbs, 'class-text JSON'), spec.classes, x.textsAbs);
  else if (textsNeeded) out.warn(`class-text JSON ${x.textsAbs} does not exist yet; the next steps create it`);
  for (const note of dataNotes(x.found, x.splits)) (note.warn ? out.warn(note.text) : out.info(note.text));
  if (o.maskRefine === undefined) out.info(`mask-refine ${spec.maskRefine ? 'on: every train annotation has a polygon' : 'off: not every train annotation has a polygon'}`);

  const target = o.out !== undefined ? resolve(host.ctx.cwd, o.out) : join(root, 'configs', 'custom', `${configName(spec, x.name)}.py`);
  const base = rel(dirname(target), join(root, 'third_party', 'mmyolo', 'configs', 'yolov8', baseFileName(spec.size, spec.maskRefine)));
  const steps = nextSteps({
    spec, configPath: rel(root, target), dataArg: rel(root, x.dataDir), textsExists: textsExists || !textsNeeded, embeddingsExists,
    weightsExists: spec.loadFrom !== null && (await regularFileExists(resolve(root, spec.loadFrom), 'weights file')),
    weightsPublished: o.weights === undefined && spec.loadFrom?.startsWith(`${PRETRAINED_DIR}/`) === true,
  });
  const scope = buildRecipe(spec);
  const body = o.style === 'inherit' ? renderInheritBody(scope, base) : renderStandaloneBody(scope);
  await writeFileAtomic(target, `${renderHeader({ spec, style: o.style, argv, steps })}\n${body}\n`, { force, command: 'yw config', role: 'config' });
  if (o.style === 'inherit' && !(await isDirectory(join(root, 'third_party', 'mmyolo', 'configs')))) {
    out.warn(`${join(root, 'third_party', 'mmyolo')} is missing: clone YOLO-World with --recursive, or use --style standalone`);
  }
  const mr = spec.maskRefine ? 'on' : 'off';
  out.result([`wrote ${displayPath(host.ctx.cwd, target)}`, `${spec.classes.length} classes, mode ${spec.mode}, size ${spec.size}, mask-refine ${mr}`, 'next steps (from the YOLO-World root):', ...stepLines(steps)].join('\n'));
  return { out: target, mode: spec.mode, size: spec.size, classes: spec.classes, base: o.style === 'inherit' ? base : null, load_from: spec.loadFrom, next_steps: steps };
}

/** Reads the dataset and resolves every path: relative to the cwd as typed, relative to the YOLO-World root in the config. */
async function readInputs(cwd: string, o: ConfigCliOptions) {
  const root = resolve(cwd, o.yoloWorld);
  const { dataDir, splits, found } = await readSplits({
    cwd, root, data: o.data,
    ann: { train: o.trainAnn, val: o.valAnn, test: o.testAnn },
    images: { train: o.trainImages, val: o.valImages, test: o.testImages },
  });
  const name = datasetName(dataDir);
  const textsAbs = resolve(cwd, o.texts ?? defaultTextsPath(name));
  const classCount = splits.train!.summary.categories.length;
  const embeddingsAbs = o.embeddings !== undefined ? resolve(cwd, o.embeddings) : resolve(root, defaultEmbeddingsPath(name, classCount));
  const weightsAbs = o.weights !== undefined ? resolve(cwd, o.weights) : undefined;
  const spec = buildSpec(o, {
    dataRoot: rel(root, dataDir), train: splits.train!, val: splits.val!, test: splits.test,
    texts: rel(root, textsAbs), embeddings: rel(root, embeddingsAbs), weights: weightsAbs && rel(root, weightsAbs),
  });
  return { root, dataDir, name, textsAbs, embeddingsAbs, spec, splits, found };
}
