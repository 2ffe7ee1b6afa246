import { YwError } from '../../errors.js';
import { finding, type Finding } from '../findings.js';
import { splitOf } from '../splits.js';
import { compareText } from './image-lists.js';
import { RAW_PLANS, type RawPlan } from './layout-plans.js';
import type { PlannedImage, PlannedSplit } from './model.js';
import { LAYOUT_DESCRIPTIONS, LAYOUTS, type LayoutKind } from './layout-kinds.js';
import { basename, CLASSES_FILE_NAMES, isImagePath, labelPathFor } from './paths.js';
import type { RawSplit } from './source-splits.js';
import { dotaPathFor, labelFindings, labelFor } from './label-files.js';
import { labelNotAFile, notFileImages } from './not-files.js';

export { LAYOUT_DESCRIPTIONS, LAYOUTS, type LayoutKind } from './layout-kinds.js';

export interface LayoutInput {
  /** Sorted paths of every file under the root, relative to it, with `/`. */
  files: readonly string[];
  /** Contents of the list files the layouts read (train.txt ...), by relative path. */
  texts: ReadonlyMap<string, string>;
  /** Absolute root (for absolute paths inside image lists). */
  rootAbs: string;
  /** Splits a data.yaml or obj.data names: they decide the splits whatever the folders say. */
  sourceSplits?: readonly RawSplit[];
  /** Names under the root that are not regular files, with what they are ("a FIFO", ...). */
  notFiles?: ReadonlyMap<string, string>;
}

export interface LayoutPlan {
  kind: LayoutKind;
  splits: PlannedSplit[];
  findings: Finding[];
}

/** The first layout whose signature the listing shows, or undefined. */
export function detectLayout(files: readonly string[]): LayoutKind | undefined {
  // One pass each, stopping at the first match: no filtered copy of a 10^5-file listing.
  const splitNamed = (f: string, dir: number): boolean => {
    const parts = f.split('/');
    return parts.length > 2 && parts[1 - dir] === 'images' && splitOf(parts[dir]!) !== undefined;
  };
  if (files.some((f) => f.includes('/images/') && isImagePath(f) && splitNamed(f, 0))) return 'split-folders';
  if (files.some((f) => f.startsWith('images/') && isImagePath(f) && splitNamed(f, 1))) return 'ultralytics';
  if (files.some((f) => f.startsWith('images/') && isImagePath(f))) return 'single';
  const set = new Set(files);
  if (files.some((f) => isImagePath(f) && set.has(labelPathFor(f)))) return 'side-by-side';
  return undefined;
}

/**
 * Plans the splits of a dataset: which images, their label files, and what is wrong with the tree.
 * Returns no splits with images (and the findings that explain it) rather than throwing NO_IMAGES, so
 * the caller can show those findings with the error.
 */
export function planLayout(input: LayoutInput, root: string, forced?: LayoutKind): LayoutPlan {
  const sourced = input.sourceSplits?.some((s) => s.images.length > 0) ? input.sourceSplits : undefined;
  const detected = detectLayout(input.files);
  // Images under an images/ folder that a YAML names are the Ultralytics layout wherever that folder is.
  const kind = forced ?? (sourced && (detected === undefined || detected === 'side-by-side') ? fallbackKind(sourced) : detected);
  if (!kind) {
    const looked = LAYOUTS.map((k) => LAYOUT_DESCRIPTIONS[k]).join('; ');
    throw new YwError('NO_LAYOUT', `no YOLO dataset found in ${root}: looked for ${looked}`, {
      file: root,
      hint: 'check the folder, or force a layout with --layout',
    });
  }
  const raw = RAW_PLANS[kind](input);
  if (input.sourceSplits) {
    raw.splits = [...input.sourceSplits];
    raw.allImages = [...new Set([...raw.allImages, ...input.sourceSplits.flatMap((s) => s.images)])].sort(compareText);
  }
  if (raw.splits.every((s) => s.images.length === 0)) return { kind, splits: [], findings: raw.findings };
  const fileSet = new Set(input.files);
  const notFiles = input.notFiles ?? new Map<string, string>();
  const findings = [...raw.findings, ...treeFindings(raw, input.files, fileSet), ...notFileImages(raw, notFiles)];
  const splits = raw.splits.map((s) => finalizeSplit(s, fileSet, notFiles, findings));
  findings.push(...overlapFindings(raw.splits), ...labelFindings(splits, input.files));
  const placed = new Set(raw.splits.flatMap((s) => s.images));
  for (const image of raw.allImages) {
    if (placed.has(image)) continue;
    findings.push(finding('IMAGE_NOT_IN_SPLIT', 'warning', 'in no split (no split folder or image list names it); not converted', {
      file: image,
      hint: 'add it to train.txt/val.txt or the data.yaml split it belongs to',
      data: { excluded: true },
    }));
  }
  return { kind, splits, findings };
}

