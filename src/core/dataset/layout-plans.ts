import { finding, type Finding } from '../findings.js';
import { compareText, indexImages, resolveImageList, type ImageIndex } from './image-lists.js';
import type { LayoutInput, LayoutKind } from './layout.js';
import {
  basename, CLASSES_FILE_NAMES, commonFolder, dirname, extname, isImagePath, LIST_FILE_NAMES, normalize, SPLIT_NAMES,
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

const under = (files: readonly string[], prefix: string): string[] => files.filter((f) => f.startsWith(prefix));
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
  const fromYaml = (['train', 'val', 'test'] as const).filter((s) => dataYaml?.[s]?.length);
  const splits = fromYaml.length
    ? fromYaml.map((name) => yamlSplit(name, dataYaml?.[name] ?? [], { files, texts, rootAbs, index, findings, base: dataYaml?.path }))
    : [...new Set(allImages.map((f) => f.split('/')[1]!).filter((d) => files.some((f) => f.startsWith(`images/${d}/`))))]
        .filter((d) => allImages.some((f) => f.startsWith(`images/${d}/`)))
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

interface YamlContext {
  files: readonly string[];
  texts: ReadonlyMap<string, string>;
  rootAbs: string;
  index: ImageIndex;
  findings: Finding[];
  base: string | undefined;
}

/** One data.yaml split: folders and/or txt lists, resolved against the root (or `path` under it). */
function yamlSplit(name: string, entries: readonly string[], ctx: YamlContext): { name: string; dataPrefix: string; images: string[] } {
  const images = new Set<string>();
  const folders: string[] = [];
  for (const entry of entries) {
    const resolved = resolveYamlEntry(entry, ctx);
    if (resolved === undefined) {
      ctx.findings.push(finding('DATA_YAML_SPLIT_MISSING', 'warning', `${name}: "${entry}" is neither a folder nor an image list under the dataset root; skipped`, { hint: 'paths in data.yaml are read relative to the dataset root' }));
    } else if (resolved.kind === 'folder') {
      folders.push(resolved.path);
      for (const f of under(ctx.files, `${resolved.path}/`)) if (isImagePath(f)) images.add(f);
    } else {
      const list = resolveImageList(ctx.texts.get(resolved.path) ?? '', resolved.path, ctx.index, ctx.rootAbs);
      ctx.findings.push(...list.findings);
      for (const f of list.images) images.add(f);
    }
  }
  const sorted = [...images].sort(compareText);
  const only = folders.length === 1 && folders.length === entries.length ? folders[0] : undefined;
  return { name, dataPrefix: only !== undefined ? `${only}/` : commonFolder(sorted), images: sorted };
}

function resolveYamlEntry(entry: string, ctx: YamlContext): { kind: 'folder' | 'list'; path: string } | undefined {
  for (const path of yamlEntryCandidates(entry, ctx.rootAbs, ctx.base)) {
    if (ctx.texts.has(path) && extname(path) === '.txt') return { kind: 'list', path };
    if (path !== '' && ctx.files.some((f) => f.startsWith(`${path}/`))) return { kind: 'folder', path };
  }
  return undefined;
}

/**
 * Where a data.yaml split entry may point, relative to the root: the entry itself, then under
 * `path` (when `path` lies inside the root). Absolute paths count only when they are inside the root.
 */
export function yamlEntryCandidates(entry: string, rootAbs: string, base: string | undefined): string[] {
  const root = rootAbs.replace(/\\/g, '/').replace(/\/$/, '');
  const clean = (p: string): string | undefined => {
    const posix = p.replace(/\\/g, '/');
    if (posix === root) return '';
    if (posix.startsWith(`${root}/`)) return normalize(posix.slice(root.length + 1));
    return posix.startsWith('/') ? undefined : normalize(posix);
  };
  const inside = base === undefined ? undefined : clean(base);
  const out = [clean(entry), inside ? clean(`${inside}/${entry}`) : undefined];
  return out.filter((p): p is string => p !== undefined);
}

/** Splits from root image lists (train.txt ...); without lists, one split named `train`. */
function listSplits(allImages: string[], dataPrefix: string, { texts, rootAbs }: LayoutInput, findings: Finding[]) {
  const lists = LIST_FILE_NAMES.filter((n) => texts.has(n));
  if (lists.length === 0) return [{ name: 'train', dataPrefix, images: allImages }];
  const index = indexImages(allImages);
  const splits = lists.map((list) => {
    const resolved = resolveImageList(texts.get(list)!, list, index, rootAbs);
    findings.push(...resolved.findings);
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
