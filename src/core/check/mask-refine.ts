import type { Finding } from '../findings.js';
import { findDatasets } from './datasets.js';
import { isUnreadable, type CheckInput } from './input.js';
import { issue } from './issue.js';
import { findByType } from './walk.js';
import type { PyValue } from '../config-reader/values.js';

/**
 * mmyolo's LoadAnnotations(with_mask=True, mask2bbox=True) drops every box without a polygon
 * (YOLO-World issue #185), so a mask-refine pipeline needs polygons in the train annotations.
 */
export function checkMaskRefine(input: CheckInput): Finding[] {
  const train = input.config.get('train_dataloader');
  if (train === undefined) return [];
  const loaders = findByType(train, 'train_dataloader', ['LoadAnnotations']).filter((t) => t.value.get('with_mask') === true);
  const first = loaders[0];
  if (!first) return refineWithoutMasks(input, train);
  const out: Finding[] = [];
  for (const ds of findDatasets(input.config).filter((d) => d.split === 'train' && d.annFile)) {
    const coco = input.coco.get(ds.annFile!);
    if (!coco || isUnreadable(coco) || coco.summary.annotations === 0) continue;
    const { annotations, withPolygon } = coco.summary;
    if (withPolygon === annotations) continue;
    const none = withPolygon === 0;
    out.push(issue(input.configFile, 'MASK_REFINE_WITHOUT_POLYGONS', none ? 'error' : 'warning', `${first.path}.with_mask`,
      none
        ? `the train pipeline loads masks (mask-refine) but no annotation of ${ds.annFile} has a polygon: every box is dropped and training runs with loss_bbox 0 (YOLO-World issue #185)`
        : `the train pipeline loads masks (mask-refine) but ${annotations - withPolygon} of ${annotations} annotations of ${ds.annFile} have no polygon and are dropped`,
      'use a config without mask-refine (yw config --no-mask-refine) or annotations with segmentation polygons',
      { file: ds.annFile, annotations, withPolygon }));
  }
  return out;
}

/** YOLOv5RandomAffine(use_mask_refine=True) reads gt_masks, which only LoadAnnotations(with_mask=True) loads. */
function refineWithoutMasks(input: CheckInput, train: PyValue): Finding[] {
  const refine = findByType(train, 'train_dataloader', ['YOLOv5RandomAffine']).find((t) => t.value.get('use_mask_refine') === true);
  if (!refine) return [];
  return [issue(input.configFile, 'MASK_REFINE_WITHOUT_MASKS', 'error', `${refine.path}.use_mask_refine`,
    'is True but no LoadAnnotations in the train pipeline sets with_mask=True: the transform has no masks to refine with',
    'use the mask-refine base pipelines together (LoadAnnotations(with_mask=True, mask2bbox=True)), or set use_mask_refine=False')];
}
