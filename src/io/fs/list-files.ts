import { readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { YwError } from '../../errors.js';

/**
 * Every file under `root` (relative paths with `/`, sorted by code unit so the order is the same on
 * every machine and locale). Hidden files and folders (.git, .DS_Store, .cache) are skipped; symbolic
 * links are followed (a link that loops back to a folder above it is not entered twice). Broken links,
 * FIFOs, sockets and devices are not files: `listTree` names them, nothing ever opens them.
 *
 * A plain synchronous walk: fast-glob's '**' matching, micromatch and async readers cost ~0.1 s of
 * start-up and listing for a 20,000-file dataset, this costs a few readdir calls.
 */
export async function listFiles(root: string): Promise<string[]> {
  return (await listTree(root)).files;
}

export interface Tree {
  /** Regular files (and links to them), as listFiles returns them. */
  files: string[];
  /**
   * Every other name in the tree, with what it is ("a folder", "a FIFO", "a broken symbolic link",
   * ...): a label path that names one of them is a problem to report, not a missing label.
   */
  notFiles: Map<string, string>;
}

/** listFiles, plus what the names that are not regular files are. */
export async function listTree(root: string): Promise<Tree> {
  const info = await stat(root).catch(() => undefined);
  if (!info) {
    throw new YwError('ROOT_NOT_FOUND', `dataset folder not found: ${root}`, { file: root, hint: 'check the path' });
  }
  if (!info.isDirectory()) {
    throw new YwError('ROOT_NOT_A_FOLDER', `${root} is not a folder`, { file: root, hint: 'pass the dataset root folder' });
  }
  const tree: Tree = { files: [], notFiles: new Map() };
  walk(root, '', tree, new Set([folderKey(info)]));
  tree.files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return tree;
}

/** Folders on the current path, by device and inode, so a symlink loop ends. */
type Ancestors = Set<string>;

function walk(dirAbs: string, dirRel: string, tree: Tree, ancestors: Ancestors): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dirAbs, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // removed while listing
    throw error;
  }
  for (const entry of entries) {
    const name = entry.name;
    if (name.charCodeAt(0) === 46 /* . */) continue;
    const rel = dirRel === '' ? name : `${dirRel}/${name}`;
    const abs = `${dirAbs}/${name}`;
    if (entry.isFile()) tree.files.push(rel);
    else if (entry.isDirectory()) enter(abs, rel, tree, ancestors);
    else if (entry.isSymbolicLink()) followLink(abs, rel, tree, ancestors);
    else tree.notFiles.set(rel, special(entry));
  }
}

function followLink(abs: string, rel: string, tree: Tree, ancestors: Ancestors): void {
  let target: Stats | undefined;
  try {
    target = statSync(abs, { throwIfNoEntry: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOOP') throw error;
    tree.notFiles.set(rel, 'a symbolic link that loops');
    return;
  }
  if (target === undefined) tree.notFiles.set(rel, 'a broken symbolic link');
  else if (target.isFile()) tree.files.push(rel);
  else if (target.isDirectory()) enter(abs, rel, tree, ancestors);
  else tree.notFiles.set(rel, `a symbolic link to ${special(target)}`);
}

function enter(abs: string, rel: string, tree: Tree, ancestors: Ancestors): void {
  tree.notFiles.set(rel, 'a folder');
  const key = folderKey(statSync(abs));
  if (ancestors.has(key)) return;
  ancestors.add(key);
  walk(abs, rel, tree, ancestors);
  ancestors.delete(key);
}

/** What a name that is neither file, folder nor link is. */
function special(entry: Dirent | Stats): string {
  if (entry.isFIFO()) return 'a FIFO (named pipe)';
  if (entry.isSocket()) return 'a socket';
  if (entry.isCharacterDevice() || entry.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

function folderKey(info: { dev: number; ino: number }): string {
  return `${info.dev}:${info.ino}`;
}
