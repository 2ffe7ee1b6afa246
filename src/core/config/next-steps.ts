import { posix } from 'node:path';
import type { ConfigSpec } from './options.js';
import { HF_BASE, PRETRAINED_DIR } from './names.js';
import { shellCommand } from './shell-quote.js';
import { SIZE_FACTS } from './sizes.js';
import { TEXT_MODEL } from './recipe-model.js';

/** What exists already (checked by the CLI), so the steps only ask for what is missing. */
export interface StepInputs {
  spec: ConfigSpec;
  /** The config path relative to the YOLO-World root. */
  configPath: string;
  /** The data dir relative to the YOLO-World root (for `yw texts`). */
  dataArg: string;
  /** The class-text JSON exists (or is not needed). */
  textsExists: boolean;
  embeddingsExists: boolean;
  weightsExists: boolean;
  /** load_from is a published checkpoint under pretrained_models/ (can be downloaded). */
  weightsPublished: boolean;
}

/** One command, and what to know before running it (e.g. that it needs a GPU and what to run without one). */
export interface NextStep {
  command: string;
  note?: string;
}

const step = (argv: string[], note?: string): NextStep => ({ command: shellCommand(argv), ...(note ? { note } : {}) });

/** Exact commands, in order, run from the YOLO-World root (at commit b1b09f2). */
export function nextSteps(x: StepInputs): NextStep[] {
  const { spec } = x;
  const steps: NextStep[] = [];
  if (!x.textsExists) steps.push(step(['yw', 'texts', x.dataArg, '-o', spec.texts]));
  if (spec.loadFrom !== null && !x.weightsExists && x.weightsPublished) {
    steps.push(step(['wget', '-P', PRETRAINED_DIR, `${HF_BASE}/${posix.basename(spec.loadFrom)}`]));
  }
  if (spec.mode !== 'finetune' && !x.embeddingsExists) steps.push(embeddingsStep(spec));
  if (spec.mode === 'reparam' && !x.weightsExists && spec.loadFrom !== null) steps.push(...reparamSteps(spec, spec.loadFrom));
  steps.push(trainStep(spec, x.configPath));
  // tools/train.py writes to work_dirs/<config name without .py>; yw best reads it afterwards
  steps.push(step(['yw', 'best', `work_dirs/${posix.basename(x.configPath).replace(/\.py$/, '')}`]));
  return steps;
}

/** yw embed writes what tools/generate_text_prompts.py would, without its hard-coded cuda:0 (facts §4.1). */
function embeddingsStep(spec: ConfigSpec): NextStep {
  return step(['yw', 'embed', spec.texts, '--model', TEXT_MODEL, '-o', spec.embeddings]);
}

/** --amp turns the optimizer wrapper into AmpOptimWrapper, which asserts a GPU at start-up. */
function trainStep(spec: ConfigSpec, configPath: string): NextStep {
  if (spec.gpus > 1) {
    // tools/dist_train.sh uses torch.distributed.launch, which breaks on torch >= 2 (facts §4.3)
    return step(['torchrun', `--nproc_per_node=${spec.gpus}`, 'tools/train.py', configPath, '--launcher', 'pytorch', '--amp']);
  }
  return step(['python', 'tools/train.py', configPath, '--amp'],
    `--amp needs a GPU: AmpOptimWrapper asserts one; on a CPU-only machine: ${shellCommand(['python', 'tools/train.py', configPath])}`);
}

/** `yw reparam` does what tools/reparameterize_yoloworld.py does, with no Python and straight to the config's path. */
function reparamSteps(spec: ConfigSpec, target: string): NextStep[] {
  const source = SIZE_FACTS[spec.size].v2Weights;
  return [
    step(['wget', '-nc', '-P', PRETRAINED_DIR, `${HF_BASE}/${source}`]),
    // --neck conv (the default) folds into guide_convs: the RepConvMaxSigmoidCSPLayerWithTwoConv blocks yw config writes
    step(['yw', 'reparam', '--weights', `${PRETRAINED_DIR}/${source}`, '--embeddings', spec.embeddings, '--out', target]),
  ];
}

/** The steps as printed and as written in the config header: each command, its note below it. */
export function stepLines(steps: readonly NextStep[]): string[] {
  return steps.flatMap((s) => [`  ${s.command}`, ...(s.note ? [`      (${s.note})`] : [])]);
}
