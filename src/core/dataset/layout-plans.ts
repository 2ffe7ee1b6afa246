import type { Finding } from '../findings.js';
import { SPLITS, splitOf } from '../splits.js';
import { compareText, indexImages, resolveImageList } from './image-lists.js';
import type { LayoutInput, LayoutKind } from './layout.js';
import {
  basename, CLASSES_FILE_NAMES, commonFolder, dirname, extname, isImagePath, LIST_FILE_NAMES, under,
} from './paths.js';
import type { RawSplit } from './source-splits.js';

/** A layout's reading of the tree, before stems and labels are matched. */
export interface RawPlan {
  splits: RawSplit[];
  /** Every image the layout considers (orphan labels are those none of these maps to). */
  allImages: string[];
  /** Files that are label files in this layout. */
  labelFiles: string[];
  /** Whether a file sits where only images belong (non-images there are reported). */
  isInImageFolder(file: string): boolean;
  findings: Finding[];
}

type Planner = (input: LayoutInput) => RawPlan;

const isLabel = (f: string): boolean => extname(f) === '.txt' && !(CLASSES_FILE_NAMES as readonly string[]).includes(basename(f));

/** Folders (with their trailing slash) holding images, named like a split, and the split each stands for. */
interface SplitFolder {
  split: string;
  prefix: string;
  images: string[];
}

/**
 * One split per split name, folders of the same split merged (`val/` and `valid/` are both val: their
 * common folder is the data prefix), in training order.
 */
export function mergeSplitFolders(folders: readonly SplitFolder[]): RawSplit[] {
  return SPLITS.flatMap((name) => {
    const mine = folders.filter((f) => f.split === name);
    if (mine.length === 0) return [];
    const images = mine.flatMap((f) => f.images).sort(compareText);
    return [{ name, dataPrefix: mine.length === 1 ? mine[0]!.prefix : commonFolder(images), images }];
  });
}

/** The top-level (or `images/`-level) folders named like a split that hold images, e.g. `valid/images/`. */
function splitFolders(images: readonly string[], from: string, inner: string): SplitFolder[] {
  const names = new Set<string>();
  let last = '';
  for (const f of images) {
    // Sorted paths: an image in the folder seen last needs no slice (10^5 images, a handful of folders).
    if (!f.startsWith(from) || (last !== '' && f.startsWith(last))) continue;
    const end = f.indexOf('/', from.length);
    if (end < 0) continue;
    last = f.slice(0, end + 1);
    names.add(f.slice(from.length, end));
  }
  return [...names].sort(compareText).flatMap((name) => {
    const split = splitOf(name);
    const prefix = `${from}${name}/${inner}`;
    const inside = split === undefined ? [] : under(images, prefix);
    return inside.length > 0 ? [{ split: split!, prefix, images: inside }] : [];
  });
}

const splitFoldersPlan: Planner = ({ files }) => {
  const folders = splitFolders(files.filter(isImagePath), '', 'images/');
  const tops = folders.map((f) => f.prefix.slice(0, -'images/'.length));
  return {
    splits: mergeSplitFolders(folders),
    allImages: folders.flatMap((f) => f.images),
    labelFiles: tops.flatMap((top) => [...under(files, `${top}labels/`), ...under(files, `${top}labelTxt/`)].filter(isLabel)),
    isInImageFolder: (f) => folders.some((folder) => f.startsWith(folder.prefix)),
    findings: [],
  };
};

const ultralytics: Planner = ({ files }) => {
  const allImages = under(files, 'images/').filter(isImagePath);
  return {
    splits: mergeSplitFolders(splitFolders(allImages, 'images/', '')),
    allImages,
    labelFiles: under(files, 'labels/').filter(isLabel),
    isInImageFolder: (f) => f.startsWith('images/'),
    findings: [],
  };
};

/**
 * Splits from root image lists (train.txt, valid.txt ...); without lists, one split named `train`.
 * When a data.yaml or obj.data decides the splits, the lists it names are read there (source-splits.ts)
 * and these splits are replaced: reading the root lists here too repeated each of their findings.
 */
function listSplits(allImages: string[], dataPrefix: string, { texts, rootAbs, sourceSplits, notFiles }: LayoutInput, findings: Finding[]): RawSplit[] {
  const lists = sourceSplits ? [] : LIST_FILE_NAMES.filter((n) => texts.has(n));
  if (lists.length === 0) return [{ name: 'train', dataPrefix, images: allImages }];
  const index = indexImages(allImages, notFiles);
  const listed = lists.map((list) => {
    const resolved = resolveImageList(texts.get(list)!, list, index, rootAbs);
    for (const f of resolved.findings) findings.push(f);
    return { split: splitOf(list.slice(0, -'.txt'.length))!, prefix: dataPrefix, images: resolved.images };
  });
  return mergeSplitFolders(listed).map((s) => ({ ...s, dataPrefix, images: [...new Set(s.images)] }));
}

const single: Planner = (input) => {
  const allImages = under(input.files, 'images/').filter(isImagePath);
  const findings: Finding[] = [];
  return {
    splits: listSplits(allImages, 'images/', input, findings),
    allImages,
    labelFiles: under(input.files, 'labels/').filter(isLabel),
    isInImageFolder: (f) => f.startsWith('images/'),
    findings,
  };
};

const sideBySide: Planner = (input) => {
  const allImages = input.files.filter(isImagePath);
  const folders = new Set(allImages.map(dirname));
  const findings: Finding[] = [];
  const splitDirs = splitFolders(allImages, '', '').map((f) => ({ ...f, prefix: commonFolder(f.images) }));
  const splits = splitDirs.length ? mergeSplitFolders(splitDirs) : listSplits(allImages, commonFolder(allImages), input, findings);
  const meta = new Set<string>(LIST_FILE_NAMES);
  return {
    splits,
    allImages,
    labelFiles: input.files.filter((f) => folders.has(dirname(f)) && isLabel(f) && !meta.has(f)),
    isInImageFolder: (f) => folders.has(dirname(f)) && !['.txt', '.names', '.yaml', '.yml', '.data', '.md', '.json'].includes(extname(f)),
    findings,
  };
};

export const RAW_PLANS: Record<LayoutKind, Planner> = {
  'split-folders': splitFoldersPlan,
  ultralytics,
  single,
  'side-by-side': sideBySide,
};
