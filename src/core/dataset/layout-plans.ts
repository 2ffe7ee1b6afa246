import type { Finding } from '../findings.js';
import { compareText, indexImages, resolveImageList } from './image-lists.js';
import { yamlSplit } from './yaml-splits.js';
import type { LayoutInput, LayoutKind } from './layout.js';
import { SPLITS } from '../splits.js';
import {
  basename, CLASSES_FILE_NAMES, commonFolder, dirname, extname, isImagePath, LIST_FILE_NAMES, SPLIT_NAMES, under,
} from './paths.js';

/** A layout's reading of the tree, before stems and labels are matched. */
export interface RawPlan {
  splits: { name: string; dataPrefix: string; images: string[] }[];
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
const splitOrder = (a: string, b: string): number => rank(a) - rank(b) || compareText(a, b);
const rank = (name: string): number => {
  const i = (SPLIT_NAMES as readonly string[]).indexOf(name);
  return i < 0 ? SPLIT_NAMES.length : i;
};

const splitFolders: Planner = ({ files }) => {
  const names = SPLIT_NAMES.filter((s) => files.some((f) => f.startsWith(`${s}/images/`) && isImagePath(f)));
  const splits = names.map((name) => ({
    name,
    dataPrefix: `${name}/images/`,
    images: under(files, `${name}/images/`).filter(isImagePath),
  }));
  return {
    splits,
    allImages: splits.flatMap((s) => s.images),
    labelFiles: names.flatMap((name) => under(files, `${name}/labels/`).filter(isLabel)),
    isInImageFolder: (f) => names.some((name) => f.startsWith(`${name}/images/`)),
    findings: [],
  };
};

const ultralytics: Planner = ({ files, texts, rootAbs, dataYaml }) => {
  const allImages = under(files, 'images/').filter(isImagePath);
  const index = indexImages(allImages);
  const findings: Finding[] = [];
  const fromYaml = SPLITS.filter((s) => dataYaml?.[s]?.length);
  const splits = fromYaml.length
    ? fromYaml.map((name) => yamlSplit(name, dataYaml?.[name] ?? [], { files, texts, rootAbs, index, findings, base: dataYaml?.path }))
    : [...new Set(allImages.filter((f) => /^images\/[^/]+\//.test(f)).map((f) => f.split('/')[1]!))]
        .sort(splitOrder)
        .map((name) => ({ name, dataPrefix: `images/${name}/`, images: under(allImages, `images/${name}/`) }));
  return {
    splits,
    allImages,
    labelFiles: under(files, 'labels/').filter(isLabel),
    isInImageFolder: (f) => f.startsWith('images/'),
    findings,
  };
};

/** Splits from root image lists (train.txt ...); without lists, one split named `train`. */
function listSplits(allImages: string[], dataPrefix: string, { texts, rootAbs }: LayoutInput, findings: Finding[]) {
  const lists = LIST_FILE_NAMES.filter((n) => texts.has(n));
  if (lists.length === 0) return [{ name: 'train', dataPrefix, images: allImages }];
  const index = indexImages(allImages);
  const splits = lists.map((list) => {
    const resolved = resolveImageList(texts.get(list)!, list, index, rootAbs);
    for (const f of resolved.findings) findings.push(f);
    return { name: list.slice(0, -'.txt'.length), dataPrefix, images: resolved.images };
  });
  return splits;
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
  const splitDirs = SPLIT_NAMES.filter((s) => allImages.some((f) => f.startsWith(`${s}/`)));
  const splits = splitDirs.length
    ? splitDirs.map((name) => {
        const images = under(allImages, `${name}/`);
        return { name, dataPrefix: commonFolder(images), images };
      })
    : listSplits(allImages, commonFolder(allImages), input, findings);
  const meta = new Set<string>([...LIST_FILE_NAMES]);
  return {
    splits,
    allImages,
    labelFiles: input.files.filter((f) => folders.has(dirname(f)) && isLabel(f) && !meta.has(f)),
    isInImageFolder: (f) => folders.has(dirname(f)) && !['.txt', '.names', '.yaml', '.yml', '.data', '.md', '.json'].includes(extname(f)),
    findings,
  };
};

export const RAW_PLANS: Record<LayoutKind, Planner> = {
  'split-folders': splitFolders,
  ultralytics,
  single,
  'side-by-side': sideBySide,
};
