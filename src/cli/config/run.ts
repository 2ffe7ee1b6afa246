import { dirname, join, resolve } from 'node:path';
import type { ConfigCliOptions } from '../commands/config-options.js';
import type { ConfigSpec } from '../../core/config/options.js';
import { buildSpec } from '../../core/config/spec.js';
import { buildRecipe } from '../../core/config/recipe.js';
import { renderInheritBody, renderStandaloneBody } from '../../core/config/render.js';
import { renderHeader } from '../../core/config/header.js';
import { nextSteps, stepLines, type NextStep } from '../../core/config/next-steps.js';
import { checkEmbeddingsHeader, checkTextsAgainstClasses } from '../../core/config/inputs-check.js';
import { configName, defaultEmbeddingsPath, defaultTextsPath, PRETRAINED_DIR } from '../../core/config/names.js';
import { baseFileName } from '../../core/config/sizes.js';
import type { CocoSummary } from '../../core/dataset/coco-summary.js';
import { parseNpyHeader, NPY_HEADER_BYTES } from '../../core/npy-header.js';
import { datasetName, readSplits, rel } from '../../io/config/config-inputs.js';
import { readHead } from '../../io/fs/file-head.js';
import { isDirectory } from '../../io/fs/path-kind.js';
import { regularFileExists } from '../../io/fs/regular-file.js';
import { readJson } from '../../io/fs/read-text.js';
import { writeFileAtomic } from '../../io/fs/atomic-write.js';
import { displayPath } from '../../io/fs/display-path.js';
import { dataNotes, warmupNote } from '../config-notes.js';

/** What the config is to a run (an output that may not share its path with another). */
export const CONFIG_ROLE = 'config';

/** Files a run is about to write (yw prepare), seen by the config as if they were in place. */
export interface PlannedInputs {
  /** COCO files by absolute path. */
  coco?: ReadonlyMap<string, CocoSummary>;
  /** The class-text JSON: absolute path and content. */
  texts?: { path: string; json: unknown };
}

export interface ConfigNote {
  warn: boolean;
  text: string;
  /** `yw check --config` reports the same as a finding (yw prepare, which runs that check, says it once). */
  alsoFinding?: boolean;
}

/** Everything `yw config` decided, before anything is written. */
export interface ConfigPlan {
  /** Absolute path of the config file. */
  target: string;
  text: string;
  spec: ConfigSpec;
  steps: NextStep[];
  /** What to say on stderr about the inputs (missing texts, mask-refine, a missing mmyolo). */
  notes: ConfigNote[];
  /** What `--json` prints. */
  result: { out: string; mode: string; size: string; classes: readonly string[]; base: string | null; load_from: string | null; next_steps: NextStep[] };
}

/**
 * `yw config`'s read and decisions (io → core), writing nothing: the dataset, the texts and
 * embeddings it names, the spec (every refusal: classes, mask-refine, splits, option combinations),
 * the next steps and the file text. `argv` goes into the header.
 */
export async function planConfig(cwd: string, o: ConfigCliOptions, argv: readonly string[], planned: PlannedInputs = {}): Promise<ConfigPlan> {
  const x = await readInputs(cwd, o, planned.coco);
  const { spec, root } = x;
  const notes: ConfigNote[] = [];
  const embeddingsExists = spec.mode !== 'finetune' && (await regularFileExists(x.embeddingsAbs, 'embeddings file'));
  if (embeddingsExists) checkEmbeddingsHeader(parseNpyHeader(await readHead(x.embeddingsAbs, NPY_HEADER_BYTES, 'embeddings file'), x.embeddingsAbs), spec.classes.length, x.embeddingsAbs);
  // finetune reads the texts at train time; the other modes only to make the embeddings
  const textsNeeded = spec.mode === 'finetune' || !embeddingsExists;
  const plannedTexts = planned.texts?.path === x.textsAbs ? planned.texts : undefined;
  const textsExists = plannedTexts !== undefined || (await regularFileExists(x.textsAbs, 'class-text JSON'));
  if (textsExists) checkTextsAgainstClasses(plannedTexts ? plannedTexts.json : await readJson(x.textsAbs, 'class-text JSON'), spec.classes, x.textsAbs);
  else if (textsNeeded) notes.push({ warn: true, text: `class-text JSON ${x.textsAbs} does not exist yet; the next steps create it` });
  notes.push(...dataNotes(x.found, x.splits));
  const warmup = warmupNote(x.splits.train!.summary.images, spec);
  if (warmup) notes.push({ ...warmup, alsoFinding: true });
  if (o.maskRefine === undefined) notes.push({ warn: false, text: `mask-refine ${spec.maskRefine ? 'on: every train annotation has a polygon' : 'off: not every train annotation has a polygon'}` });

  const target = o.out !== undefined ? resolve(cwd, o.out) : join(root, 'configs', 'custom', `${configName(spec, x.name)}.py`);
  const base = rel(dirname(target), join(root, 'third_party', 'mmyolo', 'configs', 'yolov8', baseFileName(spec.size, spec.maskRefine)));
  const steps = nextSteps({
    spec, configPath: rel(root, target), dataArg: rel(root, x.dataDir), textsExists: textsExists || !textsNeeded, embeddingsExists,
    weightsExists: spec.loadFrom !== null && (await regularFileExists(resolve(root, spec.loadFrom), 'weights file')),
    weightsPublished: o.weights === undefined && spec.loadFrom?.startsWith(`${PRETRAINED_DIR}/`) === true,
  });
  const scope = buildRecipe(spec);
  const body = o.style === 'inherit' ? renderInheritBody(scope, base) : renderStandaloneBody(scope);
  if (o.style === 'inherit' && !(await isDirectory(join(root, 'third_party', 'mmyolo', 'configs')))) {
    notes.push({ warn: true, text: `${join(root, 'third_party', 'mmyolo')} is missing: clone YOLO-World with --recursive, or use --style standalone` });
  }
  const text = `${renderHeader({ spec, style: o.style, argv, steps })}\n${body}\n`;
  const result = { out: target, mode: spec.mode, size: spec.size, classes: spec.classes, base: o.style === 'inherit' ? base : null, load_from: spec.loadFrom, next_steps: steps };
  return { target, text, spec, steps, notes, result };
}

export async function writeConfig(plan: ConfigPlan, force: boolean): Promise<void> {
  await writeFileAtomic(plan.target, plan.text, { force, command: 'yw config', role: CONFIG_ROLE });
}

/** What `yw config` prints on stdout after writing: the file, what it is, the next steps. */
export function configResultText(cwd: string, plan: ConfigPlan): string {
  const { spec } = plan;
  const mr = spec.maskRefine ? 'on' : 'off';
  return [`wrote ${displayPath(cwd, plan.target)}`, `${spec.classes.length} classes, mode ${spec.mode}, size ${spec.size}, mask-refine ${mr}`, 'next steps (from the YOLO-World root):', ...stepLines(plan.steps)].join('\n');
}

/** Reads the dataset and resolves every path: relative to the cwd as typed, relative to the YOLO-World root in the config. */
async function readInputs(cwd: string, o: ConfigCliOptions, planned: ReadonlyMap<string, CocoSummary> | undefined) {
  const root = resolve(cwd, o.yoloWorld);
  const { dataDir, splits, found } = await readSplits({
    cwd, root, data: o.data,
    ann: { train: o.trainAnn, val: o.valAnn, test: o.testAnn },
    images: { train: o.trainImages, val: o.valImages, test: o.testImages },
    ...(planned ? { planned } : {}),
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
