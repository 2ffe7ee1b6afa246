import { finding, type Finding } from '../findings.js';
import type { DatasetProfile } from './profile-summary.js';

/** The split mask-refine matters for: its pipeline runs on train only. */
const TRAIN = 'train';

/**
 * Observations on the finished profile (the per-image IMAGE_TOO_SMALL comes from ProfileBuilder.add):
 * classes without boxes overall or in one split, and what the polygon mix means for mask-refine.
 */
export function profileFindings(profile: DatasetProfile): Finding[] {
  return [...classFindings(profile), ...polygonFindings(profile)];
}

function classFindings(profile: DatasetProfile): Finding[] {
  const out: Finding[] = [];
  for (const c of profile.classes) {
    const label = `class '${c.name}' (id ${c.id})`;
    if (c.totalBoxes === 0) {
      out.push(finding('CLASS_NO_BOXES', 'warning', `${label} has no boxes in any split: the model never learns it and its AP is undefined`, {
        hint: 'label some images with it, or remove it from the classes (and the class texts)',
        data: { class: c.name, id: c.id },
      }));
      continue;
    }
    for (const split of profile.splits) {
      if (split.images === 0 || (c.boxes[split.name] ?? 0) > 0) continue;
      const why = split.name === TRAIN
        ? 'it is evaluated but never trained'
        : `its AP on ${split.name} is undefined (-1 in mmdet's per-class results) and mAP averages over the other classes`;
      out.push(finding('CLASS_MISSING_IN_SPLIT', 'warning', `${label} has no boxes in ${split.name}: ${why}`, {
        hint: `move or label some images with it in ${split.name}`,
        data: { class: c.name, id: c.id, split: split.name },
      }));
    }
  }
  return out;
}

function polygonFindings(profile: DatasetProfile): Finding[] {
  const train = profile.splits.find((s) => s.name === TRAIN) ?? profile.total;
  if (train.boxes === 0) return [];
  const where = train === profile.total ? 'annotations' : `${train.name} annotations`;
  if (train.polygonPresence === 'some') {
    return [finding('POLYGONS_MIXED', 'warning', `${train.polygons} of ${train.boxes} ${where} are polygons, ${train.boxesOnly} are boxes only: a mask-refine config would drop those ${train.boxesOnly} boxes`, {
      hint: 'label the rest as polygons, or train without mask-refine (yw config --no-mask-refine)',
      data: { polygons: train.polygons, boxesOnly: train.boxesOnly },
    })];
  }
  if (train.polygonPresence === 'none') {
    return [finding('POLYGONS_NONE', 'info', `no polygon labels: a mask-refine config would drop all ${train.boxes} ${where}; train without mask-refine`, {
      hint: 'yw config chooses --no-mask-refine for this data automatically',
      data: { polygons: 0, boxesOnly: train.boxesOnly },
    })];
  }
  return [];
}
