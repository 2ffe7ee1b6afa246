import { PyDict, dict, float, tuple, type PyValue } from './py-value.js';
import { IMG_SCALE, basePipelines, lastTransform, preTransform, scalingRange, testPipeline } from './mmyolo-pipelines.js';
import { SIZE_FACTS, type BaseSize } from './sizes.js';

/**
 * The resolved mmyolo v0.6.0 base `yolov8_<size>_[mask-refine_]syncbn_fast_8xb16-500e_coco.py`:
 * every runner key plus the helpers YOLO-World configs read through `_base_.x`. The standalone
 * renderer merges a config's overrides into this, as mmengine would; tests check it against the
 * resolved bases (fixtures/config-reference/mmyolo).
 */
export function mmyoloBase(size: BaseSize, mr: boolean): PyDict {
  const f = SIZE_FACTS[size];
  const pipelines = basePipelines(size, mr);
  const norm = () => dict({ type: 'BN', momentum: float(0.03), eps: float(0.001) });
  const act = () => dict({ type: 'SiLU', inplace: true });
  const channels = () => [256, 512, f.lastStageOutChannels];
  const cocoMetric = () => dict({ type: 'mmdet.CocoMetric', proposal_nums: tuple(100, 1, 10), ann_file: 'data/coco/annotations/instances_val2017.json', metric: 'bbox' });
  const valLoader = dict({
    batch_size: 1, num_workers: 2, persistent_workers: true, pin_memory: true, drop_last: false,
    sampler: dict({ type: 'DefaultSampler', shuffle: false }),
    dataset: dict({
      type: 'YOLOv5CocoDataset', data_root: 'data/coco/', test_mode: true, data_prefix: dict({ img: 'val2017/' }),
      ann_file: 'annotations/instances_val2017.json', pipeline: pipelines.test, batch_shapes_cfg: null,
    }),
  });
  const fields: Record<string, PyValue | undefined> = {
    img_scale: IMG_SCALE(),
    affine_scale: float(f.affineScale),
    mixup_prob: f.mixupProb === undefined ? undefined : float(f.mixupProb),
    copypaste_prob: mr && f.copypasteProb !== undefined ? float(f.copypasteProb) : undefined,
    min_area_ratio: mr ? float(0.01) : undefined,
    use_mask2refine: mr ? true : undefined,
    last_stage_out_channels: f.lastStageOutChannels,
    val_interval_stage2: 1,
    pre_transform: preTransform(mr),
    last_transform: lastTransform(mr),
    train_pipeline: pipelines.train,
    train_pipeline_stage2: pipelines.stage2,
    test_pipeline: testPipeline(),
    model: dict({
      type: 'YOLODetector',
      data_preprocessor: dict({ type: 'YOLOv5DetDataPreprocessor', mean: [float(0), float(0), float(0)], std: [float(255), float(255), float(255)], bgr_to_rgb: true }),
      backbone: dict({ type: 'YOLOv8CSPDarknet', arch: 'P5', last_stage_out_channels: f.lastStageOutChannels, deepen_factor: float(f.deepen), widen_factor: float(f.widen), norm_cfg: norm(), act_cfg: act() }),
      neck: dict({ type: 'YOLOv8PAFPN', deepen_factor: float(f.deepen), widen_factor: float(f.widen), in_channels: channels(), out_channels: channels(), num_csp_blocks: 3, norm_cfg: norm(), act_cfg: act() }),
      bbox_head: dict({
        type: 'YOLOv8Head',
        head_module: dict({ type: 'YOLOv8HeadModule', num_classes: 80, in_channels: channels(), widen_factor: float(f.widen), reg_max: 16, norm_cfg: norm(), act_cfg: act(), featmap_strides: [8, 16, 32] }),
        prior_generator: dict({ type: 'mmdet.MlvlPointGenerator', offset: float(0.5), strides: [8, 16, 32] }),
        bbox_coder: dict({ type: 'DistancePointBBoxCoder' }),
        loss_cls: dict({ type: 'mmdet.CrossEntropyLoss', use_sigmoid: true, reduction: 'none', loss_weight: float(0.5) }),
        loss_bbox: dict({ type: 'IoULoss', iou_mode: 'ciou', bbox_format: 'xyxy', reduction: 'sum', loss_weight: float(7.5), return_iou: false }),
        loss_dfl: dict({ type: 'mmdet.DistributionFocalLoss', reduction: 'mean', loss_weight: float(0.375) }),
      }),
      train_cfg: dict({ assigner: dict({ type: 'BatchTaskAlignedAssigner', num_classes: 80, use_ciou: true, topk: 10, alpha: float(0.5), beta: float(6), eps: float(1e-9) }) }),
      test_cfg: dict({ multi_label: true, nms_pre: 30000, score_thr: float(0.001), nms: dict({ type: 'nms', iou_threshold: float(0.7) }), max_per_img: 300 }),
    }),
    train_dataloader: dict({
      batch_size: 16, num_workers: 8, persistent_workers: true, pin_memory: true,
      sampler: dict({ type: 'DefaultSampler', shuffle: true }),
      collate_fn: dict({ type: 'yolov5_collate' }),
      dataset: dict({
        type: 'YOLOv5CocoDataset', data_root: 'data/coco/', ann_file: 'annotations/instances_train2017.json',
        data_prefix: dict({ img: 'train2017/' }), filter_cfg: dict({ filter_empty_gt: false, min_size: 32 }), pipeline: pipelines.train,
      }),
    }),
    val_dataloader: valLoader,
    test_dataloader: valLoader,
    param_scheduler: null,
    optim_wrapper: dict({
      type: 'OptimWrapper', clip_grad: dict({ max_norm: float(10) }),
      optimizer: dict({ type: 'SGD', lr: float(0.01), momentum: float(0.937), weight_decay: float(0.0005), nesterov: true, batch_size_per_gpu: 16 }),
      constructor: 'YOLOv5OptimizerConstructor',
    }),
    ...runtime(size, pipelines.stage2),
    val_evaluator: cocoMetric(),
    test_evaluator: cocoMetric(),
  };
  return dict(fields);
}

