import { dict, float, tuple, type PyDict, type PyTuple } from './py-value.js';
import { SIZE_FACTS, type BaseSize } from './sizes.js';

/**
 * The data pipelines of the mmyolo v0.6.0 YOLOv8 bases, resolved (what `_base_.pre_transform` etc.
 * evaluate to). Literal types follow the source: e.g. `pad_val=114.0` in Mosaic but `114` in the
 * test LetterResize, and `max_aspect_ratio` is `100.0` only in the m/l/x mask-refine train pipeline.
 */
export const IMG_SCALE = (): PyTuple => tuple(640, 640);

export function preTransform(mr: boolean): PyDict[] {
  const ann = mr ? dict({ type: 'LoadAnnotations', with_bbox: true, with_mask: true, mask2bbox: true }) : dict({ type: 'LoadAnnotations', with_bbox: true });
  return [dict({ type: 'LoadImageFromFile', backend_args: null }), ann];
}

export function lastTransform(mr: boolean): PyDict[] {
  const albu = dict({
    type: 'mmdet.Albu',
    transforms: ['Blur', 'MedianBlur', 'ToGray', 'CLAHE'].map((type) => dict({ type, p: float(0.01) })),
    bbox_params: dict({ type: 'BboxParams', format: 'pascal_voc', label_fields: ['gt_bboxes_labels', 'gt_ignore_flags'] }),
    keymap: dict({ img: 'image', gt_bboxes: 'bboxes' }),
  });
  const pack = dict({ type: 'mmdet.PackDetInputs', meta_keys: tuple('img_id', 'img_path', 'ori_shape', 'img_shape', 'flip', 'flip_direction') });
  const tail = [albu, dict({ type: 'YOLOv5HSVRandomAug' }), dict({ type: 'mmdet.RandomFlip', prob: float(0.5) }), pack];
  return mr ? [dict({ type: 'RemoveDataElement', keys: ['gt_masks'] }), ...tail] : tail;
}

/** `(1 - affine_scale, 1 + affine_scale)` computed in floats, as Python does (0.09999999999999998). */
export function scalingRange(affineScale: number): PyTuple {
  return tuple(float(1 - affineScale), float(1 + affineScale));
}

const maskRefineArgs = (mr: boolean) => (mr ? { min_area_ratio: float(0.01), use_mask_refine: true } : {});

function baseTrainPipeline(size: BaseSize, mr: boolean): PyDict[] {
  const facts = SIZE_FACTS[size];
  const pre = preTransform(mr);
  const mosaic = dict({ type: 'Mosaic', img_scale: IMG_SCALE(), pad_val: float(114), pre_transform: pre });
  const floatAspect = mr && size !== 's';
  const affine = dict({
    type: 'YOLOv5RandomAffine',
    max_rotate_degree: float(0),
    max_shear_degree: float(0),
    scaling_ratio_range: scalingRange(facts.affineScale),
    max_aspect_ratio: floatAspect ? float(100) : 100,
    border: tuple(-320, -320),
    border_val: tuple(114, 114, 114),
    ...maskRefineArgs(mr),
  });
  if (size === 's') return [...pre, mosaic, affine, ...lastTransform(mr)];
  const copyPaste = mr ? [dict({ type: 'YOLOv5CopyPaste', prob: float(facts.copypasteProb!) })] : [];
  const mosaicAffine = [mosaic, ...copyPaste, affine];
  const mixup = dict({ type: 'YOLOv5MixUp', prob: float(facts.mixupProb!), pre_transform: [...pre, ...mosaicAffine] });
  return [...pre, ...mosaicAffine, mixup, ...lastTransform(mr)];
}

function baseStage2(size: BaseSize, mr: boolean): PyDict[] {
  return [
    ...preTransform(mr),
    dict({ type: 'YOLOv5KeepRatioResize', scale: IMG_SCALE() }),
    dict({ type: 'LetterResize', scale: IMG_SCALE(), allow_scale_up: true, pad_val: dict({ img: float(114) }) }),
    dict({
      type: 'YOLOv5RandomAffine',
      max_rotate_degree: float(0),
      max_shear_degree: float(0),
      scaling_ratio_range: scalingRange(SIZE_FACTS[size].affineScale),
      max_aspect_ratio: 100,
      border_val: tuple(114, 114, 114),
      ...maskRefineArgs(mr),
    }),
    ...lastTransform(mr),
  ];
}

export function testPipeline(): PyDict[] {
  return [
    dict({ type: 'LoadImageFromFile', backend_args: null }),
    dict({ type: 'YOLOv5KeepRatioResize', scale: IMG_SCALE() }),
    dict({ type: 'LetterResize', scale: IMG_SCALE(), allow_scale_up: false, pad_val: dict({ img: 114 }) }),
    dict({ type: 'LoadAnnotations', with_bbox: true, _scope_: 'mmdet' }),
    dict({ type: 'mmdet.PackDetInputs', meta_keys: tuple('img_id', 'img_path', 'ori_shape', 'img_shape', 'scale_factor', 'pad_param') }),
  ];
}

export const basePipelines = (size: BaseSize, mr: boolean) => ({
  train: baseTrainPipeline(size, mr),
  stage2: baseStage2(size, mr),
  test: testPipeline(),
});
