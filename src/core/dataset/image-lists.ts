import { finding, type Finding } from '../findings.js';
import { basename, dirname, resolvePath } from './paths.js';

/** The images of a dataset that a list may name: relative paths, and the same indexed by file name. */
export interface ImageIndex {
  paths: ReadonlySet<string>;
  byName: ReadonlyMap<string, string[]>;
  /** Names that are there but no regular file (a broken link, a FIFO...), with what each is. */
  notFiles: ReadonlyMap<string, string>;
}

export function indexImages(paths: readonly string[], notFiles: ReadonlyMap<string, string> = new Map()): ImageIndex {
  const byName = new Map<string, string[]>();
  for (const path of paths) {
    const name = basename(path);
    const list = byName.get(name);
    if (list) list.push(path);
    else byName.set(name, [path]);
  }
  return { paths: new Set(paths), byName, notFiles };
}

/**
 * Resolves an image list (`train.txt`: one path per line; CR, LF or CRLF line ends). Entries are tried
 * relative to the list's folder (Ultralytics' `./` entries, CVAT's), then to the root (absolute paths
 * inside the root as such), then by file name, as mmyolo does, since lists are often written on another
 * machine or for darknet's working folder (`data/obj_train_data/a.jpg`): when several images share the
 * name, the one whose folders match the entry's furthest from the end. Entries that match nothing are
 * findings. Returns sorted paths.
 */
export function resolveImageList(
  text: string,
  listFile: string,
  index: ImageIndex,
  rootAbs: string,
): { images: string[]; findings: Finding[] } {
  const found = new Set<string>();
  const findings: Finding[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
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
  for (const base of [dirname(listFile), '']) {
    const path = resolvePath(posix, base, rootAbs);
    if (path !== undefined && index.paths.has(path)) return path;
    const what = path === undefined ? undefined : index.notFiles.get(path);
    if (what !== undefined) return { message: `"${entry}" is ${what}, not an image file; not used` };
  }
  const byName = index.byName.get(basename(posix)) ?? [];
  if (byName.length === 1) return byName[0]!;
  const best = byName.length > 1 ? longestTail(posix, byName) : undefined;
  if (best !== undefined) return best;
  if (byName.length > 1) return { message: `"${entry}" matches ${byName.length} images by name (${byName.slice(0, 2).join(', ')}); not used` };
  return { message: `"${entry}" is not an image of the dataset; not used` };
}

/** The one candidate sharing the most trailing folders with `entry` (more than the name alone), if any. */
function longestTail(entry: string, candidates: readonly string[]): string | undefined {
  const parts = entry.split('/');
  const tail = (path: string): number => {
    const other = path.split('/');
    let n = 0;
    while (n < parts.length && n < other.length && parts[parts.length - 1 - n] === other[other.length - 1 - n]) n++;
    return n;
  };
  const scored = candidates.map((path) => ({ path, n: tail(path) })).sort((a, b) => b.n - a.n);
  const [first, second] = scored;
  return first && first.n > 1 && first.n > (second?.n ?? 0) ? first.path : undefined;
}

/** Code-unit order: the same on every machine and locale (localeCompare is not). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
