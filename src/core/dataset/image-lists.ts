import { finding, type Finding } from '../findings.js';
import { basename, dirname, normalize } from './paths.js';

/** The images of a dataset that a list may name: relative paths, and the same indexed by file name. */
export interface ImageIndex {
  paths: ReadonlySet<string>;
  byName: ReadonlyMap<string, string[]>;
}

export function indexImages(paths: readonly string[]): ImageIndex {
  const byName = new Map<string, string[]>();
  for (const path of paths) {
    const name = basename(path);
    const list = byName.get(name);
    if (list) list.push(path);
    else byName.set(name, [path]);
  }
  return { paths: new Set(paths), byName };
}

/**
 * Resolves an image list (`train.txt`: one path per line). Entries are tried relative to the list's
 * folder (absolute paths inside the root as such), then by file name alone, as mmyolo does: lists are
 * often written on another machine. Entries that match nothing are findings. Returns sorted paths.
 */
export function resolveImageList(
  text: string,
  listFile: string,
  index: ImageIndex,
  rootAbs: string,
): { images: string[]; findings: Finding[] } {
  const found = new Set<string>();
  const findings: Finding[] = [];
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  lines.forEach((raw, i) => {
    const entry = raw.trim();
    if (entry === '' || entry.startsWith('#')) return;
    const hit = resolveEntry(entry, listFile, index, rootAbs);
    if (typeof hit === 'string') found.add(hit);
    else findings.push(finding('LIST_ENTRY_MISSING', 'warning', hit.message, { file: listFile, line: i + 1 }));
  });
  return { images: [...found].sort(compareText), findings };
}

function resolveEntry(entry: string, listFile: string, index: ImageIndex, rootAbs: string): string | { message: string } {
  const posix = entry.replace(/\\/g, '/');
  const absolute = posix.startsWith('/') || /^[A-Za-z]:\//.test(posix);
  const root = rootAbs.replace(/\\/g, '/').replace(/\/$/, '');
  const relative = absolute
    ? posix.startsWith(`${root}/`) ? normalize(posix.slice(root.length + 1)) : undefined
    : normalize(`${dirname(listFile)}/${posix}`);
  if (relative !== undefined && index.paths.has(relative)) return relative;
  const byName = index.byName.get(basename(posix)) ?? [];
  if (byName.length === 1) return byName[0]!;
  if (byName.length > 1) return { message: `"${entry}" matches ${byName.length} images by name (${byName.slice(0, 2).join(', ')}); not used` };
  return { message: `"${entry}" is not an image of the dataset; not used` };
}

/** Code-unit order: the same on every machine and locale (localeCompare is not). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
