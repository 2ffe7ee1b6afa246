import { describe, expect, it } from 'vitest';
import { buildRecipe, RUNNER_KEYS } from '../../../src/core/config/recipe.js';
import { resolveConfig } from '../../../src/core/config/render.js';
import { toTagged } from '../../../src/core/config/py-value.js';
import type { ConfigSpec } from '../../../src/core/config/options.js';
import { runPyconfig } from '../../helpers/python.js';

const REF = new URL('../../../fixtures/config-reference/official/', import.meta.url).pathname;

/** The in-memory model (no printer, no CLI) against the official resolved configs. */
const BASE: ConfigSpec = {
  mode: 'finetune', size: 'l', maskRefine: true, neck: 'vlpan', head: 'bn', optimizer: 'adamw', lr: 2e-4, weightDecay: 0.05,
  epochs: 80, closeMosaic: 10, batch: 16, gpus: 8, saveInterval: 5, valInterval: 5, workers: undefined, saveBest: null,
  classes: Array.from({ length: 80 }, (_, i) => `class ${i}`), dataRoot: 'data/coco',
  train: { ann: 'annotations/instances_train2017.json', images: 'train2017/', annFromRoot: 'data/coco/annotations/instances_train2017.json' },
  val: { ann: 'annotations/instances_val2017.json', images: 'val2017/', annFromRoot: 'data/coco/annotations/instances_val2017.json' },
  test: undefined, texts: 'data/texts/coco_class_texts.json', embeddings: 'embeddings/clip_vit_b32_coco_80_embeddings.npy', loadFrom: 'x.pth',
};
const SGD = { optimizer: 'sgd', lr: 1e-3, weightDecay: 5e-4 } as const;
const ROWS: [string, Partial<ConfigSpec>][] = [
  ['yolo_world_l_dual_vlpan_2e-4_80e_8gpus_finetune_coco', { maskRefine: false, neck: 'dual-vlpan', head: 'l2' }],
  ['yolo_world_l_dual_vlpan_2e-4_80e_8gpus_mask-refine_finetune_coco', { neck: 'dual-vlpan', head: 'l2' }],
  ['yolo_world_l_efficient_neck_2e-4_80e_8gpus_mask-refine_finetune_coco', { neck: 'efficient', head: 'l2' }],
  ['yolo_world_v2_l_efficient_neck_2e-4_80e_8gpus_mask-refine_finetune_coco', { neck: 'efficient' }],
  ['yolo_world_v2_l_vlpan_bn_2e-4_80e_8gpus_mask-refine_finetune_coco', {}],
  ['yolo_world_v2_l_vlpan_bn_sgd_1e-3_40e_8gpus_finetune_coco', { maskRefine: false, ...SGD, epochs: 40, closeMosaic: 30 }],
  ['yolo_world_v2_l_vlpan_bn_sgd_1e-3_80e_8gpus_mask-refine_finetune_coco', SGD],
  ['yolo_world_v2_m_vlpan_bn_2e-4_80e_8gpus_mask-refine_finetune_coco', { size: 'm' }],
  ['yolo_world_v2_s_bn_2e-4_80e_8gpus_mask-refine_finetune_coco', { mode: 'reparam', size: 's', neck: 'efficient' }],
  ['yolo_world_v2_s_rep_vlpan_bn_2e-4_80e_8gpus_mask-refine_finetune_coco', { mode: 'reparam', size: 's' }],
  ['yolo_world_v2_s_vlpan_bn_2e-4_80e_8gpus_mask-refine_finetune_coco', { size: 's' }],
  ['yolo_world_v2_x_vlpan_bn_2e-4_80e_8gpus_mask-refine_finetune_coco', { size: 'x' }],
  ['yolo_world_v2_xl_vlpan_bn_2e-4_80e_8gpus_mask-refine_finetune_coco', { size: 'xl' }],
  ['yolo_world_v2_l_vlpan_bn_2e-4_80e_8gpus_mask-refine_prompt_tuning_coco', { mode: 'prompt', lr: 2e-3 }],
  ['yolo_world_v2_l_vlpan_bn_2e-4_80e_8gpus_prompt_tuning_coco', { mode: 'prompt', maskRefine: false }],
  ['yolo_world_v2_l_vlpan_bn_sgd_1e-3_80e_8gpus_all_finetuning_coco', { mode: 'prompt-all', maskRefine: false, ...SGD, epochs: 40 }],
];

describe('buildRecipe + resolveConfig (in memory)', () => {
  const refs = runPyconfig<{ value: Record<string, unknown> }>(ROWS.map(([name]) => ({ kind: 'ref', file: `${REF}${name}.json` })));

  it.each(ROWS.map(([name, over], i) => [name, over, i] as const))('%s', (_name, over, i) => {
    const ours = toTagged(resolveConfig(buildRecipe({ ...BASE, ...over }))) as Record<string, Record<string, unknown>>;
    const ref = refs[i]!.value;
    for (const key of RUNNER_KEYS) {
      if (key === 'load_from' || !(key in ref || key in ours)) continue;
      expect(stripMetainfo(ours[key]), key).toEqual(ref[key]);
    }
  });
});

function stripMetainfo(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripMetainfo);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'metainfo').map(([k, v]) => [k, stripMetainfo(v)]));
}
