import { describe, expect, it } from 'vitest';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChecks } from '../../../src/core/check/run-checks.js';
import { COCO80 } from '../../../src/core/check/coco80.js';
import { decodeReferenceJson } from '../../../src/core/config-reader/reference-json.js';
import type { PyDict } from '../../../src/core/config-reader/values.js';
import { gatherCheckInput } from '../../../src/io/config/check-inputs.js';
import { tempDir } from '../../helpers/tmp.js';

const official = fileURLToPath(new URL('../../../fixtures/check-official/', import.meta.url));
const image = fileURLToPath(new URL('../../../fixtures/check-clean/data/helmet/images/train/a.jpg', import.meta.url));
/** A real (tiny) YOLO-World v2 training checkpoint stands in for every published one. */
const weights = fileURLToPath(new URL('../../../fixtures/checkpoints/yolo-world/v2_tiny.pth', import.meta.url));

const TRAIN2017_IMAGES = 118287;

/** A YOLO-World root with the COCO files, texts, embeddings and weights the official configs name. */
async function cocoTree(loadFroms: string[]): Promise<string> {
  const root = await tempDir();
  const categories = COCO80.map((name, i) => ({ id: i + 1, name }));
  // train2017 has COCO's 118,287 images (the warm-up arithmetic reads the count), val2017 one.
  for (const [split, folder, count] of [['train', 'train2017', TRAIN2017_IMAGES], ['val', 'val2017', 1]] as const) {
    const names = Array.from({ length: count }, (_, i) => (i === 0 ? '000000000139.jpg' : `${String(i).padStart(12, '0')}.jpg`));
    const coco = {
      info: {}, licenses: [], categories,
      images: names.map((file_name, i) => ({ id: i + 1, file_name, width: 48, height: 40 })),
      annotations: [{ id: 1, image_id: 1, category_id: 1, bbox: [4, 4, 20, 16], area: 320, iscrowd: 0, segmentation: [[4, 4, 24, 4, 24, 20, 4, 20]] }],
    };
    await mkdir(join(root, 'data/coco/annotations'), { recursive: true });
    await writeFile(join(root, `data/coco/annotations/instances_${split}2017.json`), JSON.stringify(coco));
    await mkdir(join(root, 'data/coco', folder), { recursive: true });
    // yw check looks for the first 20 file_names
    for (const name of names.slice(0, 20)) await copyFile(image, join(root, 'data/coco', folder, name));
  }
  await mkdir(join(root, 'data/texts'), { recursive: true });
  await writeFile(join(root, 'data/texts/coco_class_texts.json'), `${JSON.stringify(COCO80.map((n) => [n]))}\n`);
  await mkdir(join(root, 'embeddings'), { recursive: true });
  const header = "{'descr': '<f4', 'fortran_order': False, 'shape': (80, 512), }".padEnd(117, ' ') + '\n';
  const prefix = Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, header.length, 0]);
  await writeFile(join(root, 'embeddings/clip_vit_b32_coco_80_embeddings.npy'), Buffer.concat([prefix, Buffer.from(header, 'latin1')]));
  for (const file of loadFroms.filter((f) => !f.startsWith('../'))) {
    await mkdir(join(root, dirname(file)), { recursive: true });
    await copyFile(weights, join(root, file));
  }
  return root;
}

async function officialConfigs(): Promise<{ name: string; config: PyDict }[]> {
  const out: { name: string; config: PyDict }[] = [];
  for (const dir of ['finetune_coco', 'prompt_tuning_coco']) {
    for (const file of (await readdir(join(official, dir))).filter((f) => f.endsWith('.json')).sort()) {
      const text = await readFile(join(official, dir, file), 'utf8');
      out.push({ name: `${dir}/${file.replace(/\.json$/, '')}`, config: decodeReferenceJson(text, file) as PyDict });
    }
  }
  return out;
}

describe('consistency checks on the 16 official resolved configs', () => {
  it('raise no false alarms: only what is genuinely true of each config', async () => {
    const configs = await officialConfigs();
    expect(configs).toHaveLength(16);
    const root = await cocoTree(configs.map((c) => c.config.get('load_from')).filter((v): v is string => typeof v === 'string'));
    const found: Record<string, string[]> = {};
    for (const { name, config } of configs) {
      const result = runChecks(await gatherCheckInput(config, `${name}.py`, root));
      expect(result.classes, name).toEqual({
        count: 80,
        source: "mmdet's COCO-80 default (no metainfo.classes; data/coco/annotations/instances_train2017.json has exactly those categories)",
      });
      const codes = result.findings.map((f) => `${f.severity} ${f.code} ${String(f.data?.key)}`);
      if (codes.length > 0) found[name] = codes;
    }
    expect(found).toEqual({
      // The two reparameterized configs load a *_rep_conv.pth that was never published (facts §1.6).
      'finetune_coco/yolo_world_v2_s_bn_2e-4_80e_8gpus_mask-refine_finetune_coco': ['error LOAD_FROM_NOT_FOUND load_from'],
      'finetune_coco/yolo_world_v2_s_rep_vlpan_bn_2e-4_80e_8gpus_mask-refine_finetune_coco': ['error LOAD_FROM_NOT_FOUND load_from'],
      // XL sets no load_from: it trains from scratch (README quirk 6).
      'finetune_coco/yolo_world_v2_xl_vlpan_bn_2e-4_80e_8gpus_mask-refine_finetune_coco': ['info LOAD_FROM_NONE load_from'],
      // Prompt tuning builds no text model: the pretrained checkpoint's text weights are ignored (issue #276).
      'prompt_tuning_coco/yolo_world_v2_l_vlpan_bn_2e-4_80e_8gpus_mask-refine_prompt_tuning_coco': ['info LOAD_FROM_MODULES_UNEXPECTED load_from'],
      'prompt_tuning_coco/yolo_world_v2_l_vlpan_bn_2e-4_80e_8gpus_prompt_tuning_coco': ['info LOAD_FROM_MODULES_UNEXPECTED load_from'],
      'prompt_tuning_coco/yolo_world_v2_l_vlpan_bn_sgd_1e-3_80e_8gpus_all_finetuning_coco': ['info LOAD_FROM_MODULES_UNEXPECTED load_from'],
    });
  });

  it('catch the COCO test_evaluator once the datasets point at custom data (issue #418)', async () => {
    const configs = await officialConfigs();
    const { config } = configs.find((c) => c.name.endsWith('v2_l_vlpan_bn_2e-4_80e_8gpus_mask-refine_finetune_coco'))!;
    const root = await cocoTree([]);
    for (const split of ['val', 'test']) {
      const inner = ((config.get(`${split}_dataloader`) as PyDict).get('dataset') as PyDict).get('dataset') as PyDict;
      inner.set('data_root', 'data/helmet');
      inner.set('ann_file', 'annotations/val.json');
    }
    const result = runChecks(await gatherCheckInput(config, 'x.py', root));
    const keys = result.findings.filter((f) => f.code === 'EVALUATOR_ANN_MISMATCH').map((f) => f.data?.key);
    expect(keys).toEqual(['test_evaluator.ann_file', 'val_evaluator.ann_file']);
  });
});
