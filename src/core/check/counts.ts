import type { Finding } from '../findings.js';
import { PyTuple, pyRepr, type PyDict, type PyValue } from '../config-reader/values.js';
import { isUnreadable, type CheckInput } from './input.js';
import { issue } from './issue.js';
import { child, findByType, get, int, normalizePath, str } from './walk.js';

const FIX = 'set every num_classes-like field to the number of classes (yw config does all of them)';

/** Fields that must equal the number of classes N. `train` fields may be smaller (sampling), never larger. */
function countFields(config: PyDict): { path: string; value: PyValue | undefined; train: boolean }[] {
  const model = config.get('model');
  const at = (path: string, train = false) => ({ path, value: get(config, path), train });
  const fields = [
    at('model.num_test_classes'),
    at('model.num_train_classes', true),
    at('model.bbox_head.head_module.num_classes', true),
    at('model.train_cfg.assigner.num_classes', true),
    at('model.num_prompts'),
  ];
  // In reparameterized models the text embeddings are folded into convolutions with N outputs.
  if (/^Rep/.test(str(get(config, 'model.neck.block_cfg.type')) ?? '')) {
    fields.push(at('model.neck.guide_channels'), at('model.neck.block_cfg.guide_channels'));
  }
  if (/^Rep/.test(str(get(config, 'model.bbox_head.head_module.type')) ?? '')) {
    fields.push(at('model.bbox_head.head_module.num_guide'));
  }
  const pipelines = ['train_dataloader', 'custom_hooks'].map((k) => [k, config.get(k)] as const);
  for (const [key, value] of pipelines) {
    if (value === undefined) continue;
    for (const t of findByType(value, key, ['RandomLoadText'])) {
      fields.push({ path: child(t.path, 'max_num_samples'), value: t.value.get('max_num_samples'), train: true });
      const neg = t.value.get('num_neg_samples');
      const items = neg instanceof PyTuple ? neg.items : Array.isArray(neg) ? neg : [];
      items.forEach((v, i) => fields.push({ path: `${child(t.path, 'num_neg_samples')}[${i}]`, value: v, train: false }));
    }
  }
  return model === undefined ? [] : fields.filter((f) => f.value !== undefined);
}

export function checkCounts(input: CheckInput, n: number): Finding[] {
  const out: Finding[] = [];
  for (const f of countFields(input.config)) {
    const v = int(f.value);
    if (v === n) continue;
    const severity = f.train && v !== undefined && v < n ? 'warning' : 'error';
    const why = severity === 'warning'
      ? `is ${v} but there are ${n} classes: each image then trains on only ${v} class texts`
      : `is ${v ?? pyRepr(f.value!)} but there are ${n} classes`;
    out.push(issue(input.configFile, 'NUM_CLASSES_MISMATCH', severity, f.path, why, FIX, { expected: n }));
  }
  for (const helper of ['num_classes', 'num_training_classes']) {
    const v = int(input.config.get(helper));
    if (v !== undefined && v !== n) {
      out.push(issue(input.configFile, 'NUM_CLASSES_MISMATCH', 'warning', helper, `is ${v} but there are ${n} classes`, FIX, { expected: n }));
    }
  }
  return out;
}

export function checkEmbeddings(input: CheckInput, n: number | undefined): Finding[] {
  const path = str(get(input.config, 'model.embedding_path'));
  if (!path) return [];
  const key = 'model.embedding_path';
  const header = input.npy.get(normalizePath(path));
  const make = 'make it with `yw embed <class-text JSON> --model openai/clip-vit-base-patch32 -o <npy>`';
  if (!header) return [];
  if (isUnreadable(header)) {
    const code = /not found/.test(header.error) ? 'EMBEDDINGS_NOT_FOUND' : 'EMBEDDINGS_INVALID';
    return [issue(input.configFile, code, 'error', key, code === 'EMBEDDINGS_NOT_FOUND' ? `${path} not found` : header.error, make, { file: path })];
  }
  const dim = int(get(input.config, 'model.prompt_dim')) ?? 512;
  const [rows, cols] = header.shape;
  if (header.shape.length === 2 && (n === undefined || rows === n) && cols === dim) return [];
  return [issue(input.configFile, 'EMBEDDINGS_SHAPE', 'error', key,
    `${path} has shape (${header.shape.join(', ')}) but the config needs (${n ?? 'classes'}, ${dim})`,
    `${make}; rows are classes in class-text order`, { file: path, shape: header.shape })];
}
