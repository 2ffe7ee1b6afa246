/** The proof-of-correctness table of issue 4: official config (configs/…) → yw options. */
export const COMMON = [
  '--data', 'data/coco', '--train-ann', 'annotations/instances_train2017.json', '--train-images', 'train2017/',
  '--val-ann', 'annotations/instances_val2017.json', '--val-images', 'val2017/',
  '--texts', 'data/texts/coco_class_texts.json', '--save-best', 'none', '--batch', '16', '--gpus', '8',
];
const PROMPT = ['--embeddings', 'embeddings/clip_vit_b32_coco_80_embeddings.npy'];
export const REP_WEIGHTS = 'pretrained_models/rep/yolo_world_v2_s_obj365v1_goldg_pretrain-55b943ea_rep_conv.pth';
const REP = ['--weights', REP_WEIGHTS, ...PROMPT];

const V2 = {
  s: 'pretrained_models/yolo_world_v2_s_obj365v1_goldg_pretrain-55b943ea.pth',
  m: 'pretrained_models/yolo_world_v2_m_obj365v1_goldg_pretrain-c6237d5b.pth',
  l: 'pretrained_models/yolo_world_v2_l_obj365v1_goldg_cc3mlite_pretrain-ca93cd1f.pth',
  x: 'pretrained_models/yolo_world_v2_x_obj365v1_goldg_cc3mlite_pretrain-8698fbfa.pth',
  xl: 'pretrained_models/yolo_world_v2_xl_obj365v1_goldg_cc3mlite_pretrain-5daf1395.pth',
};
const V1_L = 'pretrained_models/yolo_world_l_clip_base_dual_vlpan_2e-3adamw_32xb16_100e_o365_goldg_train_pretrained-0e566235.pth';

export interface Row {
  official: string;
  args: string[];
  /** The load_from yw writes (published name, or the --weights given). */
  loadFrom: string;
}

export const ROWS: Row[] = [
  { official: 'finetune_coco/yolo_world_l_dual_vlpan_2e-4_80e_8gpus_finetune_coco', args: ['--mode', 'finetune', '--size', 'l', '--no-mask-refine', '--neck', 'dual-vlpan'], loadFrom: V1_L },
  { official: 'finetune_coco/yolo_world_l_dual_vlpan_2e-4_80e_8gpus_mask-refine_finetune_coco', args: ['--mode', 'finetune', '--size', 'l', '--mask-refine', '--neck', 'dual-vlpan'], loadFrom: V1_L },
  // optional row of the issue: the v1 efficient-neck config (L2 head, v1 weights)
  { official: 'finetune_coco/yolo_world_l_efficient_neck_2e-4_80e_8gpus_mask-refine_finetune_coco', args: ['--mode', 'finetune', '--size', 'l', '--mask-refine', '--neck', 'efficient', '--head', 'l2'], loadFrom: V1_L },
  { official: 'finetune_coco/yolo_world_v2_l_efficient_neck_2e-4_80e_8gpus_mask-refine_finetune_coco', args: ['--mode', 'finetune', '--size', 'l', '--mask-refine', '--neck', 'efficient'], loadFrom: V2.l },
  { official: 'finetune_coco/yolo_world_v2_l_vlpan_bn_2e-4_80e_8gpus_mask-refine_finetune_coco', args: ['--mode', 'finetune', '--size', 'l', '--mask-refine', '--neck', 'vlpan'], loadFrom: V2.l },
  { official: 'finetune_coco/yolo_world_v2_l_vlpan_bn_sgd_1e-3_40e_8gpus_finetune_coco', args: ['--mode', 'finetune', '--size', 'l', '--no-mask-refine', '--neck', 'vlpan', '--optimizer', 'sgd', '--epochs', '40', '--close-mosaic', '30'], loadFrom: V2.l },
  { official: 'finetune_coco/yolo_world_v2_l_vlpan_bn_sgd_1e-3_80e_8gpus_mask-refine_finetune_coco', args: ['--mode', 'finetune', '--size', 'l', '--mask-refine', '--neck', 'vlpan', '--optimizer', 'sgd'], loadFrom: V2.l },
  { official: 'finetune_coco/yolo_world_v2_m_vlpan_bn_2e-4_80e_8gpus_mask-refine_finetune_coco', args: ['--mode', 'finetune', '--size', 'm', '--mask-refine', '--neck', 'vlpan'], loadFrom: V2.m },
  { official: 'finetune_coco/yolo_world_v2_s_bn_2e-4_80e_8gpus_mask-refine_finetune_coco', args: ['--mode', 'reparam', '--size', 's', '--mask-refine', '--neck', 'efficient', ...REP], loadFrom: REP_WEIGHTS },
  { official: 'finetune_coco/yolo_world_v2_s_rep_vlpan_bn_2e-4_80e_8gpus_mask-refine_finetune_coco', args: ['--mode', 'reparam', '--size', 's', '--mask-refine', '--neck', 'vlpan', ...REP], loadFrom: REP_WEIGHTS },
  { official: 'finetune_coco/yolo_world_v2_s_vlpan_bn_2e-4_80e_8gpus_mask-refine_finetune_coco', args: ['--mode', 'finetune', '--size', 's', '--mask-refine', '--neck', 'vlpan'], loadFrom: V2.s },
  { official: 'finetune_coco/yolo_world_v2_x_vlpan_bn_2e-4_80e_8gpus_mask-refine_finetune_coco', args: ['--mode', 'finetune', '--size', 'x', '--mask-refine', '--neck', 'vlpan'], loadFrom: V2.x },
  { official: 'finetune_coco/yolo_world_v2_xl_vlpan_bn_2e-4_80e_8gpus_mask-refine_finetune_coco', args: ['--mode', 'finetune', '--size', 'xl', '--mask-refine', '--neck', 'vlpan'], loadFrom: V2.xl },
  { official: 'prompt_tuning_coco/yolo_world_v2_l_vlpan_bn_2e-4_80e_8gpus_mask-refine_prompt_tuning_coco', args: ['--mode', 'prompt', '--size', 'l', '--mask-refine', '--lr', '2e-3', ...PROMPT], loadFrom: V2.l },
  // optional row of the issue: all parameters trained, prompts frozen (named 80e, but 40 epochs)
  { official: 'prompt_tuning_coco/yolo_world_v2_l_vlpan_bn_sgd_1e-3_80e_8gpus_all_finetuning_coco', args: ['--mode', 'prompt-all', '--size', 'l', '--no-mask-refine', '--optimizer', 'sgd', '--epochs', '40', ...PROMPT], loadFrom: V2.l },
  { official: 'prompt_tuning_coco/yolo_world_v2_l_vlpan_bn_2e-4_80e_8gpus_prompt_tuning_coco', args: ['--mode', 'prompt', '--size', 'l', '--no-mask-refine', ...PROMPT], loadFrom: V2.l },
];

/** Top-level keys mmengine's Runner reads (reference README); helpers may differ freely. */
export const RUNNER_KEYS = ('model train_dataloader val_dataloader test_dataloader train_cfg val_cfg test_cfg optim_wrapper ' +
  'param_scheduler val_evaluator test_evaluator default_hooks custom_hooks load_from resume default_scope env_cfg ' +
  'log_processor log_level visualizer custom_imports find_unused_parameters tta_model tta_pipeline work_dir launcher ' +
  'randomness auto_scale_lr data_preprocessor model_wrapper_cfg sync_bn compile experiment_name ' +
  'activation_checkpointing efficient_conv_bn_eval').split(' ');
