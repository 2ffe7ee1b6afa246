import { dict, expr, float, tuple, type PyDict, type PyValue } from './py-value.js';
import { dataFamily } from './recipe-data.js';
import { MODE_FACTS } from './modes.js';
import type { Scope } from './scope.js';

/** Hooks, schedule, optimizer and evaluators (facts §1.4). */
export function assignRuntime(s: Scope): void {
  const { spec } = s;
  const switchEpoch = expr('max_epochs - close_mosaic_epochs', spec.epochs - spec.closeMosaic);
  s.assign('default_hooks', dict({
    param_scheduler: dict({ scheduler_type: 'linear', lr_factor: float(0.01), max_epochs: s.ref('max_epochs') }),
    checkpoint: dict({
      max_keep_ckpts: -1,
      save_best: spec.saveBest,
      rule: spec.saveBest === null ? undefined : /loss/i.test(spec.saveBest) ? 'less' : 'greater',
      interval: s.ref('save_epoch_intervals'),
    }),
  }));
  s.assign('custom_hooks', [
    dict({ type: 'EMAHook', ema_type: 'ExpMomentumEMA', momentum: float(0.0001), update_buffers: true, strict_load: false, priority: 49 }),
    dict({
      type: 'mmdet.PipelineSwitchHook',
      switch_epoch: switchEpoch,
      switch_pipeline: dataFamily(s) === 'base' ? s.base('train_pipeline_stage2') : s.ref('train_pipeline_stage2'),
    }),
  ]);
  s.assign('train_cfg', dict({
    max_epochs: s.ref('max_epochs'),
    val_interval: spec.valInterval,
    // mmengine asserts a list of tuples here (facts §1.4)
    dynamic_intervals: [tuple(switchEpoch, s.base('val_interval_stage2'))],
  }));
  s.assign('optim_wrapper', dict({
    optimizer: optimizer(s),
    paramwise_cfg: paramwise(s),
    constructor: MODE_FACTS[spec.mode].optimConstructor,
  }));
  s.assign('val_evaluator', cocoMetric(spec.val.annFromRoot));
  s.assign('test_evaluator', cocoMetric((spec.test ?? spec.val).annFromRoot));
  if (spec.mode === 'prompt' && spec.maskRefine) s.assign('find_unused_parameters', true);
}

function optimizer(s: Scope): PyDict {
  const sgd = s.spec.optimizer === 'sgd';
  return dict({
    _delete_: true,
    type: sgd ? 'SGD' : 'AdamW',
    lr: s.ref('base_lr'),
    momentum: sgd ? float(0.937) : undefined,
    nesterov: sgd ? true : undefined,
    weight_decay: s.ref('weight_decay'),
    batch_size_per_gpu: s.ref('train_batch_size_per_gpu'),
  });
}

/** None for reparam and prompt-all (F9/F10/P3); no-decay for bias/norm on xl and prompt+MR (F13, P1). */
function paramwise(s: Scope): PyValue | undefined {
  const { mode, size, maskRefine } = s.spec;
  if (!MODE_FACTS[mode].paramwise) return undefined;
  const noDecay = size === 'xl' || (mode === 'prompt' && maskRefine);
  const keys: [string, PyValue][] = [
    ['backbone.text_model', dict({ lr_mult: float(0.01) })],
    ['logit_scale', dict({ weight_decay: float(0) })],
    ...(MODE_FACTS[mode].embeddings ? ([['embeddings', dict({ weight_decay: float(0) })]] as [string, PyValue][]) : []),
  ];
  return dict({
    bias_decay_mult: noDecay ? float(0) : undefined,
    norm_decay_mult: noDecay ? float(0) : undefined,
    custom_keys: dictOf(keys),
  });
}

function dictOf(entries: [string, PyValue][]): PyDict {
  return dict(Object.fromEntries(entries));
}

function cocoMetric(annFile: string): PyDict {
  return dict({ _delete_: true, type: 'mmdet.CocoMetric', proposal_nums: tuple(100, 1, 10), ann_file: annFile, metric: 'bbox' });
}
