/** The dataset splits mmengine configs and Ultralytics data.yaml name, in training order. */
export const SPLITS = ['train', 'val', 'test'] as const;
export type Split = (typeof SPLITS)[number];

/**
 * The names exporters give each split, lower case: `valid` (Roboflow, CVAT YOLO 1.1, darknet
 * `obj.data`), `validation` (Ultralytics renames that data.yaml key to `val`; CVAT subsets). A folder,
 * list file, data.yaml or obj.data key named like one of these (any case) is that split; yw writes
 * and looks for the canonical name only (`annotations/val.json`).
 */
export const SPLIT_ALIASES: Readonly<Record<Split, readonly string[]>> = {
  train: ['train', 'training'],
  val: ['val', 'valid', 'validation'],
  test: ['test', 'testing'],
};

/** Every split name read, canonical names first (for messages and folder matching). */
export const SPLIT_NAMES: readonly string[] = [...SPLITS, ...SPLITS.flatMap((s) => SPLIT_ALIASES[s].filter((a) => a !== s))];

const BY_NAME = new Map(SPLITS.flatMap((split) => SPLIT_ALIASES[split].map((alias) => [alias, split] as const)));

/** The split a folder, list or key name stands for (`Valid` → `val`), or undefined. */
export function splitOf(name: string): Split | undefined {
  return BY_NAME.get(name.toLowerCase());
}
