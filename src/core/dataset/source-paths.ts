import { extname, isImagePath, resolvePath } from './paths.js';
import type { SourceContext } from './source-splits.js';

/** Where the paths a data.yaml or obj.data writes may point in a dataset's listing. */

export type Target = { kind: 'folder' | 'list' | 'image' | 'label'; path: string };

/**
 * Where a written path may point, in order: relative to each base; without a leading `../` (as
 * Ultralytics retries) or darknet's `data/`; then its trailing folders (at least two for a folder),
 * for paths written on another machine.
 */
export function candidates(written: string, bases: string[], rootAbs: string): { path: string; rebased: boolean }[] {
  const posix = written.trim().replace(/\\/g, '/');
  const out: { path: string; rebased: boolean }[] = [];
  const add = (path: string | undefined, rebased = false): void => {
    if (path !== undefined && !out.some((c) => c.path === path)) out.push({ path, rebased });
  };
  for (const base of bases) {
    add(resolvePath(posix, base, rootAbs));
    if (posix.startsWith('../')) add(resolvePath(posix.slice(3), base, rootAbs));
    if (posix.startsWith('data/')) add(resolvePath(posix.slice(5), base, rootAbs));
  }
  const parts = posix.split('/').filter((p) => p !== '' && p !== '.' && p !== '..' && !/^[A-Za-z]:$/.test(p));
  for (let k = 1; k < parts.length; k++) add(parts.slice(k).join('/'), true);
  return out;
}

export function classify(path: string, tree: Tree, texts: ReadonlyMap<string, string>): Target | undefined {
  if (path === '' || tree.folders.has(path)) return { kind: 'folder', path };
  if (!tree.files.has(path)) return undefined;
  if (isImagePath(path)) return { kind: 'image', path };
  if (extname(path) !== '.txt') return undefined;
  return texts.has(path) ? { kind: 'list', path } : { kind: 'label', path };
}

export interface Tree {
  files: ReadonlySet<string>;
  folders: ReadonlySet<string>;
}

const trees = new WeakMap<readonly string[], Tree>();

/** The listing as sets of files and folders, built once per listing (only plans with a YAML or obj.data need it). */
export function treeOf(ctx: SourceContext): Tree {
  let tree = trees.get(ctx.files);
  if (tree) return tree;
  const folders = new Set<string>();
  for (const f of ctx.files) {
    for (let at = f.indexOf('/'); at >= 0; at = f.indexOf('/', at + 1)) folders.add(f.slice(0, at));
  }
  tree = { files: new Set(ctx.files), folders };
  trees.set(ctx.files, tree);
  return tree;
}