/** The layout a plan whose splits come from a data.yaml or obj.data list is shown as. */
function fallbackKind(splits: readonly RawSplit[]): LayoutKind {
  return splits.some((s) => s.images.some((f) => `/${f}`.includes('/images/'))) ? 'ultralytics' : 'side-by-side';
}

function finalizeSplit({ name, dataPrefix, images }: RawSplit, fileSet: ReadonlySet<string>, notFiles: ReadonlyMap<string, string>, findings: Finding[]): PlannedSplit {
  const byLabel = new Map<string, string>();
  const planned: PlannedImage[] = [];
  // The listing is sorted already in most layouts; checking is one pass, sorting a copy cost more.
  const sorted = images.every((p, i) => i === 0 || compareText(images[i - 1]!, p) <= 0) ? images : [...images].sort(compareText);
  for (const path of sorted) {
    // Nearly every image has its YOLO label: no object per image for that case (10^5 images).
    const yolo = labelPathFor(path);
    const label = fileSet.has(yolo) ? undefined : labelFor(path, fileSet);
    const labelPath = label?.path ?? yolo;
    const first = byLabel.get(labelPath);
    if (first !== undefined) {
      findings.push(finding('DUPLICATE_STEM', 'warning', `same name as ${first} (both map to ${labelPath}); excluded, the first in name order is kept`, {
        file: path,
        hint: 'rename one of the images and give it its own label file',
        data: { excluded: true, split: name },
      }));
      continue;
    }
    byLabel.set(labelPath, path);
    const image: PlannedImage = { path, fileName: path.slice(dataPrefix.length) };
    if (label === undefined || label.exists) {
      image.labelPath = labelPath;
      if (label?.format) image.labelFormat = label.format;
    } else if (notFiles.has(labelPath)) findings.push(labelNotAFile(labelPath, notFiles.get(labelPath)!));
    else findings.push(finding('IMAGE_WITHOUT_LABEL', 'info', `no label file ${labelPath}; kept as a background image`, { file: path }));
    planned.push(image);
  }
  return { name, dataPrefix, images: planned };
}

/** One warning per pair of splits that share images (evaluating on training images inflates mAP). */
function overlapFindings(splits: readonly RawSplit[]): Finding[] {
  const out: Finding[] = [];
  splits.forEach((a, i) => {
    const inA = new Set(a.images);
    for (const b of splits.slice(i + 1)) {
      const shared = b.images.filter((image) => inA.has(image));
      if (shared.length === 0) continue;
      out.push(finding('SPLIT_OVERLAP', 'warning', `${shared.length === 1 ? '1 image is' : `${shared.length} images are`} in both ${a.name} and ${b.name} (first: ${shared[0]})`, {
        hint: 'a val or test split that repeats training images overstates the accuracy',
        data: { splits: [a.name, b.name], images: shared.length },
      }));
    }
  });
  return out;
}

/** Label files without an image, and non-image files in image folders. */
function treeFindings(raw: RawPlan, files: readonly string[], set: ReadonlySet<string>): Finding[] {
  const out: Finding[] = [];
  const used = new Set<string>();
  for (const image of raw.allImages) {
    const yolo = labelPathFor(image);
    used.add(set.has(yolo) ? yolo : dotaPathFor(image, set) ?? yolo);
  }
  for (const label of raw.labelFiles) {
    if (used.has(label) || (CLASSES_FILE_NAMES as readonly string[]).includes(basename(label))) continue;
    out.push(finding('LABEL_WITHOUT_IMAGE', 'warning', 'label file has no image; not used', { file: label }));
  }
  for (const file of files) {
    if (!raw.isInImageFolder(file) || isImagePath(file)) continue;
    out.push(finding('NOT_AN_IMAGE', 'warning', `not an image (${IMAGE_HINT}); skipped`, { file }));
  }
  return out;
}

const IMAGE_HINT = 'yw reads .jpg .jpeg .png .webp .bmp .tif .tiff .gif';
