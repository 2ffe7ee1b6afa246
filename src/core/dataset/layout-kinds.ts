/** The dataset layouts `yw convert` reads, in the order auto-detection tries them. */
export const LAYOUTS = ['split-folders', 'ultralytics', 'single', 'side-by-side'] as const;
export type LayoutKind = (typeof LAYOUTS)[number];

/** What each layout looks like; shown when nothing matches. */
export const LAYOUT_DESCRIPTIONS: Record<LayoutKind, string> = {
  'split-folders': '<split>/images/ + <split>/labels/ (split folders: train, val, valid, validation, test, ...; Roboflow)',
  ultralytics: 'images/<split>/ + labels/<split>/, optional data.yaml (Ultralytics)',
  single: 'images/ + labels/, optional train.txt/val.txt/test.txt (single folder)',
  'side-by-side': 'images with their .txt labels in the same folder (side by side, darknet)',
};
