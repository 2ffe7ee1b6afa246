import type { Severity } from '../findings.js';
import type { Split } from '../splits.js';
import type { CocoSummary } from './coco-summary.js';

/**
 * An annotation file with nothing to learn from or score against. Train without boxes trains every
 * image as background (loss_bbox 0); a split without images gives the loop nothing to run; val/test
 * without boxes give COCOeval no ground truth, so every mAP is -1.
 */
export function emptyAnnotations(split: Split, summary: CocoSummary): { severity: Severity; why: string } | undefined {
  const what = split === 'train' ? 'to train on' : split === 'val' ? 'to validate on' : 'to test on';
  if (summary.images === 0) {
    const orphans = summary.annotations > 0 ? ` (its ${summary.annotations} annotations belong to no image)` : '';
    return { severity: 'error', why: `has no images${orphans}: there is nothing ${what}` };
  }
  if (summary.annotations > 0) return undefined;
  const images = `${summary.images} ${summary.images === 1 ? 'image' : 'images'}`;
  return split === 'train'
    ? { severity: 'error', why: `has ${images} but no annotations: every image trains as background and loss_bbox stays 0` }
    : { severity: 'warning', why: `has ${images} but no annotations: with no ground truth every COCO mAP is -1, so save_best keeps the first checkpoint it scores` };
}

/**
 * Categories without a single box in the file. They still become classes (label and class text),
 * which the model never sees a box of; Roboflow's COCO export lists the project name as category 0 this way.
 */
export function unusedCategories(summary: CocoSummary): { id: number; name: string }[] {
  if (summary.annotations === 0) return [];
  return summary.categories.filter((c) => !summary.perCategory.get(c.id));
}
