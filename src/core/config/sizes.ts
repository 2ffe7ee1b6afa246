/**
 * Per-size facts (yolo-world-facts §1.5, §2, §3). xl has no mmyolo base: it is the x base with
 * deepen 1.0 / widen 1.5 set on the backbone, neck and head module (official F13).
 */
export const SIZES = ['s', 'm', 'l', 'x', 'xl'] as const;
export type Size = (typeof SIZES)[number];
export type BaseSize = Exclude<Size, 'xl'>;

export interface SizeFacts {
  /** The mmyolo base size (`yolov8_<base>_...`). */
  base: BaseSize;
  deepen: number;
  widen: number;
  lastStageOutChannels: number;
  affineScale: number;
  /** undefined: the mmyolo base does not define it (s), so the config must set it locally. */
  mixupProb: number | undefined;
  /** copypaste_prob in the mask-refine base; undefined for s. */
  copypasteProb: number | undefined;
  /** Published v2 checkpoint (HF wondervictor/YOLO-World), §3.5. */
  v2Weights: string;
  /** Published v1 (dual-vlpan, L2 head) checkpoint, §3.2; undefined when none was published. */
  v1Weights: string | undefined;
}

export const SIZE_FACTS: Record<Size, SizeFacts> = {
  s: {
    base: 's', deepen: 0.33, widen: 0.5, lastStageOutChannels: 1024, affineScale: 0.5,
    mixupProb: undefined, copypasteProb: undefined,
    v2Weights: 'yolo_world_v2_s_obj365v1_goldg_pretrain-55b943ea.pth',
    v1Weights: 'yolo_world_s_clip_base_dual_vlpan_2e-3adamw_32xb16_100e_o365_goldg_train_pretrained-18bea4d2.pth',
  },
  m: {
    base: 'm', deepen: 0.67, widen: 0.75, lastStageOutChannels: 768, affineScale: 0.9,
    mixupProb: 0.1, copypasteProb: 0.1,
    v2Weights: 'yolo_world_v2_m_obj365v1_goldg_pretrain-c6237d5b.pth',
    v1Weights: 'yolo_world_m_clip_base_dual_vlpan_2e-3adamw_32xb16_100e_o365_goldg_train_pretrained-2b7bd1be.pth',
  },
  l: {
    base: 'l', deepen: 1.0, widen: 1.0, lastStageOutChannels: 512, affineScale: 0.9,
    mixupProb: 0.15, copypasteProb: 0.3,
    v2Weights: 'yolo_world_v2_l_obj365v1_goldg_cc3mlite_pretrain-ca93cd1f.pth',
    v1Weights: 'yolo_world_l_clip_base_dual_vlpan_2e-3adamw_32xb16_100e_o365_goldg_train_pretrained-0e566235.pth',
  },
  x: {
    base: 'x', deepen: 1.0, widen: 1.25, lastStageOutChannels: 512, affineScale: 0.9,
    mixupProb: 0.15, copypasteProb: 0.3,
    v2Weights: 'yolo_world_v2_x_obj365v1_goldg_cc3mlite_pretrain-8698fbfa.pth',
    v1Weights: 'yolo_world_x_clip_base_dual_vlpan_2e-3adamw_32xb16_100e_o365_goldg_cc3mlite_train_pretrained-8cf6b025.pth',
  },
  xl: {
    base: 'x', deepen: 1.0, widen: 1.5, lastStageOutChannels: 512, affineScale: 0.9,
    mixupProb: 0.15, copypasteProb: 0.3,
    v2Weights: 'yolo_world_v2_xl_obj365v1_goldg_cc3mlite_pretrain-5daf1395.pth',
    v1Weights: undefined,
  },
};

/** Values YOLO-World's s configs define themselves because the s bases lack them (F9–F11). */
export const S_LOCAL_MIXUP_PROB = 0.15;
export const S_LOCAL_COPYPASTE_PROB = 0.3;

/** `yolov8_l_mask-refine_syncbn_fast_8xb16-500e_coco.py` etc. */
export function baseFileName(size: Size, maskRefine: boolean): string {
  return `yolov8_${SIZE_FACTS[size].base}_${maskRefine ? 'mask-refine_' : ''}syncbn_fast_8xb16-500e_coco.py`;
}
