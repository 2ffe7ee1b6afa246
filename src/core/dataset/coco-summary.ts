import { z } from 'zod';
import { YwError } from '../../errors.js';
import { zodIssueLines } from '../zod-issues.js';

/**
 * What yw reads back from a COCO detection JSON (its own output or anyone's): categories in file
 * order (= the label order mmdet trains with), counts, polygon presence, and the `info.yw` block
 * that `yw convert` writes so other commands know the split and image folder.
 */
export interface CocoSummary {
  categories: { id: number; name: string }[];
  images: number;
  annotations: number;
  /** Annotations whose `segmentation` is a non-empty polygon list (what mask-refine needs). */
  withPolygon: number;
  /** The split and image folder (relative to the dataset root, trailing slash) yw convert recorded. */
  yw?: { split: string; dataPrefix: string };
}

const categorySchema = z.object({ id: z.number().int(), name: z.string() }).loose();
const annotationSchema = z.object({ segmentation: z.unknown().optional() }).loose();
const cocoSchema = z
  .object({
    info: z.object({ yw: z.object({ split: z.string(), data_prefix: z.string() }).optional() }).loose().optional(),
    images: z.array(z.unknown()),
    annotations: z.array(annotationSchema),
    categories: z.array(categorySchema).min(1),
  })
  .loose();

export function summarizeCoco(json: unknown, file: string): CocoSummary {
  const parsed = cocoSchema.safeParse(json);
  if (!parsed.success) {
    const lines = zodIssueLines(parsed.error).slice(0, 3).join('; ');
    throw new YwError('COCO_INVALID', `${file} is not a COCO detection file: ${lines}`, {
      file,
      hint: 'expected "images", "annotations" and a non-empty "categories" list',
    });
  }
  const coco = parsed.data;
  const summary: CocoSummary = {
    categories: coco.categories.map(({ id, name }) => ({ id, name })),
    images: coco.images.length,
    annotations: coco.annotations.length,
    withPolygon: coco.annotations.filter((a) => isPolygon(a.segmentation)).length,
  };
  const yw = coco.info?.yw;
  if (yw) summary.yw = { split: yw.split, dataPrefix: yw.data_prefix };
  return summary;
}

/** A COCO polygon list with at least one ring of ≥ 3 points, which mmyolo's mask loading keeps. */
export function isPolygon(segmentation: unknown): boolean {
  return (
    Array.isArray(segmentation) &&
    segmentation.some((ring) => Array.isArray(ring) && ring.length >= 6 && ring.length % 2 === 0)
  );
}