function runtime(size: BaseSize, stage2: PyValue): Record<string, PyValue> {
  const tta = (scale: number) => dict({
    type: 'Compose',
    transforms: [
      dict({ type: 'YOLOv5KeepRatioResize', scale: tuple(scale, scale) }),
      dict({ type: 'LetterResize', scale: tuple(scale, scale), allow_scale_up: false, pad_val: dict({ img: 114 }) }),
    ],
  });
  void size;
  return {
    default_hooks: dict({
      timer: dict({ type: 'IterTimerHook' }),
      logger: dict({ type: 'LoggerHook', interval: 50 }),
      param_scheduler: dict({ type: 'YOLOv5ParamSchedulerHook', scheduler_type: 'linear', lr_factor: float(0.01), max_epochs: 500 }),
      checkpoint: dict({ type: 'CheckpointHook', interval: 10, save_best: 'auto', max_keep_ckpts: 2 }),
      sampler_seed: dict({ type: 'DistSamplerSeedHook' }),
      visualization: dict({ type: 'mmdet.DetVisualizationHook' }),
    }),
    custom_hooks: [
      dict({ type: 'EMAHook', ema_type: 'ExpMomentumEMA', momentum: float(0.0001), update_buffers: true, strict_load: false, priority: 49 }),
      dict({ type: 'mmdet.PipelineSwitchHook', switch_epoch: 490, switch_pipeline: stage2 }),
    ],
    train_cfg: dict({ type: 'EpochBasedTrainLoop', max_epochs: 500, val_interval: 10, dynamic_intervals: [tuple(490, 1)] }),
    val_cfg: dict({ type: 'ValLoop' }),
    test_cfg: dict({ type: 'TestLoop' }),
    default_scope: 'mmyolo',
    env_cfg: dict({ cudnn_benchmark: true, mp_cfg: dict({ mp_start_method: 'fork', opencv_num_threads: 0 }), dist_cfg: dict({ backend: 'nccl' }) }),
    visualizer: dict({ type: 'mmdet.DetLocalVisualizer', vis_backends: [dict({ type: 'LocalVisBackend' })], name: 'visualizer' }),
    log_processor: dict({ type: 'LogProcessor', window_size: 50, by_epoch: true }),
    log_level: 'INFO',
    load_from: null,
    resume: false,
    tta_model: dict({ type: 'mmdet.DetTTAModel', tta_cfg: dict({ nms: dict({ type: 'nms', iou_threshold: float(0.65) }), max_per_img: 300 }) }),
    tta_pipeline: [
      dict({ type: 'LoadImageFromFile', backend_args: null }),
      dict({
        type: 'TestTimeAug',
        transforms: [
          [tta(640), tta(320), tta(960)],
          [dict({ type: 'mmdet.RandomFlip', prob: float(1) }), dict({ type: 'mmdet.RandomFlip', prob: float(0) })],
          [dict({ type: 'mmdet.LoadAnnotations', with_bbox: true })],
          [dict({ type: 'mmdet.PackDetInputs', meta_keys: tuple('img_id', 'img_path', 'ori_shape', 'img_shape', 'scale_factor', 'pad_param', 'flip', 'flip_direction') })],
        ],
      }),
    ],
  };
}

export { scalingRange };
