import { YwError } from '../../errors.js';
import { finding, type Finding } from '../findings.js';
import type { DataYaml } from './data-yaml.js';
import { compareText } from './image-lists.js';
import { RAW_PLANS, type RawPlan } from './layout-plans.js';
import type { PlannedImage, PlannedSplit } from './model.js';
import { LAYOUT_DESCRIPTIONS, LAYOUTS, type LayoutKind } from './layout-kinds.js';
import { basename, CLASSES_FILE_NAMES, isImagePath, labelPathFor, SPLIT_NAMES } from './paths.js';

export { LAYOUT_DESCRIPTIONS, LAYOUTS, type LayoutKind } from './layout-kinds.js';

export interface LayoutInput {
  /** Sorted paths of every file under the root, relative to it, with `/`. */
  files: readonly string[];
  /** Contents of the list files the layouts read (train.txt ...), by relative path. */
  texts: ReadonlyMap<string, string>;
  /** Absolute root (for absolute paths inside image lists). */
  rootAbs: string;
  dataYaml?: DataYaml;
  /** Names under the root that are not regular files, with what they are ("a FIFO (named pipe)", ...). */
  notFiles?: ReadonlyMap<string, string>;
}

export interface LayoutPlan {
  kind: LayoutKind;
  splits: PlannedSplit[];
  findings: Finding[];
}

/** The first layout whose signature the listing shows, or undefined. */
export function detectLayout(files: readonly string[]): LayoutKind | undefined {
  const splitDirs = new RegExp(`^(?:${SPLIT_NAMES.join('|')})/images/`);
  if (files.some((f) => splitDirs.test(f) && isImagePath(f))) return 'split-folders';
  if (files.some((f) => /^images\/[^/]+\//.test(f) && isImagePath(f))) return 'ultralytics';
  if (files.some((f) => f.startsWith('images/') && isImagePath(f))) return 'single';
  const set = new Set(files);
  if (files.some((f) => isImagePath(f) && set.has(labelPathFor(f)))) return 'side-by-side';
  return undefined;
}

/** Plans the splits of a dataset: which images, their label files, and what is wrong with the tree. */
export function planLayout(input: LayoutInput, root: string, forced?: LayoutKind): LayoutPlan {
  const kind = forced ?? detectLayout(input.files);
  if (!kind) {
    const looked = LAYOUTS.map((k) => LAYOUT_DESCRIPTIONS[k]).join('; ');
    throw new YwError('NO_LAYOUT', `no YOLO dataset found in ${root}: looked for ${looked}`, {
      file: root,
      hint: 'check the folder, or force a layout with --layout',
    });
  }
  const raw = RAW_PLANS[kind](input);
  if (raw.splits.every((s) => s.images.length === 0)) {
    throw new YwError('NO_IMAGES', `no images found in ${root} for the ${kind} layout (${LAYOUT_DESCRIPTIONS[kind]})`, {
      file: root,
      hint: 'check the folder and the --layout option',
    });
  }
  const findings = [...raw.findings, ...treeFindings(raw, input.files), ...notFileImages(raw, input.notFiles)];
  const labels = { files: new Set(input.files), notFiles: input.notFiles ?? new Map<string, string>() };
  const splits = raw.splits.map((s) => finalizeSplit(s.name, s.dataPrefix, s.images, labels, findings));
  findings.push(...overlapFindings(raw.splits));
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

type LabelNames = { files: ReadonlySet<string>; notFiles: ReadonlyMap<string, string> };

function finalizeSplit(name: string, dataPrefix: string, images: readonly string[], labels: LabelNames, findings: Finding[]): PlannedSplit {
  const byLabel = new Map<string, string>();
  const planned: PlannedImage[] = [];
  // The listing is sorted already in most layouts; checking is one pass, sorting a copy cost more.
  const sorted = images.every((p, i) => i === 0 || compareText(images[i - 1]!, p) <= 0) ? images : [...images].sort(compareText);
  for (const path of sorted) {
    const labelPath = labelPathFor(path);
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
    const notFile = labels.notFiles.get(labelPath);
    if (labels.files.has(labelPath)) image.labelPath = labelPath;
    else if (notFile !== undefined) findings.push(labelNotAFile(labelPath, notFile));
    else findings.push(finding('IMAGE_WITHOUT_LABEL', 'info', `no label file ${labelPath}; kept as a background image`, { file: path }));
    planned.push(image);
  }
  return { name, dataPrefix, images: planned };
}

/** Image names in image folders that are broken links, FIFOs, devices: nothing to convert, but not silently. */
function notFileImages(raw: RawPlan, notFiles: ReadonlyMap<string, string> = new Map()): Finding[] {
  const out: Finding[] = [];
  for (const [path, what] of notFiles) {
    if (what === 'a folder' || !isImagePath(path) || !raw.isInImageFolder(path)) continue;
    out.push(finding('IMAGE_UNREADABLE', 'error', `${what}, not an image file; image excluded`, {
      file: path,
      hint: 'put the image file there, or remove the entry',
      data: { excluded: true },
    }));
  }
  return out;
}

/** The label path names something that is not a file: its boxes are unknown, which is not "no boxes". */
function labelNotAFile(labelPath: string, what: string): Finding {
  return finding('LABEL_NOT_A_FILE', 'error', `label file is ${what}, not a regular file; image kept without boxes`, {
    file: labelPath,
    hint: 'put the YOLO label text file there, or remove this entry if the image has no objects',
  });
}

/** One warning per pair of splits that share images (evaluating on training images inflates mAP). */
function overlapFindings(splits: RawPlan['splits']): Finding[] {
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
function treeFindings(raw: RawPlan, files: readonly string[]): Finding[] {
  const out: Finding[] = [];
  const used = new Set(raw.allImages.map(labelPathFor));
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
