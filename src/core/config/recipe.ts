import { dict, expr, float, tuple, type PyValue } from './py-value.js';
import type { ConfigSpec } from './options.js';
import { assignData } from './recipe-data.js';
import { modelOverride } from './recipe-model.js';
import { assignRuntime } from './recipe-runtime.js';
import { Scope } from './scope.js';
import { SIZE_FACTS, S_LOCAL_COPYPASTE_PROB, S_LOCAL_MIXUP_PROB } from './sizes.js';

/**
 * The config as the official files write it: `_base_` is implied, then hyper-parameters, model,
 * data and runtime overrides. Both renderers start from this list.
 */
export function buildRecipe(spec: ConfigSpec): Scope {
  const s = new Scope(spec);
  const n = spec.classes.length;
  const lastStage = SIZE_FACTS[spec.size].lastStageOutChannels;
  s.assign('custom_imports', dict({ imports: ['yolo_world'], allow_failed_imports: false }));
  s.assign('class_names', tuple(...spec.classes));
  s.assign('num_classes', n);
  s.assign('num_training_classes', n);
  s.assign('max_epochs', spec.epochs);
  s.assign('close_mosaic_epochs', spec.closeMosaic);
  s.assign('save_epoch_intervals', spec.saveInterval);
  s.assign('text_channels', 512);
  s.assign('neck_embed_channels', [128, 256, expr('_base_.last_stage_out_channels // 2', lastStage / 2)]);
  s.assign('neck_num_heads', [4, 8, expr('_base_.last_stage_out_channels // 2 // 32', lastStage / 2 / 32)]);
  s.assign('base_lr', float(spec.lr));
  s.assign('weight_decay', float(spec.weightDecay));
  s.assign('train_batch_size_per_gpu', spec.batch);
  s.assign('load_from', spec.loadFrom);
  s.assign('persistent_workers', false);
  if (spec.size === 's') {
    s.assign('mixup_prob', float(S_LOCAL_MIXUP_PROB));
    s.assign('copypaste_prob', float(S_LOCAL_COPYPASTE_PROB));
  }
  if (spec.size === 'xl') {
    s.assign('deepen_factor', float(SIZE_FACTS.xl.deepen));
    s.assign('widen_factor', float(SIZE_FACTS.xl.widen));
  }
  s.assign('model', modelOverride(s));
  assignData(s);
  assignRuntime(s);
  return s;
}

/** Top-level keys mmengine's Runner (and YOLO-World's train/test scripts) read. */
export const RUNNER_KEYS = [
  'model', 'train_dataloader', 'val_dataloader', 'test_dataloader', 'train_cfg', 'val_cfg', 'test_cfg',
  'optim_wrapper', 'param_scheduler', 'val_evaluator', 'test_evaluator', 'default_hooks', 'custom_hooks',
  'load_from', 'resume', 'default_scope', 'env_cfg', 'log_processor', 'log_level', 'visualizer',
  'custom_imports', 'find_unused_parameters', 'tta_model', 'tta_pipeline', 'work_dir', 'launcher',
  'randomness', 'auto_scale_lr', 'data_preprocessor', 'model_wrapper_cfg', 'sync_bn', 'compile',
  'experiment_name', 'activation_checkpointing', 'efficient_conv_bn_eval',
] as const;

export type Assignments = [string, PyValue][];
