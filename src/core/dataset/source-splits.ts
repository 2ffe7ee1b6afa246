import { type Finding } from '../findings.js';
import { SPLITS } from '../splits.js';
import type { DarknetData } from './darknet-data.js';
import type { DataYaml } from './data-yaml.js';
import type { MetaFile } from './dataset-meta.js';
import { compareText, resolveImageList, type ImageIndex } from './image-lists.js';
import { commonFolder, extname, isImagePath, resolvePath, under } from './paths.js';
import { candidates, classify, treeOf, type Target } from './source-paths.js';

/** A split as a description file names it, before stems and labels are matched. */
export interface RawSplit {
  name: string;
  dataPrefix: string;
  images: string[];
}

export interface SourceContext {
  files: readonly string[];
  texts: ReadonlyMap<string, string>;
  rootAbs: string;
  /** Name of the root folder (a YAML `path` ending in it is the root). */
  rootName: string;
  /** Every image of the tree. */
  index: ImageIndex;
  findings: Finding[];
}

/**
 * The splits a dataset YAML names, resolved as Ultralytics' `check_det_dataset` does: entries are
 * relative to `path` (itself relative to the YAML's folder), else to the YAML's folder (else the
 * root, for a YAML kept outside it); an entry
 * starting with `../` that does not exist is tried without it (Roboflow writes `../train/images`).
 * Entries written on another machine are matched by their trailing folders. Undefined when the YAML
 * names no split.
 */
export function yamlSplits(yaml: MetaFile<DataYaml>, ctx: SourceContext): RawSplit[] | undefined {
  const named = SPLITS.filter((s) => yaml.data.splits[s]?.length);
  if (named.length === 0) return undefined;
  const base = yamlBase(yaml, ctx);
  // The root comes last: a --data-yaml kept outside the dataset names its folders from the root.
  return named.map((name) => sourceSplit(name, yaml.data.splits[name]!, [base, yaml.dir, ''], yaml, ctx));
}

/** The splits a darknet obj.data names: one image list each, paths relative to it or to darknet's `data/`. */
export function darknetSplits(data: MetaFile<DarknetData>, ctx: SourceContext): RawSplit[] | undefined {
  const named = SPLITS.filter((s) => data.data.splits[s] !== undefined);
  if (named.length === 0) return undefined;
  return named.map((name) => sourceSplit(name, [data.data.splits[name]!], [data.dir], data, ctx));
}

/** A path an obj.data or YAML names (a classes file), resolved like its split entries. */
export function resolveNamedFile(written: string, meta: MetaFile<unknown>, ctx: SourceContext): string | undefined {
  const tree = treeOf(ctx);
  for (const candidate of candidates(written, [meta.dir], ctx.rootAbs)) if (tree.files.has(candidate.path)) return candidate.path;
  return undefined;
}

function sourceSplit(name: string, entries: readonly string[], bases: string[], meta: MetaFile<unknown>, ctx: SourceContext): RawSplit {
  const images = new Set<string>();
  const folders: string[] = [];
  for (const entry of entries) {
    const target = resolveTarget(entry, bases, meta, name, ctx);
    if (target === undefined) continue;
    if (target.kind === 'folder') {
      folders.push(target.path);
      const inside = target.path === '' ? ctx.files : under(ctx.files, `${target.path}/`);
      for (const f of inside) if (isImagePath(f)) images.add(f);
    } else if (target.kind === 'image') images.add(target.path);
    else {
      const list = resolveImageList(ctx.texts.get(target.path) ?? '', target.path, ctx.index, ctx.rootAbs);
      for (const f of list.findings) ctx.findings.push(f);
      for (const f of list.images) images.add(f);
    }
  }
  const sorted = [...images].sort(compareText);
  const only = folders.length === 1 && entries.length === 1 ? folders[0] : undefined;
  return { name, dataPrefix: only === undefined ? commonFolder(sorted) : only === '' ? '' : `${only}/`, images: sorted };
}

function resolveTarget(entry: string, bases: string[], meta: MetaFile<unknown>, split: string, ctx: SourceContext): Target | undefined {
  const tree = treeOf(ctx);
  for (const candidate of candidates(entry, bases, ctx.rootAbs)) {
    const target = classify(candidate.path, tree, ctx.texts);
    // One trailing folder name alone (`images`) says too little to stand for a folder written elsewhere.
    if (target === undefined || (candidate.rebased && target.kind === 'folder' && !target.path.includes('/'))) continue;
    if (target.kind === 'label') {
      ctx.findings.push(sourceFinding(meta, 'SPLIT_MISSING', 'error', `${split}: "${entry}" is the label file of an image, not an image list; skipped`, {
        hint: `name the image folder or an image list (a .txt of image paths) for ${split}, not a label file`,
      }));
      return undefined;
    }
    if (candidate.rebased) {
      ctx.findings.push(sourceFinding(meta, 'PATH_REBASED', 'info', `${split}: "${entry}" is not inside the dataset; read as ${target.path || '.'} (the same folders at its end)`));
    }
    return target;
  }
  ctx.findings.push(sourceFinding(meta, 'SPLIT_MISSING', 'error', `${split}: "${entry}" is neither a folder, an image list nor an image of the dataset; skipped`, {
    hint: `paths are read relative to ${meta.file}'s folder (and its "path:" key, if any); looked for ${candidates(entry, bases, ctx.rootAbs).map((c) => c.path || '.').slice(0, 3).join(', ') || 'nothing inside the root'}`,
  }));
  return undefined;
}

/** `path:` of a YAML as a root-relative folder: relative to the YAML, or ending in the root's own name. */
function yamlBase(yaml: MetaFile<DataYaml>, ctx: SourceContext): string {
  const written = yaml.data.path;
  if (written === undefined) return yaml.dir;
  const tree = treeOf(ctx);
  const direct = resolvePath(written, yaml.dir, ctx.rootAbs);
  if (direct !== undefined && (direct === '' || tree.folders.has(direct))) return direct;
  const parts = written.replace(/\\/g, '/').split('/').filter((p) => p !== '' && p !== '.');
  if (parts.at(-1) === ctx.rootName) return '';
  ctx.findings.push(sourceFinding(yaml, 'PATH_IGNORED', 'info', `path: "${written}" is not a folder of this dataset; split entries are read relative to ${yaml.file}'s folder`));
  return yaml.dir;
}

/** A finding about a description file: DATA_YAML_<what> or DARKNET_DATA_<what>, naming the file. */
function sourceFinding(meta: MetaFile<unknown>, what: string, severity: 'error', message: string, extra: { hint: string }): Finding;
function sourceFinding(meta: MetaFile<unknown>, what: string, severity: 'warning' | 'info', message: string, extra?: { hint?: string }): Finding;
function sourceFinding(meta: MetaFile<unknown>, what: string, severity: Finding['severity'], message: string, extra: { hint?: string } = {}): Finding {
  const code = `${extname(meta.file) === '.data' ? 'DARKNET_DATA' : 'DATA_YAML'}_${what}`;
  const outside = meta.dir === '..' || meta.dir.startsWith('../');
  const f: Finding = { code, severity, message: outside ? `${meta.file}: ${message}` : message, ...(outside ? {} : { file: meta.file }), ...extra };
  return f;
}
