import fg from 'fast-glob';
import { stat } from 'node:fs/promises';
import { YwError } from '../errors.js';

/**
 * Every file under `root` (relative paths with `/`, sorted by code unit so the order is the same on
 * every machine and locale). Hidden files and folders (.git, .DS_Store, .cache) are skipped.
 */
export async function listFiles(root: string): Promise<string[]> {
  const info = await stat(root).catch(() => undefined);
  if (!info) {
    throw new YwError('ROOT_NOT_FOUND', `dataset folder not found: ${root}`, { file: root, hint: 'check the path' });
  }
  if (!info.isDirectory()) {
    throw new YwError('ROOT_NOT_A_FOLDER', `${root} is not a folder`, { file: root, hint: 'pass the dataset root folder' });
  }
  const files = await fg('**/*', { cwd: root, onlyFiles: true, dot: false, followSymbolicLinks: true });
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
