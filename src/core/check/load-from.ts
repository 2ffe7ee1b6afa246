import type { Finding } from '../findings.js';
import { describeYoloWorld, type NeckKind, type YoloWorldState } from '../checkpoint/yolo-world.js';
import { isUnreadable, type CheckInput } from './input.js';
import { issue } from './issue.js';
import { get, int, normalizePath, str } from './walk.js';

/** What `yw check` reads of the load_from checkpoint: state dict shapes (DataParallel's `module.` removed), no data. */
export interface CheckpointHeader {
  format: 'zip' | 'legacy';
  shapes: [string, number[]][];
}

const KEY = 'load_from';
const REP_NAME = /_rep_(conv|linear)\b/;

/**
 * `load_from`: set, present, a torch checkpoint, and the kind of checkpoint the model loads
 * (reparameterized or not, the same classes, the modules the model has). When the file cannot be
 * opened, only its name is checked.
 */
export function checkLoadFrom(input: CheckInput, classes: number | undefined): Finding[] {
  const value = input.config.get(KEY);
  if (value === null || value === undefined) {
    return [issue(input.configFile, 'LOAD_FROM_NONE', 'info', KEY, 'not set: training starts from random weights',
      'set load_from to a pretrained YOLO-World checkpoint unless you mean to train from scratch')];
  }
  const file = str(value);
  if (!file) return [];
  const header = input.checkpoints?.get(normalizePath(file));
  if (input.exists.get(normalizePath(file)) === false) {
    return [issue(input.configFile, 'LOAD_FROM_NOT_FOUND', 'error', KEY, `${file} not found`,
      'download the checkpoint into pretrained_models/ (published names differ from the config names: match the 8-hex hash), or make a *_rep_conv.pth with `yw reparam`', { file }),
    ...checkByName(input, file)];
  }
  if (header === undefined) return checkByName(input, file);
  if (isUnreadable(header)) {
    return [issue(input.configFile, 'LOAD_FROM_INVALID', 'error', KEY, header.error,
      'put the checkpoint file itself there (download it again): the trainer would stop at start-up with "UnpicklingError: invalid load key" or a zip error', { file })];
  }
  return checkContent(input, file, describeYoloWorld(new Map(header.shapes)), header.shapes.map(([k]) => k), classes);
}

function checkContent(input: CheckInput, file: string, state: YoloWorldState, keys: string[], classes: number | undefined): Finding[] {
  const at = (code: string, severity: Finding['severity'], message: string, hint: string) => issue(input.configFile, code, severity, KEY, message, hint, { file });
  const rep = get(input.config, 'model.reparameterized') === true;
  if (rep && state.head !== 'reparameterized' && state.head !== 'none') {
    return [at('LOAD_FROM_REP_MISMATCH', 'error', `model.reparameterized is True but ${file} is not reparameterized (its head has logit_scale, not a conv with one row per class)`,
      `fold the class embeddings in first: yw reparam --weights ${file} --embeddings <classes>.npy`)];
  }
  if (!rep && state.head === 'reparameterized') {
    return [at('LOAD_FROM_REP_MISMATCH', 'error', `${file} is reparameterized (${state.repClasses} classes folded into its head) but model.reparameterized is not True`,
      'use the original checkpoint for normal or prompt fine-tuning, or a reparameterized config (yw config --mode reparam)')];
  }
  const out: Finding[] = [];
  if (rep) out.push(...checkRep(input, file, state, classes));
  out.push(...checkModules(input, file, keys));
  return out;
}

function checkRep(input: CheckInput, file: string, state: YoloWorldState, classes: number | undefined): Finding[] {
  const out: Finding[] = [];
  const at = (code: string, message: string, hint: string) => issue(input.configFile, code, 'error', KEY, message, hint, { file });
  const expected = classes ?? int(get(input.config, 'model.bbox_head.head_module.num_classes'));
  const folded = [...new Set([state.repClasses, state.repNeckClasses].filter((n): n is number => n !== undefined))];
  if (expected !== undefined && folded.some((n) => n !== expected)) {
    out.push(at('LOAD_FROM_CLASSES_MISMATCH', `${file} has ${folded.join(' and ')} classes folded into it but the config trains ${expected}: the head does not load (size mismatch) and the class order is lost`,
      `reparameterize the original checkpoint with the embeddings of these ${expected} classes: yw reparam --weights ORIGINAL.pth --embeddings EMB.npy`));
  }
  const block = str(get(input.config, 'model.neck.block_cfg.type')) ?? '';
  const wanted: NeckKind | undefined = block.startsWith('RepConvMaxSigmoid') ? 'rep-conv' : block.startsWith('RepMaxSigmoid') ? 'rep-linear'
    : block.startsWith('Efficient') ? 'none' : undefined;
  if (wanted !== undefined && state.neck !== wanted && !(wanted === 'none' && state.neck !== 'guide_fc')) {
    out.push(at('LOAD_FROM_REP_MISMATCH', `${file} has ${NECK_WORDS[state.neck]} but model.neck.block_cfg.type is ${block}`,
      'yw reparam --neck conv (the default) goes with RepConvMaxSigmoidCSPLayerWithTwoConv, --neck linear with RepMaxSigmoidCSPLayerWithTwoConv'));
  }
  return out;
}

