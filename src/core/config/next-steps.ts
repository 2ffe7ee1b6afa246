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

/** Exact commands, in order, run from the YOLO-World root (at commit b1b09f2). */
export function nextSteps(x: StepInputs): string[] {
  const { spec } = x;
  const steps: string[] = [];
  if (!x.textsExists) steps.push(shellCommand(['yw', 'texts', x.dataArg, '-o', spec.texts]));
  if (spec.loadFrom !== null && !x.weightsExists && x.weightsPublished) {
    steps.push(shellCommand(['wget', '-P', PRETRAINED_DIR, `${HF_BASE}/${posix.basename(spec.loadFrom)}`]));
  }
  if (spec.mode !== 'finetune' && !x.embeddingsExists) {
    // yw embed writes what tools/generate_text_prompts.py would, without its hard-coded cuda:0 (facts §4.1)
    steps.push(shellCommand(['yw', 'embed', spec.texts, '--model', TEXT_MODEL, '-o', spec.embeddings]));
  }
  if (spec.mode === 'reparam' && !x.weightsExists && spec.loadFrom !== null) steps.push(...reparamSteps(spec, spec.loadFrom));
  if (spec.gpus === 1) steps.push(shellCommand(['python', 'tools/train.py', x.configPath, '--amp']));
  // tools/dist_train.sh uses torch.distributed.launch, which breaks on torch >= 2 (facts §4.3)
  else steps.push(shellCommand(['torchrun', `--nproc_per_node=${spec.gpus}`, 'tools/train.py', x.configPath, '--launcher', 'pytorch', '--amp']));
  // tools/train.py writes to work_dirs/<config name without .py>; yw best reads it afterwards
  steps.push(shellCommand(['yw', 'best', `work_dirs/${posix.basename(x.configPath).replace(/\.py$/, '')}`]));
  return steps;
}

/** `yw reparam` does what tools/reparameterize_yoloworld.py does, with no Python and straight to the config's path. */
function reparamSteps(spec: ConfigSpec, target: string): string[] {
  const source = SIZE_FACTS[spec.size].v2Weights;
  return [
    shellCommand(['wget', '-nc', '-P', PRETRAINED_DIR, `${HF_BASE}/${source}`]),
    // --neck conv (the default) folds into guide_convs: the RepConvMaxSigmoidCSPLayerWithTwoConv blocks yw config writes
    shellCommand(['yw', 'reparam', '--weights', `${PRETRAINED_DIR}/${source}`, '--embeddings', spec.embeddings, '--out', target]),
  ];
}
