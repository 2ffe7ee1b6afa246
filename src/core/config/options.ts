import type { Size } from './sizes.js';

/** Choices of `yw config`; --help lists these same constants. */
/** prompt-all: prompt embeddings frozen, everything else trained (official `all_finetuning` config). */
export const MODES = ['finetune', 'prompt', 'reparam', 'prompt-all'] as const;
export const NECKS = ['vlpan', 'efficient', 'dual-vlpan'] as const;
export const OPTIMIZERS = ['adamw', 'sgd'] as const;
/** bn: v2 BatchNorm contrastive head; l2: v1 L2-norm head (what dual-vlpan and v1 weights use). */
export const HEADS = ['bn', 'l2'] as const;
export const STYLES = ['inherit', 'standalone'] as const;
export type Mode = (typeof MODES)[number];
export type Neck = (typeof NECKS)[number];
export type Optimizer = (typeof OPTIMIZERS)[number];
export type Head = (typeof HEADS)[number];
export type Style = (typeof STYLES)[number];

/** Official optimizer defaults (facts §1.4): AdamW 2e-4 / 0.05, SGD 1e-3 / 5e-4. */
export const OPTIMIZER_DEFAULTS: Record<Optimizer, { lr: number; weightDecay: number }> = {
  adamw: { lr: 2e-4, weightDecay: 0.05 },
  sgd: { lr: 1e-3, weightDecay: 5e-4 },
};

export const DEFAULT_EPOCHS = 80;
export const DEFAULT_CLOSE_MOSAIC = 10;
export const DEFAULT_BATCH = 16;
export const DEFAULT_SAVE_INTERVAL = 5;
export const DEFAULT_VAL_INTERVAL = 5;
/** The metric `save_best='auto'` picks for CocoMetric; written explicitly with rule='greater'. */
export const AUTO_SAVE_BEST = 'coco/bbox_mAP';

export interface SplitPaths {
  /** ann_file relative to data_root. */
  ann: string;
  /** data_prefix.img relative to data_root, trailing slash. */
  images: string;
  /** The annotation file relative to the YOLO-World root (for CocoMetric). */
  annFromRoot: string;
}

/** Everything the config model needs, already validated and with paths relative to the YOLO-World root. */
export interface ConfigSpec {
  mode: Mode;
  size: Size;
  maskRefine: boolean;
  neck: Neck;
  head: Head;
  optimizer: Optimizer;
  lr: number;
  weightDecay: number;
  epochs: number;
  closeMosaic: number;
  batch: number;
  gpus: number;
  saveInterval: number;
  valInterval: number;
  workers: number | undefined;
  /** Metric key for save_best, or null for none. */
  saveBest: string | null;
  classes: readonly string[];
  dataRoot: string;
  train: SplitPaths;
  val: SplitPaths;
  test: SplitPaths | undefined;
  /** class_text_path (finetune). */
  texts: string;
  /** embedding_path (prompt). */
  embeddings: string;
  loadFrom: string | null;
}
