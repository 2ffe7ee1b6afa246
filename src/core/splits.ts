/** The dataset splits mmengine configs and Ultralytics data.yaml name, in training order. */
export const SPLITS = ['train', 'val', 'test'] as const;
export type Split = (typeof SPLITS)[number];
