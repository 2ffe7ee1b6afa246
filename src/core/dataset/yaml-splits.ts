import { finding, type Finding } from '../findings.js';
import { compareText, resolveImageList, type ImageIndex } from './image-lists.js';
import { commonFolder, extname, isImagePath, normalize, under } from './paths.js';

/** data.yaml `train`/`val`/`test` entries: folders or txt image lists, resolved inside the root. */
export interface YamlContext {
  files: readonly string[];
  texts: ReadonlyMap<string, string>;
  rootAbs: string;
  index: ImageIndex;
  findings: Finding[];
  base: string | undefined;
}

/** One data.yaml split: folders and/or txt lists, resolved against the root (or `path` under it). */
export function yamlSplit(name: string, entries: readonly string[], ctx: YamlContext): { name: string; dataPrefix: string; images: string[] } {
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
      for (const f of list.findings) ctx.findings.push(f);
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