const NECK_WORDS: Record<NeckKind, string> = {
  'guide_fc': 'a neck that is not reparameterized (guide_fc)',
  'rep-conv': 'a _rep_conv neck (guide_convs)',
  'rep-linear': 'a _rep_linear neck (guide_weight)',
  'none': 'no text-guided neck blocks',
};

/** The modules the configured detector has, and those of the checkpoint (first key part; two under backbone). */
function checkModules(input: CheckInput, file: string, keys: string[]): Finding[] {
  const text = get(input.config, 'model.backbone.text_model') !== null && get(input.config, 'model.backbone.with_text_model') !== false;
  const prompts = str(get(input.config, 'model.type')) === 'SimpleYOLOWorldDetector' && get(input.config, 'model.reparameterized') !== true;
  const expected = ['backbone.image_model', ...(text ? ['backbone.text_model'] : []), 'neck', 'bbox_head', ...(prompts ? ['embeddings'] : [])];
  const present = [...new Set(keys.map((k) => k.split('.').slice(0, k.startsWith('backbone.') ? 2 : 1).join('.')))];
  const out: Finding[] = [];
  const at = (code: string, severity: Finding['severity'], message: string, hint: string, modules: string[]) =>
    out.push(issue(input.configFile, code, severity, KEY, message, hint, { file, modules }));
  // prompt tuning starts the embeddings from embedding_path: a checkpoint without them is the normal case
  const missing = expected.filter((m) => !present.includes(m) && m !== 'embeddings');
  const missingParts = missing.filter((m) => m !== 'backbone.text_model');
  if (missingParts.length > 0) {
    at('LOAD_FROM_MODULES_MISSING', 'warning', `${file} has no weights for ${missingParts.join(', ')}: the trainer reports them as missing keys and they start from random initialisation`,
      'load a YOLO-World detector checkpoint (keys backbone.image_model.*, neck.*, bbox_head.*)', missingParts);
  }
  if (missing.includes('backbone.text_model')) {
    at('LOAD_FROM_MODULES_MISSING', 'info', `${file} has no backbone.text_model weights: the text model keeps the weights it is built from (${str(get(input.config, 'model.backbone.text_model.model_name')) ?? 'its model_name'})`,
      'normal when the checkpoint comes from prompt tuning; with frozen text weights (frozen_modules) that is the CLIP the checkpoint was trained with', ['backbone.text_model']);
  }
  const unexpected = present.filter((m) => !expected.includes(m));
  const ignoredText: string[] = unexpected.filter((m) => m === 'backbone.text_model' || m === 'embeddings');
  const foreign = unexpected.filter((m) => !ignoredText.includes(m));
  if (ignoredText.length > 0) {
    at('LOAD_FROM_MODULES_UNEXPECTED', 'info', `${file} has ${ignoredText.join(' and ')} weights, which this model does not build: the trainer ignores them (logged as unexpected keys, harmless: YOLO-World issue #276)`,
      'nothing to do; yw slim or yw reparam writes a checkpoint without them', ignoredText);
  }
  if (foreign.length > 0) {
    at('LOAD_FROM_MODULES_UNEXPECTED', 'warning', `${file} has weights under ${foreign.slice(0, 5).join(', ')}, which the configured model does not have: the trainer ignores them`,
      'a checkpoint of another model, or keys with an extra prefix (only module. is removed when loading)', foreign);
  }
  return out;
}

/** Without the file's content: what its name says (`*_rep_conv.pth` is what reparameterization writes). */
function checkByName(input: CheckInput, file: string): Finding[] {
  const rep = get(input.config, 'model.reparameterized') === true;
  const kind = REP_NAME.exec(file)?.[1];
  const block = str(get(input.config, 'model.neck.block_cfg.type')) ?? '';
  const at = (message: string, hint: string) => [issue(input.configFile, 'LOAD_FROM_REP_MISMATCH', 'error', KEY, message, hint, { file })];
  if (kind && !rep) {
    return at(`${file} is a reparameterized (_rep_${kind}) checkpoint but model.reparameterized is not True`,
      'use the original checkpoint for normal/prompt fine-tuning, or a reparameterized config (yw config --mode reparam)');
  }
  if (!kind && rep) {
    return at(`model.reparameterized is True but ${file} is not a reparameterized checkpoint (no _rep_conv/_rep_linear in its name)`,
      'make one with yw reparam --weights CKPT --embeddings EMB.npy (it writes *_rep_conv.pth) and load that');
  }
  if (kind && /^Rep(Conv)?MaxSigmoid/.test(block) && (kind === 'conv') !== block.startsWith('RepConv')) {
    return at(`${file} is a _rep_${kind} checkpoint but model.neck.block_cfg.type is ${block}`,
      '_rep_conv (yw reparam --neck conv) goes with RepConvMaxSigmoidCSPLayerWithTwoConv, _rep_linear with RepMaxSigmoidCSPLayerWithTwoConv');
  }
  return [];
}
