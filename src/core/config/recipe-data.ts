import { dict, expr, float, tuple, type PyDict, type PyValue } from './py-value.js';
import { scalingRange } from './mmyolo-pipelines.js';
import type { SplitPaths } from './options.js';
import { MODE_FACTS } from './modes.js';
import type { Scope } from './scope.js';
import { SIZE_FACTS } from './sizes.js';

/**
 * Pipelines, datasets and dataloaders. Three families (facts §1.3): `mm` = MultiModalDataset with
 * texts (finetune), `plain` = YOLOv5CocoDataset with the pipeline spelled out (reparam, prompt with
 * mask-refine; F9/F10/P1), `base` = the mmyolo pipelines as they are (prompt without mask-refine; P2, P3).
 */
export type DataFamily = 'mm' | 'plain' | 'base';

export function dataFamily(s: Scope): DataFamily {
  const facts = MODE_FACTS[s.spec.mode];
  if (facts.textModel) return 'mm';
  return facts.embeddings && !s.spec.maskRefine ? 'base' : 'plain';
}

export function assignData(s: Scope): void {
  const family = dataFamily(s);
  if (family !== 'base') assignPipelines(s, family === 'mm');
  const trainPipeline = family === 'base' ? s.base('train_pipeline') : s.ref('train_pipeline');
  const testPipeline = family === 'base' ? s.base('test_pipeline') : s.ref('test_pipeline');
  s.assign('coco_train_dataset', dataset(s, family, s.spec.train, trainPipeline));
  s.assign('train_dataloader', dict({
    persistent_workers: s.ref('persistent_workers'),
    batch_size: s.ref('train_batch_size_per_gpu'),
    num_workers: s.spec.workers,
    collate_fn: dict({ type: 'yolow_collate' }),
    dataset: s.ref('coco_train_dataset'),
  }));
  s.assign('coco_val_dataset', dataset(s, family, s.spec.val, testPipeline));
  s.assign('val_dataloader', dict({ dataset: s.ref('coco_val_dataset') }));
  if (s.spec.test) {
    s.assign('coco_test_dataset', dataset(s, family, s.spec.test, testPipeline));
    s.assign('test_dataloader', dict({ dataset: s.ref('coco_test_dataset') }));
  } else {
    s.assign('test_dataloader', s.ref('val_dataloader'));
  }
}

function dataset(s: Scope, family: DataFamily, split: SplitPaths, pipeline: PyValue): PyDict {
  const inner = {
    type: 'YOLOv5CocoDataset',
    metainfo: dict({ classes: s.ref('class_names') }),
    data_root: s.spec.dataRoot,
    ann_file: split.ann,
    data_prefix: dict({ img: split.images }),
    filter_cfg: dict({ filter_empty_gt: false, min_size: 32 }),
  };
  if (family !== 'mm') return dict({ ...inner, pipeline });
  return dict({ _delete_: true, type: 'MultiModalDataset', dataset: dict(inner), class_text_path: s.spec.texts, pipeline });
}

function assignPipelines(s: Scope, texts: boolean): void {
  const { maskRefine, size } = s.spec;
  const pack = (keys: string[]) => dict({ type: 'mmdet.PackDetInputs', meta_keys: tuple(...keys) });
  const trainKeys = ['img_id', 'img_path', 'ori_shape', 'img_shape', 'flip', 'flip_direction', ...(texts ? ['texts'] : [])];
  const finalName = texts ? 'text_transform' : 'final_transform';
  s.assign(finalName, [
    ...(texts ? [dict({
      type: 'RandomLoadText',
      num_neg_samples: tuple(s.ref('num_classes'), s.ref('num_classes')),
      max_num_samples: s.ref('num_training_classes'),
      padding_to_max: true,
      padding_value: '',
    })] : []),
    pack(trainKeys),
  ]);
  const local = size === 's';
  const prob = (name: string) => (local ? s.ref(name) : s.base(name));
  const affineValue = scalingRange(SIZE_FACTS[size].affineScale);
  s.assign('mosaic_affine_transform', [
    dict({ type: texts ? 'MultiModalMosaic' : 'Mosaic', img_scale: s.base('img_scale'), pad_val: float(114), pre_transform: s.base('pre_transform') }),
    ...(maskRefine ? [dict({ type: 'YOLOv5CopyPaste', prob: prob('copypaste_prob') })] : []),
    dict({
      type: 'YOLOv5RandomAffine',
      max_rotate_degree: float(0),
      max_shear_degree: float(0),
      max_aspect_ratio: float(100),
      scaling_ratio_range: expr('(1 - _base_.affine_scale, 1 + _base_.affine_scale)', affineValue),
      border: expr('(-_base_.img_scale[0] // 2, -_base_.img_scale[1] // 2)', tuple(-320, -320)),
      border_val: tuple(114, 114, 114),
      min_area_ratio: maskRefine ? s.base('min_area_ratio') : undefined,
      use_mask_refine: maskRefine ? s.base('use_mask2refine') : undefined,
    }),
  ]);
  s.assign('train_pipeline', [
    s.baseSpread('pre_transform'),
    s.spreadRef('mosaic_affine_transform'),
    dict({
      type: texts ? 'YOLOv5MultiModalMixUp' : 'YOLOv5MixUp',
      prob: prob('mixup_prob'),
      pre_transform: [s.baseSpread('pre_transform'), s.spreadRef('mosaic_affine_transform')],
    }),
    s.baseSpread('last_transform', true),
    s.spreadRef(finalName),
  ]);
  s.assign('train_pipeline_stage2', [s.baseSpread('train_pipeline_stage2', true), s.spreadRef(finalName)]);
  const testKeys = ['img_id', 'img_path', 'ori_shape', 'img_shape', 'scale_factor', 'pad_param', ...(texts ? ['texts'] : [])];
  s.assign('test_pipeline', [s.baseSpread('test_pipeline', true), ...(texts ? [dict({ type: 'LoadText' })] : []), pack(testKeys)]);
}
